import type { DocumentHandling, ProcessingStep } from '@liuzhuan/contracts';

/** An organization as the handling names it: by id or by code (the 批示 form and the API take both). */
export interface NamedOrg {
  id: string;
  code: string;
  name: string;
}

/**
 * 主办/协办 and 签发人 of a document: the departments the process decides on now (`leadDept`,
 * `assistDepts`: set at registration, changed by the 批示), else the registration's; the 签发人 is
 * whoever completed the last 签发 (a step with a `signOff` opinion, or the `signOff` element).
 * The 签发人 and 会签 heads chosen at 拟稿 (`issuer`, `countersigners`) come with them, each head
 * with their organization (会签单位) from `userOrgs` (username → org id).
 */
export function handlingOf(
  variables: Record<string, unknown>,
  registered: { leadDept: string | null; assistDepts: string[] } | null,
  steps: readonly ProcessingStep[],
  orgs: readonly NamedOrg[],
  officeId: string,
  userOrgs: ReadonlyMap<string, string> = new Map(),
): DocumentHandling {
  const byKey = new Map<string, NamedOrg>();
  for (const o of orgs) byKey.set(o.id, o).set(o.code, o);
  const org = (key: unknown) => {
    if (typeof key !== 'string' || !key) return null;
    const found = byKey.get(key.startsWith('head:') ? key.slice(5) : key);
    return found ? { id: found.id, name: found.name } : { id: key, name: key };
  };
  const lead = org(variables['leadDept'] ?? registered?.leadDept);
  const assist = Array.isArray(variables['assistDepts']) ? (variables['assistDepts'] as unknown[]) : (registered?.assistDepts ?? []);
  const signOff = steps
    .filter((s) => s.status === 'completed' && s.completedBy && (s.step === 'signOff' || s.opinions.some((o) => o.kind === 'signOff')))
    .at(-1);
  const signedOpinion = signOff?.opinions.filter((o) => o.author === signOff.completedBy).at(-1);
  const issuer = typeof variables['issuer'] === 'string' && variables['issuer'] ? variables['issuer'] : null;
  const countersigners = Array.isArray(variables['countersigners'])
    ? (variables['countersigners'] as unknown[]).filter((u): u is string => typeof u === 'string' && !!u)
    : [];
  return {
    issuer,
    countersigners: countersigners.map((username) => ({ username, org: org(userOrgs.get(username)) })),
    office: orgs.find((o) => o.id === officeId)?.name ?? '',
    leadDept: lead,
    assistDepts: assist.map(org).filter((o): o is { id: string; name: string } => o !== null),
    signedOff:
      signOff && signOff.completedBy
        ? { by: signOff.completedBy, onBehalfOf: signedOpinion?.onBehalfOf ?? null, at: signOff.completedAt ?? signOff.createdAt }
        : null,
  };
}
