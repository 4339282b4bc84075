import type { ValueTemplate } from '../../model/process.model';
import { raiseIncident } from '../behaviors/incident';
import { evaluateTemplate, toStringList } from '../behaviors/variable-mapping';
import type { ExecutionContext } from '../execution-context';
import type { ElementProcessor } from './element-processor';

type Resolved = { ok: true; value: unknown } | { ok: false; error: string };

function resolve(ctx: ExecutionContext, ei: string, template: ValueTemplate | undefined): Resolved {
  if (!template) return { ok: true, value: null };
  return evaluateTemplate(ctx, ei, template);
}

// User tasks (§10.3.3): evaluates assignment, due date and form, records task.created and waits
// for completeTask. The element instance id is the task id; oa:orgRole is resolved by the server.
export const userTaskProcessor: ElementProcessor = {
  onActivate(ctx, ei, node, step) {
    const a = node.assignment ?? {};
    const assignee = resolve(ctx, ei, a.assignee);
    const users = resolve(ctx, ei, a.candidateUsers);
    const groups = resolve(ctx, ei, a.candidateGroups);
    const due = resolve(ctx, ei, a.dueDate);
    const failed = [assignee, users, groups, due].find((r): r is { ok: false; error: string } => !r.ok);
    if (failed) {
      raiseIncident(ctx, ei, 'EXPRESSION_FAILED', `Assignment of ${node.id}: ${failed.error}`, 'activate');
      return;
    }
    let dueAt: string | null = null;
    let provisional = false;
    const dueValue = (due as { value: unknown }).value;
    if (dueValue instanceof Date) dueAt = dueValue.toISOString();
    else if (typeof dueValue === 'string' && dueValue.trim() !== '') {
      const ms = Date.parse(dueValue);
      if (Number.isNaN(ms)) {
        raiseIncident(ctx, ei, 'EXPRESSION_FAILED', `Due date of ${node.id} is not an ISO date: ${dueValue}`, 'activate');
        return;
      }
      dueAt = new Date(ms).toISOString();
    } else if (a.dueWorkdays !== undefined) {
      const r = ctx.env.calendar.addWorkdays(ctx.at, a.dueWorkdays);
      dueAt = r.dueAt;
      provisional = r.provisional;
    }
    const inst = ctx.state.instances[ei];
    const body = inst.inner && inst.sc ? ctx.state.instances[inst.sc] : undefined;
    const rule = ctx.node(node.id).loop?.countersign;
    const assigneeValue = (assignee as { value: unknown }).value;
    ctx.emit({
      type: 'task.created',
      elementId: node.id,
      elementInstanceId: ei,
      name: node.name,
      assignee: assigneeValue === null || assigneeValue === undefined || assigneeValue === '' ? null : String(assigneeValue),
      candidateUsers: toStringList((users as { value: unknown }).value),
      candidateGroups: toStringList((groups as { value: unknown }).value),
      orgRole: a.orgRole ?? null,
      dueAt,
      ...(provisional ? { dueProvisional: true } : {}),
      formKey: a.formKey ?? null,
      countersign: rule ? { ...rule } : null,
      multiInstance:
        body?.mi && inst.sc
          ? { bodyInstanceId: inst.sc, loopCounter: Number(inst.v?.['loopCounter'] ?? 0), nrOfInstances: body.mi.n }
          : null,
      ...(step.withdrawnFrom ? { withdrawnFrom: step.withdrawnFrom } : {}),
    });
  },
  onTerminate(ctx, ei, node) {
    if (ctx.state.instances[ei]?.k === 'task') ctx.emit({ type: 'task.cancelled', elementId: node.id, elementInstanceId: ei });
  },
};
