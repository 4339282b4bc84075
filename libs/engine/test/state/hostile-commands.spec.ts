import { execute, type EngineCommand } from '../../src';
import { Scenario } from '../support/scenario';

const dir = `${__dirname}/../scenarios`;

describe('malformed commands', () => {
  it('should answer with a rejection, never a throw, when commands carry wrong types or unknown ids', async () => {
    // given an instance waiting in a countersign
    const s = await Scenario.fromFile(dir, 'countersign.bpmn');
    s.start({ signers: ['a', 'b'] });
    const inner = s.taskIds('vote')[0];
    const malformed = [
      null,
      {},
      { type: 'nope' },
      { type: 'completeTask' },
      { type: 'completeTask', elementInstanceId: inner, outcome: 42, variables: null },
      { type: 'fireTimer', timerId: { $ne: 1 } },
      { type: 'correlateMessage', name: null },
      { type: 'moveToken', fromElementInstanceId: inner, targetElementId: '__proto__', mode: 'sideways' },
      { type: 'addInstances', elementInstanceId: s.instanceOf('vote'), items: 'x' },
      { type: 'removeInstances', innerElementInstanceIds: 'x' },
      { type: 'resolveIncident', incidentId: 'constructor' },
      { type: 'failJob', jobKey: 'toString', error: {}, retriesLeft: 'many' },
      { type: 'start', variables: 'x' },
      { type: 'completeTask', elementInstanceId: '__proto__' },
      { type: 'cancelElementInstance', elementInstanceId: 'constructor' },
      { type: 'removeInstances', innerElementInstanceIds: [inner, inner] },
      { type: 'throwError', elementInstanceId: 'hasOwnProperty', errorCode: 'X' },
      { type: 'withdraw' },
      { type: 'withdraw', elementInstanceId: 'constructor' },
      { type: 'withdraw', elementInstanceId: ['x'] },
      { type: 'withdraw', elementInstanceId: inner },
    ] as unknown as EngineCommand[];
    for (const command of malformed) {
      // when
      const result = execute(s.process, s.state, command, s.env);
      // then
      if (!result.ok) expect(result.rejection.code).toMatch(/^[A-Z_]+$/);
    }
  });
});
