import * as z from 'zod';
import { NextAssigneesSchema } from './eligibility';
import { OpinionInputSchema } from './approvals';
import { MATTER_DISPLAY } from './matter';

/**
 * The process runtime: definitions (deployed BPMN), instances, tasks, jobs, messages and signals.
 */

const ID = z.string().regex(/^[0-9a-z]{26}$/, 'not a valid id');
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const MAX_VARIABLE_DEPTH = 16;

function depthOf(value: unknown, depth = 0): number {
  if (depth > MAX_VARIABLE_DEPTH) return depth;
  if (value === null || typeof value !== 'object') return depth;
  let max = depth;
  for (const v of Object.values(value as object)) max = Math.max(max, depthOf(v, depth + 1));
  return max;
}

function hasForbiddenKey(value: unknown, depth = 0): boolean {
  if (depth > MAX_VARIABLE_DEPTH || value === null || typeof value !== 'object') return false;
  for (const key of Object.keys(value as object)) {
    if (FORBIDDEN_KEYS.has(key) || hasForbiddenKey((value as Record<string, unknown>)[key], depth + 1)) return true;
  }
  return false;
}

/** Process variables: plain JSON, named like identifiers, nested at most 16 levels. */
export const VariablesSchema = z
  .record(
    z.string().regex(/^[A-Za-z_\u4e00-\u9fa5][\w\u4e00-\u9fa5]{0,63}$/, 'variable names are identifiers of at most 64 characters'),
    z.json(),
  )
  .refine((v) => Object.keys(v).length <= 200, 'at most 200 variables')
  .refine((v) => depthOf(v) <= MAX_VARIABLE_DEPTH, `variables nest at most ${MAX_VARIABLE_DEPTH} levels`)
  .refine((v) => !hasForbiddenKey(v), 'variable keys must not be __proto__, constructor or prototype')
  .meta({ id: 'Variables' });
export type Variables = z.infer<typeof VariablesSchema>;

export const DefinitionSchema = z
  .object({
    id: z.string(),
    key: z.string(),
    version: z.number().int(),
    name: z.string().nullable(),
    executable: z.boolean(),
    deployedAt: z.string(),
    deployedBy: z.string(),
  })
  .meta({ id: 'Definition' });
export type Definition = z.infer<typeof DefinitionSchema>;

export const DefinitionListSchema = z.object({ items: z.array(DefinitionSchema) }).meta({ id: 'DefinitionList' });
export type DefinitionList = z.infer<typeof DefinitionListSchema>;

export const DefinitionQuerySchema = z.object({ all: z.enum(['true', 'false']).optional(), key: z.string().max(200).optional() }).strict();
export type DefinitionQuery = z.infer<typeof DefinitionQuerySchema>;

/** The deploy body: BPMN 2.0 XML, sent as `application/xml` or as the multipart field `file`. */
export const DeployBodySchema = z
  .string()
  .max(5 * 1024 * 1024)
  .meta({ id: 'BpmnXml', description: 'BPMN 2.0 XML (at most 5 MB)' });

/** One deployed process, or one per executable process when the file holds several. */
export const DeployResponseSchema = z.union([DefinitionSchema, z.array(DefinitionSchema)]).meta({ id: 'DeployResponse' });

export const BpmnDiagnosticSchema = z
  .object({ elementId: z.string().nullable(), severity: z.enum(['error', 'warning']), code: z.string(), message: z.string() })
  .meta({ id: 'BpmnDiagnostic' });
export type BpmnDiagnostic = z.infer<typeof BpmnDiagnosticSchema>;

/** What the compiler finds in a BPMN file, as a deploy would find it; nothing is stored. */
export const DefinitionValidationSchema = z.object({ diagnostics: z.array(BpmnDiagnosticSchema) }).meta({ id: 'DefinitionValidation' });
export type DefinitionValidation = z.infer<typeof DefinitionValidationSchema>;

export const INSTANCE_STATUSES = ['active', 'completed', 'terminated'] as const;
export const InstanceStatusSchema = z.enum(INSTANCE_STATUSES);

