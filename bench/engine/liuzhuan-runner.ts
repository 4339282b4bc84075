// Runs N instances of a model through the Liuzhuan engine core, completing every user task and
// job as it appears, one command at a time, and reports instances per second. After every
// command the state is serialized to JSON, as persisting it will. Bundled and started by run.mjs.
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

/**
 * One instance from start to end; `onWait` sees the JSON of the state each time the instance
 * rests. Returns the commands after the start and the characters of state JSON written (which
 * also keeps the serialization from being optimised away).
 */
export function runInstance(
  process: ExecutableProcess,
  env: EngineEnv,
  variables: Record<string, unknown>,
  onWait?: (json: string) => void,
): { commands: number; written: number } {
  let state: InstanceState | null = null;
  let json = '';
  let written = 0;
  let commands = -1;
  const step = (command: EngineCommand): void => {
    const result = execute(process, state, command, env);
    if (!result.ok) throw new Error(`${command.type}: ${result.rejection.code}`);
    state = result.state;
    // what persisting the instance will write after each command
    json = JSON.stringify(state);
    written += json.length;
    commands++;
  };
  step({ type: 'start', variables });
  for (let guard = 0; guard < 1000 && state!.status === 'active'; guard++) {
    const tasks = openTasks(state!);
    const jobs = Object.keys(state!.jobs);
    if (tasks.length === 0 && jobs.length === 0) throw new Error('instance stuck');
    onWait?.(json);
    if (tasks.length) step({ type: 'completeTask', elementInstanceId: tasks[0].elementInstanceId });
    else step({ type: 'completeJob', jobKey: jobs[0] });
  }
  if (state!.status !== 'completed') throw new Error(`instance ended ${state!.status}`);
  return { commands, written };
}

/**
 * Instances per second over at least `instances` instances and at least `minSeconds` (so that the
 * window is as long as the reference's and a moment of quiet on a shared machine does not decide
 * it), the largest waiting state JSON, and the tasks completed per instance.
 */
export function measure(
  process: ExecutableProcess,
  instances: number,
  variables: Record<string, unknown>,
  minSeconds: number,
): { perSecond: number; stateBytes: number; waits: number } {
  const env = benchEnv();
  let stateBytes = 0;
  const { commands: waits } = runInstance(process, env, variables, (json) => {
    stateBytes = Math.max(stateBytes, Buffer.byteLength(json));
  });
  let written = 0;
  for (let i = 0; i < Math.min(500, instances); i++) written += runInstance(process, env, variables).written; // warm-up
  const started = performance.now();
  let done = 0;
  let seconds = 0;
  while (done < instances || seconds < minSeconds) {
    for (let i = 0; i < 100; i++) written += runInstance(process, env, variables).written;
    done += 100;
    seconds = (performance.now() - started) / 1000;
  }
  if (written === 0) throw new Error('no state written');
  return { perSecond: done / seconds, stateBytes, waits };
}
