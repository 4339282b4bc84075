import { completeElement } from '../behaviors/element-lifecycle';
import { throwError, throwEscalation } from '../behaviors/error-propagation';
import { raiseIncident } from '../behaviors/incident';
import { mapVariables, sanitizeVariables } from '../behaviors/variable-mapping';
import { own, reject, requireActive, type CommandHandler } from './command-handler';

const REJECTING_OUTCOMES = new Set(['reject', 'rejected', 'veto', 'disagree', 'no']);

export const handleCompleteTask: CommandHandler<'completeTask'> = (ctx, command) => {
  const inactive = requireActive(ctx);
  if (inactive) return inactive;
  const inst = own(ctx.state.instances, command.elementInstanceId);
  if (!inst) return reject('ELEMENT_INSTANCE_NOT_FOUND', `No element instance ${command.elementInstanceId}.`);
  const node = ctx.node(inst.el);
  const waitingReceive = inst.k === 'wait' && node.type === 'receiveTask';
  if (inst.k !== 'task' && !waitingReceive)
    return reject('TASK_NOT_OPEN', `Element instance ${command.elementInstanceId} is not an open task.`);
  const vars = sanitizeVariables(command.variables);
  if (inst.inner && inst.sc && node.loop?.countersign) {
    const vote = command.outcome !== undefined && REJECTING_OUTCOMES.has(String(command.outcome).toLowerCase()) ? 'no' : 'yes';
    ctx.emit({ type: 'multiInstance.changed', elementId: node.id, elementInstanceId: inst.sc, vote });
  }
  if (inst.k === 'task') {
    ctx.emit({
      type: 'task.completed',
      elementId: node.id,
      elementInstanceId: command.elementInstanceId,
      ...(command.outcome !== undefined ? { outcome: command.outcome } : {}),
      ...(vars ? { variables: vars } : {}),
    });
  }
  if (vars) ctx.emit({ type: 'variables.updated', variables: vars });
  completeElement(ctx, command.elementInstanceId);
  return null;
};

export const handleCompleteJob: CommandHandler<'completeJob'> = (ctx, command) => {
  const inactive = requireActive(ctx);
  if (inactive) return inactive;
  const ei = own(ctx.state.jobs, command.jobKey);
  if (!ei) return reject('JOB_NOT_FOUND', `No open job ${command.jobKey}.`);
  ctx.emit({ type: 'job.completed', jobKey: command.jobKey });
  const vars = sanitizeVariables(command.variables);
  if (vars) ctx.emit({ type: 'variables.updated', variables: vars });
  completeElement(ctx, ei);
  return null;
};

export const handleFailJob: CommandHandler<'failJob'> = (ctx, command) => {
  const inactive = requireActive(ctx);
  if (inactive) return inactive;
  const ei = own(ctx.state.jobs, command.jobKey);
  if (!ei) return reject('JOB_NOT_FOUND', `No open job ${command.jobKey}.`);
  const retriesLeft = Math.max(0, Math.floor(Number(command.retriesLeft) || 0));
  ctx.emit({ type: 'job.failed', jobKey: command.jobKey, error: String(command.error), retriesLeft });
  if (retriesLeft === 0) raiseIncident(ctx, ei, 'JOB_FAILED', String(command.error), 'job');
  return null;
};

// A BPMN error from a job handler, or from a called child process (through its call activity).
export const handleThrowError: CommandHandler<'throwError'> = (ctx, command) => {
  const inactive = requireActive(ctx);
  if (inactive) return inactive;
  let ei = command.elementInstanceId;
  if (command.jobKey !== undefined) {
    ei = own(ctx.state.jobs, command.jobKey);
    if (!ei) return reject('JOB_NOT_FOUND', `No open job ${command.jobKey}.`);
    ctx.emit({ type: 'job.completed', jobKey: command.jobKey });
  }
  if (!ei || !ctx.state.instances[ei]) return reject('ELEMENT_INSTANCE_NOT_FOUND', `No element instance ${String(ei)}.`);
  const vars = sanitizeVariables(command.variables);
  if (vars) ctx.emit({ type: 'variables.updated', variables: vars });
  throwError(ctx, ei, String(command.errorCode), command.message);
  return null;
};

export const handleChildCompleted: CommandHandler<'childCompleted'> = (ctx, command) => {
  const inactive = requireActive(ctx);
  if (inactive) return inactive;
  const inst = own(ctx.state.instances, command.elementInstanceId);
  if (!inst) return reject('ELEMENT_INSTANCE_NOT_FOUND', `No element instance ${command.elementInstanceId}.`);
  if (inst.k !== 'call') return reject('TASK_NOT_OPEN', `Element instance ${command.elementInstanceId} is not waiting for a child.`);
  const call = ctx.node(inst.el).call;
  const mapped = mapVariables(ctx, call?.outputs ?? [{}], sanitizeVariables(command.variables) ?? {});
  if (!mapped.ok) {
    raiseIncident(ctx, command.elementInstanceId, 'EXPRESSION_FAILED', `Output mapping of ${inst.el}: ${mapped.error}`, 'complete');
    return null;
  }
  if (Object.keys(mapped.variables).length) ctx.emit({ type: 'variables.updated', variables: mapped.variables });
  completeElement(ctx, command.elementInstanceId);
  return null;
};

export const handleChildEscalated: CommandHandler<'childEscalated'> = (ctx, command) => {
  const inactive = requireActive(ctx);
  if (inactive) return inactive;
  if (!own(ctx.state.instances, command.elementInstanceId))
    return reject('ELEMENT_INSTANCE_NOT_FOUND', `No element instance ${command.elementInstanceId}.`);
  throwEscalation(ctx, command.elementInstanceId, command.escalationCode);
  return null;
};
