// Runs N instances of a model through the Liuzhuan engine core, completing every user task and
// job as it appears, and reports instances per second. Bundled and started by run.mjs.
import {
  compile,
  createExpressionEvaluator,
  execute,
  openTasks,
  type EngineCommand,
  type EngineEnv,
  type ExecutableProcess,
  type InstanceState,
} from '../../libs/engine/src';

export async function compileModel(xml: string): Promise<ExecutableProcess> {
  const result = await compile(xml);
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) throw new Error(errors.map((d) => d.message).join('\n'));
  const process = result.processes.find((p) => p.isExecutable);
  if (!process) throw new Error('no executable process');
  return process;
}

function benchEnv(): EngineEnv {
  let seq = 0;
  return {
    now: () => '2026-01-05T08:00:00.000Z',
    newId: () => `i${++seq}`,
    expressions: createExpressionEvaluator(),
    calendar: { addWorkdays: (from: string) => ({ dueAt: from, provisional: false }) },
  };
}

/** One instance from start to end; `onWait` sees the state each time the instance rests. */
export function runInstance(
  process: ExecutableProcess,
  env: EngineEnv,
  variables: Record<string, unknown>,
  onWait?: (state: InstanceState) => void,
): void {
  let state: InstanceState | null = null;
  const step = (command: EngineCommand): void => {
    const result = execute(process, state, command, env);
    if (!result.ok) throw new Error(`${command.type}: ${result.rejection.code}`);
    state = result.state;
  };
  step({ type: 'start', variables });
  for (let guard = 0; guard < 1000 && state!.status === 'active'; guard++) {
    const tasks = openTasks(state!);
    const jobs = Object.keys(state!.jobs);
    if (tasks.length === 0 && jobs.length === 0) throw new Error('instance stuck');
    onWait?.(state!);
    if (tasks.length) step({ type: 'completeTask', elementInstanceId: tasks[0].elementInstanceId });
    else step({ type: 'completeJob', jobKey: jobs[0] });
  }
}

export function measure(process: ExecutableProcess, instances: number, variables: Record<string, unknown>): { perSecond: number; stateBytes: number } {
  const env = benchEnv();
  let stateBytes = 0;
  runInstance(process, env, variables, (state) => {
    stateBytes = Math.max(stateBytes, Buffer.byteLength(JSON.stringify(state)));
  });
  for (let i = 0; i < Math.min(500, instances); i++) runInstance(process, env, variables); // warm-up
  const started = performance.now();
  for (let i = 0; i < instances; i++) runInstance(process, env, variables);
  const seconds = (performance.now() - started) / 1000;
  return { perSecond: instances / seconds, stateBytes };
}
