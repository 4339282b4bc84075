import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestServer } from '../support/test-server';

const HOUR = 3600_000;
const INSTRUCTION = '同意。请市住建局牵头，市发改委、市财政局配合，10个工作日内报办理结果。';
const PROPOSAL = '建议由市住建局牵头办理，市发改委、市财政局配合，请周副市长批示。';

/** The text pdftotext reads from a PDF, with the layout's line breaks and spaces taken out. */
function pdfText(bytes: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'lz-sheet-'));
  try {
    writeFileSync(join(dir, 'sheet.pdf'), bytes);
    return execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, 'sheet.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The 处理单 keeps every word (issue 17): what leaders and departments write in a form's opinion
 * fields (拟办意见, 批示, 办理情况) is stored as an opinion of the step, bound to the document version,
 * per department, and printed in full on the 收文处理笺 PDF.
 */
describe('processing sheet (e2e)', () => {
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
  const act = async (username: string, instanceId: string, elementId: string, variables: Record<string, unknown> = {}) => {
    const token = await as(username);
    const tasks = await openAt(instanceId, elementId);
    const task = tasks.find((t) => t.assignee === username) ?? tasks.find((t) => !t.assignee);
    if (!task) throw new Error(`${username} has no open task at ${elementId}`);
    if (!task.assignee) expect((await server.call('POST', `/api/tasks/${task.id}/claim`, { token })).status).toBe(200);
    const r = await server.call('POST', `/api/tasks/${task.id}/complete`, { token, body: { variables } });
    if (r.status !== 200) throw new Error(`${username} completing ${elementId}: ${r.status} ${JSON.stringify(r.body)}`);
    return task;
  };
  const register = async (title: string, secretLevel = 'NONE') => {
    const r = await server.call('POST', '/api/documents', {
      token: await as('clerk'),
      body: {
        direction: 'incoming',
        docType: 'GW08',
        title,
        issuer: '陕西省住房和城乡建设厅',
        mainRecipients: ['安康市人民政府'],
        secretLevel,
        ...(secretLevel === 'NONE'
          ? {}
          : { secrecyPeriod: { value: 1, unit: 'YEAR' }, copyNumber: '000007', custodian: '张晓明', storageLocation: '机要室2号柜' }),
        registration: {
          sourceOrg: '陕西省住房和城乡建设厅',
          sourceDocNumber: '陕建发〔2026〕31号',
          signedForAt: '2026-10-12T09:15:00+08:00',
          channel: 'EXCHANGE',
          handlingType: 'ACT',
          timeLimitWorkdays: 10,
        },
      },
    });
    if (r.status !== 201) throw new Error(`registering: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body as { id: string; instanceId: string; digest: string };
  };
  /** 签收 → 登记 → 初审 → 拟办 → 批示 (the deputy), naming 市住建局 to lead and 市发改委, 市财政局 to assist */
  const throughInstruction = async (doc: { instanceId: string }) => {
    await act('clerk', doc.instanceId, 'signFor');
    await act('clerk', doc.instanceId, 'register');
    await act('clerk', doc.instanceId, 'screen', { screenResult: 'accept' });
    await act('head', doc.instanceId, 'propose', { proposal: PROPOSAL });
    await act('deputy', doc.instanceId, 'instruct', { instruction: INSTRUCTION, leadDept: 'zjj', assistDepts: ['fgw', 'czj'] });
  };
  const detail = async (id: string, username = 'clerk') =>
    (await server.call('GET', `/api/documents/${id}`, { token: await as(username) })).body;

  afterEach(async () => {
    await server.call('DELETE', '/api/proxies/mine', { token: await as('zjj_head') });
  });

  it("should give the 登记 step's form the registered values", async () => {
    // given a registered document
    const doc = await register('关于开展城镇燃气安全排查整治的通知');
    await act('clerk', doc.instanceId, 'signFor');
    // when the 登记 step's form data is read
    const instance = (await server.call('GET', `/api/instances/${doc.instanceId}`, { token: await as('clerk') })).body;
    // then it carries what was registered (the form opens filled, its registered fields read-only)
    expect(instance.variables).toMatchObject({
      fromOrg: '陕西省住房和城乡建设厅',
      fromNumber: '陕建发〔2026〕31号',
      incomingNumber: expect.stringMatching(/^收〔2026〕\d+号$/),
      receivedAt: '2026-10-12 09:15',
      channel: 'EXCHANGE',
    });
  });

  it('should store what is written in opinion fields as opinions of the step, in full, bound to the document version', async () => {
    // given
    const doc = await register('关于加强汛期房屋安全管理的通知');
    // when the office head proposes and the deputy mayor instructs in their forms
    await throughInstruction(doc);
    // then the 处理单 has both, word for word, signed and bound to the version they were written on
    const d = await detail(doc.id);
    const propose = d.processingRecord.find((s: any) => s.step === 'propose');
    const instruct = d.processingRecord.find((s: any) => s.step === 'instruct');
    expect(propose.opinions).toEqual([expect.objectContaining({ kind: 'proposal', text: PROPOSAL, author: 'head', onBehalfOf: null })]);
    expect(instruct.opinions).toEqual([
      expect.objectContaining({ kind: 'instruction', text: INSTRUCTION, author: 'deputy', documentDigest: d.digest }),
    ]);
    const opinions = (await server.call('GET', `/api/instances/${doc.instanceId}/opinions`, { token: await as('clerk') })).body.items;
    expect(opinions.map((o: any) => [o.kind, o.text, o.authorLabel])).toEqual([
      ['proposal', PROPOSAL, '刘洋'],
      ['instruction', INSTRUCTION, '周建华'],
    ]);
    // and the 主办/协办 the 批示 chose are named
    expect(d.handling.leadDept.name).toBe('安康市住房和城乡建设局');
    expect(d.handling.assistDepts.map((o: any) => o.name)).toEqual(['安康市发展和改革委员会', '安康市财政局']);
    // and the record chain verifies with the new opinions
    const verified = await server.call('GET', `/api/instances/${doc.instanceId}/verify`, { token: await as('clerk') });
    expect(verified.status).toBe(200);
    expect(JSON.stringify(verified.body)).not.toContain('"ok":false');
  });

  it("should keep each department its own 办理情况, mark a deputy's, and let 答复 see them all", async () => {
    // given 市住建局's head is away: the mayor handles for him (代理)
    const proxy = await server.call('POST', '/api/proxies', {
      token: await as('zjj_head'),
      body: { deputy: 'mayor', from: new Date(Date.now() - HOUR).toISOString(), to: new Date(Date.now() + 48 * HOUR).toISOString() },
    });
    expect(proxy.status).toBe(201);
    const doc = await register('关于加快老旧小区改造项目进度的通知');
    await throughInstruction(doc);
    expect((await openAt(doc.instanceId, 'assistHandle')).map((t) => t.assignee).sort()).toEqual(['czj_head', 'fgw_head']);
    // when the two assisting departments and the lead (by its deputy) each write their result
    await act('fgw_head', doc.instanceId, 'assistHandle', { handleResult: '市发改委：已将项目纳入年度计划。' });
    await act('czj_head', doc.instanceId, 'assistHandle', { handleResult: '市财政局：补助资金已下达。' });
    const [lead] = await openAt(doc.instanceId, 'leadHandle');
    expect(lead).toMatchObject({ assignee: 'mayor', onBehalfOf: 'zjj_head' });
    await act('mayor', doc.instanceId, 'leadHandle', { handleResult: '市住建局：已完成改造12个小区。' });
    // then 答复 is open and its handler reads all three results, each with its author
    expect((await openAt(doc.instanceId, 'reply')).length).toBe(1);
    const d = await detail(doc.id);
    const handling = d.processingRecord.flatMap((s: any) =>
      s.opinions.filter((o: any) => o.kind === 'handling').map((o: any) => [s.step, o.author, o.onBehalfOf, o.text]),
    );
    expect(handling).toEqual(
      expect.arrayContaining([
        ['assistHandle', 'fgw_head', null, '市发改委：已将项目纳入年度计划。'],
        ['assistHandle', 'czj_head', null, '市财政局：补助资金已下达。'],
        ['leadHandle', 'mayor', 'zjj_head', '市住建局：已完成改造12个小区。'],
      ]),
    );
    expect(handling).toHaveLength(3);
    const labels = (await server.call('GET', `/api/instances/${doc.instanceId}/opinions`, { token: await as('clerk') })).body.items
      .filter((o: any) => o.kind === 'handling')
      .map((o: any) => o.authorLabel);
    expect(labels).toContain('吴国强（代马文斌）');
  });

  it("should print the 收文处理笺 as a PDF with the exact 批示, for the document's readers only", async () => {
    // given
    const doc = await register('关于开展城市更新试点工作的通知');
    await throughInstruction(doc);
    // when the clerk asks for the PDF
    const r = await fetch(`${server.baseUrl}/api/documents/${doc.id}/processing-sheet.pdf`, {
      headers: { authorization: `Bearer ${await as('clerk')}` },
    });
    // then it is a PDF holding the office, the layout's name and every word of the 批示 and 拟办
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/pdf');
    const text = pdfText(Buffer.from(await r.arrayBuffer()));
    expect(text).toContain('安康市人民政府办公室');
    expect(text).toContain('收文处理笺');
    expect(text).toContain(INSTRUCTION.replace(/\s+/g, ''));
    expect(text).toContain(PROPOSAL.replace(/\s+/g, ''));
    expect(text).toContain('周建华');
    expect(text).toContain('安康市住房和城乡建设局');
    // and someone with no part in it gets 404, as for the document itself
    const outsider = await server.call('GET', `/api/documents/${doc.id}/processing-sheet.pdf`, { token: await as('gaj_clerk') });
    expect(outsider.status).toBe(404);
  });

  it("should record reading a classified document's 处理单 PDF in the audit trail", async () => {
    // given a 秘密 document (no electronic body) handled up to the 批示
    const doc = await register('关于某专项工作的通知', 'SECRET');
    // when its registering clerk prints the 处理单
    const r = await fetch(`${server.baseUrl}/api/documents/${doc.id}/processing-sheet.pdf`, {
      headers: { authorization: `Bearer ${await as('clerk')}` },
    });
    expect(r.status).toBe(200);
    // then the read is in the trail, naming the part read
    const audit = (
      await server.call('GET', `/api/audit/events?eventType=document.classified.read&targetId=${doc.id}`, { token: await as('auditor') })
    ).body;
    const items = (audit.items ?? []) as any[];
    expect(items.some((e) => e.targetId === doc.id && JSON.stringify(e.details).includes('processingSheet'))).toBe(true);
  });

  it('should list registered incoming documents in the 收文登记簿 and export it as XLSX', async () => {
    // given a document instructed to 市住建局
    const doc = await register('关于做好城市排水防涝工作的通知');
    await throughInstruction(doc);
    // when the clerk reads the register
    const list = await server.call('GET', '/api/documents/register?from=2026-10-12&to=2026-10-12', { token: await as('clerk') });
    // then the document is there in the register's columns
    expect(list.status).toBe(200);
    expect(list.body.items.find((r: any) => r.id === doc.id)).toMatchObject({
      regNo: expect.stringMatching(/^收〔2026〕\d+号$/),
      sourceOrg: '陕西省住房和城乡建设厅',
      sourceDocNumber: '陕建发〔2026〕31号',
      title: '关于做好城市排水防涝工作的通知',
      leadDept: '安康市住房和城乡建设局',
      status: 'active',
    });
    // and a reader with no part in it does not see it
    const other = await server.call('GET', '/api/documents/register', { token: await as('gaj_clerk') });
    expect(other.body.items.map((r: any) => r.id)).not.toContain(doc.id);
    // and the export is a workbook
    const xlsx = await fetch(`${server.baseUrl}/api/documents/register.xlsx`, {
      headers: { authorization: `Bearer ${await as('clerk')}` },
    });
    expect(xlsx.status).toBe(200);
    expect(
      Buffer.from(await xlsx.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
  });

  it('should keep 核稿, 会签 and 签发 opinions of a 发文 and name the 签发人 once signed off', async () => {
    // given an outgoing draft with the mayor to sign it off and 市财政局 to countersign
    const r = await server.call('POST', '/api/documents', {
      token: await as('clerk'),
      body: {
        direction: 'outgoing',
        docType: 'GW08',
        title: '安康市人民政府关于加强城市燃气安全管理的通知',
        issuer: '安康市人民政府',
        orgCode: '安政发',
        mainRecipients: ['市政府各部门'],
      },
    });
    expect(r.status).toBe(201);
    const doc = r.body as { id: string; instanceId: string };
    await act('clerk', doc.instanceId, 'draft', { issuer: 'mayor', countersigners: ['czj_head'] });
    await act('head', doc.instanceId, 'review', { reviewResult: 'pass', reviewOpinion: '文字已核，建议印发。' });
    await act('czj_head', doc.instanceId, 'countersign', { countersignResult: 'agree', countersignOpinion: '同意，资金由市财政统筹。' });
    expect((await detail(doc.id)).handling.signedOff).toBeNull();
    // when the mayor signs it off with his opinion
    await act('mayor', doc.instanceId, 'signOff', { signOffOpinion: '同意印发。' });
    // then each opinion is its step's, and the 签发人 is named
    const d = await detail(doc.id);
    const kinds = d.processingRecord.flatMap((s: any) => s.opinions.map((o: any) => [s.step, o.kind, o.text]));
    expect(kinds).toEqual([
      ['review', 'review', '文字已核，建议印发。'],
      ['countersign', 'countersign', '同意，资金由市财政统筹。'],
      ['signOff', 'signOff', '同意印发。'],
    ]);
    expect(d.handling.signedOff).toMatchObject({ by: 'mayor', onBehalfOf: null });
    // and the 发文稿纸 prints them with the signer
    const pdf = await fetch(`${server.baseUrl}/api/documents/${doc.id}/processing-sheet.pdf`, {
      headers: { authorization: `Bearer ${await as('clerk')}` },
    });
    const text = pdfText(Buffer.from(await pdf.arrayBuffer()));
    expect(text).toContain('发文稿纸');
    expect(text).toContain('同意印发。');
    expect(text).toContain('吴国强');
    // with the 签发's SM2 signature verified when printed (issue 18)
    expect(text).toContain('电子签名已验证·SM2·吴国强');
  });
});
