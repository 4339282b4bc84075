import { Injectable } from '@nestjs/common';
import { reservedVariablesIn, type SessionUser } from '@liuzhuan/contracts';
import { eligibilityRules, type ExecutableProcess } from '@liuzhuan/engine';
import type { EntityManager } from 'typeorm';
import { ProcessCache } from '../definitions/definitions.api';
import { OrgRepository, UserRepository } from '../org/org.api';
import { eligibleBy, loadFacts } from './eligibility-facts';
import type { InstanceEntity } from './instance.entity';
import { AuthorityErrors } from './runtime.errors';

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
    const facts = await loadFacts([...found.values()], { users: this.users, orgs: this.orgs }, m);
    for (const { username, rule, variable } of named) {
      const user = found.get(username);
      const person = { username, displayName: user?.displayName ?? null };
      const step = { elementId: rule.elementId, name: rule.name };
      if (username === naming.actor || username === naming.initiator) throw AuthorityErrors.selfApproval(person, step, variable);
      if (!user || !eligibleBy(rule.sources, user, facts, naming)) {
        throw AuthorityErrors.notEligible(person, step, variable);
      }
    }
  }
}

/** A username, a list of them, or a comma-separated text; empty values name nobody (the task falls back to its groups). */
function usernamesIn(value: unknown): string[] {
  if (value === null || value === undefined) return [];
  const items = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [value];
  return items.map((v) => (typeof v === 'string' ? v.trim() : JSON.stringify(v))).filter((v) => v !== '' && v !== undefined);
}
