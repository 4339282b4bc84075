import { Injectable } from '@nestjs/common';
import type { CreatedUser, CreateUser, GroupList, Role, SessionUser, UpdateUser, User, UserList, UserQuery } from '@liuzhuan/contracts';
import type { EntityManager } from 'typeorm';
import { TransactionRunner, type Tx } from '../../platform/database/transaction-runner';
import { hashPassword } from '../../platform/crypto/password';
import { type AuditContext, type AuditEventInput, AuditTrail } from '../audit/audit.api';
import { generatePassword } from '../auth/auth.api';
import { OrgErrors } from './org.errors';
import { newUser } from './new-user';
import { OrgRepository } from './org.repository';
import { pinyinKeys } from './pinyin';
import { UserChanges } from './user-changes';
import { UserEntity } from './user.entity';
import { UserRepository } from './user.repository';

/** 三员分立: no one may hold two of the three administrator roles, and each keeps one enabled holder. */
export const SEPARATED_ROLES: readonly Role[] = ['system_admin', 'security_admin', 'auditor'];

/**
 * Users, under 三员分立 (docs/security.md): the system admin creates, changes, disables and
 * enables accounts; the security admin sets roles and groups (approval authority), never their
 * own. Which role may call what is on the controller; the rules about whom are here.
 */
@Injectable()
export class UserService {
  constructor(
    private readonly users: UserRepository,
    private readonly orgs: OrgRepository,
    private readonly tx: TransactionRunner,
    private readonly changes: UserChanges,
    private readonly trail: AuditTrail,
  ) {}

  /** The groups by their names: not sensitive (who is in them is), so any signed-in user reads them. */
  async groups(): Promise<GroupList> {
    return (await this.users.listGroups()).map((g) => ({ id: g.code, name: g.name }));
  }

  async search(query: UserQuery): Promise<UserList> {
    const { items, total } = await this.users.search(query);
    return { items: await this.toUsers(items), total };
  }

  async get(id: string, manager?: EntityManager): Promise<User> {
    const user = await this.users.findById(id, manager);
    if (!user) throw OrgErrors.userNotFound(id);
    return (await this.toUsers([user], manager))[0];
  }

  /** A new account with a generated one-time password, answered this once; it must be changed at the first sign-in. */
  async create(input: CreateUser, audit: AuditContext): Promise<CreatedUser> {
    const initialPassword = generatePassword(input.username);
    const passwordHash = await hashPassword(initialPassword);
    const { username, displayName, orgId } = input;
    const event = {
      type: 'user.create',
      targetType: 'user',
      details: { username, displayName, orgId, position: input.position ?? null },
    } as const;
    const user = await this.trail.failureRecorded(audit, event, () =>
      this.tx.run(async (tx) => {
        const m = tx.manager;
        // usernames are never reused: disabled users keep theirs, and nothing deletes a user
        if (await this.users.findByUsername(input.username, m)) throw OrgErrors.usernameTaken(input.username);
        await this.assertOrgAndGroups(input.orgId, [], m);
        const row = newUser(
          {
            username: input.username,
            displayName: input.displayName,
            orgId: input.orgId,
            position: input.position ?? null,
            passwordHash,
            mustChangePassword: true,
          },
          new Date(),
        );
        await this.users.insert(row, m);
        this.trail.record(tx, audit, { ...event, targetId: row.id });
        return this.get(row.id, m);
      }),
    );
    return { ...user, initialPassword };
  }

  /** Name, organization, position: the system admin's part of an account. */
  async update(id: string, patch: UpdateUser, audit: AuditContext): Promise<User> {
    return this.announced(id, audit, { type: 'user.update', details: { ...patch } }, async (m) => {
      const user = await this.users.findById(id, m);
      if (!user) throw OrgErrors.userNotFound(id);
      await this.assertOrgAndGroups(patch.orgId ?? user.orgId, [], m);
      const changes: Partial<UserEntity> = { updatedAt: new Date() };
      if (patch.displayName !== undefined) Object.assign(changes, { displayName: patch.displayName }, pinyinKeys(patch.displayName));
      if (patch.orgId !== undefined) changes.orgId = patch.orgId;
      if (patch.position !== undefined) changes.position = patch.position;
      await this.users.update(id, changes, m);
      const fields = ['displayName', 'orgId', 'position'] as const;
      const changed = fields.filter((f) => patch[f] !== undefined && patch[f] !== user[f]);
      const pick = (from: Partial<UserEntity>) => Object.fromEntries(changed.map((f) => [f, from[f] ?? null]));
      return { result: await this.get(id, m), details: { username: user.username, before: pick(user), after: pick(changes) } };
    });
  }

