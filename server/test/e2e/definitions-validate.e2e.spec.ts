import { DataSource } from 'typeorm';
import { bpmn, singleTask } from '../support/bpmn-fixtures';
import { TestServer } from '../support/test-server';

/** POST /api/definitions/validate: the compiler's diagnostics for the designer's 校验, nothing stored. */
describe('definitions validate (e2e)', () => {
  let server: TestServer;
  let admin: string;
  let clerk: string;

  beforeAll(async () => {
    server = await TestServer.start();
    [admin, clerk] = await Promise.all([server.login('admin'), server.login('clerk')]);
  });
  afterAll(() => server.stop());

  const validate = (raw: string, token = admin) =>
    server.call('POST', '/api/definitions/validate', { token, raw, contentType: 'application/xml' });
  const stored = async () => Number((await server.app.get(DataSource).query('SELECT COUNT(*) AS n FROM deployment'))[0].n);
  const found = (body: { diagnostics: { elementId: string | null; severity: string }[] }) =>
    body.diagnostics.map((d) => `${d.elementId}:${d.severity}`);

  it('should answer no diagnostics and store nothing when the model is well formed', async () => {
    // Given a well-formed process
    const before = await stored();
    // When it is validated
    const res = await validate(singleTask('validate-ok'));
    // Then the answer is 200 with no diagnostics, and no deployment was written
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ diagnostics: [] });
    expect(await stored()).toBe(before);
  });

  it('should answer 200 with each finding on its element when the model has errors', async () => {
    // Given a process with a dangling flow, a JavaScript script task inside a
    // sub-process, a timer with non-numeric working days, an invalid countersign rule on a
    // multi-instance task and a countersign rule on a single task
    const xml = bpmn(`<process id="bad" isExecutable="true">
      <sequenceFlow id="dangling" sourceRef="a" targetRef="nowhere"/>
      <userTask id="a" camunda:assignee="clerk"/>
      <subProcess id="sub"><scriptTask id="js" scriptFormat="javascript"><script>1</script></scriptTask></subProcess>
      <userTask id="waits" camunda:assignee="clerk"/>
      <boundaryEvent id="timer" attachedToRef="waits"><timerEventDefinition oa:dueWorkdays="soon"/></boundaryEvent>
      <userTask id="vote" camunda:assignee="\${signer}" oa:countersign="most">
        <multiInstanceLoopCharacteristics camunda:collection="\${signers}" camunda:elementVariable="signer"/>
      </userTask>
      <userTask id="single" camunda:assignee="clerk" oa:countersign="all"/>
    </process>`);
    const before = await stored();
    // When it is validated
    const res = await validate(xml);
    // Then every finding names its element (the warning too), with 200 and nothing stored
    expect(res.status).toBe(200);
    const findings = found(res.body);
    for (const expected of ['dangling:error', 'js:error', 'timer:error', 'vote:error', 'single:warning'])
      expect(findings).toContain(expected);
    expect(await stored()).toBe(before);
  });

  it('should report a file without a process as an error, as deploy refuses it', async () => {
    const res = await validate(bpmn(''));
    expect(res.status).toBe(200);
    expect(res.body.diagnostics.map((d: { code: string; severity: string }) => `${d.code}:${d.severity}`)).toEqual([
      'BPMN_NO_PROCESS:error',
    ]);
  });

  it('should refuse a user without the workflow admin role with 403', async () => {
    const res = await validate(singleTask('validate-clerk'), clerk);
    expect(res.status).toBe(403);
  });
});
