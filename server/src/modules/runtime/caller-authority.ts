import { Injectable } from '@nestjs/common';
import { reservedVariablesIn, type SessionUser } from '@liuzhuan/contracts';
import { eligibilityRules, type EligibleSource, type ExecutableProcess } from '@liuzhuan/engine';
import type { EntityManager } from 'typeorm';
import { ProcessCache } from '../definitions/definitions.api';
import { OrgRepository, UserRepository, type UserEntity } from '../org/org.api';
import type { InstanceEntity } from './instance.entity';
import { AuthorityErrors } from './runtime.errors';

/** Organization kinds whose head (role `leader`) is an `org-heads` source: 单位/部门负责人, not the city's own leaders. */
const HEADED_KINDS = new Set(['office', 'department', 'county']);

/** Who sets the variables, for the self-approval rule: the caller and the instance's initiator. */
export interface Naming {
  actor: string;
  initiator: string | null;
  initiatorOrgId: string | null;
}

/**
 * What a caller may do with a process, as its model declares (approvers from the model, not
 * from the caller):
 * - a caller never sets a reserved variable (`initiator`, `documentId`, `direction`, `dueAt`, `_…`);
 * - a variable that names the people of a task declaring `oa:assigneeFrom` names only enabled
 *   users inside one of its sources, and neither the caller nor the initiator;
 * - a process declaring starters is started only by them; one with `oa:startVia` only by its module.
 * Each check runs before anything is written, so a refusal changes nothing.
 */
@Injectable()
export class CallerAuthority {
  constructor(
    private readonly users: UserRepository,
    private readonly orgs: OrgRepository,
    private readonly cache: ProcessCache,
  ) {}

  /** {@link checkNamed} for a variable set on a running instance (a task completion), in its transaction. */
  async checkNamedOn(instance: InstanceEntity, variables: Record<string, unknown> | null | undefined, actor: string, m: EntityManager) {
    if (!variables || !Object.keys(variables).length) return;
    const process = await this.cache.get(instance.definitionId, m);
    await this.checkNamed(process, variables, { actor, initiator: instance.initiator, initiatorOrgId: instance.initiatorOrgId }, m);
  }

  /** 422 VARIABLE_RESERVED when the variables set any reserved name. */
  refuseReserved(variables: Record<string, unknown> | null | undefined): void {
    const names = reservedVariablesIn(variables);
    if (names.length) throw AuthorityErrors.variableReserved(names);
  }

  /** 403 unless the user may start the process through POST /api/instances. */
  mayStart(process: ExecutableProcess, key: string, user: SessionUser, groups: readonly string[]): void {
    const rule = process.start;
    if (!rule) return;
    if (rule.via) throw AuthorityErrors.startElsewhere(key, rule.via);
    if (!rule.groups && !rule.users) return;
    if (rule.users?.includes(user.username)) return;
    if (rule.groups?.some((g) => groups.includes(g))) return;
    throw AuthorityErrors.startForbidden(key);
  }

  /**
   * Checks every person the variables name for a task that declares where its people come from.
   * Only the variables being set are looked at; a task without a source keeps any enabled user.
   */
  async checkNamed(process: ExecutableProcess, variables: Record<string, unknown> | null | undefined, naming: Naming, m?: EntityManager) {
    if (!variables) return;
    const named: { username: string; rule: ReturnType<typeof eligibilityRules>[number]; variable: string }[] = [];
    for (const rule of eligibilityRules(process)) {
      for (const variable of rule.variables) {
        if (!Object.prototype.hasOwnProperty.call(variables, variable)) continue;
        for (const username of usernamesIn(variables[variable])) named.push({ username, rule, variable });
      }
    }
    if (!named.length) return;
    const found = new Map(
      (
        await this.users.findByUsernames(
          [...new Set(named.map((n) => n.username))].filter((u) => u.length <= 32),
          m,
        )
      ).map((u) => [u.username, u]),
    );
    const facts = await this.factsOf([...found.values()], m);
    for (const { username, rule, variable } of named) {
      const user = found.get(username);
      const person = { username, displayName: user?.displayName ?? null };
      const step = { elementId: rule.elementId, name: rule.name };
      if (username === naming.actor || username === naming.initiator) throw AuthorityErrors.selfApproval(person, step, variable);
      if (!user || !user.enabled || !rule.sources.some((s) => inSource(s, user, facts, naming))) {
        throw AuthorityErrors.notEligible(person, step, variable);
      }
    }
  }

  private async factsOf(users: UserEntity[], m?: EntityManager): Promise<Facts> {
    const ids = users.map((u) => u.id);
    const [roles, groups, orgs] = await Promise.all([this.users.rolesOf(ids, m), this.users.groupsOf(ids, m), this.orgs.list()]);
    return { roles, groups, orgs: new Map(orgs.map((o) => [o.id, { parentId: o.parentId, code: o.code, kind: o.kind as string }])) };
  }
}

interface Facts {
  roles: Map<string, string[]>;
  groups: Map<string, string[]>;
  orgs: Map<string, { parentId: string | null; code: string; kind: string }>;
}

function inSource(source: EligibleSource, user: UserEntity, facts: Facts, naming: Naming): boolean {
  switch (source.kind) {
    case 'group':
      return (facts.groups.get(user.id) ?? []).includes(source.code);
    case 'role':
      return (facts.roles.get(user.id) ?? []).includes(source.role);
    case 'org-heads':
      return (facts.roles.get(user.id) ?? []).includes('leader') && HEADED_KINDS.has(facts.orgs.get(user.orgId)?.kind ?? '');
    case 'org':
      return within(user.orgId, facts, (id) => id === source.code || facts.orgs.get(id)?.code === source.code);
    case 'initiator-org':
      return naming.initiatorOrgId !== null && within(user.orgId, facts, (id) => id === naming.initiatorOrgId);
  }
}

/** Whether the organization or one above it matches (a user of a sub-organization is inside). */
function within(orgId: string, facts: Facts, matches: (id: string) => boolean): boolean {
  const seen = new Set<string>();
  for (let id: string | null = orgId; id && !seen.has(id); id = facts.orgs.get(id)?.parentId ?? null) {
    if (matches(id)) return true;
    seen.add(id);
  }
  return false;
}

/** A username, a list of them, or a comma-separated text; empty values name nobody (the task falls back to its groups). */
function usernamesIn(value: unknown): string[] {
  if (value === null || value === undefined) return [];
  const items = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [value];
  return items.map((v) => (typeof v === 'string' ? v.trim() : JSON.stringify(v))).filter((v) => v !== '' && v !== undefined);
}
