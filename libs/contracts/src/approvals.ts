import * as z from 'zod';
import { MATTER_DISPLAY } from './matter';

/**
 * Approval operations (退回, 驳回, 撤回, 转办, 委派, 加签/减签, 代理, 催办, 抄送, admin intervention),
 * opinions (意见) and common phrases (常用语): request and response schemas.
 */

const ID = z.string().regex(/^[0-9a-z]{26}$/, 'not a valid id');
const USERNAME = z.string().min(1).max(32);
/** A reason is checked by the server (missing → 422 REASON_REQUIRED), so the schema lets it be absent. */
const REASON = z.string().max(500).optional();

export const OPINION_KINDS = [
  'approval',
  'proposal',
  'instruction',
  'countersign',
  /** 核稿意见 */
  'review',
  'signOff',
  /** 办理情况 of a 主办 or 协办 department */
  'handling',
  /** 答复内容 (the reply to the sender of a 收文 or a letter) */
  'reply',
  /** 办结说明 */
  'conclusion',
  'circled',
  'return',
  'reject',
  'note',
] as const;

/** An opinion written with an operation; `approve` feeds a countersign (会签) rule. */
export const OpinionInputSchema = z
  .object({ text: z.string().min(1).max(2000), approve: z.boolean().optional(), kind: z.enum(OPINION_KINDS).optional() })
  .strict()
  .meta({ id: 'OpinionInput' });
export type OpinionInput = z.infer<typeof OpinionInputSchema>;

export const OpinionSchema = z
  .object({
    id: z.string(),
    instanceId: z.string(),
    taskId: z.string().nullable(),
    elementId: z.string().nullable(),
    author: z.string(),
    onBehalfOf: z.string().nullable(),
    /** "B（代A）" for a deputy's opinion, else the author's name */
    authorLabel: z.string(),
    kind: z.string(),
    text: z.string(),
    approve: z.boolean().nullable(),
    documentId: z.string().nullable(),
    documentDigest: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'Opinion' });
export type Opinion = z.infer<typeof OpinionSchema>;
export const OpinionListSchema = z.object({ items: z.array(OpinionSchema) }).meta({ id: 'OpinionList' });
export type OpinionList = z.infer<typeof OpinionListSchema>;

export const RETURN_MODES = ['rerun', 'direct'] as const;
export const ReturnTaskSchema = z
  .object({
    targetElementId: z.string().min(1).max(200).optional(),
    /** back to the first task the initiator completed (退回发起人) */
    toInitiator: z.boolean().optional(),
    reason: REASON,
    mode: z.enum(RETURN_MODES).optional(),
    opinion: OpinionInputSchema.optional(),
  })
  .strict()
  .meta({ id: 'ReturnTask' });
export type ReturnTask = z.infer<typeof ReturnTaskSchema>;

export const ReturnTargetSchema = z
  .object({
    elementId: z.string(),
    name: z.string().nullable(),
    completedBy: z.string().nullable(),
    default: z.boolean(),
    initiator: z.boolean(),
  })
  .meta({ id: 'ReturnTarget' });
export const ReturnTargetListSchema = z.object({ items: z.array(ReturnTargetSchema) }).meta({ id: 'ReturnTargetList' });
export type ReturnTargetList = z.infer<typeof ReturnTargetListSchema>;

export const RejectTaskSchema = z.object({ reason: REASON, opinion: OpinionInputSchema.optional() }).strict().meta({ id: 'RejectTask' });
export type RejectTask = z.infer<typeof RejectTaskSchema>;

export const WithdrawTaskSchema = z.object({ reason: REASON }).strict().meta({ id: 'WithdrawTask' });
export type WithdrawTask = z.infer<typeof WithdrawTaskSchema>;

export const TransferTaskSchema = z.object({ username: USERNAME, reason: REASON }).strict().meta({ id: 'TransferTask' });
export type TransferTask = z.infer<typeof TransferTaskSchema>;

export const DelegateTaskSchema = z.object({ username: USERNAME, reason: REASON }).strict().meta({ id: 'DelegateTask' });
export type DelegateTask = z.infer<typeof DelegateTaskSchema>;

export const ResolveTaskSchema = z.object({ opinion: OpinionInputSchema.optional() }).strict().meta({ id: 'ResolveTask' });
export type ResolveTask = z.infer<typeof ResolveTaskSchema>;

export const ADD_SIGNER_POSITIONS = ['before', 'after', 'parallel'] as const;
export const AddSignersSchema = z
  .object({ usernames: z.array(USERNAME).min(1).max(20), position: z.enum(ADD_SIGNER_POSITIONS), reason: REASON })
  .strict()
  .meta({ id: 'AddSigners' });
export type AddSigners = z.infer<typeof AddSignersSchema>;

export const RemoveSignersSchema = z
  .object({ usernames: z.array(USERNAME).min(1).max(20), reason: REASON })
  .strict()
  .meta({ id: 'RemoveSigners' });
export type RemoveSigners = z.infer<typeof RemoveSignersSchema>;

export const UrgeTaskSchema = z
  .object({ message: z.string().min(1).max(500) })
  .strict()
  .meta({ id: 'UrgeTask' });
export type UrgeTask = z.infer<typeof UrgeTaskSchema>;

/** 一键催办: urge every overdue task of the instances the user started. */
export const UrgeOverdueSchema = z
  .object({ message: z.string().min(1).max(500).optional() })
  .strict()
  .meta({ id: 'UrgeOverdue' });
export type UrgeOverdue = z.infer<typeof UrgeOverdueSchema>;