export const StartInstanceSchema = z
  .object({
    definitionKey: z.string().min(1).max(200),
    version: z.number().int().min(1).optional(),
    businessKey: z.string().min(1).max(200).optional(),
    variables: VariablesSchema.optional(),
  })
  .strict()
  .meta({ id: 'StartInstance' });
export type StartInstance = z.infer<typeof StartInstanceSchema>;

export const IncidentSchema = z
  .object({ id: z.string(), elementId: z.string().nullable(), code: z.string(), message: z.string(), source: z.enum(['engine', 'job']) })
  .meta({ id: 'Incident' });
export type Incident = z.infer<typeof IncidentSchema>;

export const InstanceSchema = z
  .object({
    id: z.string(),
    definitionId: z.string(),
    definitionKey: z.string(),
    version: z.number().int(),
    businessKey: z.string().nullable(),
    parentId: z.string().nullable(),
    initiator: z.string().nullable(),
    status: InstanceStatusSchema,
    activeElementIds: z.array(z.string()),
    variables: z.record(z.string(), z.unknown()),
    incidents: z.array(IncidentSchema),
    /**
     * true: the intervention view of a workflow admin with no part in the instance — no
     * variables (they carry the matter's content); status, elements, incidents and dates only
     */
    metadataOnly: z.boolean().optional(),
    startedAt: z.string(),
    endedAt: z.string().nullable(),
  })
  .meta({ id: 'Instance' });
export type Instance = z.infer<typeof InstanceSchema>;

/** An instance as its list gives it: no variables, elements or incidents, but what a row shows of its matter. */
export const InstanceSummarySchema = InstanceSchema.omit({ variables: true, activeElementIds: true, incidents: true })
  .extend(MATTER_DISPLAY)
  .extend({
    /** the 公文's 文号 (list display, read-only), null without a 公文, before numbering or when its matter is hidden */
    docNumber: z.string().nullable().optional(),
    /** the names of the steps open now (当前环节, list display), none when ended or its matter is hidden */
    currentSteps: z.array(z.string()).optional(),
    /** the 公文's 办理期限 (list display), null without one or when its matter is hidden */
    dueAt: z.string().nullable().optional(),
  })
  .meta({ id: 'InstanceSummary' });
export type InstanceSummary = z.infer<typeof InstanceSummarySchema>;

const PAGE = {
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(200).default(50),
};

export const InstanceQuerySchema = z
  .object({
    definitionKey: z.string().max(200).optional(),
    status: InstanceStatusSchema.optional(),
    businessKey: z.string().max(200).optional(),
    parentId: ID.optional(),
    ...PAGE,
  })
  .strict();
export type InstanceQuery = z.infer<typeof InstanceQuerySchema>;

export const InstanceListSchema = z.object({ items: z.array(InstanceSummarySchema), total: z.number().int() }).meta({ id: 'InstanceList' });
export type InstanceList = z.infer<typeof InstanceListSchema>;

export const HistoryEventSchema = z
  .object({
    seq: z.number().int(),
    type: z.string(),
    elementId: z.string().nullable(),
    actor: z.string().nullable(),
    at: z.string(),
    details: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'HistoryEvent' });
export const HistorySchema = z.object({ items: z.array(HistoryEventSchema) }).meta({ id: 'History' });
export type HistoryEvent = z.infer<typeof HistoryEventSchema>;

export const CancelInstanceSchema = z
  .object({ reason: z.string().min(1).max(500) })
  .strict()
  .meta({ id: 'CancelInstance' });
export type CancelInstance = z.infer<typeof CancelInstanceSchema>;

/** `waiting`: the task waits for the signers added before it (前加签) or after its completion (后加签). */
export const TASK_STATUSES = ['open', 'completed', 'cancelled', 'waiting'] as const;
export const TaskStatusSchema = z.enum(TASK_STATUSES);

