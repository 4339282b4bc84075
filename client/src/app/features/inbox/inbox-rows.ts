import type { Instance, InstanceSummary, Task } from '@liuzhuan/contracts';

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
}

export interface InboxFilter {
  q: string;
  urgency: Urgency | '';
  due: DueState | '';
  type: string;
}

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
    type: text(v['docType']) ?? text(v['type']) ?? instance.definitionKey,
    urgency: urgencyOf(v['urgency']),
  };
}

export function taskRow(task: Task, instance: Instance | undefined): InboxRow {
  const m = instance ? matter(instance) : { title: task.definitionKey, type: task.definitionKey, urgency: 'NONE' as Urgency };
  return {
    id: task.id,
    link: ['/tasks', task.id],
    title: m.title,
    type: m.type,
    step: task.name ?? task.elementId,
    urgency: m.urgency,
    dueAt: task.dueAt,
    initiator: instance?.initiator ?? '',
    createdAt: task.completedAt ?? task.createdAt,
  };
}

export function instanceRow(instance: InstanceSummary | Instance, statusLabel: string): InboxRow {
  const m = matter(instance);
  return {
    id: instance.id,
    link: ['/tasks/instance', instance.id],
    title: m.title,
    type: m.type,
    step: statusLabel,
    urgency: m.urgency,
    dueAt: null,
    initiator: instance.initiator ?? '',
    createdAt: instance.startedAt,
  };
}

/** A copy (抄送) or circulation (传阅) item as the approvals/documents APIs send it. */
export function itemRow(item: Record<string, unknown>): InboxRow {
  const id = String(item['id'] ?? '');
  const instanceId = text(item['instanceId']);
  return {
    id,
    link: instanceId ? ['/tasks/instance', instanceId] : [],
    title: text(item['title']) ?? text(item['subject']) ?? instanceId ?? id,
    type: text(item['docType']) ?? text(item['type']) ?? '',
    step: text(item['step']) ?? text(item['stepName']) ?? '',
    urgency: urgencyOf(item['urgency']),
    dueAt: text(item['dueAt']),
    initiator: text(item['from']) ?? text(item['sender']) ?? text(item['initiator']) ?? '',
    createdAt: text(item['createdAt']) ?? text(item['at']) ?? '',
  };
}

/** Filters by text (title, step, type, initiator; case-insensitive), urgency, due state and type. */
export function filterRows(rows: readonly InboxRow[], filter: InboxFilter, now: Date): InboxRow[] {
  const q = filter.q.trim().toLowerCase();
  return rows.filter(
    (row) =>
      (!q || [row.title, row.step, row.type, row.initiator].some((field) => field.toLowerCase().includes(q))) &&
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