/** What 一键催办 did: the tasks urged and how many people were reminded. */
export const UrgeOverdueResultSchema = z
  .object({ urged: z.number().int(), recipients: z.number().int(), taskIds: z.array(z.string()) })
  .meta({ id: 'UrgeOverdueResult' });
export type UrgeOverdueResult = z.infer<typeof UrgeOverdueResultSchema>;

export const CcTaskSchema = z
  .object({ usernames: z.array(USERNAME).min(1).max(50), note: z.string().max(500).optional() })
  .strict()
  .meta({ id: 'CcTask' });
export type CcTask = z.infer<typeof CcTaskSchema>;

export const CcCopySchema = z
  .object({
    id: z.string(),
    instanceId: z.string(),
    taskId: z.string().nullable(),
    recipient: z.string(),
    sender: z.string(),
    note: z.string().nullable(),
    createdAt: z.string(),
    readAt: z.string().nullable(),
    /** list only: the copied instance's process key and business key (what a row falls back to without a title) */
    definitionKey: z.string().optional(),
    businessKey: z.string().nullable().optional(),
    ...MATTER_DISPLAY,
  })
  .meta({ id: 'CcCopy' });
export type CcCopy = z.infer<typeof CcCopySchema>;
export const CcListSchema = z.object({ items: z.array(CcCopySchema), total: z.number().int() }).meta({ id: 'CcList' });
export type CcList = z.infer<typeof CcListSchema>;
export const CcQuerySchema = z
  .object({ mine: z.enum(['true']).optional(), unread: z.enum(['true', 'false']).optional(), instanceId: ID.optional() })
  .strict();
export type CcQuery = z.infer<typeof CcQuerySchema>;

/** Admin intervention (流程干预): a reason is always required. */
export const ReassignTaskSchema = z.object({ username: USERNAME, reason: REASON }).strict().meta({ id: 'ReassignTask' });
export type ReassignTask = z.infer<typeof ReassignTaskSchema>;

export const MoveTokenSchema = z
  .object({ elementInstanceId: ID.optional(), taskId: ID.optional(), targetElementId: z.string().min(1).max(200), reason: REASON })
  .strict()
  .meta({ id: 'MoveToken' });
export type MoveToken = z.infer<typeof MoveTokenSchema>;

/** Retrying an incident: an empty body as before, or the admin's reason (recorded as an intervention). */
export const RetryIncidentSchema = z
  .object({ reason: z.string().max(500).optional() })
  .strict()
  .meta({ id: 'RetryIncident' });
export type RetryIncident = z.infer<typeof RetryIncidentSchema>;

export const TerminateInstanceSchema = z.object({ reason: REASON }).strict().meta({ id: 'TerminateInstance' });
export type TerminateInstance = z.infer<typeof TerminateInstanceSchema>;

/** 代理: during [from, to) the principal's new tasks go to the deputy. */
export const CreateProxySchema = z
  .object({
    deputy: USERNAME,
    from: z.iso.datetime({ offset: true }),
    to: z.iso.datetime({ offset: true }),
    definitionKeys: z.array(z.string().min(1).max(200)).max(50).optional(),
    /** set by the security admin for someone else (then `reason` is required); default: the caller */
    principal: USERNAME.optional(),
    /** why the security admin sets a proxy for someone else */
    reason: z.string().max(500).optional(),
  })
  .strict()
  .meta({ id: 'CreateProxy' });
export type CreateProxy = z.infer<typeof CreateProxySchema>;

export const ProxySchema = z
  .object({
    id: z.string(),
    principal: z.string(),
    deputy: z.string(),
    from: z.string(),
    to: z.string(),
    definitionKeys: z.array(z.string()).nullable(),
    createdBy: z.string(),
    createdAt: z.string(),
    /** the security admin's reason when they set it for the principal; null when the principal set it */
    reason: z.string().nullable(),
  })
  .meta({ id: 'Proxy' });
export type Proxy = z.infer<typeof ProxySchema>;
export const ProxyListSchema = z.object({ items: z.array(ProxySchema) }).meta({ id: 'ProxyList' });
export type ProxyList = z.infer<typeof ProxyListSchema>;

export const PHRASE_SCOPES = ['personal', 'organization'] as const;
export const CreatePhraseSchema = z
  .object({ text: z.string().min(1).max(500), scope: z.enum(PHRASE_SCOPES) })
  .strict()
  .meta({ id: 'CreatePhrase' });
export type CreatePhrase = z.infer<typeof CreatePhraseSchema>;
export const PhraseSchema = z
  .object({ id: z.string(), text: z.string(), scope: z.enum(PHRASE_SCOPES), owner: z.string().nullable(), createdAt: z.string() })
  .meta({ id: 'Phrase' });
export type Phrase = z.infer<typeof PhraseSchema>;
export const PhraseListSchema = z.object({ items: z.array(PhraseSchema) }).meta({ id: 'PhraseList' });
export type PhraseList = z.infer<typeof PhraseListSchema>;

export const TASK_ACTIONS = [
  'claim',
  'complete',
  'return',
  'reject',
  'withdraw',
  'transfer',
  'delegate',
  'resolve',
  'add-signers',
  'remove-signers',
  'urge',
  'cc',
  'reassign',
] as const;
export type TaskAction = (typeof TASK_ACTIONS)[number];
export const TaskActionsSchema = z.object({ items: z.array(z.enum(TASK_ACTIONS)) }).meta({ id: 'TaskActions' });
export type TaskActions = z.infer<typeof TaskActionsSchema>;