export const TaskSchema = z
  .object({
    id: z.string(),
    instanceId: z.string(),
    definitionKey: z.string(),
    elementId: z.string(),
    name: z.string().nullable(),
    assignee: z.string().nullable(),
    candidateUsers: z.array(z.string()),
    candidateGroups: z.array(z.string()),
    status: TaskStatusSchema,
    formKey: z.string().nullable(),
    dueAt: z.string().nullable(),
    createdAt: z.string(),
    openedAt: z.string().nullable(),
    completedAt: z.string().nullable(),
    completedBy: z.string().nullable(),
    /** 委派: the owner the task returns to while a delegate works on it */
    owner: z.string().nullable().optional(),
    /** 代理: the principal the assignee acts for */
    onBehalfOf: z.string().nullable().optional(),
    /** `user`: an engine task; `addsign`: a signer's task added before/after another (加签) */
    kind: z.enum(['user', 'addsign']).optional(),
    parentTaskId: z.string().nullable().optional(),
    /** the task whose completion created this one (撤回 checks these) */
    sourceTaskId: z.string().nullable().optional(),
    ...MATTER_DISPLAY,
    /** the instance's initiator (username) */
    initiator: z.string().nullable().optional(),
    /** the name of the initiator's organization */
    initiatorOrgName: z.string().nullable().optional(),
    /** the 公文 the task's instance handles, else null */
    documentId: z.string().nullable().optional(),
    /** 催办: how many times a person urged this task (the inbox lists only) */
    urgeCount: z.number().int().optional(),
    /** 催办: when it was last urged by a person (the inbox lists only) */
    lastUrgedAt: z.string().nullable().optional(),
  })
  .meta({ id: 'Task' });
export type Task = z.infer<typeof TaskSchema>;

/** A task a completion opened: the process's next step, as the completer may see it (已送 …). */
export const NextTaskSchema = z
  .object({
    id: z.string(),
    elementId: z.string(),
    name: z.string().nullable(),
    assignee: z.string().nullable(),
    candidateGroups: z.array(z.string()),
    dueAt: z.string().nullable(),
  })
  .meta({ id: 'NextTask' });
export type NextTask = z.infer<typeof NextTaskSchema>;

/**
 * A completed task and, when the completion moved the process on, the tasks it opened in the
 * same transaction (`next`, possibly empty): a client shows where the 公文 went, and a client
 * that works the next step itself needs no second request. Absent when the completion did not
 * run the process (a 加签 signer's task, or one held for its after-signers).
 */
export const CompletedTaskSchema = TaskSchema.extend({ next: z.array(NextTaskSchema).optional() }).meta({ id: 'CompletedTask' });
export type CompletedTask = z.infer<typeof CompletedTaskSchema>;

/** A started instance and the tasks its start opened (`tasks`): the starter goes on to the first step without a look-up. */
export const StartedInstanceSchema = InstanceSchema.extend({ tasks: z.array(NextTaskSchema) }).meta({ id: 'StartedInstance' });
export type StartedInstance = z.infer<typeof StartedInstanceSchema>;

export const TaskQuerySchema = z
  .object({
    assignee: z.literal('me').optional(),
    /** with `assignee=me`: either (the 待办 inbox: mine and the unassigned ones I may claim) */
    candidate: z.literal('me').optional(),
    instanceId: ID.optional(),
    status: TaskStatusSchema.optional(),
    /** `created` (default): newest first; `due`: earliest deadline first, tasks without one last, then oldest first */
    sort: z.enum(['created', 'due']).optional(),
    /**
     * Search: the task name, the instance's businessKey, the `title` process variable and, for a 公文, its title (also in pinyin,
     * full or initials), 发文字号 and 收文号; matched literally (no wildcards).
     */
    q: z.string().trim().min(1).max(100).optional(),
    /** the 公文's 紧急程度 */
    urgency: z.string().max(16).optional(),
    /** the 公文's 文种 */
    docType: z.string().max(8).optional(),
    /** the department: the 公文's 主办 department (收文 lead_dept) or the initiator's organization */
    orgId: ID.optional(),
    /** `overdue`: deadline passed; `soon`: due within the next 24 hours (clock time); `none`: no deadline */
    due: z.enum(['overdue', 'soon', 'none']).optional(),
    /** `instance`: one row per instance, its latest task (已办 lists a 公文 once, with the last step the user did) */
    distinct: z.literal('instance').optional(),
    /** `me`: the tasks deputies held or did for the caller (代理: what was done on my behalf), any status */
    onBehalfOf: z.literal('me').optional(),
    ...PAGE,
  })
  .strict();
