import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { TestServer } from '../support/test-server';

const MM = 72 / 25.4;
/** GB/T 9704-2012 §5.2: 天头 37 mm, 版心 225 mm high in 22 lines */
const TOP = 37;
const PITCH = 225 / 22;
const TITLE = '安康市人民政府关于加强城市燃气安全管理工作的通知';
const FIRST =
  '为切实做好城市燃气安全管理工作，有效防范和遏制燃气安全事故发生，保障人民群众生命财产安全，经市政府同意，现就有关事项通知如下。';
const BODY = [FIRST, '一、开展排查整治。各县区要在2026年10月31日前组织一次全面排查，对发现的问题隐患建立台账，逐项整改销号。'].join('\n');

interface Word {
  page: number;
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** Runs a poppler tool on PDF bytes in a temporary directory. */
function poppler<T>(bytes: Buffer, run: (file: string, dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'lz-rendition-'));
  try {
    writeFileSync(join(dir, 'doc.pdf'), bytes);
    return run(join(dir, 'doc.pdf'), dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const pdfText = (bytes: Buffer) =>
  poppler(bytes, (file) => execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })).replace(/\s+/g, '');

/** Every word pdftotext finds, with its box in points from the page's top left, and its page. */
function pdfWords(bytes: Buffer): Word[] {
  const html = poppler(bytes, (file) => execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }));
  const words: Word[] = [];
  let page = 0;
  for (const line of html.split('\n')) {
    if (line.includes('<page ')) page++;
    const m = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<\/word>/.exec(line);
    if (m) words.push({ page, xMin: +m[1], yMin: +m[2], xMax: +m[3], yMax: +m[4], text: m[5] });
  }
  return words;
}

/**
 * Where a word's ideographs' em box starts, in mm from the page's top. pdftotext boxes a word from
 * the font's ascent to its descent (the FontDescriptor's /Ascent and /Descent); an ideograph's em
 * box reaches 0.88 em above the baseline.
 */
function emTop(bytes: Buffer, w: Word): { top: number; size: number } {
  const pdf = bytes.toString('latin1');
  const ascent = Number(/\/Ascent (-?[\d.]+)/.exec(pdf)?.[1]) / 1000;
  const descent = -Number(/\/Descent (-?[\d.]+)/.exec(pdf)?.[1]) / 1000;
  const size = (w.yMax - w.yMin) / (ascent + descent);
  const baseline = w.yMin + ascent * size;
  return { top: (baseline - 0.88 * size) / MM, size: size / MM };
}

/** The share of light red pixels in the middle of page 1 at 20 dpi: the 草稿 watermark. */
function watermarkShare(bytes: Buffer): number {
  const ppm = poppler(bytes, (file, dir) => {
    execFileSync('pdftoppm', ['-r', '20', '-f', '1', '-l', '1', file, join(dir, 'p')]);
    return readFileSync(join(dir, 'p-1.ppm'));
  });
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 30).toString('latin1'));
  if (!header) throw new Error('not a PPM');
  const [width, height] = [Number(header[1]), Number(header[2])];
  const start = header[0].length;
  let pink = 0;
  let all = 0;
  for (let y = Math.floor(height * 0.45); y < height * 0.75; y++)
    for (let x = 0; x < width; x++) {
      const i = start + 3 * (y * width + x);
      const [r, g, b] = [ppm[i], ppm[i + 1], ppm[i + 2]];
      all++;
      if (r > 230 && g > 190 && g < 245 && b > 190 && b < 245 && r - g > 8) pink++;
    }
  return pink / all;
}

/**
 * The red-header 公文 (issue 18, item 2): GB/T 9704-2012's layout as PDF and DOCX for an outgoing
 * document in any state, read by the document's readers only.
 */
