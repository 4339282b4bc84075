import type { FlowNode, ValueTemplate } from '../../model/process.model';
import type { EventOf } from '../../state/engine-event';
import { raiseIncident } from '../behaviors/incident';
import { evaluateTemplate, toStringList } from '../behaviors/variable-mapping';
import type { ExecutionContext } from '../execution-context';
import type { ElementProcessor } from './element-processor';

type TaskCreated = EventOf<'task.created'>;
type Resolved = { ok: true; value: unknown } | { ok: false; error: string };
// The assignment's values once every template was evaluated.
interface Assignment {
  readonly assignee: unknown;
  readonly candidateUsers: unknown;
  readonly candidateGroups: unknown;
  readonly dueDate: unknown;
}
type Due = { ok: true; dueAt: string | null; provisional: boolean } | { ok: false; error: string };

// User tasks (§10.3.3): evaluates assignment, due date and form, records task.created and waits
// for completeTask. The element instance id is the task id; oa:orgRole is resolved by the server.
export const userTaskProcessor: ElementProcessor = {
  onActivate(ctx, ei, node, step) {
    const assignment = evaluateAssignment(ctx, ei, node);
    if (!assignment.ok) {
      raiseIncident(ctx, ei, 'EXPRESSION_FAILED', `Assignment of ${node.id}: ${assignment.error}`, 'activate');
      return;
    }
    const due = dueOf(ctx, node, assignment.value.dueDate);
    if (!due.ok) {
      raiseIncident(ctx, ei, 'EXPRESSION_FAILED', due.error, 'activate');
      return;
    }
    const a = node.assignment ?? {};
    const rule = node.loop?.countersign;
    ctx.emit({
      type: 'task.created',
      elementId: node.id,
      elementInstanceId: ei,
      name: node.name,
      assignee: assigneeOf(assignment.value.assignee),
      candidateUsers: toStringList(assignment.value.candidateUsers),
      candidateGroups: toStringList(assignment.value.candidateGroups),
      orgRole: a.orgRole ?? null,
      dueAt: due.dueAt,
      ...(due.provisional ? { dueProvisional: true } : {}),
      formKey: a.formKey ?? null,
      countersign: rule ? { ...rule } : null,
      multiInstance: multiInstanceOf(ctx, ei),
      ...(step.withdrawnFrom ? { withdrawnFrom: step.withdrawnFrom } : {}),
    });
  },
  onTerminate(ctx, ei, node) {
    if (ctx.state.instances[ei]?.k === 'task') ctx.emit({ type: 'task.cancelled', elementId: node.id, elementInstanceId: ei });
  },
};

function resolve(ctx: ExecutionContext, ei: string, template: ValueTemplate | undefined): Resolved {
  if (!template) return { ok: true, value: null };
  return evaluateTemplate(ctx, ei, template);
}

// Every template is evaluated (in this order) before the first failure is reported.
function evaluateAssignment(
  ctx: ExecutionContext,
  ei: string,
  node: FlowNode,
): { ok: true; value: Assignment } | { ok: false; error: string } {
  const a = node.assignment ?? {};
  const assignee = resolve(ctx, ei, a.assignee);
  const users = resolve(ctx, ei, a.candidateUsers);
  const groups = resolve(ctx, ei, a.candidateGroups);
  const due = resolve(ctx, ei, a.dueDate);
  for (const r of [assignee, users, groups, due]) if (!r.ok) return r;
  const value = (r: Resolved) => (r as { value: unknown }).value;
  return {
    ok: true,
    value: { assignee: value(assignee), candidateUsers: value(users), candidateGroups: value(groups), dueDate: value(due) },
  };
}

// The due date: an evaluated date or ISO string, else the working-day count from now (the
// calendar says whether that is provisional), else none.
function dueOf(ctx: ExecutionContext, node: FlowNode, dueValue: unknown): Due {
  if (dueValue instanceof Date) return { ok: true, dueAt: dueValue.toISOString(), provisional: false };
  if (typeof dueValue === 'string' && dueValue.trim() !== '') {
    const ms = Date.parse(dueValue);
    if (Number.isNaN(ms)) return { ok: false, error: `Due date of ${node.id} is not an ISO date: ${dueValue}` };
    return { ok: true, dueAt: new Date(ms).toISOString(), provisional: false };
  }
  const workdays = node.assignment?.dueWorkdays;
  if (workdays === undefined) return { ok: true, dueAt: null, provisional: false };
  const r = ctx.env.calendar.addWorkdays(ctx.at, workdays);
  return { ok: true, dueAt: r.dueAt, provisional: r.provisional };
}

function assigneeOf(value: unknown): string | null {
  return value === null || value === undefined || value === '' ? null : String(value);
}

// An inner instance of a multi-instance body: where it sits in the loop (§10.3.6).
function multiInstanceOf(ctx: ExecutionContext, ei: string): TaskCreated['multiInstance'] {
  const inst = ctx.state.instances[ei];
  const body = inst.inner && inst.sc ? ctx.state.instances[inst.sc] : undefined;
  if (!body?.mi || !inst.sc) return null;
  return { bodyInstanceId: inst.sc, loopCounter: Number(inst.v?.['loopCounter'] ?? 0), nrOfInstances: body.mi.n };
}
