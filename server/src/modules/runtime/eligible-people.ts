import { Injectable } from '@nestjs/common';
import type { EligibleOrg, EligibleStep, NextAssignees } from '@liuzhuan/contracts';
import { eligibilityRules, formatEligibleSource, type EligibleSource, type ExecutableProcess, pickSources } from '@liuzhuan/engine';
import type { EntityManager } from 'typeorm';
import { OrgRepository, pinyinKeys, UserRepository } from '../org/org.api';
import { eligibleBy, type Facts, loadFacts } from './eligibility-facts';
import type { Naming } from './caller-authority';
import { AuthorityErrors, EligibilityErrors } from './runtime.errors';

/**
 * Who a step may go to, by the model's one rule (eligibility-facts.ts): the list a picker offers
 * (签发人, 会签人, 选择下一步办理人) and the check of a chosen next handler. The caller and the
 * initiator are never offered and never accepted (the self-approval rule).
 */
@Injectable()
export class EligiblePeople {
  constructor(
    private readonly users: UserRepository,
    private readonly orgs: OrgRepository,
  ) {}

  /** The step a form field names (`issuer` → signOff) or the element itself; 404 when the model has neither. */
  stepOf(process: ExecutableProcess, by: { field?: string; element?: string }): { elementId: string; variable: string | null } {
    if (by.field) {
      const rule = eligibilityRules(process).find((r) => r.variables.includes(by.field as string));
      if (!rule) throw EligibilityErrors.stepUnknown(by.field);
      return { elementId: rule.elementId, variable: by.field };
    }
    const elementId = by.element as string;
    if (!process.nodes[elementId]) throw EligibilityErrors.stepUnknown(elementId);
    const rule = eligibilityRules(process).find((r) => r.elementId === elementId);
    return { elementId, variable: rule?.variables[0] ?? null };
  }

  /** The eligible people of one step with their organizations (the picker's tree), or 422 when nobody is chosen there. */
  async list(process: ExecutableProcess, step: { elementId: string; variable: string | null }, naming: Naming): Promise<EligibleStep> {
    const node = process.nodes[step.elementId];
    const rule = eligibilityRules(process).find((r) => r.elementId === step.elementId);
    const sources = rule?.sources ?? pickSources(process, step.elementId);
    if (!node || !sources) throw EligibilityErrors.notPickable(step.elementId, node?.name ?? null);
    const all = await this.users.listEnabled();
    const facts = await loadFacts(all, { users: this.users, orgs: this.orgs });
    const people = all.filter(
      (u) => u.username !== naming.actor && u.username !== naming.initiator && eligibleBy(sources, u, facts, naming),
    );
    return {
      elementId: step.elementId,
      name: node.name,
      variable: step.variable,
      multiple: !!node.loop,
      sources: sources.map(formatEligibleSource),
      people: people.map((u) => ({
        username: u.username,
        displayName: u.displayName,
        pinyin: u.pinyin,
        initials: u.initials,
        position: u.position,
        orgId: u.orgId,
      })),
      orgs: orgTree(new Set(people.map((u) => u.orgId)), facts),
    };
  }

  /**
   * 选择下一步办理人: every chosen person must be eligible for a step a group holds, and neither
   * the caller nor the initiator; checked before anything is written (on the transaction's manager).
   */
  async checkPicks(process: ExecutableProcess, picks: NextAssignees, naming: Naming, m: EntityManager): Promise<void> {
    const wanted: { elementId: string; name: string | null; sources: EligibleSource[]; usernames: string[] }[] = [];
    for (const [elementId, usernames] of Object.entries(picks)) {
      const sources = pickSources(process, elementId);
      if (!sources) throw EligibilityErrors.notPickable(elementId, process.nodes[elementId]?.name ?? null);
      wanted.push({ elementId, name: process.nodes[elementId]?.name ?? null, sources, usernames });
    }
    const found = new Map(
      (await this.users.findByUsernames([...new Set(wanted.flatMap((w) => w.usernames))], m)).map((u) => [u.username, u]),
    );
    const facts = await loadFacts([...found.values()], { users: this.users, orgs: this.orgs }, m);
    for (const { elementId, name, sources, usernames } of wanted) {
      for (const username of usernames) {
        const user = found.get(username);
        const person = { username, displayName: user?.displayName ?? null };
        if (username === naming.actor || username === naming.initiator)
          throw AuthorityErrors.selfApproval(person, { elementId, name }, 'nextAssignees');
        if (!user || !eligibleBy(sources, user, facts, naming))
          throw AuthorityErrors.notEligible(person, { elementId, name }, 'nextAssignees');
      }
    }
  }
}

/** The organizations of the people and every one above them, in tree order, with their search keys. */
function orgTree(ids: Set<string>, facts: Facts): EligibleOrg[] {
  const wanted = new Set<string>();
  for (const id of ids) {
    for (let at: string | null = id; at && !wanted.has(at); at = facts.orgs.get(at)?.parentId ?? null) wanted.add(at);
  }
  return [...wanted]
    .map((id) => ({ id, org: facts.orgs.get(id) }))
    .filter((o): o is { id: string; org: NonNullable<typeof o.org> } => !!o.org)
    .map(({ id, org }) => ({
      id,
      parentId: org.parentId,
      code: org.code,
      name: org.name,
      shortName: org.shortName,
      kind: org.kind,
      sortOrder: org.sortOrder,
      keys: searchKeys([org.name, org.shortName, org.code]),
    }))
    .sort((a, b) => a.sortOrder - b.sortOrder || a.code.localeCompare(b.code));
}

/** Full pinyin and initials of each name, for a picker that matches 「zjj」 inside 市住建局 (szjj). */
function searchKeys(names: (string | null)[]): string {
  const keys: string[] = [];
  for (const name of names) {
    if (!name) continue;
    const { pinyin, initials } = pinyinKeys(name);
    keys.push(pinyin, initials, name.toLowerCase());
  }
  return [...new Set(keys)].join(' ');
}
