import { type CcCopy, type Circulation, DOC_TYPES, type Instance, type InstanceSummary, type Task } from '@liuzhuan/contracts';

export type Urgency = 'NONE' | '加急' | '特急';
export type DueState = 'overdue' | 'soon' | 'ok' | 'none';

/** A row of the inbox lists, whatever it comes from (a task, an instance, a copy). */
export interface InboxRow {
  id: string;
  /** Router link of the row's page. */
  link: string[];
  title: string;
  type: string;
  step: string;
  urgency: Urgency;
  dueAt: string | null;
  initiator: string;
  createdAt: string;
  /** 已催办: how often the task was urged, and when last (open tasks only) */
  urgeCount?: number;
  lastUrgedAt?: string | null;
}

export interface InboxFilter {
  q: string;
  urgency: Urgency | '';
  due: DueState | '';
  type: string;
  /** the department (server-side task views only) */
  orgId?: string;
}

/** The 公文 urgency codes of the server and the labels the inbox shows. */
const URGENCY_OF_CODE: Record<string, Urgency> = { URGENT: '加急', EXTRA_URGENT: '特急', NONE: 'NONE', 加急: '加急', 特急: '特急' };
export const URGENCY_CODE: Record<Urgency, string> = { NONE: 'NONE', 加急: 'URGENT', 特急: 'EXTRA_URGENT' };
/** 文种 name of a code (GW08 → 通知). */
export const docTypeName = (code: string): string => DOC_TYPES.find((d) => d.code === code)?.name ?? code;
/** The 文种 the type filter offers for tasks (server-side). */
export const DOC_TYPE_OPTIONS: readonly { code: string; name: string }[] = DOC_TYPES;

/** The shipped processes by name, for a row whose matter has no 文种 (the process key otherwise: incoming-document → 收文办理). */
export const PROCESS_NAMES: Record<string, string> = {
  'incoming-document': '收文办理',
  'outgoing-document': '发文办理',
  'request-approval': '请示/请假审批',
  'disclosure-review': '政务公开审核',
  'leader-mailbox': '领导信箱',
};
export const processName = (key: string): string => PROCESS_NAMES[key] ?? key;

/** Due within this many hours counts as due soon (临近期限): one working day's notice. */
export const DUE_SOON_HOURS = 24;

export function dueState(dueAt: string | null, now: Date): DueState {
  if (!dueAt) return 'none';
  const left = new Date(dueAt).getTime() - now.getTime();
  if (left < 0) return 'overdue';
  return left <= DUE_SOON_HOURS * 3_600_000 ? 'soon' : 'ok';
}

function urgencyOf(value: unknown): Urgency {
  return value === '加急' || value === '特急' ? value : 'NONE';
}

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value : null);

/** What the instance's variables tell about the matter: title, document type, urgency. */
function matter(instance: Pick<Instance, 'businessKey' | 'definitionKey'> & { variables?: Record<string, unknown> }) {
  const v = instance.variables ?? {};
  return {
    title: text(v['title']) ?? text(v['subject']) ?? instance.businessKey ?? instance.definitionKey,
    type: text(v['docType']) ?? text(v['type']) ?? processName(instance.definitionKey),
    urgency: urgencyOf(v['urgency']),
  };
}

/** The display fields a list gives with each item (GET /api/tasks, /api/instances, /api/cc): the 公文's, else the variables'. */
type Listed = Pick<Task, 'title' | 'docType' | 'urgency'>;

/** The matter a row shows: the item's display fields, else `fallback`. */
function shown(item: Listed, fallback: { title: string; type: string; urgency: Urgency }) {
  return {
    title: item.title ?? fallback.title,
    type: item.docType ? docTypeName(item.docType) : fallback.type,
    urgency: item.urgency ? (URGENCY_OF_CODE[item.urgency] ?? 'NONE') : fallback.urgency,
  };
}

/**
 * A task row: the matter from the task's display fields (the server joins the 公文 and the
 * instance into the list), else from the instance when given, else the process key.
 */
export function taskRow(task: Task, instance?: Instance): InboxRow {
  const m = shown(
    task,
    instance ? matter(instance) : { title: processName(task.definitionKey), type: processName(task.definitionKey), urgency: 'NONE' },
  );
  return {
    id: task.id,
    link: ['/tasks', task.id],
    ...m,
    step: task.name ?? task.elementId,
    dueAt: task.dueAt,
    initiator: task.initiator ?? instance?.initiator ?? '',
    createdAt: task.completedAt ?? task.createdAt,
    ...(task.urgeCount ? { urgeCount: task.urgeCount, lastUrgedAt: task.lastUrgedAt ?? null } : {}),
  };
}

/**
 * An instance the user started (GET /api/instances): the matter from the list's display fields,
 * else its keys; its 当前环节 the steps open now, else (ended, or none open) `statusLabel`; its
 * 办理期限 the 公文's.
 */
export function instanceRow(instance: InstanceSummary, statusLabel: string): InboxRow {
  return {
    id: instance.id,
    link: ['/tasks/instance', instance.id],
    ...shown(instance, {
      title: instance.businessKey ?? processName(instance.definitionKey),
      type: processName(instance.definitionKey),
      urgency: 'NONE',
    }),
    step: instance.currentSteps?.length ? instance.currentSteps.join('、') : statusLabel,
    dueAt: instance.dueAt ?? null,
    initiator: instance.initiator ?? '',
    createdAt: instance.startedAt,
  };
}

/** A copy sent to the user (抄送, GET /api/cc?mine=true): the matter from the list's display fields, else its instance's keys. */
export function ccRow(copy: CcCopy): InboxRow {
  const key = copy.definitionKey ?? '';
  return {
    id: copy.id,
    link: ['/tasks/instance', copy.instanceId],
    ...shown(copy, { title: copy.businessKey ?? (key ? processName(key) : copy.instanceId), type: processName(key), urgency: 'NONE' }),
    step: copy.note ?? '',
    dueAt: null,
    initiator: copy.sender,
    createdAt: copy.createdAt,
  };
}

/** A circulation the user reads (传阅, GET /api/circulations?mine=true): the document and who holds it. */
export function circulationRow(circulation: Circulation): InboxRow {
  return {
    id: circulation.id,
    link: ['/documents', circulation.documentId],
    title: circulation.documentTitle,
    type: '',
    step: circulation.holders.join('、'),
    urgency: 'NONE',
    dueAt: null,
    initiator: circulation.createdBy,
    createdAt: circulation.createdAt,
  };
}

/** Filters by text (title, step, type, initiator's username or name; case-insensitive), urgency, due state and type. */
export function filterRows(
  rows: readonly InboxRow[],
  filter: InboxFilter,
  now: Date,
  nameOf: (username: string) => string = (u) => u,
): InboxRow[] {
  const q = filter.q.trim().toLowerCase();
  return rows.filter(
    (row) =>
      (!q || [row.title, row.step, row.type, row.initiator, nameOf(row.initiator)].some((field) => field.toLowerCase().includes(q))) &&
      (!filter.urgency || row.urgency === filter.urgency) &&
      (!filter.due || dueState(row.dueAt, now) === filter.due) &&
      (!filter.type || row.type === filter.type),
  );
}

/** Earliest deadline first; rows without a deadline last. */
export function compareByDue(a: InboxRow, b: InboxRow): number {
  if (a.dueAt === b.dueAt) return 0;
  if (!a.dueAt) return 1;
  if (!b.dueAt) return -1;
  return a.dueAt < b.dueAt ? -1 : 1;
}
