import type { EngineEvent } from '../../src';
import { Scenario } from '../support/scenario';

const dir = __dirname;
type TaskCreated = Extract<EngineEvent, { type: 'task.created' }>;

function created(s: Scenario, elementId: string): TaskCreated {
  return (s.eventsOf('task.created') as TaskCreated[]).filter((e) => e.elementId === elementId).pop()!;
}

describe('user task assignment from oa:, camunda: and zeebe: attributes', () => {
  it('should evaluate oa:assignee, oa:dueWorkdays and oa:formKey when the task is created', async () => {
    // given / when (Monday 2026-01-05 + 3 working days = Thursday)
    const s = await Scenario.fromFile(dir, 'assignment.bpmn');
    s.start({}, { initiator: 'zhangsan', businessKey: 'GW-1' });
    // then
    expect(created(s, 'draft')).toMatchObject({
      name: '拟稿',
      assignee: 'zhangsan',
      formKey: 'form:draft',
      dueAt: '2026-01-08T08:00:00.000Z',
      candidateGroups: [],
    });
    expect(s.state!.businessKey).toBe('GW-1');
  });

  it('should pass oa:orgRole through for the server when the task has an org role', async () => {
    // given
    const s = await Scenario.fromFile(dir, 'assignment.bpmn');
    // when
    s.start({}, { initiator: 'zhangsan' }).completeTask('draft');
    // then
    expect(created(s, 'headApproval')).toMatchObject({
      assignee: null,
      orgRole: 'head-of-initiator-department',
      candidateGroups: ['office-heads', 'deputy-heads'],
    });
  });

  it('should read camunda: attributes when the model comes from Camunda 7', async () => {
    // given
    const s = await Scenario.fromFile(dir, 'assignment.bpmn');
    // when
    s.start({ docType: 'memo' }, { initiator: 'u' }).completeTask('draft').completeTask('headApproval');
    // then
    expect(created(s, 'camundaTask')).toMatchObject({
      assignee: 'clerk_memo',
      candidateUsers: ['zhang', 'li'],
      dueAt: '2026-02-01T00:00:00.000Z',
      formKey: 'embedded:app:forms/x.html',
    });
  });

  it('should read zeebe: assignment, schedule and form definitions when the model comes from Camunda 8', async () => {
    // given
    const s = await Scenario.fromFile(dir, 'assignment.bpmn');
    s.start({ docType: 'memo', reviewer: 'wang', groups: ['g1', 'g2'], due: '2026-03-01T09:00:00Z' }, { initiator: 'u' });
    // when
    s.completeTask('draft').completeTask('headApproval').completeTask('camundaTask');
    // then
    expect(created(s, 'zeebeTask')).toMatchObject({
      assignee: 'wang',
      candidateGroups: ['g1', 'g2'],
      dueAt: '2026-03-01T09:00:00.000Z',
      formKey: 'form:zeebe',
    });
  });

  it('should raise an incident, not throw, when an assignee expression fails', async () => {
    const s = await Scenario.fromFile(dir, 'assignment.bpmn');
    s.start({}, { initiator: 'u' }).completeTask('draft').completeTask('headApproval');
    // then docType is unknown: JUEL reports it, as Camunda does, and the task waits for an admin
    expect(s.incidents().map((i) => i.code)).toEqual(['EXPRESSION_FAILED']);
    expect(created(s, 'camundaTask')).toBeUndefined();
    expect(s.active()).toEqual(['camundaTask']);
    // when the variable is supplied and the incident resolved
    s.run({ type: 'setVariables', variables: { docType: 'memo' } });
    s.run({ type: 'resolveIncident', incidentId: Object.keys(s.state!.incidents)[0] });
    // then the task is created
    expect(created(s, 'camundaTask').assignee).toBe('clerk_memo');
  });
});

