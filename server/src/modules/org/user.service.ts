import { Injectable } from '@nestjs/common';
import type { CreateUser, Role, UpdateUser, User, UserList, UserQuery } from '@liuzhuan/contracts';
import type { EntityManager } from 'typeorm';
import { TransactionRunner } from '../../platform/database/transaction-runner';
import { hashPassword, isStrongPassword } from '../../platform/crypto/password';
import { OrgErrors } from './org.errors';
import { newUser } from './new-user';
import { OrgRepository } from './org.repository';
import { pinyinKeys } from './pinyin';
import { UserChanges } from './user-changes';
import { UserEntity } from './user.entity';
import { UserRepository } from './user.repository';

/** 三员分立: no one may hold two of the three administrator roles. */
const SEPARATED_ROLES: readonly Role[] = ['system_admin', 'security_admin', 'auditor'];

@Injectable()
export class UserService {
  constructor(
    private readonly users: UserRepository,
    private readonly orgs: OrgRepository,
    private readonly tx: TransactionRunner,
    private readonly changes: UserChanges,
  ) {}

  async search(query: UserQuery): Promise<UserList> {
    const { items, total } = await this.users.search(query);
    return { items: await this.toUsers(items), total };
  }

  async get(id: string, manager?: EntityManager): Promise<User> {
    const user = await this.users.findById(id, manager);
    if (!user) throw OrgErrors.userNotFound(id);
    return (await this.toUsers([user], manager))[0];
  }

  async create(input: CreateUser): Promise<User> {
    if (!isStrongPassword(input.password)) throw OrgErrors.passwordTooWeak();
    const passwordHash = await hashPassword(input.password);
    return this.tx.run(async ({ manager: m }) => {
      // usernames are never reused: disabled users keep theirs, and nothing deletes a user
      if (await this.users.findByUsername(input.username, m)) throw OrgErrors.usernameTaken(input.username);
      await this.assertOrgAndGroups(input.orgId, input.groups, m);
      const now = new Date();
      const user = newUser(
        { username: input.username, displayName: input.displayName, orgId: input.orgId, position: input.position ?? null, passwordHash },
        now,
      );
      await this.users.insert(user, m);
      await this.users.replaceGroups(user.id, input.groups, m);
      return this.get(user.id, m);
    });
  }

  async update(id: string, patch: UpdateUser): Promise<User> {
    if (patch.password !== undefined && !isStrongPassword(patch.password)) {
      throw OrgErrors.passwordTooWeak();
    }
    const passwordHash = patch.password === undefined ? undefined : await hashPassword(patch.password);
    return this.announced(id, async (m) => {
      const user = await this.users.findById(id, m);
      if (!user) throw OrgErrors.userNotFound(id);
      await this.assertOrgAndGroups(patch.orgId ?? user.orgId, patch.groups ?? [], m);
      const changes: Partial<UserEntity> = { updatedAt: new Date() };
      if (patch.displayName !== undefined) Object.assign(changes, { displayName: patch.displayName }, pinyinKeys(patch.displayName));
      if (patch.orgId !== undefined) changes.orgId = patch.orgId;
      if (patch.position !== undefined) changes.position = patch.position;
      if (passwordHash) Object.assign(changes, { passwordHash, failedLogins: 0, lockedUntil: null });
      await this.users.update(id, changes, m);
      if (patch.groups) await this.users.replaceGroups(id, patch.groups, m);
      return this.get(id, m);
    });
  }

  /** A disabled user cannot sign in; the session check refuses their open sessions at once. */
  async setEnabled(id: string, enabled: boolean): Promise<User> {
    return this.announced(id, async (m) => {
      if (!(await this.users.findById(id, m))) throw OrgErrors.userNotFound(id);
      await this.users.update(id, { enabled, failedLogins: 0, lockedUntil: null, updatedAt: new Date() }, m);
      return this.get(id, m);
    });
  }

  async setRoles(id: string, roles: Role[]): Promise<User> {
    const unique = [...new Set(roles)].sort();
    if (unique.filter((r) => SEPARATED_ROLES.includes(r)).length > 1) {
      throw OrgErrors.roleSeparation();
    }
    return this.announced(id, async (m) => {
      if (!(await this.users.findById(id, m))) throw OrgErrors.userNotFound(id);
      await this.users.replaceRoles(id, unique, m);
      await this.users.update(id, { updatedAt: new Date() }, m);
      return this.get(id, m);
    });
  }

  /** A change to an existing user, in one transaction; once committed, the session cache hears of it. */
  private async announced<T>(id: string, work: (m: EntityManager) => Promise<T>): Promise<T> {
    const result = await this.tx.run(({ manager }) => work(manager));
    this.changes.changed(id);
    return result;
  }

  private async assertOrgAndGroups(orgId: string, groups: string[], m: EntityManager): Promise<void> {
    if (!(await this.orgs.findById(orgId, m))) throw OrgErrors.orgNotFound(orgId);
    const existing = await this.users.existingGroups(groups, m);
    const missing = groups.filter((g) => !existing.has(g));
    if (missing.length) throw OrgErrors.groupsNotFound(missing);
  }

  private async toUsers(entities: UserEntity[], manager?: EntityManager): Promise<User[]> {
    const ids = entities.map((u) => u.id);
    const [roles, groups] = await Promise.all([this.users.rolesOf(ids, manager), this.users.groupsOf(ids, manager)]);
    return entities.map((u) => ({
      id: u.id,
      username: u.username,
      displayName: u.displayName,
      pinyin: u.pinyin,
      initials: u.initials,
      orgId: u.orgId,
      position: u.position,
      roles: roles.get(u.id) ?? [],
      groups: groups.get(u.id) ?? [],
      enabled: u.enabled,
      clearance: (u.clearance ?? 'none') as User['clearance'],
    }));
  }
}
