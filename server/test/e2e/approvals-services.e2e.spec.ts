import { ApprovalsWorld } from './approvals.fixtures';

/** 代理, 抄送, 催办, 常用语, the actions list and the notifications of new tasks. */
describe('approvals: proxies, cc, urge, phrases, actions (e2e)', () => {
  let w: ApprovalsWorld;
  const HOUR = 3600_000;
  const window = (hours = 48) => ({
    from: new Date(Date.now() - HOUR).toISOString(),
    to: new Date(Date.now() + hours * HOUR).toISOString(),
  });

  beforeAll(async () => {
    w = await ApprovalsWorld.start([
      'approvals-straight.bpmn',
      'approvals-parallel.bpmn',
      'approvals-countersign.bpmn',
      'approvals-group.bpmn',
    ]);
  });
  afterAll(() => w.stop());

  const atReview = async () => {
    const id = await w.start('clerk', 'apStraight');
    await w.complete('clerk', (await w.task(id, 'draft')).id);
    return id;
  };

  describe('代理 proxy', () => {
    afterEach(async () => {
      for (const u of ['head', 'mayor'] as const) await w.call(u, 'DELETE', '/api/proxies/mine');
    });

    // the deputy must be eligible (docs/security.md): 'mayor' is a leader of 安康市人民政府, above head's office
    it('should give the principal\'s new tasks to the deputy, mark opinions "B（代A）" and let both read the history', async () => {
      // given
      const set = await w.call('head', 'POST', '/api/proxies', { deputy: 'mayor', ...window() });
      expect(set.status).toBe(201);
      // when
      const id = await atReview();
      // then
      const review = await w.task(id, 'review');
      expect(review).toMatchObject({ assignee: 'mayor', onBehalfOf: 'head' });
      await w.complete('mayor', review.id, { opinion: { text: '同意', approve: true } });
      expect((await w.opinions(id)).map((o) => o.authorLabel)).toEqual(['吴国强（代刘洋）']);
      expect((await w.call('head', 'GET', `/api/instances/${id}/history`)).status).toBe(200);
      expect((await w.call('mayor', 'GET', `/api/instances/${id}/history`)).status).toBe(200);
      expect((await w.call('mayor', 'GET', '/api/proxies/mine')).body.items).toEqual([
        expect.objectContaining({ principal: 'head', deputy: 'mayor' }),
      ]);
    });

    it('should stop once ended, and apply only to the processes named', async () => {
      // given
      await w.call('head', 'POST', '/api/proxies', { deputy: 'mayor', ...window(), definitionKeys: ['apParallel'] });
      // when
      const straight = await atReview();
      const parallel = await w.start('clerk', 'apParallel');
      await w.complete('clerk', (await w.task(parallel, 'draft')).id);
      // then
      expect((await w.task(straight, 'review')).assignee).toBe('head');
      expect(await w.task(parallel, 'review')).toMatchObject({ assignee: 'mayor', onBehalfOf: 'head' });
      expect((await w.call('head', 'DELETE', '/api/proxies/mine')).status).toBe(204);
      expect((await w.call('head', 'GET', '/api/proxies/mine')).body.items).toEqual([]);
      const after = await w.start('clerk', 'apParallel');
      await w.complete('clerk', (await w.task(after, 'draft')).id);
      expect((await w.task(after, 'review')).assignee).toBe('head');
    });

    it("should send a countersign signer's task to their deputy", async () => {
      // given
      await w.call('head', 'POST', '/api/proxies', { deputy: 'mayor', ...window() });
      // when
      const id = await w.start('clerk', 'apCountersign', { signers: ['head', 'deputy'] });
      await w.complete('clerk', (await w.task(id, 'draft')).id);
      // then
      expect((await w.open(id, 'vote')).map((t) => [t.assignee, t.onBehalfOf]).sort()).toEqual([
        ['deputy', null],
        ['mayor', 'head'],
      ]);
    });

    it('should let the security admin set a proxy for someone else, and refuse bad proxies with nothing written', async () => {
      // given / when (the system admin no longer may: authority-matrix.e2e)
      const bySecadmin = await w.call('secadmin', 'POST', '/api/proxies', {
        principal: 'mayor',
        deputy: 'deputy',
        reason: '市长出访期间',
        ...window(),
      });
      const forOther = await w.call('clerk', 'POST', '/api/proxies', { principal: 'mayor', deputy: 'clerk', ...window() });
      const backwards = await w.call('head', 'POST', '/api/proxies', {
        deputy: 'staff',
        from: new Date().toISOString(),
        to: new Date(Date.now() - HOUR).toISOString(),
      });
      const self = await w.call('head', 'POST', '/api/proxies', { deputy: 'head', ...window() });
      const unknown = await w.call('head', 'POST', '/api/proxies', { deputy: 'nobody', ...window() });
      // then
      expect(bySecadmin.status).toBe(201);
      expect((await w.call('mayor', 'GET', '/api/proxies/mine')).body.items).toEqual([
        expect.objectContaining({ principal: 'mayor', deputy: 'deputy', createdBy: 'secadmin', reason: '市长出访期间' }),
      ]);
      expect([forOther.status, forOther.body.code]).toEqual([403, 'OPERATION_NOT_ALLOWED']);
      expect([backwards.status, backwards.body.code]).toEqual([422, 'PROXY_INVALID_WINDOW']);
      expect([self.status, self.body.code]).toEqual([422, 'PROXY_INVALID_WINDOW']);
      expect([unknown.status, unknown.body.code]).toEqual([422, 'APPROVAL_USER_UNKNOWN']);
      expect((await w.call('head', 'GET', '/api/proxies/mine')).body.items).toEqual([]);
    });
  });

  describe('抄送 cc', () => {
    it('should give read-only copies that open the instance to the recipients, with read receipts', async () => {
      // given
      const id = await atReview();
      const review = await w.task(id, 'review');
      expect((await w.call('mayor', 'GET', `/api/instances/${id}`)).status).toBe(404);
      // when
      const r = await w.call('head', 'POST', `/api/tasks/${review.id}/cc`, { usernames: ['mayor'], note: '请阅知' });
      // then
      expect(r.status).toBe(200);
      expect((await w.call('mayor', 'GET', `/api/instances/${id}`)).status).toBe(200);
      const unread = await w.call('mayor', 'GET', '/api/cc?mine=true&unread=true');
      const copy = unread.body.items.find((c: any) => c.instanceId === id);
      expect(copy).toMatchObject({ sender: 'head', note: '请阅知', readAt: null });
      expect((await w.notifications('mayor')).some((n) => n.kind === 'cc' && n.instanceId === id)).toBe(true);
      const read = await w.call('mayor', 'POST', `/api/cc/${copy.id}/read`);
      expect(read.body.readAt).toEqual(expect.any(String));
      expect((await w.call('mayor', 'GET', '/api/cc?mine=true&unread=true')).body.items.some((c: any) => c.id === copy.id)).toBe(false);
      expect((await w.call('staff', 'POST', `/api/cc/${copy.id}/read`)).status).toBe(404);
      expect((await w.history(id)).find((e) => e.type === 'task.cc')).toMatchObject({ actor: 'head', details: { usernames: ['mayor'] } });
    });

    it("should refuse an unknown recipient or someone else's task and change nothing", async () => {
      // given
      const id = await atReview();
      const review = await w.task(id, 'review');
      const before = await w.snapshot(id);
      // when
      const unknown = await w.call('head', 'POST', `/api/tasks/${review.id}/cc`, { usernames: ['mayor', 'nobody'] });
      const notMine = await w.call('clerk', 'POST', `/api/tasks/${review.id}/cc`, { usernames: ['mayor'] });
      // then
      expect([unknown.status, unknown.body.code]).toEqual([422, 'APPROVAL_USER_UNKNOWN']);
      expect([notMine.status, notMine.body.code]).toEqual([403, 'TASK_NOT_YOURS']);
      expect(await w.snapshot(id)).toEqual(before);
      expect((await w.call('mayor', 'GET', `/api/cc?instanceId=${id}`)).status).toBe(404);
    });
  });

  describe('抄送 in a parallel branch and on a countersign', () => {
    it("should copy from a branch task and from a signer's task", async () => {
      // given
      const par = await w.start('clerk', 'apParallel');
      await w.complete('clerk', (await w.task(par, 'draft')).id);
      const vote = await w.start('clerk', 'apCountersign', { signers: ['head', 'deputy'] });
      await w.complete('clerk', (await w.task(vote, 'draft')).id);
      // when
      const fromBranch = await w.call('deputy', 'POST', `/api/tasks/${(await w.task(par, 'legal')).id}/cc`, { usernames: ['staff'] });
      const fromSigner = await w.call('head', 'POST', `/api/tasks/${(await w.task(vote, 'vote', 'head')).id}/cc`, { usernames: ['staff'] });
      // then
      expect([fromBranch.status, fromSigner.status]).toEqual([200, 200]);
      const mine = (await w.call('staff', 'GET', '/api/cc?mine=true')).body.items.map((c: any) => c.instanceId);
      expect(mine).toEqual(expect.arrayContaining([par, vote]));
      expect((await w.call('staff', 'GET', `/api/instances/${vote}/opinions`)).status).toBe(200);
    });
  });

  describe('hostile input', () => {
    it('should refuse unknown fields, prototype keys and wrong types with 400 and change nothing', async () => {
      // given
      const id = await atReview();
      const review = await w.task(id, 'review');
      const before = await w.snapshot(id);
      // when
      const results = await Promise.all([
        w.call('head', 'POST', `/api/tasks/${review.id}/transfer`, { username: 'staff', assignee: 'mayor' }),
        w.call('head', 'POST', `/api/tasks/${review.id}/add-signers`, { usernames: 'staff', position: 'before' }),
        w.call('head', 'POST', `/api/tasks/${review.id}/cc`, JSON.parse('{"usernames":["staff"],"__proto__":{"admin":true}}')),
        w.call('head', 'POST', `/api/tasks/${review.id}/return`, { reason: 'x'.repeat(501) }),
        w.call('head', 'POST', `/api/tasks/${review.id}/complete`, { opinion: { text: '同意', approve: 'yes' } }),
        w.call('head', 'POST', '/api/tasks/not-an-id/return', { reason: 'x' }),
      ]);
      // then
      expect(results.map((r) => r.status)).toEqual([400, 400, 400, 400, 400, 400]);
      expect(await w.snapshot(id)).toEqual(before);
    });
  });

  describe('催办 urge', () => {
    it('should let the initiator urge the handler: a notification, an urge record in the history', async () => {
      // given
      const id = await atReview();
      const review = await w.task(id, 'review');
      // when
      const r = await w.call('clerk', 'POST', `/api/tasks/${review.id}/urge`, { message: '请尽快审核' });
      // then
      expect(r.status).toBe(200);
      expect((await w.notifications('head')).find((n) => n.kind === 'task.urged' && n.taskId === review.id)).toMatchObject({
        body: '请尽快审核',
        actor: 'clerk',
      });
      expect((await w.history(id)).find((e) => e.type === 'task.urged')).toMatchObject({
        actor: 'clerk',
        details: { message: '请尽快审核', recipients: ['head'] },
      });
    });

    it('should let an earlier handler urge, in a parallel branch and on a countersign, but not a bystander', async () => {
      // given
      const par = await w.start('clerk', 'apParallel');
      await w.complete('clerk', (await w.task(par, 'draft')).id);
      await w.complete('head', (await w.task(par, 'review')).id);
      const vote = await w.start('clerk', 'apCountersign', { signers: ['head', 'deputy'] });
      await w.complete('clerk', (await w.task(vote, 'draft')).id);
      await w.complete('head', (await w.task(vote, 'vote', 'head')).id);
      const before = await w.snapshot(par);
      // when
      const byHandler = await w.call('head', 'POST', `/api/tasks/${(await w.task(par, 'legal')).id}/urge`, { message: '请审查' });
      const bySigner = await w.call('head', 'POST', `/api/tasks/${(await w.task(vote, 'vote', 'deputy')).id}/urge`, { message: '请会签' });
      const byHolder = await w.call('deputy', 'POST', `/api/tasks/${(await w.task(par, 'check')).id}/urge`, { message: 'x' });
      const byStranger = await w.call('mayor', 'POST', `/api/tasks/${(await w.task(par, 'check')).id}/urge`, { message: 'x' });
      // then
      expect([byHandler.status, bySigner.status]).toEqual([200, 200]);
      expect((await w.notifications('deputy')).filter((n) => n.kind === 'task.urged').map((n) => n.body)).toEqual(
        expect.arrayContaining(['请审查', '请会签']),
      );
      expect([byHolder.status, byHolder.body.code]).toEqual([403, 'OPERATION_NOT_ALLOWED']);
      expect([byStranger.status, byStranger.body.code]).toEqual([404, 'TASK_NOT_FOUND']);
      const after = await w.snapshot(par);
      expect(after.history.length).toBe(before.history.length + 1);
    });
  });

  describe('常用语 phrases', () => {
    it('should keep personal phrases per user and organization-wide ones by admins', async () => {
      // given / when
      const mine = await w.call('clerk', 'POST', '/api/phrases', { text: '拟同意，请领导审批', scope: 'personal' });
      const orgByClerk = await w.call('clerk', 'POST', '/api/phrases', { text: '同意', scope: 'organization' });
      const org = await w.call('admin', 'POST', '/api/phrases', { text: '已阅', scope: 'organization' });
      // then
      expect([mine.status, org.status]).toEqual([201, 201]);
      expect([orgByClerk.status, orgByClerk.body.code]).toEqual([403, 'OPERATION_NOT_ALLOWED']);
      expect((await w.call('clerk', 'GET', '/api/phrases')).body.items.map((p: any) => p.text)).toEqual(['拟同意，请领导审批', '已阅']);
      expect((await w.call('head', 'GET', '/api/phrases')).body.items.map((p: any) => p.text)).toEqual(['已阅']);
      expect((await w.call('head', 'DELETE', `/api/phrases/${mine.body.id}`)).status).toBe(404);
      expect((await w.call('clerk', 'DELETE', `/api/phrases/${mine.body.id}`)).status).toBe(204);
      expect((await w.call('clerk', 'GET', '/api/phrases')).body.items.map((p: any) => p.text)).toEqual(['已阅']);
    });
  });

  describe('actions and new-task notifications', () => {
    it('should list exactly the operations each user may do on a task now', async () => {
      // given
      const id = await w.start('clerk', 'apStraight');
      const draft = await w.task(id, 'draft');
      await w.complete('clerk', draft.id);
      const review = await w.task(id, 'review');
      const actions = async (user: 'clerk' | 'head' | 'admin' | 'mayor', taskId: string) =>
        w.call(user, 'GET', `/api/tasks/${taskId}/actions`);
      // when / then
      expect((await actions('head', review.id)).body.items).toEqual([
        'complete',
        'return',
        'reject',
        'transfer',
        'delegate',
        'add-signers',
        'cc',
      ]);
      expect((await actions('clerk', review.id)).body.items).toEqual(['urge']);
      expect((await actions('clerk', draft.id)).body.items).toEqual(['withdraw']);
      expect((await actions('admin', review.id)).body.items).toEqual(['urge', 'reassign']);
      expect((await actions('mayor', review.id)).status).toBe(404);
      await w.call('head', 'POST', `/api/tasks/${review.id}/delegate`, { username: 'staff' });
      expect((await w.call('staff', 'GET', `/api/tasks/${review.id}/actions`)).body.items).toEqual(['resolve']);
      const vote = await w.start('clerk', 'apCountersign', { signers: ['head', 'deputy'] });
      await w.complete('clerk', (await w.task(vote, 'draft')).id);
      expect((await actions('head', (await w.task(vote, 'vote', 'head')).id)).body.items).not.toContain('remove-signers');
    });

    it('should offer 签收 to a candidate only, and 催办 to no one who holds or could claim the task', async () => {
      // given
      const id = await w.start('clerk', 'apGroup');
      await w.complete('clerk', (await w.task(id, 'draft')).id);
      const review = await w.task(id, 'review');
      const actions = async (user: 'clerk' | 'head' | 'staff' | 'deputy', taskId: string) =>
        (await w.call(user, 'GET', `/api/tasks/${taskId}/actions`)).body.items;
      // when / then
      expect(await actions('head', review.id)).toEqual(['claim']);
      expect(await actions('staff', review.id)).toEqual(['claim']);
      expect(await actions('clerk', review.id)).toEqual(['urge']);
      expect((await w.call('head', 'POST', `/api/tasks/${review.id}/claim`)).status).toBe(200);
      expect(await actions('head', review.id)).not.toContain('urge');
      expect(await actions('head', review.id)).not.toContain('claim');
      expect((await w.call('staff', 'GET', `/api/tasks/${review.id}/actions`)).status).toBe(404);
    });

    it('should offer neither 退回 nor 驳回 on the first step, and refuse 驳回 there', async () => {
      // given: the review returned to 拟稿, the first step, open again
      const id = await atReview();
      const review = await w.task(id, 'review');
      expect((await w.call('head', 'POST', `/api/tasks/${review.id}/return`, { reason: '请补充材料' })).status).toBe(200);
      const draft = (await w.open(id, 'draft'))[0];
      // when
      const offered = (await w.call('clerk', 'GET', `/api/tasks/${draft.id}/actions`)).body.items;
      const before = await w.snapshot(id);
      const reject = await w.call('clerk', 'POST', `/api/tasks/${draft.id}/reject`, { reason: '不办了' });
      // then
      expect(offered).toContain('complete');
      expect(offered).not.toContain('return');
      expect(offered).not.toContain('reject');
      expect([reject.status, reject.body.code]).toEqual([422, 'REJECT_FIRST_STEP']);
      expect(await w.snapshot(id)).toEqual(before);
    });

    it('should offer 减签 only to the signer who added someone, and only for those added', async () => {
      // given
      const vote = await w.start('clerk', 'apCountersign', { signers: ['head', 'deputy'] });
      await w.complete('clerk', (await w.task(vote, 'draft')).id);
      const head = await w.task(vote, 'vote', 'head');
      const deputy = await w.task(vote, 'vote', 'deputy');
      // when
      await w.call('head', 'POST', `/api/tasks/${head.id}/add-signers`, { usernames: ['mayor'], position: 'parallel' });
      // then
      expect((await w.call('head', 'GET', `/api/tasks/${head.id}/actions`)).body.items).toContain('remove-signers');
      expect((await w.call('deputy', 'GET', `/api/tasks/${deputy.id}/actions`)).body.items).not.toContain('remove-signers');
      const peer = await w.call('head', 'POST', `/api/tasks/${head.id}/remove-signers`, { usernames: ['deputy'] });
      expect([peer.status, peer.body.code]).toEqual([422, 'SIGNER_NOT_ADDED']);
      const notMine = await w.call('deputy', 'POST', `/api/tasks/${deputy.id}/remove-signers`, { usernames: ['mayor'] });
      expect([notMine.status, notMine.body.code]).toEqual([422, 'SIGNER_NOT_ADDED']);
      expect((await w.call('head', 'POST', `/api/tasks/${head.id}/remove-signers`, { usernames: ['mayor'] })).status).toBe(200);
      expect((await w.call('head', 'GET', `/api/tasks/${head.id}/actions`)).body.items).not.toContain('remove-signers');
    });

    it('should tell the assignee of each new task and schedule the reminders of a task with a deadline', async () => {
      // given
      const id = await atReview();
      // when
      const review = await w.task(id, 'review');
      // then
      expect((await w.notifications('head')).filter((n) => n.kind === 'task.assigned' && n.taskId === review.id)).toHaveLength(1);
      expect(review.dueAt).toEqual(expect.any(String));
      const jobs = await w.call('admin', 'GET', `/api/jobs?instanceId=${id}`);
      expect(jobs.body.items.filter((j: any) => j.type === 'task-due-reminder').length).toBeGreaterThanOrEqual(1);
    });
  });
});