describe('document rendition (e2e)', () => {
  let server: TestServer;
  const tokens: Record<string, string> = {};
  const as = async (username: string) => (tokens[username] ??= await server.login(username));

  beforeAll(async () => {
    server = await TestServer.start();
  });
  afterAll(() => server.stop());

  const act = async (username: string, instanceId: string, elementId: string, variables: Record<string, unknown> = {}) => {
    const token = await as(username);
    const tasks = (
      (await server.call('GET', `/api/tasks?instanceId=${instanceId}`, { token: await as('admin') })).body.items as any[]
    ).filter((t) => t.elementId === elementId && t.status === 'open');
    const task = tasks.find((t) => t.assignee === username) ?? tasks.find((t) => !t.assignee);
    if (!task) throw new Error(`${username} has no open task at ${elementId}`);
    if (!task.assignee) expect((await server.call('POST', `/api/tasks/${task.id}/claim`, { token })).status).toBe(200);
    const r = await server.call('POST', `/api/tasks/${task.id}/complete`, { token, body: { variables } });
    if (r.status !== 200) throw new Error(`${username} completing ${elementId}: ${r.status} ${JSON.stringify(r.body)}`);
  };
  const draft = async (fields: Record<string, unknown> = {}) => {
    const r = await server.call('POST', '/api/documents', {
      token: await as('clerk'),
      body: {
        direction: 'outgoing',
        docType: 'GW08',
        title: TITLE,
        issuer: '安康市人民政府',
        orgCode: '安政发',
        urgency: 'EXTRA_URGENT',
        mainRecipients: ['各县区人民政府', '市政府各部门'],
        ccRecipients: ['市委办公室', '市人大常委会办公室'],
        attachmentNotes: ['燃气安全排查整治工作方案'],
        note: '此件公开发布',
        body: BODY,
        ...fields,
      },
    });
    if (r.status !== 201) throw new Error(`drafting: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body as { id: string; instanceId: string };
  };
  /** 拟稿 → 核稿 → 会签 → 签发 → 复核, the 发文字号 allocated, 登记: the document goes to 印制 */
  const issue = async (doc: { id: string; instanceId: string }) => {
    await act('clerk', doc.instanceId, 'draft', { issuer: 'mayor', countersigners: ['czj_head'] });
    await act('head', doc.instanceId, 'review', { reviewResult: 'pass' });
    await act('czj_head', doc.instanceId, 'countersign', { countersignResult: 'agree' });
    await act('mayor', doc.instanceId, 'signOff', { signOffOpinion: '同意印发。' });
    await act('clerk', doc.instanceId, 'recheck', { substantiveChange: false });
    const numbered = await server.call('POST', `/api/documents/${doc.id}/number`, { token: await as('clerk'), body: {} });
    if (numbered.status !== 200 && numbered.status !== 201)
      throw new Error(`numbering: ${numbered.status} ${JSON.stringify(numbered.body)}`);
    await act('clerk', doc.instanceId, 'register');
    return numbered.body.docNumber as string;
  };
  const get = async (id: string, format: 'pdf' | 'docx', username = 'clerk') => {
    const r = await fetch(`${server.baseUrl}/api/documents/${id}/rendition.${format}`, {
      headers: { authorization: `Bearer ${await as(username)}` },
    });
    return {
      status: r.status,
      type: r.headers.get('content-type'),
      disposition: r.headers.get('content-disposition'),
      bytes: Buffer.from(await r.arrayBuffer()),
    };
  };

  it('should render an issued document with its title, 发文字号 and 正文, laid out where GB/T 9704 puts them, without a watermark', async () => {
    // given a 通知 signed off, numbered and registered
    const doc = await draft();
    const docNumber = await issue(doc);
    // when its reader asks for the PDF
    const r = await get(doc.id, 'pdf');
    // then it is a PDF shown inline, holding every element as text
    expect(r.status).toBe(200);
    expect(r.type).toBe('application/pdf');
    expect(r.disposition).toMatch(/^inline;/);
    const text = pdfText(r.bytes);
    for (const part of [
      TITLE,
      docNumber,
      BODY.replace(/\s+/g, ''),
      '安康市人民政府文件',
      '特急',
      '各县区人民政府，市政府各部门：',
      '附件：燃气安全排查整治工作方案',
    ])
      expect(text).toContain(part);
    expect(text).toContain('抄送：市委办公室，市人大常委会办公室。');
    expect(text).toContain('安康市人民政府办公室');
    expect(text).toMatch(/\d{4}年\d{1,2}月\d{1,2}日印发/);
    expect(text).toContain('（此件公开发布）');
    expect(text).toContain('—1—');
    expect(text).not.toContain('草稿');
    // and the 发文机关标志's top edge is 35 mm under the 版心's (§7.2.4), centred in the 版心
    const words = pdfWords(r.bytes);
    const mark = words.find((w) => w.page === 1 && w.text === '安康市人民政府文件');
    expect(mark).toBeDefined();
    expect(Math.abs(emTop(r.bytes, mark!).top - (TOP + 35))).toBeLessThan(1);
    expect(Math.abs((mark!.xMin + mark!.xMax) / 2 / MM - (28 + 156 / 2))).toBeLessThan(1);
    // and the 正文's first line is on the 22-line grid, indented two characters, the line after the
    // 主送机关, which stands a blank line under the title (§7.3.1–§7.3.3)
    const first = words.find((w) => w.page === 1 && FIRST.startsWith(w.text) && w.text.length > 10)!;
    const recipients = words.find((w) => w.page === 1 && w.text.startsWith('各县区人民政府'))!;
    const titleLines = words.filter((w) => w.page === 1 && TITLE.includes(w.text) && w.text.length > 3);
    const body = emTop(r.bytes, first);
    expect(body.size).toBeCloseTo(16 / MM, 1); // 3号
    const line = (body.top - TOP - (PITCH - body.size) / 2) / PITCH;
    expect(Math.abs(line - Math.round(line)) * PITCH).toBeLessThan(1);
    expect(Math.abs(body.top - emTop(r.bytes, recipients).top - PITCH)).toBeLessThan(1);
    const lastTitle = emTop(r.bytes, titleLines.at(-1)!);
    const lastTitleLineTop = lastTitle.top - (PITCH - lastTitle.size) / 2;
    expect(Math.abs(body.top - (PITCH - body.size) / 2 - lastTitleLineTop - 3 * PITCH)).toBeLessThan(1);
    expect(Math.abs(first.xMin / MM - (28 + (2 * 156) / 28))).toBeLessThan(1);
    // and the attachment starts a page of its own with 附件 on its first line
    const attachment = words.find((w) => w.page > 1 && w.text === '附件');
    expect(attachment).toBeDefined();
    expect(Math.abs(emTop(r.bytes, attachment!).top - (TOP + (PITCH - 16 / MM) / 2))).toBeLessThan(1);
    expect(watermarkShare(r.bytes)).toBeLessThan(0.002);
  });

  it('should watermark a draft 草稿 as graphics, not text', async () => {
    // given a draft, neither signed off nor numbered
    const doc = await draft();
    // when the drafter renders it
    const r = await get(doc.id, 'pdf');
    // then the page carries the watermark in the middle, and no text says 草稿
    expect(r.status).toBe(200);
    expect(watermarkShare(r.bytes)).toBeGreaterThan(0.02);
    const text = pdfText(r.bytes);
    expect(text).not.toContain('草稿');
    expect(text).toContain(TITLE);
    expect(text).toContain(FIRST);
  });

  it('should put the 签发人 of a 上行文 on the line of its 发文字号', async () => {
    // given a 请示 to one organ, with its 签发人
    const doc = await draft({
      docType: 'GW11',
      title: '安康市人民政府关于申请城市燃气管网改造资金的请示',
      mainRecipients: ['陕西省人民政府'],
      ccRecipients: [],
      signers: ['吴国强'],
    });
    // when rendered
    const r = await get(doc.id, 'pdf');
    // then 签发人 and the name stand on the right of the 发文字号's line
    expect(r.status).toBe(200);
    expect(pdfText(r.bytes)).toContain('签发人：吴国强');
    const words = pdfWords(r.bytes).filter((w) => w.page === 1);
    const label = words.find((w) => w.text.startsWith('签发人'))!;
    expect(label).toBeDefined();
    expect(label.xMin / MM).toBeGreaterThan(28 + 156 / 2);
  });

  it('should give the DOCX the standard fonts by name', async () => {
    // given
    const doc = await draft();
    // when the DOCX is downloaded
    const r = await get(doc.id, 'docx');
    // then it is a download naming 方正小标宋简体, 仿宋_GB2312, 黑体 and 楷体_GB2312, A4 with GB/T 9704's margins
    expect(r.status).toBe(200);
    expect(r.type).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(r.disposition).toMatch(/^attachment;/);
    const zip = await JSZip.loadAsync(r.bytes);
    const xml = await zip.file('word/document.xml')!.async('string');
    for (const font of ['方正小标宋简体', '仿宋_GB2312', '黑体']) expect(xml).toContain(`w:eastAsia="${font}"`);
    expect(xml).toContain(TITLE);
    expect(xml).toContain('安康市人民政府文件');
    expect(xml).toMatch(/<w:pgMar w:top="2098"[^>]*w:left="1587"/);
    const footers = await Promise.all(
      Object.keys(zip.files)
        .filter((f) => /^word\/footer\d+\.xml$/.test(f))
        .map((f) => zip.file(f)!.async('string')),
    );
    expect(footers.join('')).toContain('w:eastAsia="宋体"');
    const headings = await draft({ body: '（一）压实主体责任。企业要落实安全生产主体责任。' });
    const kai = await JSZip.loadAsync((await get(headings.id, 'docx')).bytes);
    expect(await kai.file('word/document.xml')!.async('string')).toContain('w:eastAsia="楷体_GB2312"');
  });

  it("should refuse a user who may not read the document as for one that does not exist, and an incoming document's rendition", async () => {
    // given a draft of the clerk's
    const doc = await draft();
    // when someone with no part in it asks
    const outsider = await server.call('GET', `/api/documents/${doc.id}/rendition.pdf`, { token: await as('gaj_clerk') });
    const docx = await server.call('GET', `/api/documents/${doc.id}/rendition.docx`, { token: await as('gaj_clerk') });
    // then 404, as for the document itself
    expect(outsider.status).toBe(404);
    expect(outsider.body.code).toBe('DOCUMENT_NOT_FOUND');
    expect(docx.status).toBe(404);
    // and an incoming document has no red-header rendition
    const incoming = await server.call('POST', '/api/documents', {
      token: await as('clerk'),
      body: {
        direction: 'incoming',
        docType: 'GW08',
        title: '关于开展城镇燃气安全排查整治的通知',
        issuer: '陕西省住房和城乡建设厅',
        registration: {
          sourceOrg: '陕西省住房和城乡建设厅',
          signedForAt: '2026-10-12T09:15:00+08:00',
          channel: 'EXCHANGE',
          handlingType: 'ACT',
        },
      },
    });
    expect(incoming.status).toBe(201);
    const refused = await server.call('GET', `/api/documents/${incoming.body.id}/rendition.pdf`, { token: await as('clerk') });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('DOCUMENT_RENDITION_NOT_OUTGOING');
  });

  it('should render a classified document without a 正文, with its 份号 and 密级, and record the rendering', async () => {
    // given a 秘密 draft: metadata only on this system
    const doc = await draft({
      body: null,
      attachmentNotes: [],
      secretLevel: 'SECRET',
      secrecyPeriod: { value: 1, unit: 'YEAR' },
      copyNumber: '000007',
      custodian: '张晓明',
      storageLocation: '机要室2号柜',
      disclosure: 'NOT_PUBLIC',
      disclosureReason: '涉密',
    });
    // when its drafter renders it
    const r = await get(doc.id, 'pdf');
    // then the 版头 carries 份号 and 密级★期限, and the 正文 is the notice that it is on paper only
    expect(r.status).toBe(200);
    const text = pdfText(r.bytes);
    expect(text).toContain('000007');
    expect(text).toContain('秘密★1年');
    expect(text).toContain('正文不在本系统处理');
    // and the trail records it as a read of a classified document, naming the rendition
    const audit = (
      await server.call('GET', `/api/audit/events?eventType=document.classified.read&targetId=${doc.id}`, { token: await as('auditor') })
    ).body;
    const items = (audit.items ?? []) as any[];
    expect(items.some((e) => JSON.stringify(e.details).includes('rendition') && JSON.stringify(e.details).includes('pdf'))).toBe(true);
  });
});
