import { TestServer } from '../support/test-server';

const INSTRUCTION = '同意。请市住建局牵头，市财政局配合办理。';
const REPLY = '已按批示办理完毕，答复陕西省住房和城乡建设厅：排查整治工作已完成。';
const CONCLUDE = '办理完毕，材料已归档备查。';

/**
 * WALK items 6–9 on the shipped workflows: every word a form holds for the record is an opinion of
 * its step; a 协办 department's words are its 办理情况; a 会签 is one entry per person with its vote;
 * and the actions list offers only what can be done (no 驳回 by one part of a parallel step, no
 * 退回/驳回 on 拟稿, no 下一步办理人 when completing opens nothing to choose for).
 */
describe('step opinions and actions on the shipped workflows (e2e)', () => {
  let server: TestServer;
  let admin: string;
  const tokens: Record<string, string> = {};
  const as = async (username: string) => (tokens[username] ??= await server.login(username));

  beforeAll(async () => {
    server = await TestServer.start();
    admin = await server.login('admin');
  });
  afterAll(() => server.stop());

  const openAt = async (instanceId: string, elementId: string) =>
    ((await server.call('GET', `/api/tasks?instanceId=${instanceId}`, { token: admin })).body.items as any[]).filter(
      (t) => t.elementId === elementId && t.status === 'open',
    );
  /** The user's open task at the step (claimed when it is a group's). */
  const mine = async (username: string, instanceId: string, elementId: string) => {
    const tasks = await openAt(instanceId, elementId);
    const task = tasks.find((t) => t.assignee === username) ?? tasks.find((t) => !t.assignee);
    if (!task) throw new Error(`${username} has no open task at ${elementId}`);
    if (!task.assignee) expect((await server.call('POST', `/api/tasks/${task.id}/claim`, { token: await as(username) })).status).toBe(200);
    return task as { id: string };
  };
  const act = async (username: string, instanceId: string, elementId: string, body: Record<string, unknown> = {}) => {
    const task = await mine(username, instanceId, elementId);
    const r = await server.call('POST', `/api/tasks/${task.id}/complete`, { token: await as(username), body });
    if (r.status !== 200) throw new Error(`${username} completing ${elementId}: ${r.status} ${JSON.stringify(r.body)}`);
    return task;
  };
  const actions = async (username: string, taskId: string) =>
    (await server.call('GET', `/api/tasks/${taskId}/actions`, { token: await as(username) })).body.items as string[];
  const detail = async (id: string) => (await server.call('GET', `/api/documents/${id}`, { token: await as('clerk') })).body;
  const incoming = async (title: string) => {
    const r = await server.call('POST', '/api/documents', {
      token: await as('clerk'),
      body: {
        direction: 'incoming',
        docType: 'GW08',
        title,
        issuer: '陕西省住房和城乡建设厅',
        mainRecipients: ['安康市人民政府'],
        registration: {
          sourceOrg: '陕西省住房和城乡建设厅',
          sourceDocNumber: '陕建发〔2026〕40号',
          signedForAt: '2026-10-12T09:15:00+08:00',
          channel: 'EXCHANGE',
          handlingType: 'ACT',
          timeLimitWorkdays: 10,
        },
      },
    });
    if (r.status !== 201) throw new Error(`registering: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body as { id: string; instanceId: string };
  };
  const outgoing = async (title: string) => {
    const r = await server.call('POST', '/api/documents', {
      token: await as('clerk'),
      body: {
        direction: 'outgoing',
        docType: 'GW08',
        title,
        issuer: '安康市人民政府',
        orgCode: '安政发',
        mainRecipients: ['市政府各部门'],
      },
    });
    if (r.status !== 201) throw new Error(`drafting: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body as { id: string; instanceId: string };
  };
  const throughInstruction = async (doc: { instanceId: string }) => {
    await act('clerk', doc.instanceId, 'signFor', { variables: { signForNote: '原件一份，附件齐全。' } });
    await act('clerk', doc.instanceId, 'register');
    await act('clerk', doc.instanceId, 'screen', { variables: { screenResult: 'accept' } });
    await act('head', doc.instanceId, 'propose', { variables: { proposal: '建议由市住建局牵头办理。' } });
    await act('deputy', doc.instanceId, 'instruct', { variables: { instruction: INSTRUCTION, leadDept: 'zjj', assistDepts: ['czj'] } });
  };

  it('should keep 签收说明, 答复内容 and 办结说明 as opinions of their steps, in the 处理单 and its PDF', async () => {
    // given a 收文 handled up to 答复
    const doc = await incoming('关于开展房屋安全隐患排查的通知');
    await throughInstruction(doc);
    await act('czj_head', doc.instanceId, 'assistHandle', { variables: { handleResult: '市财政局：经费已安排。' } });
    await act('zjj_head', doc.instanceId, 'leadHandle', { variables: { handleResult: '市住建局：排查已完成。' } });
    // when the clerk writes the reply and concludes in the forms
    await act('clerk', doc.instanceId, 'reply', { variables: { replyText: REPLY } });
    await act('clerk', doc.instanceId, 'conclude', { variables: { concludeNote: CONCLUDE, archive: false } });
    // then each text is its step's opinion, word for word
    const d = await detail(doc.id);
    const words = d.processingRecord.flatMap((s: any) => s.opinions.map((o: any) => [s.step, o.kind, o.text]));
    expect(words).toEqual(
      expect.arrayContaining([
        ['signFor', 'note', '原件一份，附件齐全。'],
        ['reply', 'reply', REPLY],
        ['conclude', 'conclusion', CONCLUDE],
      ]),
    );
    // and the 收文处理笺 prints them under their own labels
    const pdf = await fetch(`${server.baseUrl}/api/documents/${doc.id}/processing-sheet.pdf`, {
      headers: { authorization: `Bearer ${await as('clerk')}` },
    });
    expect(pdf.status).toBe(200);
  });

  it("should record a 协办 department's panel opinion as its 办理情况, signed like the 主办's, and offer it no 驳回", async () => {
    // given a 收文 instructed to 市住建局 with 市财政局 assisting
    const doc = await incoming('关于做好保障性住房建设工作的通知');
    await throughInstruction(doc);
    const assist = await mine('czj_head', doc.instanceId, 'assistHandle');
    const lead = await mine('zjj_head', doc.instanceId, 'leadHandle');
    // then neither department head may end the whole matter (驳回); the 主办 still may 退回
    expect(await actions('czj_head', assist.id)).not.toContain('reject');
    expect(await actions('zjj_head', lead.id)).toContain('return');
    const refused = await server.call('POST', `/api/tasks/${assist.id}/reject`, {
      token: await as('czj_head'),
      body: { reason: '不同意' },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('REJECT_STEP_PART');
    // when 市财政局 writes only in the panel
    await act('czj_head', doc.instanceId, 'assistHandle', { opinion: '市财政局：配套资金已落实。' });
    await act('zjj_head', doc.instanceId, 'leadHandle', { opinion: '同意', variables: { handleResult: '市住建局：已开工。' } });
    // then it is that department's 办理情况, one entry each, with the author's department
    const d = await detail(doc.id);
    const handling = d.processingRecord.flatMap((s: any) => s.opinions.map((o: any) => [s.step, o.kind, o.text, o.authorOrg]));
    expect(handling.filter((h: any[]) => h[0] === 'assistHandle' || h[0] === 'leadHandle')).toEqual(
      expect.arrayContaining([
        ['assistHandle', 'handling', '市财政局：配套资金已落实。', '安康市财政局'],
        ['leadHandle', 'handling', '同意\n市住建局：已开工。', '安康市住房和城乡建设局'],
      ]),
    );
    expect(handling.filter((h: any[]) => h[0] === 'assistHandle' || h[0] === 'leadHandle')).toHaveLength(2);
  });

  it('should keep one 会签 entry per person with the vote, and offer no 下一步 picker or 驳回 while others are open', async () => {
    // given a 发文 drafted with the mayor to sign and two departments to countersign
    const doc = await outgoing('安康市人民政府关于加强城市供水安全管理的通知');
    const draft = await mine('clerk', doc.instanceId, 'draft');
    // the first step offers neither 退回 nor 驳回
    expect(await actions('clerk', draft.id)).not.toEqual(expect.arrayContaining(['return']));
    expect(await actions('clerk', draft.id)).not.toContain('reject');
    await act('clerk', doc.instanceId, 'draft', { variables: { issuer: 'mayor', countersigners: ['czj_head', 'zjj_head'] } });
    await act('head', doc.instanceId, 'review', { variables: { reviewResult: 'pass', reviewOpinion: '文字已核。' } });
    const zjj = await mine('zjj_head', doc.instanceId, 'countersign');
    // then a 会签 head is offered 退回 but not 驳回, and no 下一步 picker: 签发人 is named and 市财政局 still open
    const offered = await actions('zjj_head', zjj.id);
    expect(offered).toContain('complete');
    expect(offered).not.toContain('reject');
    const next = await server.call('GET', `/api/tasks/${zjj.id}/next-steps`, { token: await as('zjj_head') });
    expect(next.body.items).toEqual([]);
    // when each votes in the form and writes in the panel
    await act('zjj_head', doc.instanceId, 'countersign', {
      opinion: '同意',
      variables: { countersignResult: 'agree', countersignOpinion: '建议明确供水企业责任。' },
    });
    await act('czj_head', doc.instanceId, 'countersign', { variables: { countersignResult: 'disagree' } });
    // then each person has one 会签意见 with the vote, and the countersign counted the votes
    const d = await detail(doc.id);
    const countersign = d.processingRecord
      .filter((s: any) => s.step === 'countersign')
      .flatMap((s: any) => s.opinions.map((o: any) => [o.author, o.kind, o.text, o.approve]));
    expect(countersign).toHaveLength(2);
    expect(countersign).toEqual(
      expect.arrayContaining([
        ['zjj_head', 'countersign', '同意\n建议明确供水企业责任。', true],
        ['czj_head', 'countersign', '不同意', false],
      ]),
    );
    const instance = (await server.call('GET', `/api/instances/${doc.instanceId}`, { token: await as('clerk') })).body;
    expect(instance.variables.countersign_countersign).toBe('rejected');
  });

  it('should offer no 退回 or 驳回 on a 拟稿 returned by 核稿', async () => {
    // given a 发文 the reviewer sent back to the drafter through the form (退回修改)
    const doc = await outgoing('安康市人民政府关于做好冬季供暖工作的通知');
    await act('clerk', doc.instanceId, 'draft', { variables: { issuer: 'mayor' } });
    await act('head', doc.instanceId, 'review', { variables: { reviewResult: 'return', reviewOpinion: '请补充执行日期。' } });
    // when the drafter opens the 拟稿 again
    const draft = await mine('clerk', doc.instanceId, 'draft');
    // then it is still the first step: nothing to go back to, and the server refuses both
    const offered = await actions('clerk', draft.id);
    expect(offered).toContain('complete');
    expect(offered).not.toContain('return');
    expect(offered).not.toContain('reject');
    const r = await server.call('POST', `/api/tasks/${draft.id}/return`, { token: await as('clerk'), body: { reason: '再议' } });
    expect(r.status).toBe(422);
  });
});
