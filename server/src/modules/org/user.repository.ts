import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Role, UserQuery } from '@liuzhuan/contracts';
import { DataSource, type EntityManager, In } from 'typeorm';
import { likeEscape } from './pinyin';
import { GroupEntity, GroupMemberEntity, UserEntity, UserRoleEntity } from './user.entity';

@Injectable()
export class UserRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private m(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  findById(id: string, manager?: EntityManager): Promise<UserEntity | null> {
    return this.m(manager).findOneBy(UserEntity, { id });
  }

  async findByIds(ids: string[], manager?: EntityManager): Promise<UserEntity[]> {
    if (!ids.length) return [];
    return this.m(manager).findBy(UserEntity, { id: In(ids) });
  }

  findByUsername(username: string, manager?: EntityManager): Promise<UserEntity | null> {
    return this.m(manager).findOneBy(UserEntity, { username });
  }

  async findByUsernames(usernames: string[], manager?: EntityManager): Promise<UserEntity[]> {
    if (!usernames.length) return [];
    return this.m(manager).findBy(UserEntity, { username: In(usernames) });
  }

  /** Every enabled user (the pool an eligibility rule filters; a city government has a few thousand at most). */
  listEnabled(manager?: EntityManager): Promise<UserEntity[]> {
    return this.m(manager).find(UserEntity, { where: { enabled: true }, order: { username: 'ASC' }, take: 20_000 });
  }

  /** Matches Chinese names, usernames, full pinyin and initials (zxm → 张晓明). */
  async search(query: UserQuery): Promise<{ items: UserEntity[]; total: number }> {
    const qb = this.dataSource.manager.createQueryBuilder(UserEntity, 'u');
    if (query.q) {
      const raw = query.q.trim().toLowerCase();
      const like = `%${likeEscape(raw)}%`;
      const prefix = `${likeEscape(raw.replace(/\s+/g, ''))}%`;
      qb.andWhere(
        `(u.display_name LIKE :like ESCAPE '!' OR u.username LIKE :like ESCAPE '!' OR u.pinyin LIKE :prefix ESCAPE '!' OR u.initials LIKE :prefix ESCAPE '!')`,
        { like, prefix },
      );
    }
    if (query.orgId) qb.andWhere('u.org_id = :orgId', { orgId: query.orgId });
    if (query.role) qb.andWhere('u.id IN (SELECT r.user_id FROM user_role r WHERE r.role = :role)', { role: query.role });
    qb.orderBy('u.initials', 'ASC').addOrderBy('u.username', 'ASC').skip(query.offset).take(query.limit);
    const [items, total] = await qb.getManyAndCount();
    return { items, total };
  }

  async rolesOf(userIds: string[], manager?: EntityManager): Promise<Map<string, Role[]>> {
    const map = new Map<string, Role[]>(userIds.map((id) => [id, []]));
    if (!userIds.length) return map;
    for (const r of await this.m(manager).findBy(UserRoleEntity, { userId: In(userIds) })) map.get(r.userId)?.push(r.role);
    for (const roles of map.values()) roles.sort();
    return map;
  }

  async groupsOf(userIds: string[], manager?: EntityManager): Promise<Map<string, string[]>> {
    const map = new Map<string, string[]>(userIds.map((id) => [id, []]));
    if (!userIds.length) return map;
    for (const g of await this.m(manager).findBy(GroupMemberEntity, { userId: In(userIds) })) map.get(g.userId)?.push(g.groupCode);
    for (const groups of map.values()) groups.sort();
    return map;
  }

  /** Enabled users holding `role` in one organization, by username (org-role task assignment). */
  async withRoleIn(orgId: string, role: Role, manager?: EntityManager): Promise<UserEntity[]> {
    return this.m(manager)
      .createQueryBuilder(UserEntity, 'u')
      .where('u.org_id = :orgId AND u.enabled = :enabled', { orgId, enabled: true })
      .andWhere('u.id IN (SELECT r.user_id FROM user_role r WHERE r.role = :role)', { role })
      .orderBy('u.username', 'ASC')
      .getMany();
  }

  /** How many enabled users other than `exceptId` hold `role` (the last-admin rule). */
  async countEnabledWithRole(role: Role, exceptId: string, manager: EntityManager): Promise<number> {
    return manager
      .createQueryBuilder(UserEntity, 'u')
      .where('u.enabled = :enabled AND u.id <> :exceptId', { enabled: true, exceptId })
      .andWhere('u.id IN (SELECT r.user_id FROM user_role r WHERE r.role = :role)', { role })
      .getCount();
  }

  /** Every group, by code (a city has a few dozen). */
  listGroups(manager?: EntityManager): Promise<GroupEntity[]> {
    return this.m(manager).find(GroupEntity, { order: { code: 'ASC' } });
  }

  async existingGroups(codes: string[], manager?: EntityManager): Promise<Set<string>> {
    if (!codes.length) return new Set();
    return new Set((await this.m(manager).findBy(GroupEntity, { code: In(codes) })).map((g) => g.code));
  }

  async insert(user: UserEntity, manager: EntityManager): Promise<void> {
    await manager.insert(UserEntity, user);
  }

  async update(id: string, patch: Partial<UserEntity>, manager?: EntityManager): Promise<void> {
    await this.m(manager).update(UserEntity, { id }, patch);
  }

  async replaceRoles(userId: string, roles: Role[], manager: EntityManager): Promise<void> {
    await manager.delete(UserRoleEntity, { userId });
    if (roles.length)
      await manager.insert(
        UserRoleEntity,
        roles.map((role) => ({ userId, role })),
      );
  }

  async replaceGroups(userId: string, groups: string[], manager: EntityManager): Promise<void> {
    await manager.delete(GroupMemberEntity, { userId });
    if (groups.length)
      await manager.insert(
        GroupMemberEntity,
        groups.map((groupCode) => ({ userId, groupCode })),
      );
  }
}
