import type { ExecutableProcess } from '../model/process.model';
import type { InstanceState } from '../state/instance-state';
import { STATE_SCHEMA_VERSION } from '../state/instance-state';
import type { InstanceSnapshot } from '../state/instance-queries';
import { StateDraft } from '../state/state-draft';
import { activateElement, completeElement, retryInclusiveJoins } from './behaviors/element-lifecycle';
import { triggerSubscription } from './behaviors/event-trigger';
import { evaluate } from './behaviors/variable-mapping';
import { commandHandlers } from './commands/command-registry';
import type { CommandHandler } from './commands/command-handler';
import type { EngineCommand, EngineCommandType, EngineEnv, ExecuteResult } from './engine-api.types';
import { ExecutionContext } from './execution-context';
import { recordWithdrawal } from './behaviors/withdrawal';

/** Follow-up steps allowed per command; a model that loops without a wait state hits this. */
export const MAX_STEPS = 100_000;

/**
 * Runs one command against an instance: pure and deterministic (clock, ids and expressions come
 * from `env`). Returns the new state, the events (history facts) and the effects the server must
 * carry out after commit, or a rejection when the command does not fit the state.
 */
export function execute(
  process: ExecutableProcess,
  snapshot: Readonly<InstanceState> | InstanceSnapshot | null,
  command: EngineCommand,
  env: EngineEnv,
): ExecuteResult {
  // a snapshot is an InstanceState the server holds opaquely (readState)
  const state = snapshot as Readonly<InstanceState> | null;
  if (!process.isExecutable) {
    return { ok: false, rejection: { code: 'PROCESS_NOT_EXECUTABLE', message: `Process ${process.id} is not executable.` } };
  }
  const handler = commandHandlers[command?.type as EngineCommandType] as CommandHandler<EngineCommandType> | undefined;
  if (!handler) return { ok: false, rejection: { code: 'INVALID_COMMAND', message: `Unknown command ${String(command?.type)}.` } };
  if (state && state.schemaVersion !== STATE_SCHEMA_VERSION) {
    return { ok: false, rejection: { code: 'INVALID_COMMAND', message: `State schema ${state.schemaVersion} is not supported.` } };
  }
  if (state && state.status !== 'none' && state.processId !== process.id) {
    return {
      ok: false,
      rejection: { code: 'INVALID_COMMAND', message: `The state belongs to process ${state.processId}, not ${process.id}.` },
    };
  }
  // Copy-on-write: the given state is never changed, and only what the command changes is copied.
  const draft = state ? StateDraft.from(state) : StateDraft.fresh();
  const ctx = new ExecutionContext(process, draft, env);
  const rejection = handler(ctx, command);
  if (rejection) return { ok: false, rejection };
  if (!run(ctx)) {
    return {
      ok: false,
      rejection: { code: 'INVALID_COMMAND', message: `The command did not settle within ${MAX_STEPS} steps (a loop without wait state?).` },
    };
  }
  // 撤回: a user task completion records what undoing it needs while that is possible.
  if (command.type === 'completeTask' && state) recordWithdrawal(ctx, state, command.elementInstanceId);
  return { ok: true, state: draft.state, events: ctx.events, effects: ctx.effects };
}

/** Runs follow-ups until every token rests; false when the step budget is exhausted. */
function run(ctx: ExecutionContext): boolean {
  let steps = 0;
  for (;;) {
    for (let step = ctx.next(); step; step = ctx.next()) {
      if (!ctx.active) continue;
      if (++steps > MAX_STEPS) return false;
      if (step.k === 'activate') {
        if (ctx.state.instances[step.scopeInstanceId]) activateElement(ctx, step);
      } else completeElement(ctx, step.elementInstanceId);
    }
    if (!ctx.active) return true;
    if (retryInclusiveJoins(ctx)) continue;
    if (ctx.variablesChanged) {
      ctx.variablesChanged = false;
      if (triggerConditions(ctx)) continue;
    }
    return true;
  }
}

/** Conditional events (§10.5.1) fire when their condition holds after variables changed. */
function triggerConditions(ctx: ExecutionContext): boolean {
  let fired = false;
  for (const id of Object.keys(ctx.state.subs)) {
    const sub = ctx.state.subs[id];
    if (!sub || sub.k !== 'conditional' || !ctx.active) continue;
    const condition = ctx.node(sub.el).trigger?.condition;
    if (!condition) continue;
    // An evaluation error (e.g. a variable not yet set) means "not yet": the condition is
    // re-evaluated on the next change instead of raising an incident each time.
    const r = evaluate(ctx, sub.ei, condition);
    if (r.ok && r.value === true) {
      triggerSubscription(ctx, id);
      fired = true;
    }
  }
  return fired;
}
