import { Scenario } from '../support/scenario';

const dir = __dirname;

describe('exclusive gateway (BPMN 2.0 §13.3.2)', () => {
  it('should take the first flow whose FEEL condition holds when several exist', async () => {
    // given
    const s = await Scenario.fromFile(dir, 'exclusive-gateway.bpmn');
    // when
    s.start({ amount: 5000 });
    // then
    expect(s.tasks()).toEqual(['urgent']);
  });

  it('should evaluate a JUEL condition when the model uses ${…}', async () => {
    // given
    const s = await Scenario.fromFile(dir, 'exclusive-gateway.bpmn');
    // when
    s.start({ amount: 7 });
    // then
    expect(s.tasks()).toEqual(['juel']);
  });

  it('should take the default flow when no condition holds', async () => {
    // given
    const s = await Scenario.fromFile(dir, 'exclusive-gateway.bpmn');
    // when
    s.start({ amount: 10 }).completeTask('normal');
    // then
    expect(s.status).toBe('completed');
    expect(s.completedElements()).toEqual(['start', 'decide', 'normal', 'merge', 'end']);
  });

  it('should raise an incident and keep the token when no condition holds and there is no default', async () => {
    // given
    const s = await Scenario.fromFile(dir, 'exclusive-no-default.bpmn');
    // when
    s.start({ x: 5 });
    // then
    expect(s.status).toBe('active');
    expect(s.active()).toEqual(['decide']);
    expect(s.incidents().map((i) => i.code)).toEqual(['NO_FLOW_SELECTED']);
  });

  it('should raise an incident, not throw, when a condition cannot be evaluated', async () => {
    // given
    const s = await Scenario.fromFile(dir, 'exclusive-no-default.bpmn');
    // when
    s.start({ x: 2, ['x.y']: null });
    // then
    expect(s.status).toBe('active');
    expect(s.incidents()).toHaveLength(1);
  });

  it('should continue when the incident is resolved after the variables were fixed', async () => {
    // given
    const s = await Scenario.fromFile(dir, 'exclusive-no-default.bpmn');
    s.start({ x: 5 });
    const incidentId = Object.keys(s.state!.incidents)[0];
    // when
    s.run({ type: 'setVariables', variables: { x: 1 } }).run({ type: 'resolveIncident', incidentId });
    // then
    expect(s.incidents()).toEqual([]);
    expect(s.tasks()).toEqual(['a']);
  });
});

describe('parallel gateway (BPMN 2.0 §13.3.4)', () => {
  it('should fork to every outgoing flow and join only when all branches arrived', async () => {
    // given
    const s = await Scenario.fromFile(dir, 'parallel-gateway.bpmn');
    s.start();
    expect(s.tasks()).toEqual(['a', 'b']);
    // when
    s.completeTask('a');
    // then
    expect(s.tasks()).toEqual(['b']);
    expect(s.state!.joins).toEqual({ [`${s.state!.root}|join`]: ['f7', 'f5'] });
    // when
    s.completeTask('b');
    // then
    expect(s.tasks()).toEqual(['sign']);
    expect(s.state!.joins).toEqual({});
    s.completeTask('sign');
    expect(s.status).toBe('completed');
  });

  it('should wait forever at the join when its other branch was never taken (no dead-path elimination)', async () => {
    // given a join fed by an exclusive choice that took only one path
    const s = await Scenario.fromFile(dir, 'parallel-join-strict.bpmn');
    // when
    s.start();
    // then
    expect(s.status).toBe('active');
    expect(s.active()).toEqual([]);
    expect(Object.values(s.state!.joins)).toEqual([['f2']]);
  });
});

describe('inclusive gateway (BPMN 2.0 §13.3.3)', () => {
  it('should activate every branch when several conditions hold', async () => {
    // given
    const s = await Scenario.fromFile(dir, 'inclusive-gateway.bpmn');
    // when
    s.start({ legal: true, finance: true });
    // then
    expect(s.tasks()).toEqual(['a', 'b1']);
  });

  it('should take the default flow only when no condition holds', async () => {
    // given
    const s = await Scenario.fromFile(dir, 'inclusive-gateway.bpmn');
    // when
    s.start({ legal: false, finance: false });
    // then
    expect(s.tasks()).toEqual(['c']);
    s.completeTask('c');
    expect(s.tasks()).toEqual(['done']);
  });

  it('should make the join wait when a token can still arrive on another incoming path', async () => {
    // given legal and finance branches, finance has two steps
    const s = await Scenario.fromFile(dir, 'inclusive-gateway.bpmn');
    s.start({ legal: true, finance: true });
    // when legal finishes first
    s.completeTask('a');
    // then the join waits: a token is still upstream in b1
    expect(s.tasks()).toEqual(['b1']);
    s.completeTask('b1');
    expect(s.tasks()).toEqual(['b2']);
    // when the last token arrives
    s.completeTask('b2');
    // then the join fires once
    expect(s.tasks()).toEqual(['done']);
    expect(s.eventsOf('element.activated').filter((e) => (e as { elementId: string }).elementId === 'join')).toHaveLength(1);
  });

  it('should fire the join at once when only one branch was taken', async () => {
    // given
    const s = await Scenario.fromFile(dir, 'inclusive-gateway.bpmn');
    s.start({ legal: true, finance: false });
    // when
    s.completeTask('a');
    // then
    expect(s.tasks()).toEqual(['done']);
  });
});
