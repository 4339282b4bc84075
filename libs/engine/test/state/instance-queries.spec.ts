// The read-only queries the server asks of an instance state instead of reading its fields.
import {
  activeElementIds,
  businessKeyOf,
  hasOpenJobs,
  hasSubscriptions,
  incident,
  incidents,
  instanceStatus,
  isCountersignTask,
  openCountersignOf,
  processVariables,
  readState,
  returnTargets,
  rootInstanceId,
  subscriptionElementId,
  variableJsonPath,
  withdrawalPlan,
} from '../../src';
import { Scenario } from '../support/scenario';

const dir = `${__dirname}/../scenarios`;

async function countersign(): Promise<Scenario> {
  const s = await Scenario.fromFile(dir, 'countersign.bpmn', 'countersignRules');
  return s.start({ signers: ['a', 'b', 'c'] }, { businessKey: 'BK-1' });
}

describe('readState', () => {
  it('should answer every query as the state itself does when the snapshot is read from its JSON', async () => {
    // given
    const s = await countersign();
    // when
    const snapshot = readState(JSON.stringify(s.state));
    // then
    expect(activeElementIds(snapshot)).toEqual(activeElementIds(s.state!));
    expect(openCountersignOf(snapshot, s.taskIds('vote')[0])).toEqual(openCountersignOf(s.state!, s.taskIds('vote')[0]));
  });
});

describe('instance queries', () => {
  it('should give the status, root id and business key when the instance has started', async () => {
    // given / when
    const s = await countersign();
    // then
    expect(instanceStatus(s.state!)).toBe('active');
    expect(rootInstanceId(s.state!)).toBe(s.state!.root);
    expect(businessKeyOf(s.state!)).toBe('BK-1');
  });

  it('should list the active elements without the process when a countersign waits', async () => {
    // given / when
    const s = await countersign();
    // then
    expect(activeElementIds(s.state!)).toEqual(['vote']);
  });

  it('should give the process variables when the instance holds some', async () => {
    // given / when
    const s = await countersign();
    // then
    expect(processVariables(s.state!)).toEqual(expect.objectContaining({ signers: ['a', 'b', 'c'] }));
  });
});

describe('variableJsonPath', () => {
  /** Follows a `$.a.b` path through parsed JSON, as JSON_VALUE and json_extract do. */
  const at = (json: string, path: string): unknown =>
    path
      .split('.')
      .slice(1)
      .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], JSON.parse(json));

  it('should point where processVariables reads a variable when the state is stored as JSON', async () => {
    // given a stored state with variables
    const s = await Scenario.fromFile(dir, 'countersign.bpmn', 'countersignRules');
    s.start({ signers: ['a'], title: '关于防汛工作的通知', urgency: 'URGENT' });
    const json = JSON.stringify(s.state);
    // when / then
    for (const name of ['title', 'urgency', 'signers']) {
      expect(variableJsonPath(name).startsWith('$.')).toBe(true);
      expect(at(json, variableJsonPath(name))).toEqual(processVariables(readState(json))[name]);
    }
    expect(at(json, variableJsonPath('title'))).toBe('关于防汛工作的通知');
  });

  it('should refuse a name the path would have to quote when it is not a plain identifier', () => {
    expect(() => variableJsonPath("x') OR 1=1 --")).toThrow();
    expect(() => variableJsonPath('a.b')).toThrow();
  });
});

describe('countersign queries', () => {
  it('should find the body and every open inner task when a task is part of a running countersign', async () => {
    // given
    const s = await countersign();
    const [first, ...others] = s.taskIds('vote');
    // when
    const found = openCountersignOf(s.state!, first);
    // then
    expect(isCountersignTask(s.state!, first)).toBe(true);
    expect(found?.bodyId).toBe(s.state!.instances[first].sc);
    expect([...(found?.innerIds ?? [])].sort()).toEqual([first, ...others].sort());
  });

  it('should leave out a signer that voted when the countersign still runs', async () => {
    // given
    const s = await countersign();
    const [first, second] = s.taskIds('vote');
    s.run({ type: 'completeTask', elementInstanceId: first, outcome: 'agree' });
    // when
    const found = openCountersignOf(s.state!, second);
    // then
    expect(found?.innerIds).not.toContain(first);
    expect(found?.innerIds).toContain(second);
  });

  it('should find no countersign when the task is a plain task or unknown', async () => {
    // given
    const s = await Scenario.fromFile(dir, 'approval-ops.bpmn', 'straight');
    s.start();
    const draft = s.taskIds('draft')[0];
    // when / then
    expect(isCountersignTask(s.state!, draft)).toBe(false);
    expect(openCountersignOf(s.state!, draft)).toBeNull();
    expect(isCountersignTask(s.state!, 'constructor')).toBe(false);
    expect(openCountersignOf(s.state!, '__proto__')).toBeNull();
  });
});

describe('incident queries', () => {
  it('should describe the incident with its element when a gateway has no flow to take', async () => {
    // given
    const s = await Scenario.fromFile(dir, 'exclusive-no-default.bpmn');
    // when
    s.start({ x: 5 });
    // then
    const [id] = Object.keys(s.state!.incidents);
    expect(incidents(s.state!)).toEqual([{ id, elementId: 'decide', code: 'NO_FLOW_SELECTED', message: expect.any(String) }]);
    expect(incident(s.state!, id)).toEqual(incidents(s.state!)[0]);
  });

  it('should find no incident when the id is not one of the instance', async () => {
    // given
    const s = await countersign();
    // when / then
    expect(incidents(s.state!)).toEqual([]);
    expect(incident(s.state!, 'constructor')).toBeNull();
  });
});

describe('approval operation queries', () => {
  it('should list the previous user task when a task can be returned', async () => {
    // given
    const s = await Scenario.fromFile(dir, 'approval-ops.bpmn', 'straight');
    s.start().completeTask('draft');
    // when
    const targets = returnTargets(s.process, s.state!, s.taskIds('review')[0]);
    // then
    expect(targets.map((t) => t.elementId)).toEqual(['draft']);
  });

  it('should plan to cancel the next task when a completion can be withdrawn', async () => {
    // given
    const s = await Scenario.fromFile(dir, 'approval-ops.bpmn', 'straight');
    s.start().completeTask('draft');
    const draft = s.history.find((e) => e.type === 'task.completed') as { elementInstanceId: string };
    // when
    const plan = withdrawalPlan(s.state!, draft.elementInstanceId);
    // then
    expect(plan).toEqual({ cancelsTasks: s.taskIds('review') });
    expect(withdrawalPlan(s.state!, 'unknown')).toBeNull();
  });
});

describe('wait queries', () => {
  it('should see the subscription and its catching element when a boundary event waits', async () => {
    // given
    const s = await Scenario.fromFile(dir, 'boundary-events.bpmn');
    // when
    s.start();
    // then
    const [id, sub] = Object.entries(s.state!.subs)[0];
    expect(hasSubscriptions(s.state!)).toBe(true);
    expect(subscriptionElementId(s.state!, id)).toBe(sub.el);
    expect(subscriptionElementId(s.state!, 'toString')).toBeNull();
    expect(hasOpenJobs(s.state!)).toBe(false);
  });

  it('should see the open job when a service task waits for its worker', async () => {
    // given
    const s = await Scenario.fromFile(dir, 'boundary-events.bpmn');
    s.start();
    // when
    s.completeTask('review');
    // then
    expect(hasOpenJobs(s.state!)).toBe(true);
    expect(hasSubscriptions(s.state!)).toBe(false);
  });
});