  /**
   * A disabled user cannot sign in; the session check refuses their open sessions at once.
   * Nobody disables themselves, nor the last enabled holder of an administrator role.
   */
  async setEnabled(id: string, enabled: boolean, actor: SessionUser, audit: AuditContext): Promise<User> {
    return this.announced(id, audit, { type: enabled ? 'user.enable' : 'user.disable' }, async (m) => {
      if (id === actor.id) throw OrgErrors.selfAdministration();
      const user = await this.users.findById(id, m);
      if (!user) throw OrgErrors.userNotFound(id);
      if (!enabled) {
        const held = (await this.users.rolesOf([id], m)).get(id) ?? [];
        await this.assertOthersHold(held, id, m);
      }
      const now = new Date();
      await this.users.update(id, { enabled, failedLogins: 0, lockedUntil: null, loginWindowStart: null, updatedAt: now }, m);
      // a disabled user's sessions end for good (enabling again does not revive them)
      if (!enabled) await this.changes.endSessions(id, now, m);
      return { result: await this.get(id, m), details: { username: user.username, wasEnabled: Boolean(user.enabled) } };
    });
  }

  /** The security admin's: never their own, never two of the three admin roles, never the last holder's admin role. */
  async setRoles(id: string, roles: Role[], actor: SessionUser, audit: AuditContext): Promise<User> {
    const unique = [...new Set(roles)].sort();
    return this.announced(id, audit, { type: 'user.roles.change', details: { after: unique } }, async (m) => {
      if (id === actor.id) throw OrgErrors.selfAdministration();
      if (unique.filter((r) => SEPARATED_ROLES.includes(r)).length > 1) throw OrgErrors.roleSeparation();
      const user = await this.users.findById(id, m);
      if (!user) throw OrgErrors.userNotFound(id);
      const before = [...((await this.users.rolesOf([id], m)).get(id) ?? [])].sort();
      const removed = before.filter((r) => !unique.includes(r));
      if (user.enabled) await this.assertOthersHold(removed, id, m);
      await this.users.replaceRoles(id, unique, m);
      const now = new Date();
      await this.users.update(id, { updatedAt: now }, m);
      // other roles, other rights: the user signs in again (docs/security.md)
      if (before.join() !== unique.join()) await this.changes.endSessions(id, now, m);
      return { result: await this.get(id, m), details: { username: user.username, ...changeOf(before, unique) } };
    });
  }

  /** Group membership is approval authority (批示, 签发, 会签): the security admin's, never their own. */
  async setGroups(id: string, groups: string[], actor: SessionUser, audit: AuditContext): Promise<User> {
    const unique = [...new Set(groups)].sort();
    return this.announced(id, audit, { type: 'user.groups.change', details: { after: unique } }, async (m) => {
      if (id === actor.id) throw OrgErrors.selfAdministration();
      const user = await this.users.findById(id, m);
      if (!user) throw OrgErrors.userNotFound(id);
      await this.assertOrgAndGroups(user.orgId, unique, m);
      const before = [...((await this.users.groupsOf([id], m)).get(id) ?? [])].sort();
      await this.users.replaceGroups(id, unique, m);
      await this.users.update(id, { updatedAt: new Date() }, m);
      return { result: await this.get(id, m), details: { username: user.username, ...changeOf(before, unique) } };
    });
  }

  /**
   * A change to an existing user, in one transaction with its audit event (`event`, completed by
   * the details `work` gives back); once committed, the session cache hears of it. A refusal is
   * recorded as a failure of the same event (a 403 as `access.denied`).
   */
  private async announced<T>(
    id: string,
    audit: AuditContext,
    event: Omit<AuditEventInput, 'targetType' | 'targetId'>,
    work: (m: EntityManager) => Promise<{ result: T; details: Record<string, unknown> }>,
  ): Promise<T> {
    const recorded = { ...event, targetType: 'user', targetId: id };
    const result = await this.trail.failureRecorded(audit, recorded, () =>
      this.tx.run(async (tx: Tx) => {
        const done = await work(tx.manager);
        this.trail.record(tx, audit, { ...recorded, details: done.details });
        return done.result;
      }),
    );
    this.changes.changed(id);
    return result;
  }

  /** Each of these administrator roles keeps an enabled holder besides `id`. */
  private async assertOthersHold(roles: Role[], id: string, m: EntityManager): Promise<void> {
    for (const role of roles.filter((r) => SEPARATED_ROLES.includes(r))) {
      if ((await this.users.countEnabledWithRole(role, id, m)) === 0) throw OrgErrors.lastAdmin(role);
    }
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
      mustChangePassword: Boolean(u.mustChangePassword),
      lockedUntil: u.lockedUntil && u.lockedUntil.getTime() > Date.now() ? u.lockedUntil.toISOString() : null,
      clearance: (u.clearance ?? 'none') as User['clearance'],
    }));
  }
}

/** A list before and after a change, with what was added and removed (roles, groups). */
function changeOf(before: readonly string[], after: readonly string[]): Record<string, string[]> {
  return {
    before: [...before],
    after: [...after],
    added: after.filter((x) => !before.includes(x)),
    removed: before.filter((x) => !after.includes(x)),
  };
}
