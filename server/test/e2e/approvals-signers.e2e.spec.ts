import { ApprovalsWorld } from './approvals.fixtures';

/** 加签/减签, 撤回 and admin intervention: straight line, parallel branch, countersign; races on one instance. */
describe('approvals: add/remove signers, withdraw, intervention (e2e)', () => {
  let w: ApprovalsWorld;

  beforeAll(async () => {
    w = await ApprovalsWorld.start([
      'approvals-straight.bpmn',
      'approvals-parallel.bpmn',
      'approvals-countersign.bpmn',
      'approvals-incident.bpmn',
    ]);
  });
  afterAll(() => w.stop());

  const atReview = async () => {
    const id = await w.start('clerk', 'apStraight');
    await w.complete('clerk', (await w.task(id, 'draft')).id);
    return id;
  };
  const atVote = async () => {
    const id = await w.start('clerk', 'apCountersign', { signers: ['head', 'deputy'] });
    await w.complete('clerk', (await w.task(id, 'draft')).id);
    return id;
  };
  const inParallel = async () => {
    const id = await w.start('clerk', 'apParallel');
    await w.complete('clerk', (await w.task(id, 'draft')).id);
    return id;
  };

  describe('加签 before (前加签)', () => {
    it('should let the added users act first, refuse completing meanwhile, then give the task back', async () => {
      // given
      const id = await atReview();
      const review = await w.task(id, 'review');
      // when
      const r = await w.call('head', 'POST', `/api/tasks/${review.id}/add-signers`, { usernames: ['staff', 'mayor'], position: 'before' });
      // then
      expect(r.status).toBe(200);
      expect(r.body.status).toBe('waiting');
      const early = await w.call('head', 'POST', `/api/tasks/${review.id}/complete`, {});
      expect([early.status, early.body.code]).toEqual([409, 'TASK_WAITING']);
      const signers = (await w.open(id, 'review')).filter((t) => t.kind === 'addsign');
      expect(signers.map((t) => [t.assignee, t.parentTaskId]).sort()).toEqual([
        ['mayor', review.id],
        ['staff', review.id],
      ]);
      await w.complete('staff', signers.find((t) => t.assignee === 'staff').id, { opinion: { text: '同意', approve: true } });
      expect((await w.tasks(id)).find((t) => t.id === review.id).status).toBe('waiting');
      await w.complete('mayor', signers.find((t) => t.assignee === 'mayor').id, { opinion: '同意' });
      expect((await w.tasks(id)).find((t) => t.id === review.id).status).toBe('open');
      await w.complete('head', review.id);
      expect((await w.task(id, 'approve')).assignee).toBe('deputy');
      expect((await w.opinions(id)).map((o) => [o.author, o.kind])).toEqual([
        ['staff', 'countersign'],
        ['mayor', 'countersign'],
      ]);
    });

    it('should refuse unknown users, yourself, or a second add while waiting, and change nothing', async () => {
      // given
      const id = await atReview();
      const review = await w.task(id, 'review');
      const before = await w.snapshot(id);
      // when
      const unknown = await w.call('head', 'POST', `/api/tasks/${review.id}/add-signers`, { usernames: ['nobody'], position: 'before' });
      const self = await w.call('head', 'POST', `/api/tasks/${review.id}/add-signers`, { usernames: ['head'], position: 'before' });
      const notMine = await w.call('staff', 'POST', `/api/tasks/${review.id}/add-signers`, { usernames: ['mayor'], position: 'before' });
      const notCountersign = await w.call('head', 'POST', `/api/tasks/${review.id}/add-signers`, {
        usernames: ['mayor'],
        position: 'parallel',
      });
      // then
      expect([unknown.status, unknown.body.code]).toEqual([422, 'APPROVAL_USER_UNKNOWN']);
      expect([self.status, self.body.code]).toEqual([422, 'SIGNER_DUPLICATE']);
      expect([notMine.status, notMine.body.code]).toEqual([404, 'TASK_NOT_FOUND']);
      expect([notCountersign.status, notCountersign.body.code]).toEqual([422, 'TASK_NOT_COUNTERSIGN']);
      expect(await w.snapshot(id)).toEqual(before);
    });

    it('should work inside a parallel branch and join once', async () => {
      // given
      const id = await inParallel();
      const legal = await w.task(id, 'legal');
      // when
      await w.call('deputy', 'POST', `/api/tasks/${legal.id}/add-signers`, { usernames: ['staff'], position: 'before' });
      await w.complete('staff', (await w.open(id, 'legal')).find((t) => t.kind === 'addsign').id);
      await w.complete('deputy', legal.id);
      await w.complete('head', (await w.task(id, 'review')).id);
      await w.complete('staff', (await w.task(id, 'check')).id);
      // then
      expect((await w.open(id)).map((t) => t.elementId)).toEqual(['sign']);
    });

    it('should let exactly one of two simultaneous add-signers win', async () => {
      for (let round = 0; round < 3; round++) {
        // given
        const id = await atReview();
        const review = await w.task(id, 'review');
        // when
        const results = await Promise.all([
          w.call('head', 'POST', `/api/tasks/${review.id}/add-signers`, { usernames: ['staff'], position: 'before' }),
          w.call('head', 'POST', `/api/tasks/${review.id}/add-signers`, { usernames: ['mayor'], position: 'before' }),
        ]);
        // then
        expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
        expect(results.find((r) => r.status === 409)?.body.code).toBe('TASK_WAITING');
        expect((await w.open(id, 'review')).filter((t) => t.kind === 'addsign')).toHaveLength(1);
      }
    });
  });

  describe('加签 after (后加签)', () => {
    it('should hold the completion until the added users acted, then continue the flow with it', async () => {
      // given
      const id = await atReview();
      const review = await w.task(id, 'review');
      await w.call('head', 'POST', `/api/tasks/${review.id}/add-signers`, { usernames: ['staff'], position: 'after' });
      // when
      const done = await w.complete('head', review.id, { variables: { checked: true }, opinion: { text: '同意' } });
      // then
      expect(done.status).toBe('waiting');
      expect((await w.open(id)).map((t) => [t.elementId, t.kind, t.assignee])).toEqual([['review', 'addsign', 'staff']]);
      await w.complete('staff', (await w.open(id, 'review'))[0].id);
      expect((await w.tasks(id)).find((t) => t.id === review.id)).toMatchObject({ status: 'completed', completedBy: 'head' });
      expect((await w.task(id, 'approve')).assignee).toBe('deputy');
      expect((await w.instance(id)).variables.checked).toBe(true);
    });

    it("should hold a countersign vote and a branch's completion for their after-signers", async () => {
      // given
      const vote = await atVote();
      const head = await w.task(vote, 'vote', 'head');
      const par = await inParallel();
      const legal = await w.task(par, 'legal');
      await w.call('head', 'POST', `/api/tasks/${head.id}/add-signers`, { usernames: ['staff'], position: 'after' });
      await w.call('deputy', 'POST', `/api/tasks/${legal.id}/add-signers`, { usernames: ['mayor'], position: 'after' });
      // when
      await w.complete('head', head.id, { opinion: { text: '同意', approve: true } });
      await w.complete('deputy', (await w.task(vote, 'vote', 'deputy')).id, { opinion: { text: '同意', approve: true } });
      await w.complete('deputy', legal.id);
      // then: the countersign and the join wait for the signers
      expect((await w.open(vote)).map((t) => [t.kind, t.assignee])).toEqual([['addsign', 'staff']]);
      expect((await w.open(par)).map((t) => [t.elementId, t.kind, t.assignee]).sort()).toEqual([
        ['legal', 'addsign', 'mayor'],
        ['review', 'user', 'head'],
      ]);
      await w.complete('staff', (await w.open(vote))[0].id);
      await w.complete('mayor', (await w.open(par, 'legal'))[0].id);
      expect((await w.open(vote)).map((t) => t.elementId)).toEqual(['sign']);
      expect((await w.instance(vote)).variables.vote_countersign).toBe('approved');
      await w.complete('head', (await w.task(par, 'review')).id);
      await w.complete('staff', (await w.task(par, 'check')).id);
      expect((await w.open(par)).map((t) => t.elementId)).toEqual(['sign']);
    });

    it('should urge the signers of a waiting task, and cancel them when the instance is terminated', async () => {
      // given
      const id = await atReview();
      const review = await w.task(id, 'review');
      await w.call('head', 'POST', `/api/tasks/${review.id}/add-signers`, { usernames: ['staff'], position: 'before' });
      // when
      const urged = await w.call('clerk', 'POST', `/api/tasks/${review.id}/urge`, { message: '请尽快' });
      await w.call('admin', 'POST', `/api/instances/${id}/terminate`, { reason: '撤销' });
      // then
      expect(urged.status).toBe(200);
      expect((await w.notifications('staff')).some((n) => n.kind === 'task.urged' && n.body === '请尽快')).toBe(true);
      expect((await w.tasks(id)).filter((t) => t.elementId === 'review').map((t) => t.status)).toEqual(['cancelled', 'cancelled']);
    });
  });

  describe('加签 parallel and 减签 on a countersign', () => {
    it('should add new signers to the running countersign and wait for them too', async () => {
      // given
      const id = await atVote();
      const head = await w.task(id, 'vote', 'head');
      // when
      const r = await w.call('head', 'POST', `/api/tasks/${head.id}/add-signers`, { usernames: ['mayor', 'staff'], position: 'parallel' });
      // then
      expect(r.status).toBe(200);
      expect((await w.open(id, 'vote')).map((t) => t.assignee).sort()).toEqual(['deputy', 'head', 'mayor', 'staff']);
      const twice = await w.call('deputy', 'POST', `/api/tasks/${(await w.task(id, 'vote', 'deputy')).id}/add-signers`, {
        usernames: ['mayor'],
        position: 'parallel',
      });
      expect([twice.status, twice.body.code]).toEqual([422, 'SIGNER_DUPLICATE']);
      for (const u of ['head', 'deputy', 'mayor', 'staff'] as const)
        await w.complete(u, (await w.task(id, 'vote', u)).id, { opinion: { text: '同意', approve: true } });
      expect((await w.open(id)).map((t) => t.elementId)).toEqual(['sign']);
    });

    it('should cancel a pending signer and complete the countersign without them', async () => {
      // given
      const id = await atVote();
      const head = await w.task(id, 'vote', 'head');
      await w.call('head', 'POST', `/api/tasks/${head.id}/add-signers`, { usernames: ['mayor'], position: 'parallel' });
      const before = await w.snapshot(id);
      const unknown = await w.call('head', 'POST', `/api/tasks/${head.id}/remove-signers`, { usernames: ['staff'] });
      expect([unknown.status, unknown.body.code]).toEqual([422, 'SIGNER_NOT_FOUND']);
      expect(await w.snapshot(id)).toEqual(before);
      // when
      const peer = await w.call('head', 'POST', `/api/tasks/${head.id}/remove-signers`, { usernames: ['mayor', 'deputy'] });
      const r = await w.call('head', 'POST', `/api/tasks/${head.id}/remove-signers`, { usernames: ['mayor'] });
      // then: a peer the process named stays; the signer head added is removed
      expect([peer.status, peer.body.code]).toEqual([422, 'SIGNER_NOT_ADDED']);
      expect(r.status).toBe(200);
      await w.complete('deputy', (await w.task(id, 'vote', 'deputy')).id, { opinion: { text: '同意', approve: true } });
      expect((await w.open(id, 'vote')).map((t) => t.assignee)).toEqual(['head']);
      await w.complete('head', head.id, { opinion: { text: '同意', approve: true } });
      expect((await w.open(id)).map((t) => t.elementId)).toEqual(['sign']);
      expect((await w.history(id)).some((e) => e.type === 'task.signers-removed' && e.actor === 'head')).toBe(true);
    });

    it('should let a signer add someone before themself inside the countersign', async () => {
      // given
      const id = await atVote();
      const deputy = await w.task(id, 'vote', 'deputy');
      // when
      await w.call('deputy', 'POST', `/api/tasks/${deputy.id}/add-signers`, { usernames: ['staff'], position: 'before' });
      await w.complete('staff', (await w.open(id, 'vote')).find((t) => t.kind === 'addsign').id);
      await w.complete('deputy', deputy.id, { opinion: { text: '同意', approve: true } });
      await w.complete('head', (await w.task(id, 'vote', 'head')).id, { opinion: { text: '同意', approve: true } });
      // then
      expect((await w.open(id)).map((t) => t.elementId)).toEqual(['sign']);
    });

    it('should let one of two simultaneous parallel add-signers of the same user win', async () => {
      // given
      const id = await atVote();
      const head = await w.task(id, 'vote', 'head');
      const deputy = await w.task(id, 'vote', 'deputy');
      // when
      const results = await Promise.all([
        w.call('head', 'POST', `/api/tasks/${head.id}/add-signers`, { usernames: ['mayor'], position: 'parallel' }),
        w.call('deputy', 'POST', `/api/tasks/${deputy.id}/add-signers`, { usernames: ['mayor'], position: 'parallel' }),
      ]);
      // then
      expect(results.map((r) => r.status).sort()).toEqual([200, 422]);
      expect((await w.open(id, 'vote')).filter((t) => t.assignee === 'mayor')).toHaveLength(1);
    });
  });

  describe('撤回 withdraw', () => {
    it('should pull a completed task back while the next one is unopened, and refuse once it was opened', async () => {
      // given
      const id = await w.start('clerk', 'apStraight');
      const draft = await w.task(id, 'draft');
      await w.complete('clerk', draft.id);
      const review = await w.task(id, 'review');
      expect((await w.call('clerk', 'GET', `/api/tasks/${draft.id}/actions`)).body.items).toContain('withdraw');
      // when
      const r = await w.call('clerk', 'POST', `/api/tasks/${draft.id}/withdraw`, { reason: '漏附件' });
      // then
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ elementId: 'draft', assignee: 'clerk', status: 'open' });
      expect((await w.tasks(id)).find((t) => t.id === review.id).status).toBe('cancelled');
      expect((await w.notifications('head')).some((n) => n.kind === 'withdrawn' && n.taskId === review.id)).toBe(true);
      // and once the next handler opened the task, no more
      await w.complete('clerk', r.body.id);
      const next = await w.task(id, 'review');
      await w.call('head', 'GET', `/api/tasks/${next.id}`);
      const before = await w.snapshot(id);
      const late = await w.call('clerk', 'POST', `/api/tasks/${r.body.id}/withdraw`, {});
      expect([late.status, late.body.code]).toEqual([409, 'TASK_ALREADY_OPENED']);
      const byOther = await w.call('head', 'POST', `/api/tasks/${r.body.id}/withdraw`, {});
      expect([byOther.status, byOther.body.code]).toEqual([409, 'NOT_WITHDRAWABLE']);
      expect(await w.snapshot(id)).toEqual(before);
    });

    it('should withdraw inside a parallel branch without touching the other branch', async () => {
      // given
      const id = await inParallel();
      const review = await w.task(id, 'review');
      await w.complete('head', review.id);
      // when
      const r = await w.call('head', 'POST', `/api/tasks/${review.id}/withdraw`, {});
      // then
      expect(r.status).toBe(200);
      expect((await w.open(id)).map((t) => [t.elementId, t.assignee]).sort()).toEqual([
        ['legal', 'deputy'],
        ['review', 'head'],
      ]);
      await w.complete('head', r.body.id);
      await w.complete('staff', (await w.task(id, 'check')).id);
      await w.complete('deputy', (await w.task(id, 'legal')).id);
      expect((await w.open(id)).map((t) => t.elementId)).toEqual(['sign']);
    });

    it("should take a countersign vote back and reopen that signer's task", async () => {
      // given
      const id = await atVote();
      const head = await w.task(id, 'vote', 'head');
      await w.complete('head', head.id, { opinion: { text: '同意', approve: true } });
      // when
      const r = await w.call('head', 'POST', `/api/tasks/${head.id}/withdraw`, {});
      // then
      expect(r.status).toBe(200);
      expect((await w.open(id, 'vote')).map((t) => t.assignee).sort()).toEqual(['deputy', 'head']);
    });

    it('should let exactly one of complete and withdraw win', async () => {
      for (let round = 0; round < 4; round++) {
        // given
        const id = await w.start('clerk', 'apStraight');
        const draft = await w.task(id, 'draft');
        await w.complete('clerk', draft.id);
        const review = await w.task(id, 'review');
        // when
        const [done, back] = await Promise.all([
          w.call('head', 'POST', `/api/tasks/${review.id}/complete`, {}),
          w.call('clerk', 'POST', `/api/tasks/${draft.id}/withdraw`, {}),
        ]);
        // then
        expect([done.status, back.status].filter((s) => s === 200)).toHaveLength(1);
        const open = (await w.open(id)).map((t) => t.elementId);
        if (done.status === 200) {
          expect([back.status, back.body.code]).toEqual([409, 'NOT_WITHDRAWABLE']);
          expect(open).toEqual(['approve']);
        } else {
          expect([done.status, done.body.code]).toEqual([409, 'TASK_NOT_OPEN']);
          expect(open).toEqual(['draft']);
        }
      }
    });
  });

  describe('wrong state', () => {
    it('should refuse operations on a completed or waiting task with 409 and change nothing', async () => {
      // given
      const id = await atReview();
      const review = await w.task(id, 'review');
      await w.call('head', 'POST', `/api/tasks/${review.id}/add-signers`, { usernames: ['staff'], position: 'before' });
      const draft = (await w.tasks(id)).find((t) => t.elementId === 'draft');
      const before = await w.snapshot(id);
      // when
      const onWaiting = await Promise.all([
        w.call('head', 'POST', `/api/tasks/${review.id}/return`, { reason: 'x' }),
        w.call('head', 'POST', `/api/tasks/${review.id}/transfer`, { username: 'mayor' }),
        w.call('head', 'POST', `/api/tasks/${review.id}/add-signers`, { usernames: ['mayor'], position: 'after' }),
      ]);
      const onCompleted = await Promise.all([
        w.call('clerk', 'POST', `/api/tasks/${draft.id}/complete`, {}),
        w.call('clerk', 'POST', `/api/tasks/${draft.id}/reject`, { reason: 'x' }),
        w.call('clerk', 'POST', `/api/tasks/${draft.id}/delegate`, { username: 'staff' }),
      ]);
      // then
      expect(onWaiting.map((r) => [r.status, r.body.code])).toEqual(Array(3).fill([409, 'TASK_WAITING']));
      expect(onCompleted.map((r) => [r.status, r.body.code])).toEqual(Array(3).fill([409, 'TASK_NOT_OPEN']));
      expect(await w.snapshot(id)).toEqual(before);
    });
  });

  describe('admin intervention', () => {
    it("should reassign, move a token and terminate, each with a required reason recorded with the admin's name", async () => {
      // given
      const id = await atReview();
      const review = await w.task(id, 'review');
      const before = await w.snapshot(id);
      const noReason = await w.call('admin', 'POST', `/api/tasks/${review.id}/reassign`, { username: 'staff' });
      const notAdmin = await w.call('head', 'POST', `/api/tasks/${review.id}/reassign`, { username: 'staff', reason: 'x' });
      const moveNoReason = await w.call('admin', 'POST', `/api/instances/${id}/move`, { taskId: review.id, targetElementId: 'draft' });
      const stopNoReason = await w.call('admin', 'POST', `/api/instances/${id}/terminate`, {});
      expect([noReason.status, noReason.body.code]).toEqual([422, 'REASON_REQUIRED']);
      expect(notAdmin.status).toBe(403);
      expect([moveNoReason.status, moveNoReason.body.code]).toEqual([422, 'REASON_REQUIRED']);
      expect([stopNoReason.status, stopNoReason.body.code]).toEqual([422, 'REASON_REQUIRED']);
      expect(await w.snapshot(id)).toEqual(before);
      // when
      const reassigned = await w.call('admin', 'POST', `/api/tasks/${review.id}/reassign`, { username: 'staff', reason: '主任休假' });
      const moved = await w.call('admin', 'POST', `/api/instances/${id}/move`, {
        taskId: review.id,
        targetElementId: 'draft',
        reason: '流程卡住',
      });
      const stopped = await w.call('admin', 'POST', `/api/instances/${id}/terminate`, { reason: '事项撤销' });
      // then
      expect(reassigned.body.assignee).toBe('staff');
      expect(moved.body.activeElementIds).toEqual(['draft']);
      expect(stopped.body.status).toBe('terminated');
      const history = await w.history(id);
      expect(history.find((e) => e.type === 'task.reassigned')).toMatchObject({
        actor: 'admin',
        details: { reason: '主任休假', intervention: { by: '王建国' } },
      });
      expect(
        history.filter((e) => e.type === 'instance.intervention').map((e) => [e.details.action, e.details.reason, e.details.by]),
      ).toEqual([
        ['move', '流程卡住', '王建国'],
        ['terminate', '事项撤销', '王建国'],
      ]);
    });

    it('should record a retried incident as an intervention with the reason', async () => {
      // given
      const id = await w.start('clerk', 'apIncident');
      await w.complete('clerk', (await w.task(id, 'fill')).id);
      const [incident] = (await w.instance(id)).incidents;
      expect(incident).toBeDefined();
      // when
      const r = await w.call('admin', 'POST', `/api/instances/${id}/incidents/${incident.id}/retry`, { reason: '已补录金额' });
      const plain = await w.call('admin', 'POST', `/api/instances/${id}/incidents/${incident.id}/retry`, {});
      // then
      expect(r.status).toBe(200);
      expect([plain.status, plain.body.code]).toEqual([404, 'INCIDENT_NOT_FOUND']);
      expect((await w.history(id)).find((e) => e.type === 'instance.intervention')).toMatchObject({
        actor: 'admin',
        details: { action: 'retry', reason: '已补录金额', by: '王建国' },
      });
    });

    it("should reassign a signer's task of a countersign and move a token inside a parallel branch", async () => {
      // given
      const vote = await atVote();
      const par = await inParallel();
      await w.complete('head', (await w.task(par, 'review')).id);
      // when
      const reassigned = await w.call('admin', 'POST', `/api/tasks/${(await w.task(vote, 'vote', 'deputy')).id}/reassign`, {
        username: 'mayor',
        reason: '出差',
      });
      const moved = await w.call('admin', 'POST', `/api/instances/${par}/move`, {
        taskId: (await w.task(par, 'check')).id,
        targetElementId: 'review',
        reason: '重审',
      });
      // then
      expect(reassigned.body.assignee).toBe('mayor');
      expect((await w.open(vote, 'vote')).map((t) => t.assignee).sort()).toEqual(['head', 'mayor']);
      expect(moved.status).toBe(200);
      expect((await w.open(par)).map((t) => [t.elementId, t.assignee]).sort()).toEqual([
        ['legal', 'deputy'],
        ['review', 'head'],
      ]);
    });
  });
});
