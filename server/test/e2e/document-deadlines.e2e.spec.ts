import { DataSource } from 'typeorm';
import { JobEntity } from '../../src/modules/jobs/job.entity';
import { JobRunner } from '../../src/modules/jobs/job-runner.service';
import { TASK_DUE_REMINDER_JOB } from '../../src/modules/notifications/due-reminders';
import { eventually } from '../support/eventually';
import { TestServer } from '../support/test-server';

/**
 * 办理期限 that follow the document (issue 18, item 1), on the shipped 收文 model: the handling
 * steps are due with the document and their 催办 fall on working days; a calendar import recounts.
 */
describe('deadlines from the document (e2e)', () => {
  let server: TestServer;
  const tokens: Record<string, string> = {};
  const as = async (username: string) => (tokens[username] ??= await server.login(username));

  beforeAll(async () => {
    server = await TestServer.start();
  });
  afterAll(() => server.stop());

  const register = async (body: Record<string, unknown>, registration: Record<string, unknown>) => {
    const r = await server.call('POST', '/api/documents', {
      token: await as('clerk'),
      body: {
        direction: 'incoming',
        issuer: '安康市应急管理局',
        mainRecipients: ['安康市人民政府'],
        ...body,
        registration: { sourceOrg: '安康市应急管理局', channel: 'EXCHANGE', handlingType: 'ACT', ...registration },
      },
    });
    if (r.status !== 201) throw new Error(`registering: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body as { id: string; instanceId: string; registration: { dueAt: string; dueProvisional: boolean } };
  };
  const tasksOf = async (instanceId: string) =>
    (await server.call('GET', `/api/tasks?instanceId=${instanceId}`, { token: await as('admin') })).body.items as any[];
  const openAt = async (instanceId: string, elementId: string) =>
    (await tasksOf(instanceId)).filter((t) => t.elementId === elementId && t.status === 'open');
  const act = async (username: string, instanceId: string, elementId: string, variables: Record<string, unknown> = {}) => {
    const token = await as(username);
    const tasks = await openAt(instanceId, elementId);
    const task = tasks.find((t) => t.assignee === username) ?? tasks.find((t) => !t.assignee);
    if (!task) {
      const { incidents } = (await server.call('GET', `/api/instances/${instanceId}`, { token: await as('clerk') })).body;
      throw new Error(`${username} has no open task at ${elementId}; incidents: ${JSON.stringify(incidents)}`);
    }
    if (!task.assignee) expect((await server.call('POST', `/api/tasks/${task.id}/claim`, { token })).status).toBe(200);
    const r = await server.call('POST', `/api/tasks/${task.id}/complete`, { token, body: { variables } });
    if (r.status !== 200) throw new Error(`${username} completing ${elementId}: ${r.status} ${JSON.stringify(r.body)}`);
  };
  /** 签收, 登记, 初审, 拟办 (naming the handlers) and 批示: the document reaches 承办 */
  const toHandling = async (instanceId: string, handlers: Record<string, unknown>) => {
    await act('clerk', instanceId, 'signFor');
    await act('clerk', instanceId, 'register');
    await act('clerk', instanceId, 'screen', { screenResult: 'accept' });
    await act('head', instanceId, 'propose', handlers);
    await act('mayor', instanceId, 'instruct');
  };
  const jobsOf = async (instanceId: string) =>
    (await server.call('GET', `/api/jobs?instanceId=${instanceId}`, { token: await as('admin') })).body.items as any[];
  /** the 催办 jobs of a task (the jobs API does not show whose task a job serves) */
  const reminderJobsOf = async (instanceId: string, taskId: string) =>
    (await server.app.get(DataSource).manager.find(JobEntity, { where: { type: TASK_DUE_REMINDER_JOB, instanceId } })).filter(
      (j) => JSON.parse(j.payload).taskId === taskId,
    );
  /** the pending 催办 of a task: stage → due time */
  const remindersOf = async (instanceId: string, taskId: string) =>
    Object.fromEntries(
      (await reminderJobsOf(instanceId, taskId))
        .filter((j) => j.status === 'pending')
        .map((j) => [JSON.parse(j.payload).stage, j.dueAt.toISOString()]),
    );
  /** drives time: every pending job of the instance that is due runs */
  const runDueJobs = async (instanceId: string) => {
    const runner = server.app.get(JobRunner);
    for (const job of (await jobsOf(instanceId)).filter((j) => j.status === 'pending' && Date.parse(j.dueAt) <= Date.now()))
      await runner.runNow(job.id);
  };
  const noticesOf = async (username: string, instanceId: string) =>
    ((await server.call('GET', '/api/notifications?pageSize=100', { token: await as(username) })).body.items as any[]).filter(
      (n) => n.instanceId === instanceId && n.kind !== 'task.assigned',
    );

  it('should make the handling steps of a 特急 请示 due with the document and urge on the make-up Saturday after it', async () => {
    // given a 特急 请示 signed for on Monday 2025-09-29 (registered today, back-dated) with 3 working days:
    // 30 September, then 国庆 and 中秋 (1–8 October), then 9 and 10 October
    const doc = await register(
      { docType: 'GW11', title: '关于申请国庆期间应急物资储备资金的请示', urgency: 'EXTRA_URGENT', signers: ['吴国强'] },
      { signedForAt: '2025-09-29T10:20:00+08:00', timeLimitWorkdays: 3 },
    );
    expect(doc.registration).toMatchObject({ dueAt: '2025-10-10T09:30:00.000Z', dueProvisional: false });
    // when it reaches 承办
    await toHandling(doc.instanceId, { leadHandler: 'zjj_clerk', assistHandlers: ['czj_clerk'] });
    // then both handling tasks are due at 17:30 on Friday 10 October, the document's deadline
    const [lead] = await openAt(doc.instanceId, 'leadHandle');
    const [assist] = await openAt(doc.instanceId, 'assistHandle');
    expect([lead.dueAt, assist.dueAt]).toEqual(['2025-10-10T09:30:00.000Z', '2025-10-10T09:30:00.000Z']);
    // the supervisor's timers: 09:00 on Thursday 9 October and 09:00 on Saturday 11 October (调休上班)
    const timers = (await jobsOf(doc.instanceId)).filter((j) => j.type === 'timer');
    expect(Object.fromEntries(timers.map((j) => [j.elementId, j.dueAt]))).toEqual({
      leadReminder: '2025-10-09T01:00:00.000Z',
      leadOverdue: '2025-10-11T01:00:00.000Z',
      assistReminder: '2025-10-09T01:00:00.000Z',
      assistOverdue: '2025-10-11T01:00:00.000Z',
    });
    // the handler's overdue 催办 at 09:00 on the make-up Saturday; the early one had passed at creation
    const reminders = await reminderJobsOf(doc.instanceId, lead.id);
    expect(reminders.map((j) => [JSON.parse(j.payload).stage, j.dueAt.toISOString()])).toEqual([['due', '2025-10-11T01:00:00.000Z']]);

    // when time is driven: every job that is due runs
    await runDueJobs(doc.instanceId);
    // then the lead handler is urged once as overdue, and the supervisor (the registering clerk) is told
    await eventually(async () => (await noticesOf('zjj_clerk', doc.instanceId)).length === 1);
    expect(await noticesOf('zjj_clerk', doc.instanceId)).toEqual([
      expect.objectContaining({ kind: 'task.overdue', taskId: lead.id, body: '办理期限 2025-10-10 17:30 已过，请尽快办理。' }),
    ]);
    await eventually(async () => (await noticesOf('clerk', doc.instanceId)).length >= 2);

    // when both departments finish, 答复 is due with the document too
    await act('zjj_clerk', doc.instanceId, 'leadHandle');
    await act('czj_clerk', doc.instanceId, 'assistHandle');
    const [reply] = await openAt(doc.instanceId, 'reply');
    expect(reply.dueAt).toBe('2025-10-10T09:30:00.000Z');
  });

  it('should keep the model deadlines of a document registered without a time limit', async () => {
    // given
    const doc = await register({ docType: 'GW08', title: '关于做好冬季森林防火工作的通知' }, { signedForAt: '2026-12-01T10:00:00+08:00' });
    // when
    await toHandling(doc.instanceId, { leadHandler: 'zjj_clerk', assistHandlers: [] });
    // then 主办 is due ten working days after it arrived
    const [lead] = await openAt(doc.instanceId, 'leadHandle');
    const expected = await server.call('GET', `/api/calendar/due?from=${encodeURIComponent(lead.createdAt)}&workdays=10`, {
      token: await as('admin'),
    });
    expect(lead.dueAt).toBe(expected.body.dueAt);
  });

  it('should recount a provisional deadline when the admin imports the year, moving the tasks and their 催办', async () => {
    // given a document signed for on 2026-12-01 with 25 working days: 22 in December, then 2027,
    // whose holidays are not loaded yet — 1, 4 and 5 January count, so the deadline is provisional
    const doc = await register(
      { docType: 'GW08', title: '关于开展2027年元旦春节期间安全检查的通知' },
      { signedForAt: '2026-12-01T10:00:00+08:00', timeLimitWorkdays: 25 },
    );
    expect(doc.registration).toMatchObject({ dueAt: '2027-01-05T09:30:00.000Z', dueProvisional: true });
    await toHandling(doc.instanceId, { leadHandler: 'zjj_clerk', assistHandlers: [] });
    const [lead] = await openAt(doc.instanceId, 'leadHandle');
    expect(lead.dueAt).toBe('2027-01-05T09:30:00.000Z');
    expect(await remindersOf(doc.instanceId, lead.id)).toEqual({ before: '2027-01-04T01:00:00.000Z', due: '2027-01-06T01:00:00.000Z' });

    // when the system admin imports 2027 with 元旦 on Friday 1 January
    const imported = await server.call('POST', '/api/calendar/years/2027/import', {
      token: await as('sysadmin'),
      body: { days: [{ day: '2027-01-01', kind: 'holiday', name: '元旦' }] },
    });
    expect(imported.status).toBe(200);

    // then the document is due a working day later, no longer provisional
    const after = (await server.call('GET', `/api/documents/${doc.id}`, { token: await as('clerk') })).body;
    expect(after.registration).toMatchObject({ dueAt: '2027-01-06T09:30:00.000Z', dueProvisional: false });
    // the handling task moved with it, and so did its 催办 (the old pair cancelled)
    const [moved] = await openAt(doc.instanceId, 'leadHandle');
    expect(moved.dueAt).toBe('2027-01-06T09:30:00.000Z');
    expect(await remindersOf(doc.instanceId, lead.id)).toEqual({ before: '2027-01-05T01:00:00.000Z', due: '2027-01-07T01:00:00.000Z' });
    // the handler is told
    expect(await noticesOf('zjj_clerk', doc.instanceId)).toEqual([
      expect.objectContaining({
        kind: 'task.due-changed',
        taskId: lead.id,
        body: '工作日历已更新，办理期限由 2027-01-05 17:30 调整为 2027-01-06 17:30。',
      }),
    ]);
    // the recount is recorded, as the admin's
    const events = (
      await server.call('GET', '/api/audit/events?eventType=document.deadline.recounted&limit=20', { token: await as('auditor') })
    ).body.items as any[];
    expect(events.filter((e) => e.targetId === doc.id)).toEqual([
      expect.objectContaining({
        details: expect.objectContaining({ from: '2027-01-05T09:30:00.000Z', to: '2027-01-06T09:30:00.000Z', wasProvisional: true }),
      }),
    ]);
    // and 答复, created later, takes the recounted deadline from the process variable
    await act('zjj_clerk', doc.instanceId, 'leadHandle');
    const [reply] = await openAt(doc.instanceId, 'reply');
    expect(reply.dueAt).toBe('2027-01-06T09:30:00.000Z');
  });

  it('should recount an open document whose count runs through a day the admin changes', async () => {
    // given a document due on Friday 2025-10-10 (not provisional)
    const doc = await register(
      { docType: 'GW08', title: '关于做好国庆期间值班工作的通知' },
      { signedForAt: '2025-09-29T10:20:00+08:00', timeLimitWorkdays: 3 },
    );
    await toHandling(doc.instanceId, { leadHandler: 'zjj_clerk', assistHandlers: [] });
    await runDueJobs(doc.instanceId);
    await eventually(async () => (await noticesOf('zjj_clerk', doc.instanceId)).some((n) => n.kind === 'task.overdue'));
    // when Thursday 9 October becomes a local holiday
    const set = await server.call('PUT', '/api/calendar/days/2025-10-09', {
      token: await as('sysadmin'),
      body: { kind: 'holiday', name: '市政府决定放假' },
    });
    expect(set.status).toBe(200);
    // then the third working day is the make-up Saturday 11 October
    const [lead] = await openAt(doc.instanceId, 'leadHandle');
    expect(lead.dueAt).toBe('2025-10-11T09:30:00.000Z');
    const after = (await server.call('GET', `/api/documents/${doc.id}`, { token: await as('clerk') })).body;
    expect(after.registration).toMatchObject({ dueAt: '2025-10-11T09:30:00.000Z', dueProvisional: false });
    // and the handler, urged for the old deadline already, is urged for the new one (Monday 13 October 09:00, past too)
    await runDueJobs(doc.instanceId);
    await eventually(async () => (await noticesOf('zjj_clerk', doc.instanceId)).filter((n) => n.kind === 'task.overdue').length === 2);
    expect(
      (await noticesOf('zjj_clerk', doc.instanceId))
        .filter((n) => n.kind === 'task.overdue')
        .map((n) => n.body)
        .sort(),
    ).toEqual(['办理期限 2025-10-10 17:30 已过，请尽快办理。', '办理期限 2025-10-11 17:30 已过，请尽快办理。']);
  });
});
