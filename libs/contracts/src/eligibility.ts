import * as z from 'zod';
import type { ApiRoute } from './api-route';

/**
 * 选择下一步办理人 and the 签发人/会签人 pickers: the people a step may go to, by the model's one
 * rule (`oa:assigneeFrom`, else the step's candidate groups; docs/security.md). Each person comes
 * with the search keys a picker matches on (full pinyin, initials, Chinese name) and their
 * organization with its name, short name and their pinyin, so 「住建」 and 「zjj」 find 市住房和城乡建设局.
 */
export const EligiblePersonSchema = z
  .object({
    username: z.string(),
    displayName: z.string(),
    pinyin: z.string(),
    initials: z.string(),
    position: z.string().nullable(),
    orgId: z.string(),
  })
  .meta({ id: 'EligiblePerson' });
export type EligiblePerson = z.infer<typeof EligiblePersonSchema>;

/** An organization of the eligible people, with its search keys (name and short name, pinyin and initials). */
export const EligibleOrgSchema = z
  .object({
    id: z.string(),
    parentId: z.string().nullable(),
    code: z.string(),
    name: z.string(),
    shortName: z.string().nullable(),
    kind: z.string(),
    sortOrder: z.number().int(),
    /** full pinyin and initials of the name and of the short name, space-separated */
    keys: z.string(),
  })
  .meta({ id: 'EligibleOrg' });
export type EligibleOrg = z.infer<typeof EligibleOrgSchema>;

export const EligibleStepSchema = z
  .object({
    elementId: z.string(),
    name: z.string().nullable(),
    /** the process variable that names the step's people (`issuer`, `countersigners`), when there is one */
    variable: z.string().nullable(),
    /** one person (`issuer`) or a list of them (`countersigners`, a multi-instance step) */
    multiple: z.boolean(),
    /** the sources as written in the model (`group:city-leaders`, `org-heads`) */
    sources: z.array(z.string()),
    /** eligible people, without the caller and the initiator (the self-approval rule) */
    people: z.array(EligiblePersonSchema),
    /** the organizations those people belong to and the ones above them (the org tree of the picker) */
    orgs: z.array(EligibleOrgSchema),
  })
  .meta({ id: 'EligibleStep' });
export type EligibleStep = z.infer<typeof EligibleStepSchema>;

export const NextStepListSchema = z.object({ items: z.array(EligibleStepSchema) }).meta({ id: 'NextStepList' });
export type NextStepList = z.infer<typeof NextStepListSchema>;

/** Which step: by the variable a form sets (`field=issuer`) or by the element (`element=signOff`). */
export const EligibleQuerySchema = z
  .object({
    field: z.string().max(64).optional(),
    element: z.string().max(128).optional(),
  })
  .strict()
  .refine((q) => !!q.field !== !!q.element, 'name either field or element');
export type EligibleQuery = z.infer<typeof EligibleQuerySchema>;

/** The same for a process not started yet (the 发文 form before its 拟稿 task exists). */
export const DefinitionEligibleQuerySchema = z
  .object({
    definitionKey: z.string().max(128),
    field: z.string().max(64).optional(),
    element: z.string().max(128).optional(),
  })
  .strict()
  .refine((q) => !!q.field !== !!q.element, 'name either field or element');
export type DefinitionEligibleQuery = z.infer<typeof DefinitionEligibleQuerySchema>;

/**
 * 选择下一步办理人 on completion: element id of a step this completion opens → the usernames
 * chosen among its eligible people. One person gets the task; several share it as its candidates
 * (first to 签收 takes it). A step left out stays with its group.
 */
export const NextAssigneesSchema = z
  .record(z.string().regex(/^[A-Za-z_][\w.-]{0,127}$/), z.array(z.string().min(1).max(32)).min(1).max(50))
  .refine((v) => Object.keys(v).length <= 20, 'at most 20 steps');
export type NextAssignees = z.infer<typeof NextAssigneesSchema>;

export const ELIGIBILITY_ROUTES = [
  {
    method: 'GET',
    path: '/tasks/:id/eligible',
    tag: 'tasks',
    summary: 'The people a step of this task’s process may go to (oa:assigneeFrom or its groups)',
    query: EligibleQuerySchema,
    responses: { 200: EligibleStepSchema },
  },
  {
    method: 'GET',
    path: '/tasks/:id/next-steps',
    tag: 'tasks',
    summary: '选择下一步办理人: the group-held steps completing this task can open, with their eligible people',
    responses: { 200: NextStepListSchema },
  },
  {
    method: 'GET',
    path: '/eligible',
    tag: 'tasks',
    summary: 'The people a step of the latest deployed process may go to, before an instance exists',
    query: DefinitionEligibleQuerySchema,
    responses: { 200: EligibleStepSchema },
  },
] as const satisfies readonly ApiRoute[];
