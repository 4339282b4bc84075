import type { EngineCommand } from '../../src';
import { Scenario } from '../support/scenario';

function prng(seed: number): () => number {
  let x = seed;
  return () => {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    return x / 0x7fffffff;
  };
}

const dir = `${__dirname}/../scenarios`;
const models: [string, Record<string, unknown>][] = [
  ['approval.bpmn', { signers: ['li', 'wang', 'zhao'] }],
  ['error-escalation.bpmn', { result: 'late' }],
  ['countersign.bpmn', { signers: ['a', 'b', 'c'] }],
  ['event-subprocess.bpmn', {}],
  ['inclusive-gateway.bpmn', { legal: true, finance: true }],
  ['boundary-timers.bpmn', {}],
  ['nested-errors.bpmn', {}],
];

/** Every command that could make sense now, valid or not. */
function candidates(s: Scenario, pick: <T>(xs: T[]) => T | undefined): EngineCommand[] {
  const state = s.state!;
  const ids = Object.keys(state.instances).filter((id) => id !== state.root);
  const commands: EngineCommand[] = [];
  const task = pick(ids.filter((id) => state.instances[id].k === 'task'));
  if (task) commands.push({ type: 'completeTask', elementInstanceId: task, outcome: pick(['approve', 'reject']) });
  const timer = pick(s.timers());
  if (timer) commands.push({ type: 'fireTimer', timerId: timer.timerId });
  const job = pick(s.jobs());
  if (job) commands.push({ type: 'completeJob', jobKey: job.jobKey });
  const any = pick(ids);
  const target = pick(state.visited);
  if (any && target)
    commands.push({ type: 'moveToken', fromElementInstanceId: any, targetElementId: target, mode: pick(['rerun', 'direct'])! });
  const body = pick(ids.filter((id) => state.instances[id].mi));
  if (body) commands.push({ type: 'addInstances', elementInstanceId: body, items: ['x'] });
  const inner = pick(ids.filter((id) => state.instances[id].inner));
  if (inner) commands.push({ type: 'removeInstances', innerElementInstanceIds: [inner] });
  if (any) commands.push({ type: 'cancelElementInstance', elementInstanceId: any });
  const withdrawable = pick(Object.keys(state.wd ?? {}));
  if (withdrawable)
    commands.push({ type: 'withdraw', elementInstanceId: withdrawable }, { type: 'withdraw', elementInstanceId: withdrawable });
  commands.push({ type: 'correlateMessage', name: pick(['withdraw', 'query', 'info'])! });
  commands.push({ type: 'setVariables', variables: { result: pick(['ok', 'rejected', 'late']) } });
  return commands;
}

describe('random command sequences', () => {
  it.each(models)('should never throw and always replay to the same state when driving %s at random', async (file, variables) => {
    for (let seed = 1; seed <= 15; seed++) {
      // given
      const random = prng(seed);
      const pick = <T>(xs: T[]): T | undefined => (xs.length ? xs[Math.floor(random() * xs.length)] : undefined);
      const s = await Scenario.fromFile(dir, file);
      s.start(variables);
      // when
      for (let step = 0; step < 25 && s.status === 'active'; step++) {
        const command = pick(candidates(s, pick))!;
        // then: accepted commands are checked by Scenario.run (replay, JSON); rejections carry a code
        const rejected = (() => {
          try {
            s.run(command);
            return null;
          } catch (err) {
            if (!(err as Error).message.includes('rejected')) throw err;
            return err;
          }
        })();
        if (rejected) expect((rejected as Error).message).toMatch(/rejected: [A-Z_]+/);
      }
      // and the bookkeeping stays consistent
      const state = s.state!;
      for (const inst of Object.values(state.instances)) {
        if (inst.sc) expect(state.instances[inst.sc]).toBeDefined();
      }
      for (const sub of Object.values(state.subs)) expect(state.instances[sub.ei]).toBeDefined();
      for (const ei of Object.values(state.jobs)) expect(state.instances[ei]).toBeDefined();
      // a withdraw record only lives while what it would cancel still waits
      for (const record of Object.values(state.wd ?? {})) {
        for (const ei of record.w ?? []) expect(state.instances[ei]).toBeDefined();
        expect(state.instances[record.sc]).toBeDefined();
      }
    }
  });
});
