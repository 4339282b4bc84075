// Test driver for scenario specs: compiles a fixture, runs commands with a deterministic env,
// and after every command checks that replaying all events rebuilds the same state.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  activeElementIds,
  compile,
  createExpressionEvaluator,
  execute,
  openTasks,
  replay,
  type CompileResult,
  type EngineCommand,
  type EngineEffect,
  type EngineEnv,
  type EngineEvent,
  type ExecutableProcess,
  type InstanceState,
  type Rejection,
} from '../../src';

export function testEnv(start = '2026-01-05T08:00:00.000Z'): EngineEnv & { advance(ms: number): void; setNow(iso: string): void } {
  let now = Date.parse(start);
  let seq = 0;
  return {
    now: () => new Date(now).toISOString(),
    newId: () => `id${++seq}`,
    expressions: createExpressionEvaluator(),
    calendar: {
      // Monday–Friday calendar, enough for engine tests; the real one lives in the server.
      addWorkdays(fromIso: string, workdays: number) {
        const d = new Date(fromIso);
        let left = workdays;
        while (left > 0) {
          d.setUTCDate(d.getUTCDate() + 1);
          const day = d.getUTCDay();
          if (day !== 0 && day !== 6) left--;
        }
        return { dueAt: d.toISOString(), provisional: false };
      },
    },
    advance(ms: number) {
      now += ms;
    },
    setNow(iso: string) {
      now = Date.parse(iso);
    },
  };
}

export async function compileFixture(dir: string, file: string): Promise<CompileResult> {
  return compile(readFileSync(join(dir, file), 'utf8'));
}

export function errorsOf(result: CompileResult): string[] {
  return result.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code}@${d.elementId}: ${d.message}`);
}

export class Scenario {
  state: InstanceState | null = null;
  readonly history: EngineEvent[] = [];
  lastEvents: EngineEvent[] = [];
  lastEffects: EngineEffect[] = [];
  readonly allEffects: EngineEffect[] = [];

  constructor(
    readonly process: ExecutableProcess,
    readonly env = testEnv(),
  ) {}

  static async fromFile(dir: string, file: string, processId?: string): Promise<Scenario> {
    const result = await compileFixture(dir, file);
    const errors = errorsOf(result);
    if (errors.length) throw new Error(`${file} does not compile:\n${errors.join('\n')}`);
    const process = processId ? result.processes.find((p) => p.id === processId) : result.processes.find((p) => p.isExecutable);
    if (!process) throw new Error(`${file}: no process ${processId ?? '(executable)'}`);
    return new Scenario(process);
  }

  /** Runs a command that must be accepted. */
  run(command: EngineCommand): this {
    const before = JSON.stringify(this.state);
    const result = execute(this.process, this.state, command, this.env);
    // States are values: the state given to execute never changes (the engine copies on write).
    expect(JSON.stringify(this.state)).toBe(before);
    if (!result.ok) throw new Error(`${command.type} rejected: ${result.rejection.code} ${result.rejection.message}`);
    this.state = result.state;
    this.lastEvents = result.events;
    this.lastEffects = result.effects;
    this.history.push(...result.events);
    this.allEffects.push(...result.effects);
    // Replaying the events must rebuild the state, and the state must survive JSON.
    expect(replay(this.history)).toEqual(this.state);
    expect(JSON.parse(JSON.stringify(this.state))).toEqual(this.state);
    return this;
  }

  /** Runs a command that must be rejected; returns the rejection. */
  reject(command: EngineCommand): Rejection {
    const before = JSON.stringify(this.state);
    const result = execute(this.process, this.state, command, this.env);
    expect(JSON.stringify(this.state)).toBe(before);
    if (result.ok) throw new Error(`${command.type} was accepted`);
    return result.rejection;
  }

  start(variables?: Record<string, unknown>, extra: Partial<Extract<EngineCommand, { type: 'start' }>> = {}): this {
    return this.run({ type: 'start', ...(variables ? { variables } : {}), ...extra });
  }

  get status(): string {
    return this.state?.status ?? 'none';
  }

  active(): string[] {
    return this.state ? activeElementIds(this.state).sort() : [];
  }

  tasks(): string[] {
    return this.state
      ? openTasks(this.state)
          .map((t) => t.elementId)
          .sort()
      : [];
  }

  taskIds(elementId: string): string[] {
    return this.state
      ? openTasks(this.state)
          .filter((t) => t.elementId === elementId)
          .map((t) => t.elementInstanceId)
      : [];
  }

  instanceOf(elementId: string): string {
    const id = Object.keys(this.state?.instances ?? {}).find(
      (k) => this.state!.instances[k].el === elementId && !this.state!.instances[k].inner,
    );
    if (!id) throw new Error(`no instance of ${elementId}; active: ${this.active().join(', ')}`);
    return id;
  }

  completeTask(elementId: string, variables?: Record<string, unknown>, outcome?: string): this {
    const [id] = this.taskIds(elementId);
    if (!id) throw new Error(`no open task ${elementId}; open: ${this.tasks().join(', ')}; active: ${this.active().join(', ')}`);
    return this.run({ type: 'completeTask', elementInstanceId: id, ...(variables ? { variables } : {}), ...(outcome ? { outcome } : {}) });
  }

  /** Completes a waiting receive task (no message) the way Camunda's signal() does. */
  trigger(elementId: string): this {
    return this.run({ type: 'completeTask', elementInstanceId: this.instanceOf(elementId) });
  }

  timers(): { timerId: string; elementId: string; dueAt: string }[] {
    const subs = this.state?.subs ?? {};
    return Object.keys(subs)
      .filter((id) => subs[id].k === 'timer')
      .map((id) => ({ timerId: id, elementId: subs[id].el, dueAt: subs[id].dueAt as string }));
  }

  fireTimer(elementId: string): this {
    const timer = this.timers().find((t) => t.elementId === elementId);
    if (!timer) throw new Error(`no timer on ${elementId}; timers: ${JSON.stringify(this.timers())}`);
    this.env.setNow(timer.dueAt);
    return this.run({ type: 'fireTimer', timerId: timer.timerId });
  }

  jobs(): { jobKey: string; elementId: string }[] {
    const jobs = this.state?.jobs ?? {};
    return Object.keys(jobs).map((k) => ({ jobKey: k, elementId: this.state!.instances[jobs[k]]?.el }));
  }

  completeJob(elementId: string, variables?: Record<string, unknown>): this {
    const job = this.jobs().find((j) => j.elementId === elementId);
    if (!job) throw new Error(`no job for ${elementId}`);
    return this.run({ type: 'completeJob', jobKey: job.jobKey, ...(variables ? { variables } : {}) });
  }

  eventsOf(type: EngineEvent['type']): EngineEvent[] {
    return this.history.filter((e) => e.type === type);
  }

  /** Element ids completed, in order. */
  completedElements(): string[] {
    return this.history.filter((e) => e.type === 'element.completed').map((e) => (e as { elementId: string }).elementId);
  }

  incidents(): { code: string; message: string; ei: string }[] {
    return Object.values(this.state?.incidents ?? {});
  }
}