describe('script, service and receive tasks', () => {
  async function atCompute(): Promise<Scenario> {
    const s = await Scenario.fromFile(dir, 'assignment.bpmn');
    s.start({ docType: 'm', reviewer: 'r', groups: [], due: null, items: [1, 2, 3] }, { initiator: 'u' });
    return s.completeTask('draft').completeTask('headApproval').completeTask('camundaTask').completeTask('zeebeTask');
  }

  it('should store the FEEL script result and create a job when the script and service tasks are reached', async () => {
    // given / when
    const s = await atCompute();
    // then
    expect(s.state!.variables['total']).toBe(6);
    expect(s.jobs().map((j) => j.elementId)).toEqual(['archive']);
    expect(s.lastEffects.find((e) => e.type === 'createJob')).toMatchObject({ jobType: 'archive-document', retries: 3 });
  });

  it('should wait in the receive task after the job completes, and finish when it is triggered', async () => {
    // given
    const s = await atCompute();
    // when
    s.completeJob('archive', { archivedAs: 'A-1' });
    // then
    expect(s.active()).toEqual(['wait']);
    s.trigger('wait');
    expect(s.status).toBe('completed');
    expect(s.state).toMatchObject({ status: 'completed', instances: {} });
  });

  it('should raise an incident when the job runs out of retries, and re-create the job when it is resolved', async () => {
    // given
    const s = await atCompute();
    const jobKey = s.jobs()[0].jobKey;
    // when
    s.run({ type: 'failJob', jobKey, error: 'archive offline', retriesLeft: 2 });
    expect(s.incidents()).toEqual([]);
    s.run({ type: 'failJob', jobKey, error: 'archive offline', retriesLeft: 0 });
    // then
    expect(s.incidents().map((i) => [i.code, i.message])).toEqual([['JOB_FAILED', 'archive offline']]);
    s.run({ type: 'resolveIncident', incidentId: Object.keys(s.state!.incidents)[0] });
    expect(s.jobs().map((j) => j.elementId)).toEqual(['archive']);
    expect(s.jobs()[0].jobKey).not.toBe(jobKey);
  });

  it('should reject completing a task when it was already completed', async () => {
    // given
    const s = await Scenario.fromFile(dir, 'assignment.bpmn');
    s.start({}, { initiator: 'u' });
    const [id] = s.taskIds('draft');
    // when
    s.run({ type: 'completeTask', elementInstanceId: id });
    // then
    expect(s.reject({ type: 'completeTask', elementInstanceId: id }).code).toBe('ELEMENT_INSTANCE_NOT_FOUND');
  });
});

describe('terminate end events (BPMN 2.0 §13.5.6)', () => {
  it('should end the whole instance when reached at process level', async () => {
    // given
    const s = await Scenario.fromFile(dir, 'terminate.bpmn');
    // when
    s.start().completeTask('a');
    // then
    expect(s.status).toBe('terminated');
    expect(s.state!.instances).toEqual({});
    expect(
      s.lastEvents
        .filter((e) => e.type === 'task.cancelled')
        .map((e) => (e as { elementId: string }).elementId)
        .sort(),
    ).toEqual(['inner1', 'inner2']);
  });

  it('should end only the sub-process, which then completes normally, when reached inside it', async () => {
    // given
    const s = await Scenario.fromFile(dir, 'terminate.bpmn');
    // when
    s.start().completeTask('inner1');
    // then
    expect(s.tasks()).toEqual(['a', 'afterSub']);
  });
});

describe('instance commands', () => {
  it('should reject a second start and commands when the instance has ended', async () => {
    // given
    const s = await Scenario.fromFile(dir, 'terminate.bpmn');
    // when
    s.start();
    // then
    expect(s.reject({ type: 'start' }).code).toBe('INSTANCE_ALREADY_STARTED');
    s.run({ type: 'terminate', outcome: 'withdrawn' });
    expect(s.state!.outcome).toBe('withdrawn');
    expect(s.reject({ type: 'cancel' }).code).toBe('INSTANCE_NOT_ACTIVE');
  });

  it('should produce the same events, effects and state when given the same inputs', async () => {
    // given
    const a = await Scenario.fromFile(dir, 'assignment.bpmn');
    const b = await Scenario.fromFile(dir, 'assignment.bpmn');
    // when
    for (const s of [a, b]) s.start({ docType: 'x' }, { initiator: 'u' }).completeTask('draft');
    // then
    expect(a.history).toEqual(b.history);
    expect(a.allEffects).toEqual(b.allEffects);
    expect(a.state).toEqual(b.state);
  });

  it('should drop prototype-polluting names when variables are supplied', async () => {
    // given
    const s = await Scenario.fromFile(dir, 'terminate.bpmn');
    // when
    s.start(JSON.parse('{"__proto__": {"polluted": true}, "ok": 1}'));
    // then
    expect(s.state!.variables).toEqual({ ok: 1 });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('should take the job type of a service or send task from oa:handler', async () => {
    // given a model that names its handlers with oa:handler only
    const s = await Scenario.fromFile(dir, 'handler.bpmn');
    // when it starts and the first job completes
    s.start({}, { initiator: 'u' });
    const first = s.lastEffects.filter((e) => e.type === 'createJob');
    s.completeJob('tell');
    const second = s.lastEffects.filter((e) => e.type === 'createJob');
    // then each job carries the handler name as its type
    expect(first).toMatchObject([{ jobType: 'notify', elementId: 'tell' }]);
    expect(second).toMatchObject([{ jobType: 'exchange-document', elementId: 'send' }]);
  });
});
