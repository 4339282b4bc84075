import { TransactionRunner } from '../../src/platform/database/transaction-runner';
import { JobEntity } from '../../src/modules/jobs/job.entity';
import { JobRunner } from '../../src/modules/jobs/job-runner.service';
import { DueReminderScheduler, TASK_DUE_REMINDER_JOB } from '../../src/modules/notifications/due-reminders';
import { TaskDueReminderJob } from '../../src/modules/notifications/task-due-reminder.job';
import { bpmn } from '../support/bpmn-fixtures';
import { eventually } from '../support/eventually';
import { TestServer } from '../support/test-server';

/** start → a user task with a deadline from the variable `deadline` → end */
const taskWithDeadline = (key: string, assignment: string) =>
  bpmn(`<process id="${key}" isExecutable="true">
    <startEvent id="start"/><sequenceFlow id="f1" sourceRef="start" targetRef="task"/>
    <userTask id="task" name="审核来文" ${assignment} camunda:dueDate="\${deadline}"/><sequenceFlow id="f2" sourceRef="task" targetRef="end"/>
    <endEvent id="end"/></process>`);

describe('due-date reminders and the notify service task (e2e)', () => {
  let server: TestServer;
  let admin: string;
  let clerk: string;
  let tx: TransactionRunner;

  beforeAll(async () => {
    server = await TestServer.start();
    [admin, clerk] = await Promise.all([server.login('admin'), server.login('clerk')]);
    tx = server.app.get(TransactionRunner);
    for (const [key, assignment] of [
      ['remind-assignee', 'camunda:assignee="clerk"'],
      ['remind-candidates', 'camunda:candidateUsers="head,staff"'],
    ]) {
      const r = await server.call('POST', '/api/definitions', {
        token: admin,
        raw: taskWithDeadline(key, assignment),
        contentType: 'application/xml',
      });
      expect(r.status).toBe(201);
    }
  });
  afterAll(() => server.stop());

  const startTask = async (key: string, deadline: string) => {
    const started = await server.call('POST', '/api/instances', { token: clerk, body: { definitionKey: key, variables: { deadline } } });
    expect(started.status).toBe(201);
    const tasks = await server.call('GET', `/api/tasks?instanceId=${started.body.id}`, { token: admin });
    const [task] = tasks.body.items;
    return { instanceId: started.body.id as string, id: task.id as string, dueAt: new Date(task.dueAt as string) };
  };
  const schedule = (task: { id: string; instanceId: string; dueAt: Date }) =>
    tx.run(async (t) => {
      await server.app.get(DueReminderScheduler).scheduleDueReminders(t, task);
      return t.manager.find(JobEntity, { where: { type: TASK_DUE_REMINDER_JOB, instanceId: task.instanceId }, order: { dueAt: 'ASC' } });
    });
  const jobOf = async (instanceId: string, stage: 'before' | 'due') =>
    (
      await tx.run((t) => t.manager.find(JobEntity, { where: { type: TASK_DUE_REMINDER_JOB, instanceId }, order: { createdAt: 'DESC' } }))
    ).find((j) => JSON.parse(j.payload).stage === stage) as JobEntity;
  const notificationsOf = async (username: string, instanceId: string) => {
    const token = await server.login(username);
    const r = await server.call('GET', '/api/notifications?pageSize=100', { token });
    // the assignment notice of the task itself is another feature's; these tests look at the rest
    return (r.body.items as { instanceId: string; kind: string; title: string; taskId: string; actor: string | null }[]).filter(
      (n) => n.instanceId === instanceId && n.kind !== 'task.assigned',
    );
  };
  const urges = async (instanceId: string) =>
    (
      (await server.call('GET', `/api/instances/${instanceId}/history`, { token: admin })).body.items as {
        type: string;
        actor: string | null;
        details: Record<string, unknown>;
      }[]
    ).filter((h) => h.type === 'task.urged');

  it('should schedule the early reminder at 09:00 on the working day before the deadline and the overdue one at 09:00 after it', async () => {
    // given: a deadline on Monday 2030-12-09 10:00 Beijing time
    const task = await startTask('remind-assignee', '2030-12-09T10:00:00+08:00');
    // when
    const jobs = await schedule(task);
    // then: Friday the 6th (the weekend is skipped) and Tuesday the 10th, both at 09:00 Beijing time
    // (task creation may have scheduled the same pair already)
    expect([...new Set(jobs.map((j) => `${JSON.parse(j.payload).stage} ${j.dueAt.toISOString()}`))].map((x) => x.split(' '))).toEqual([
      ['before', '2030-12-06T01:00:00.000Z'],
      ['due', '2030-12-10T01:00:00.000Z'],
    ]);
  });

  it('should give a task due within a working day no early notice, only the overdue one', async () => {
    // given: a deadline in two hours
    const soon = new Date(Date.now() + 2 * 3600_000).toISOString();
    const task = await startTask('remind-assignee', soon);
    // when
    const jobs = await schedule(task);
    // then
    expect([...new Set(jobs.map((j) => JSON.parse(j.payload).stage))]).toEqual(['due']);
  });

  it('should notify the assignee once and record one automatic urge even when the job runs twice', async () => {
    // given
    const task = await startTask('remind-assignee', '2030-12-03T10:00:00+08:00');
    await schedule(task);
    const job = await jobOf(task.instanceId, 'due');
    // when: the runner runs it, then the handler runs again on the same row (a redelivery), then a duplicate job
    expect((await server.app.get(JobRunner).runNow(job.id)).status).toBe('done');
    await tx.run((t) => server.app.get(TaskDueReminderJob).handle(job, t));
    await schedule(task);
    await server.app.get(JobRunner).runNow((await jobOf(task.instanceId, 'due')).id);
    // then
    const mine = await notificationsOf('clerk', task.instanceId);
    expect(mine).toEqual([expect.objectContaining({ kind: 'task.overdue', title: '待办已超期：审核来文', taskId: task.id, actor: null })]);
    const history = await urges(task.instanceId);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ actor: null, details: { auto: true, stage: 'due', taskId: task.id } });
  });

  it('should notify every candidate of an unclaimed task that it is due soon', async () => {
    // given
    const task = await startTask('remind-candidates', '2030-12-04T17:30:00+08:00');
    await schedule(task);
    // when
    const ran = await server.app.get(JobRunner).runNow((await jobOf(task.instanceId, 'before')).id);
    // then
    expect([ran.status, ran.lastError]).toEqual(['done', null]);
    for (const username of ['head', 'staff']) {
      expect(await notificationsOf(username, task.instanceId)).toEqual([
        expect.objectContaining({ kind: 'task.due-soon', title: '待办即将到期：审核来文' }),
      ]);
    }
    expect(await notificationsOf('clerk', task.instanceId)).toEqual([]);
  });

  it('should remind nobody of a task that was completed before its reminder ran', async () => {
    // given
    const task = await startTask('remind-assignee', '2030-12-05T10:00:00+08:00');
    await schedule(task);
    const before = await jobOf(task.instanceId, 'before');
    expect((await server.call('POST', `/api/tasks/${task.id}/complete`, { token: clerk, body: {} })).status).toBe(200);
    // when: the completion cancelled the row; a queue entry that was already on its way still runs the handler
    await tx.run((t) => server.app.get(TaskDueReminderJob).handle(before, t));
    // then
    expect(await notificationsOf('clerk', task.instanceId)).toEqual([]);
    expect(await urges(task.instanceId)).toEqual([]);
  });

  const jobsOf = async (instanceId: string) =>
    (
      (await server.call('GET', `/api/jobs?instanceId=${instanceId}`, { token: admin })).body.items as {
        type: string;
        status: string;
        elementId: string | null;
      }[]
    )
      .filter((j) => j.type === TASK_DUE_REMINDER_JOB)
      .map((j) => j.status)
      .sort();

  it('should cancel the reminders of a task closed before its deadline and keep those of the next one', async () => {
    // given: two steps with deadlines; the first step's reminders are pending
    const r = await server.call('POST', '/api/definitions', {
      token: admin,
      contentType: 'application/xml',
      raw: bpmn(`<process id="remind-two" isExecutable="true">
        <startEvent id="start"/><sequenceFlow id="f1" sourceRef="start" targetRef="first"/>
        <userTask id="first" camunda:assignee="clerk" camunda:dueDate="\${deadline}"/><sequenceFlow id="f2" sourceRef="first" targetRef="second"/>
        <userTask id="second" camunda:assignee="clerk" camunda:dueDate="\${deadline}"/><sequenceFlow id="f3" sourceRef="second" targetRef="end"/>
        <endEvent id="end"/></process>`),
    });
    expect(r.status).toBe(201);
    const first = await startTask('remind-two', '2030-12-10T10:00:00+08:00');
    expect(await jobsOf(first.instanceId)).toEqual(['pending', 'pending']);
    // when
    const done = await server.call('POST', `/api/tasks/${first.id}/complete`, { token: clerk, body: {} });
    // then: the first step's pair is cancelled, the second step has its own pending pair
    expect(await jobsOf(first.instanceId)).toEqual(['cancelled', 'cancelled', 'pending', 'pending']);
    const firstJobs = await tx.run((t) =>
      t.manager.find(JobEntity, { where: { type: TASK_DUE_REMINDER_JOB, instanceId: first.instanceId } }),
    );
    const taskOf = (j: JobEntity) => (JSON.parse(j.payload) as { taskId: string }).taskId;
    expect(firstJobs.filter((j) => j.status === 'cancelled').map(taskOf)).toEqual([first.id, first.id]);
    expect(firstJobs.filter((j) => j.status === 'pending').map(taskOf)).toEqual([done.body.next[0].id, done.body.next[0].id]);
  });

  it('should cancel every pending reminder of an instance that is cancelled', async () => {
    // given
    const task = await startTask('remind-candidates', '2030-12-11T10:00:00+08:00');
    expect(await jobsOf(task.instanceId)).toEqual(['pending', 'pending']);
    // when
    const cancelled = await server.call('POST', `/api/instances/${task.instanceId}/cancel`, { token: admin, body: { reason: '来文撤回' } });
    // then
    expect(cancelled.status).toBe(200);
    expect(await jobsOf(task.instanceId)).toEqual(['cancelled', 'cancelled']);
  });

  it('should send the notification a notify service task names in its variables', async () => {
    // given
    const xml = bpmn(`<process id="notify-meeting" isExecutable="true">
      <startEvent id="start"/><sequenceFlow id="f1" sourceRef="start" targetRef="notify"/>
      <serviceTask id="notify" camunda:topic="notify"/><sequenceFlow id="f2" sourceRef="notify" targetRef="task"/>
      <userTask id="task" camunda:assignee="clerk"/><sequenceFlow id="f3" sourceRef="task" targetRef="end"/>
      <endEvent id="end"/></process>`);
    expect((await server.call('POST', '/api/definitions', { token: admin, raw: xml, contentType: 'application/xml' })).status).toBe(201);
    // when
    const started = await server.call('POST', '/api/instances', {
      token: clerk,
      body: {
        definitionKey: 'notify-meeting',
        variables: { recipients: 'head、staff', title: '会议通知', body: '周五上午九点在三楼会议室开会' },
      },
    });
    // then: the flow went on past the service task, and both people have the message
    const instanceId = started.body.id as string;
    await eventually(
      async () => (await server.call('GET', `/api/tasks?instanceId=${instanceId}`, { token: admin })).body.items.length === 1 || undefined,
    );
    for (const username of ['head', 'staff']) {
      expect(await notificationsOf(username, instanceId)).toEqual([expect.objectContaining({ kind: 'info', title: '会议通知' })]);
    }
    expect(await notificationsOf('clerk', instanceId)).toEqual([]);
  });
});
