import { ApprovalsWorld, type User } from './approvals.fixtures';

/** 催办 of a group-held task, 一键催办 of an initiator's overdue items, the 已催办 mark, 已办 once per instance, 代办 on my behalf. */
describe('approvals: urge fan-out, urge-overdue, done once per instance (e2e)', () => {
  let w: ApprovalsWorld;
  const DAY = 24 * 3600_000;
  const past = () => new Date(Date.now() - DAY).toISOString();
  const future = () => new Date(Date.now() + 10 * DAY).toISOString();

  beforeAll(async () => {
    w = await ApprovalsWorld.start(['approvals-urge.bpmn', 'approvals-straight.bpmn']);
  });
  afterAll(() => w.stop());

  /** An instance started by `by`, titled `title`, at the group-held 领导批示 step (拟稿 and 核对 are the clerk's). */
  const atLead = async (title: string, deadline: string, by: User = 'clerk') => {
    const id = await w.start(by, 'apUrge', { title, deadline });
    await w.complete('clerk', (await w.task(id, 'draft')).id);
    await w.complete('clerk', (await w.task(id, 'check')).id);
    return id;
  };
  const urged = async (user: User, taskId: string) =>
    (await w.notifications(user)).filter((n) => n.kind === 'task.urged' && n.taskId === taskId);

  it('should notify every member of the candidate group, naming the document and linking to the task', async () => {
    // given
    const id = await atLead('关于防汛工作的请示', future());
    const lead = await w.task(id, 'lead');
    expect([lead.assignee, lead.candidateGroups]).toEqual([null, ['city-leaders']]);
    // when
    const r = await w.call('clerk', 'POST', `/api/tasks/${lead.id}/urge`, { message: '请尽快批示' });
    // then
    expect(r.status).toBe(200);
    for (const leader of ['deputy', 'mayor'] as const) {
      expect(await urged(leader, lead.id)).toEqual([
        expect.objectContaining({
          title: '催办：《关于防汛工作的请示》 · 领导批示',
          body: '请尽快批示',
          link: `/tasks/${lead.id}`,
          actor: 'clerk',
        }),
      ]);
    }
    expect((await w.history(id)).find((e) => e.type === 'task.urged')).toMatchObject({
      details: { recipients: ['deputy', 'mayor'] },
    });
  });

  it("should mark an urged task in the candidates' inbox with the count and the time", async () => {
    // given
    const id = await atLead('关于城市更新的请示', future());
    const lead = await w.task(id, 'lead');
    const quiet = await w.task(await atLead('未催办的请示', future()), 'lead');
    // when
    await w.call('clerk', 'POST', `/api/tasks/${lead.id}/urge`, { message: '第一次' });
    await w.call('clerk', 'POST', `/api/tasks/${lead.id}/urge`, { message: '第二次' });
    // then
    const inbox = (await w.call('mayor', 'GET', '/api/tasks?assignee=me&candidate=me&status=open&limit=100')).body.items as any[];
    const row = inbox.find((t) => t.id === lead.id);
    expect(row).toMatchObject({ urgeCount: 2, lastUrgedAt: expect.any(String) });
    const other = inbox.find((t) => t.id === quiet.id);
    expect(other).toBeDefined();
    expect(other.urgeCount).toBeUndefined();
  });

  it("should urge all of the initiator's overdue tasks in one command, and no one else's", async () => {
    // given
    const late1 = await w.task(await atLead('逾期一', past()), 'lead');
    const late2 = await w.task(await atLead('逾期二', past()), 'lead');
    const onTime = await w.task(await atLead('未逾期', future()), 'lead');
    const othersLate = await w.task(await atLead('他人逾期', past(), 'head'), 'lead');
    // when
    const r = await w.call('clerk', 'POST', '/api/tasks/urge-overdue', {});
    // then
    expect(r.status).toBe(200);
    expect(r.body.taskIds).toEqual(expect.arrayContaining([late1.id, late2.id]));
    expect(r.body.taskIds).not.toContain(onTime.id);
    expect(r.body.taskIds).not.toContain(othersLate.id);
    expect(r.body.urged).toBe(r.body.taskIds.length);
    expect(r.body.recipients).toBe(2 * r.body.urged);
    expect(await urged('deputy', late1.id)).toEqual([expect.objectContaining({ title: '催办：《逾期一》 · 领导批示', actor: 'clerk' })]);
    expect(await urged('deputy', onTime.id)).toEqual([]);
    expect(await urged('deputy', othersLate.id)).toEqual([]);
  });

  it('should refuse a bad 一键催办 body with nothing urged', async () => {
    // when
    const r = await w.call('clerk', 'POST', '/api/tasks/urge-overdue', { message: '' });
    // then
    expect(r.status).toBe(400);
  });

  it('should list an instance once in 已办, at the latest step the user completed, when asked for distinct instances', async () => {
    // given
    const id = await atLead('已办去重', future());
    // when
    const all = (await w.call('clerk', 'GET', '/api/tasks?assignee=me&status=completed&limit=100')).body.items as any[];
    const once = (await w.call('clerk', 'GET', '/api/tasks?assignee=me&status=completed&distinct=instance&limit=100')).body;
    // then
    expect(
      all
        .filter((t) => t.instanceId === id)
        .map((t) => t.elementId)
        .sort(),
    ).toEqual(['check', 'draft']);
    expect(once.items.filter((t: any) => t.instanceId === id).map((t: any) => t.elementId)).toEqual(['check']);
    expect(new Set(once.items.map((t: any) => t.instanceId)).size).toBe(once.items.length);
  });

  it('should list what a deputy did on my behalf (代理), to me only', async () => {
    // given: head's proxy is the mayor
    const HOUR = 3600_000;
    await w.call('head', 'POST', '/api/proxies', {
      deputy: 'mayor',
      from: new Date(Date.now() - HOUR).toISOString(),
      to: new Date(Date.now() + 48 * HOUR).toISOString(),
    });
    try {
      const id = await w.start('clerk', 'apStraight', { title: '代理办理' });
      await w.complete('clerk', (await w.task(id, 'draft')).id);
      const review = await w.task(id, 'review');
      await w.complete('mayor', review.id, { opinion: { text: '同意', approve: true } });
      // when
      const mine = (await w.call('head', 'GET', '/api/tasks?onBehalfOf=me&limit=100')).body.items as any[];
      const deputys = (await w.call('mayor', 'GET', '/api/tasks?onBehalfOf=me&limit=100')).body.items as any[];
      // then
      expect(mine.find((t) => t.id === review.id)).toMatchObject({
        status: 'completed',
        completedBy: 'mayor',
        onBehalfOf: 'head',
        title: '代理办理',
      });
      expect(deputys.find((t) => t.id === review.id)).toBeUndefined();
    } finally {
      await w.call('head', 'DELETE', '/api/proxies/mine');
    }
  });
});
