import { ApprovalsWorld } from './approvals.fixtures';

/** 退回, 驳回, 转办, 委派 and opinions: straight line, parallel branch, countersign; bad input changes nothing. */
describe('approvals: return, reject, transfer, delegate, opinions (e2e)', () => {
  let w: ApprovalsWorld;

  beforeAll(async () => {
    w = await ApprovalsWorld.start([
      'approvals-straight.bpmn',
      'approvals-parallel.bpmn',
      'approvals-countersign.bpmn',
      'approvals-veto.bpmn',
    ]);
  });
  afterAll(() => w.stop());

  /** clerk drafts, head reviews: the instance waits at 审批 (deputy). */
  const atApprove = async () => {
    const id = await w.start('clerk', 'apStraight');
    await w.complete('clerk', (await w.task(id, 'draft')).id);
    await w.complete('head', (await w.task(id, 'review')).id);
    return id;
  };

  describe('in a straight line', () => {
    it('should return to the previous step, to the person who did it, with the reason and the opinion recorded', async () => {
      // given
      const id = await atApprove();
      const approve = await w.task(id, 'approve');
      // when
      const r = await w.call('deputy', 'POST', `/api/tasks/${approve.id}/return`, {
        reason: '数据有误',
        opinion: { text: '请核实数据', approve: false },
      });
      // then
      expect(r.status).toBe(200);
      expect(r.body.status).toBe('cancelled');
      const again = await w.task(id, 'review');
      expect(again).toMatchObject({ assignee: 'head', sourceTaskId: approve.id });
      const returned = (await w.history(id)).find((e) => e.type === 'task.returned');
      expect(returned).toMatchObject({ actor: 'deputy', details: { targetElementId: 'review', reason: '数据有误', mode: 'rerun' } });
      expect(await w.opinions(id)).toEqual([
        expect.objectContaining({ author: 'deputy', kind: 'return', text: '请核实数据', approve: false, authorLabel: '周建华' }),
      ]);
      expect((await w.notifications('head')).some((n) => n.kind === 'returned' && n.taskId === again.id && n.body === '数据有误')).toBe(
        true,
      );
      // and the flow goes on from there
      await w.complete('head', again.id);
      expect((await w.task(id, 'approve')).assignee).toBe('deputy');
    });

    it('should list the steps it can go back to, nearest first', async () => {
      // given
      const id = await atApprove();
      const approve = await w.task(id, 'approve');
      // when
      const r = await w.call('deputy', 'GET', `/api/tasks/${approve.id}/return-targets`);
      // then
      expect(r.status).toBe(200);
      expect(r.body.items).toEqual([
        { elementId: 'review', name: '审核', completedBy: 'head', default: true, initiator: false },
        { elementId: 'draft', name: '拟稿', completedBy: 'clerk', default: false, initiator: true },
      ]);
    });

    it("should return to the initiator's first step when asked to", async () => {
      // given
      const id = await atApprove();
      // when
      const r = await w.call('deputy', 'POST', `/api/tasks/${(await w.task(id, 'approve')).id}/return`, {
        toInitiator: true,
        reason: '重新拟稿',
      });
      // then
      expect(r.status).toBe(200);
      expect(await w.open(id)).toEqual([expect.objectContaining({ elementId: 'draft', assignee: 'clerk' })]);
    });

    it('should send the re-done step straight back to the returning step in direct mode', async () => {
      // given
      const id = await atApprove();
      await w.call('deputy', 'POST', `/api/tasks/${(await w.task(id, 'approve')).id}/return`, {
        targetElementId: 'draft',
        reason: '补充材料',
        mode: 'direct',
      });
      // when
      await w.complete('clerk', (await w.task(id, 'draft')).id);
      // then: 审核 is skipped
      expect((await w.open(id)).map((t) => [t.elementId, t.assignee])).toEqual([['approve', 'deputy']]);
    });

    it('should refuse a return without a reason, to a step never visited, or by someone else, and change nothing', async () => {
      // given
      const id = await atApprove();
      const approve = await w.task(id, 'approve');
      const before = await w.snapshot(id);
      // when
      const noReason = await w.call('deputy', 'POST', `/api/tasks/${approve.id}/return`, {});
      const blank = await w.call('deputy', 'POST', `/api/tasks/${approve.id}/return`, { reason: '  ' });
      const notVisited = await w.call('deputy', 'POST', `/api/tasks/${approve.id}/return`, { targetElementId: 'end', reason: 'x' });
      const someoneElse = await w.call('head', 'POST', `/api/tasks/${approve.id}/return`, { reason: 'x' });
      const stranger = await w.call('mayor', 'POST', `/api/tasks/${approve.id}/return`, { reason: 'x' });
      const badMode = await w.call('deputy', 'POST', `/api/tasks/${approve.id}/return`, { reason: 'x', mode: 'sideways' });
      // then
      expect([noReason.status, noReason.body.code]).toEqual([422, 'REASON_REQUIRED']);
      expect([blank.status, blank.body.code]).toEqual([422, 'REASON_REQUIRED']);
      expect([notVisited.status, notVisited.body.code]).toEqual([422, 'RETURN_TARGET_INVALID']);
      expect([someoneElse.status, someoneElse.body.code]).toEqual([404, 'TASK_NOT_FOUND']);
      expect([stranger.status, stranger.body.code]).toEqual([404, 'TASK_NOT_FOUND']);
      expect([badMode.status, badMode.body.code]).toEqual([400, 'VALIDATION_FAILED']);
      expect(await w.snapshot(id)).toEqual(before);
    });

    it('should refuse to return the first step, which has nothing before it', async () => {
      // given
      const id = await w.start('clerk', 'apStraight');
      const draft = await w.task(id, 'draft');
      const before = await w.snapshot(id);
      // when
      const r = await w.call('clerk', 'POST', `/api/tasks/${draft.id}/return`, { reason: 'x' });
      // then
      expect([r.status, r.body.code]).toEqual([422, 'RETURN_NO_TARGET']);
      expect(await w.snapshot(id)).toEqual(before);
    });

    it('should end the instance as rejected with the reason, and refuse a rejection without one', async () => {
      // given
      const id = await atApprove();
      const approve = await w.task(id, 'approve');
      const before = await w.snapshot(id);
      const missing = await w.call('deputy', 'POST', `/api/tasks/${approve.id}/reject`, { opinion: { text: '不同意' } });
      expect([missing.status, missing.body.code]).toEqual([422, 'REASON_REQUIRED']);
      expect(await w.snapshot(id)).toEqual(before);
      // when
      const r = await w.call('deputy', 'POST', `/api/tasks/${approve.id}/reject`, { reason: '不符合政策', opinion: { text: '不同意' } });
      // then
      expect(r.status).toBe(200);
      expect((await w.instance(id)).status).toBe('terminated');
      expect(await w.open(id)).toEqual([]);
      const history = await w.history(id);
      expect(history.find((e) => e.type === 'process.terminated')).toMatchObject({ details: { outcome: 'rejected' } });
      expect(history.find((e) => e.type === 'instance.rejected')).toMatchObject({ actor: 'deputy', details: { reason: '不符合政策' } });
      expect((await w.opinions(id)).map((o) => [o.kind, o.text, o.approve])).toEqual([['reject', '不同意', false]]);
    });

    it('should transfer a task: the new user acts, the old one no longer can', async () => {
      // given
      const id = await w.start('clerk', 'apStraight');
      await w.complete('clerk', (await w.task(id, 'draft')).id);
      const review = await w.task(id, 'review');
      const before = await w.snapshot(id);
      const unknown = await w.call('head', 'POST', `/api/tasks/${review.id}/transfer`, { username: 'nobody' });
      expect([unknown.status, unknown.body.code]).toEqual([422, 'APPROVAL_USER_UNKNOWN']);
      expect(await w.snapshot(id)).toEqual(before);
      // when
      const r = await w.call('head', 'POST', `/api/tasks/${review.id}/transfer`, { username: 'staff', reason: '出差' });
      // then
      expect(r.status).toBe(200);
      expect(r.body.assignee).toBe('staff');
      const old = await w.call('head', 'POST', `/api/tasks/${review.id}/complete`, {});
      expect([old.status, old.body.code]).toEqual([404, 'TASK_NOT_FOUND']);
      expect((await w.history(id)).find((e) => e.type === 'task.transferred')).toMatchObject({
        actor: 'head',
        details: { from: 'head', to: 'staff', reason: '出差' },
      });
      expect((await w.notifications('staff')).some((n) => n.taskId === review.id && n.kind === 'task.assigned')).toBe(true);
      await w.complete('staff', review.id, { opinion: '已核' });
      expect((await w.task(id, 'approve')).assignee).toBe('deputy');
    });

    it('should let a delegate work on a task and give it back to its owner, who completes it', async () => {
      // given
      const id = await w.start('clerk', 'apStraight');
      await w.complete('clerk', (await w.task(id, 'draft')).id);
      const review = await w.task(id, 'review');
      // when
      const delegated = await w.call('head', 'POST', `/api/tasks/${review.id}/delegate`, { username: 'staff' });
      // then
      expect(delegated.body).toMatchObject({ assignee: 'staff', owner: 'head' });
      const byDelegate = await w.call('staff', 'POST', `/api/tasks/${review.id}/complete`, {});
      expect([byDelegate.status, byDelegate.body.code]).toEqual([409, 'TASK_DELEGATED']);
      const byOwner = await w.call('head', 'POST', `/api/tasks/${review.id}/complete`, {});
      expect([byOwner.status, byOwner.body.code]).toEqual([409, 'TASK_DELEGATED']);
      const notDelegate = await w.call('head', 'POST', `/api/tasks/${review.id}/resolve`, {});
      expect([notDelegate.status, notDelegate.body.code]).toEqual([409, 'TASK_NOT_DELEGATED']);
      const resolved = await w.call('staff', 'POST', `/api/tasks/${review.id}/resolve`, { opinion: { text: '拟同意', kind: 'proposal' } });
      expect(resolved.body).toMatchObject({ assignee: 'head', owner: null });
      await w.complete('head', review.id, { opinion: { text: '同意', approve: true } });
      expect((await w.opinions(id)).map((o) => [o.author, o.kind, o.text])).toEqual([
        ['staff', 'proposal', '拟同意'],
        ['head', 'approval', '同意'],
      ]);
      expect((await w.history(id)).map((e) => e.type)).toEqual(expect.arrayContaining(['task.delegated', 'task.resolved']));
    });

    it('should keep a plain-text opinion of the original contract and record both forms in the history', async () => {
      // given
      const id = await w.start('clerk', 'apStraight');
      // when
      await w.complete('clerk', (await w.task(id, 'draft')).id, { opinion: '请审核' });
      // then
      expect((await w.opinions(id)).map((o) => [o.author, o.kind, o.text, o.approve])).toEqual([['clerk', 'approval', '请审核', null]]);
      expect((await w.history(id)).find((e) => e.type === 'task.completed')).toMatchObject({ details: { opinion: '请审核' } });
    });
  });

  describe('inside a parallel branch', () => {
    const atCheck = async () => {
      const id = await w.start('clerk', 'apParallel');
      await w.complete('clerk', (await w.task(id, 'draft')).id);
      await w.complete('head', (await w.task(id, 'review')).id);
      return id;
    };

    it('should re-run only the returning branch and fire the join once when it arrives again', async () => {
      // given
      const id = await atCheck();
      const check = await w.task(id, 'check');
      // when
      const r = await w.call('staff', 'POST', `/api/tasks/${check.id}/return`, { reason: '格式不对' });
      // then: 审核 again for head; 法制审查 untouched
      expect(r.status).toBe(200);
      expect((await w.open(id)).map((t) => [t.elementId, t.assignee]).sort()).toEqual([
        ['legal', 'deputy'],
        ['review', 'head'],
      ]);
      await w.complete('deputy', (await w.task(id, 'legal')).id);
      await w.complete('head', (await w.task(id, 'review')).id);
      expect((await w.open(id)).map((t) => t.elementId)).toEqual(['check']);
      await w.complete('staff', (await w.task(id, 'check')).id);
      expect((await w.open(id)).map((t) => [t.elementId, t.assignee])).toEqual([['sign', 'mayor']]);
    });

    it("should offer only the steps on the branch's own path as return targets", async () => {
      // given: 法制审查 done in the other branch
      const id = await atCheck();
      await w.complete('deputy', (await w.task(id, 'legal')).id);
      const check = await w.task(id, 'check');
      // when
      const r = await w.call('staff', 'GET', `/api/tasks/${check.id}/return-targets`);
      const across = await w.call('staff', 'POST', `/api/tasks/${check.id}/return`, { targetElementId: 'legal', reason: 'x' });
      // then
      expect(r.body.items.map((t: any) => t.elementId)).toEqual(['review', 'draft']);
      expect([across.status, across.body.code]).toEqual([422, 'RETURN_TARGET_INVALID']);
    });

    it('should transfer and delegate inside a branch and still join once', async () => {
      // given
      const id = await atCheck();
      const legal = await w.task(id, 'legal');
      const check = await w.task(id, 'check');
      // when
      await w.call('deputy', 'POST', `/api/tasks/${legal.id}/transfer`, { username: 'mayor' });
      await w.call('staff', 'POST', `/api/tasks/${check.id}/delegate`, { username: 'clerk' });
      await w.call('clerk', 'POST', `/api/tasks/${check.id}/resolve`, {});
      await w.complete('mayor', legal.id);
      await w.complete('staff', check.id);
      // then
      expect((await w.open(id)).map((t) => t.elementId)).toEqual(['sign']);
    });

    it('should end every branch when a task in one of them is rejected', async () => {
      // given
      const id = await atCheck();
      // when
      const r = await w.call('deputy', 'POST', `/api/tasks/${(await w.task(id, 'legal')).id}/reject`, { reason: '违法' });
      // then
      expect(r.status).toBe(200);
      expect((await w.instance(id)).status).toBe('terminated');
      expect((await w.tasks(id)).filter((t) => t.elementId === 'check').map((t) => t.status)).toEqual(['cancelled']);
    });
  });

  describe('on a countersign (multi-instance) task', () => {
    const atVote = async (key = 'apCountersign') => {
      const id = await w.start('clerk', key, { signers: ['head', 'deputy', 'mayor'] });
      await w.complete('clerk', (await w.task(id, 'draft')).id);
      return id;
    };

    it("should return the whole countersign to the drafter and cancel every signer's task", async () => {
      // given
      const id = await atVote();
      await w.complete('head', (await w.task(id, 'vote', 'head')).id, { opinion: { text: '同意', approve: true } });
      // when
      const r = await w.call('deputy', 'POST', `/api/tasks/${(await w.task(id, 'vote', 'deputy')).id}/return`, { reason: '依据不足' });
      // then
      expect(r.status).toBe(200);
      expect((await w.open(id)).map((t) => [t.elementId, t.assignee])).toEqual([['draft', 'clerk']]);
      // and re-running it asks every signer again
      await w.complete('clerk', (await w.task(id, 'draft')).id);
      expect((await w.open(id, 'vote')).map((t) => t.assignee).sort()).toEqual(['deputy', 'head', 'mayor']);
    });

    it("should transfer and delegate a signer's task and complete the countersign", async () => {
      // given
      const id = await atVote();
      const deputy = await w.task(id, 'vote', 'deputy');
      const mayor = await w.task(id, 'vote', 'mayor');
      // when
      await w.call('deputy', 'POST', `/api/tasks/${deputy.id}/transfer`, { username: 'staff' });
      await w.call('mayor', 'POST', `/api/tasks/${mayor.id}/delegate`, { username: 'clerk' });
      await w.call('clerk', 'POST', `/api/tasks/${mayor.id}/resolve`, { opinion: { text: '拟同意' } });
      await w.complete('staff', deputy.id, { opinion: { text: '同意', approve: true } });
      await w.complete('mayor', mayor.id, { opinion: { text: '同意', approve: true } });
      await w.complete('head', (await w.task(id, 'vote', 'head')).id, { opinion: { text: '同意', approve: true } });
      // then
      expect((await w.open(id)).map((t) => t.elementId)).toEqual(['sign']);
      expect((await w.instance(id)).variables.vote_countersign).toBe('approved');
    });

    it("should feed an opinion's approve into the countersign rule (veto: one disagree ends it rejected)", async () => {
      // given
      const id = await atVote('apVeto');
      await w.complete('head', (await w.task(id, 'vote', 'head')).id, { opinion: { text: '同意', approve: true } });
      // when
      await w.complete('deputy', (await w.task(id, 'vote', 'deputy')).id, { opinion: { text: '不同意', approve: false } });
      // then
      expect((await w.instance(id)).variables.vote_countersign).toBe('rejected');
      expect((await w.open(id)).map((t) => t.elementId)).toEqual(['sign']);
      expect((await w.tasks(id)).find((t) => t.elementId === 'vote' && t.assignee === 'mayor').status).toBe('cancelled');
    });

    it("should refuse 驳回 from one signer's task: a 会签 vote does not end the whole matter", async () => {
      // given
      const id = await atVote();
      const task = await w.task(id, 'vote', 'mayor');
      // when
      const r = await w.call('mayor', 'POST', `/api/tasks/${task.id}/reject`, { reason: '不予批准' });
      // then refused, nothing changed, and the actions list never offered it (the signer votes 不同意 or 退回)
      expect(r.status).toBe(422);
      expect(r.body.code).toBe('REJECT_STEP_PART');
      expect((await w.instance(id)).status).toBe('active');
      const offered = (await w.call('mayor', 'GET', `/api/tasks/${task.id}/actions`)).body.items;
      expect(offered).toContain('return');
      expect(offered).not.toContain('reject');
    });
  });

  describe('at the same moment', () => {
    it('should let exactly one of complete and transfer win on one task', async () => {
      for (let round = 0; round < 5; round++) {
        // given
        const id = await w.start('clerk', 'apStraight');
        await w.complete('clerk', (await w.task(id, 'draft')).id);
        const review = await w.task(id, 'review');
        // when
        const [done, moved] = await Promise.all([
          w.call('head', 'POST', `/api/tasks/${review.id}/complete`, {}),
          w.call('head', 'POST', `/api/tasks/${review.id}/transfer`, { username: 'staff' }),
        ]);
        // then
        expect([done.status, moved.status].filter((s) => s === 200)).toHaveLength(1);
        const row = (await w.tasks(id)).find((t) => t.id === review.id);
        if (done.status === 200) {
          expect([moved.status, moved.body.code]).toEqual([409, 'TASK_NOT_OPEN']);
          expect(row).toMatchObject({ status: 'completed', assignee: 'head' });
        } else {
          expect([done.status, done.body.code]).toEqual([404, 'TASK_NOT_FOUND']);
          expect(row).toMatchObject({ status: 'open', assignee: 'staff' });
        }
      }
    });
  });
});
