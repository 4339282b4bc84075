// The one rule of who is inside an `oa:assigneeFrom` source (approvers from the model): the check
// of a named person (CallerAuthority), the list a picker offers (EligiblePeople) and the check of a
// chosen next handler all answer through `inSource`, so they cannot disagree.
import type { EligibleSource } from '@liuzhuan/engine';
import type { EntityManager } from 'typeorm';
import type { OrgRepository, UserEntity, UserRepository } from '../org/org.api';

/** Organization kinds whose head (role `leader`) is an `org-heads` source: 单位/部门负责人, not the city's own leaders. */
const HEADED_KINDS = new Set(['office', 'department', 'county']);

export interface OrgFact {
  parentId: string | null;
  code: string;
  kind: string;
  name: string;
  shortName: string | null;
  sortOrder: number;
}

/** What the rule needs to know of the users it looks at: their roles, groups, and the organization tree. */
export interface Facts {
  roles: Map<string, string[]>;
  groups: Map<string, string[]>;
  orgs: Map<string, OrgFact>;
}

/** The initiator's organization, for `initiator-org`. */
export interface SourceContext {
  initiatorOrgId: string | null;
}

/** Reads the facts of these users, on the transaction's manager when one is given. */
export async function loadFacts(
  users: UserEntity[],
  repos: { users: UserRepository; orgs: OrgRepository },
  m?: EntityManager,
): Promise<Facts> {
  const ids = users.map((u) => u.id);
  const [roles, groups, orgs] = await Promise.all([repos.users.rolesOf(ids, m), repos.users.groupsOf(ids, m), repos.orgs.list(m)]);
  return {
    roles,
    groups,
    orgs: new Map(
      orgs.map((o) => [
        o.id,
        { parentId: o.parentId, code: o.code, kind: o.kind as string, name: o.name, shortName: o.shortName, sortOrder: o.sortOrder },
      ]),
    ),
  };
}

/** Whether an enabled user is inside one of the sources. */
export function eligibleBy(sources: readonly EligibleSource[], user: UserEntity, facts: Facts, context: SourceContext): boolean {
  return user.enabled && sources.some((s) => inSource(s, user, facts, context));
}

function inSource(source: EligibleSource, user: UserEntity, facts: Facts, context: SourceContext): boolean {
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
      return context.initiatorOrgId !== null && within(user.orgId, facts, (id) => id === context.initiatorOrgId);
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