export type TaskQuery = z.infer<typeof TaskQuerySchema>;

export const TaskListSchema = z.object({ items: z.array(TaskSchema), total: z.number().int() }).meta({ id: 'TaskList' });
export type TaskList = z.infer<typeof TaskListSchema>;

export const CompleteTaskSchema = z
  .object({
    variables: VariablesSchema.optional(),
    /** a plain text (kept for existing clients) or `{ text, approve?, kind? }`; stored immutable */
    opinion: z.union([z.string().max(2000), OpinionInputSchema]).optional(),
    outcome: z.string().max(64).optional(),
    /** 选择下一步办理人: element id → usernames among that step's eligible people (see eligibility.ts) */
    nextAssignees: NextAssigneesSchema.optional(),
  })
  .strict()
  .meta({ id: 'CompleteTask' });
export type CompleteTask = z.infer<typeof CompleteTaskSchema>;

export const JOB_STATUSES = ['pending', 'done', 'failed', 'cancelled'] as const;
export const JobSchema = z
  .object({
    id: z.string(),
    type: z.string(),
    instanceId: z.string().nullable(),
    elementId: z.string().nullable(),
    dueAt: z.string(),
    status: z.enum(JOB_STATUSES),
    attempts: z.number().int(),
    lastError: z.string().nullable(),
  })
  .meta({ id: 'Job' });
export type Job = z.infer<typeof JobSchema>;

export const JobQuerySchema = z.object({ instanceId: ID.optional(), status: z.enum(JOB_STATUSES).optional() }).strict();
export type JobQuery = z.infer<typeof JobQuerySchema>;
export const JobListSchema = z.object({ items: z.array(JobSchema) }).meta({ id: 'JobList' });
export type JobList = z.infer<typeof JobListSchema>;

export const MessageSchema = z
  .object({
    name: z.string().min(1).max(200),
    correlationKey: z.string().min(1).max(200).optional(),
    variables: VariablesSchema.optional(),
  })
  .strict()
  .meta({ id: 'Message' });
export type Message = z.infer<typeof MessageSchema>;

export const MessageResultSchema = z.object({ instanceId: z.string(), started: z.boolean() }).meta({ id: 'MessageResult' });
export type MessageResult = z.infer<typeof MessageResultSchema>;

export const SignalSchema = z
  .object({ name: z.string().min(1).max(200), variables: VariablesSchema.optional() })
  .strict()
  .meta({ id: 'Signal' });
export type Signal = z.infer<typeof SignalSchema>;

export const SignalResultSchema = z.object({ delivered: z.number().int() }).meta({ id: 'SignalResult' });
export type SignalResult = z.infer<typeof SignalResultSchema>;

export const EmptyBodySchema = z.object({}).strict().meta({ id: 'Empty' });

/** External tasks: service tasks done by workers outside the server, authenticated by API key (`X-Api-Key`). */
export const FetchAndLockSchema = z
  .object({
    workerId: z.string().min(1).max(100),
    topics: z.array(z.string().min(1).max(200)).min(1).max(50),
    lockSeconds: z.number().int().min(1).max(86_400),
    maxTasks: z.number().int().min(1).max(100).default(10),
  })
  .strict()
  .meta({ id: 'FetchAndLock' });
export type FetchAndLock = z.infer<typeof FetchAndLockSchema>;

export const ExternalTaskSchema = z
  .object({
    id: z.string(),
    topic: z.string(),
    instanceId: z.string(),
    elementId: z.string().nullable(),
    variables: z.record(z.string(), z.unknown()),
    retries: z.number().int().nullable(),
    workerId: z.string().nullable(),
    lockExpiresAt: z.string().nullable(),
    status: z.enum(['open', 'completed', 'failed', 'cancelled']),
  })
  .meta({ id: 'ExternalTask' });
export type ExternalTask = z.infer<typeof ExternalTaskSchema>;
export const ExternalTaskListSchema = z.object({ items: z.array(ExternalTaskSchema) }).meta({ id: 'ExternalTaskList' });
export type ExternalTaskList = z.infer<typeof ExternalTaskListSchema>;

/**
 * Who a worker is: required on every call about a locked task, and it must be the worker that
 * holds the lock (the same `workerId`, with the same API key). Left optional in the schema so a
 * missing one is answered 422 `EXTERNAL_TASK_WORKER_ID_REQUIRED` rather than a generic 400.
 */
const WorkerIdSchema = z.string().min(1).max(100).optional();

/** Variables a worker may not set: the reserved ones (reserved-variables.ts) → 422 `EXTERNAL_TASK_VARIABLE_RESERVED`. */
export const CompleteExternalTaskSchema = z
  .object({ workerId: WorkerIdSchema, variables: VariablesSchema.optional() })
  .strict()
  .meta({ id: 'CompleteExternalTask' });
export type CompleteExternalTask = z.infer<typeof CompleteExternalTaskSchema>;

export const ExternalTaskFailureSchema = z
  .object({
    workerId: WorkerIdSchema,
    message: z.string().min(1).max(2000),
    retries: z.number().int().min(0).max(100),
  })
  .strict()
  .meta({ id: 'ExternalTaskFailure' });
export type ExternalTaskFailure = z.infer<typeof ExternalTaskFailureSchema>;

/** The lock's holder asks for more time: the lock now runs `lockSeconds` from now. */
export const ExtendExternalTaskLockSchema = z
  .object({ workerId: WorkerIdSchema, lockSeconds: z.number().int().min(1).max(86_400) })
  .strict()
  .meta({ id: 'ExtendExternalTaskLock' });
export type ExtendExternalTaskLock = z.infer<typeof ExtendExternalTaskLockSchema>;

/** The lock's holder reports a business error: the service task throws the BPMN error `errorCode`. */
export const ExternalTaskBpmnErrorSchema = z
  .object({
    workerId: WorkerIdSchema,
    errorCode: z.string().min(1).max(200),
    errorMessage: z.string().max(2000).optional(),
    variables: VariablesSchema.optional(),
  })
  .strict()
  .meta({ id: 'ExternalTaskBpmnError' });
export type ExternalTaskBpmnError = z.infer<typeof ExternalTaskBpmnErrorSchema>;

/** An API key's topic list naming this lets the key fetch every topic. */
export const API_KEY_ALL_TOPICS = '*';
/** A key issued without `expiresAt` expires this many days later; none may run longer than API_KEY_MAX_DAYS. */
export const API_KEY_DEFAULT_DAYS = 365;
export const API_KEY_MAX_DAYS = 1096;

/**
 * A worker's API key, issued by the system admin. `topics` is required and not empty: the topics the
 * key may fetch and lock, or `['*']` for all of them. `expiresAt` must be in the future and at most
 * API_KEY_MAX_DAYS away (422 `API_KEY_EXPIRY_INVALID`); without it the key runs API_KEY_DEFAULT_DAYS.
 */
export const CreateApiKeySchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    topics: z.array(z.string().trim().min(1).max(200)).min(1).max(50),
    expiresAt: z.iso.datetime({ offset: true }).optional(),
  })
  .strict()
  .meta({ id: 'CreateApiKey' });
export type CreateApiKey = z.infer<typeof CreateApiKeySchema>;
export const ApiKeySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    topics: z.array(z.string()),
    /** null only for a key issued before keys expired (it works until revoked) */
    expiresAt: z.string().nullable(),
    createdBy: z.string(),
    createdAt: z.string(),
    /** the last authenticated call, to the minute */
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: 'ApiKey' });
export type ApiKey = z.infer<typeof ApiKeySchema>;
/** The key itself is shown once, when it is issued; the server keeps only its SM3 digest. */
export const IssuedApiKeySchema = ApiKeySchema.extend({ key: z.string() }).meta({ id: 'IssuedApiKey' });
export type IssuedApiKey = z.infer<typeof IssuedApiKeySchema>;
export const ApiKeyListSchema = z.object({ items: z.array(ApiKeySchema) }).meta({ id: 'ApiKeyList' });
export type ApiKeyList = z.infer<typeof ApiKeyListSchema>;
