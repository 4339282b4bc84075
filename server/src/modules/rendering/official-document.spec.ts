import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppConfig } from '../../platform/config/config';
import { CjkFonts } from './cjk-font';
import type { OfficialDocumentModel } from './official-document.model';
import { balance, renderOfficialDocument, wrap } from './official-document.pdf';

const model: OfficialDocumentModel = {
  copyNumber: null,
  secrecy: null,
  urgency: null,
  issuerMark: '安康市人民政府文件',
  docNumber: '安政发〔2026〕12号',
  signers: [],
  title: '安康市人民政府关于做好镕铸产业园区安全生产工作的通知',
  mainRecipients: ['各县区人民政府'],
  body: ['请认真贯彻执行。'],
  attachmentNotes: [],
  issuerSignature: '安康市人民政府',
  writtenDate: '2026年10月12日',
  note: null,
  ccRecipients: [],
  printingOrg: '安康市人民政府办公室',
  printingDate: null,
  draft: false,
};

describe('renderOfficialDocument', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'lz-official-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('should set each character a licensed face lacks in the fallback font, so no glyph is missing', async () => {
    // given a 仿宋_GB2312 without a single ideograph (an icon font stands in for a face short of glyphs)
    copyFileSync(require.resolve('bpmn-js/dist/assets/bpmn-font/font/bpmn.ttf'), join(dir, '仿宋_GB2312.ttf'));
    const fonts = new CjkFonts({ rendering: { cjkFont: null, cjkFontName: null, fontDir: dir } } as AppConfig);
    // when the 公文 is rendered
    const pdf = await renderOfficialDocument(model, await fonts.set());
    // then its 正文 and 主送 are there as text, in the fallback font
    writeFileSync(join(dir, 'doc.pdf'), pdf);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, 'doc.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain('各县区人民政府：请认真贯彻执行。');
    expect(text).toContain('安政发〔2026〕12号');
    expect(text).toContain('镕铸产业园区');
    expect(execFileSync('pdffonts', [join(dir, 'doc.pdf')], { encoding: 'utf8' })).toContain('NotoSerifSC-Regular');
  });
});

describe('wrap', () => {
  it('should keep a closing mark at the end of a line rather than start the next with it (标点禁则)', () => {
    // given lines of three characters
    const lines = wrap('一二三，四五', (s) => [...s].length, 3, 3);
    // then the comma stays behind
    expect(lines).toEqual(['一二三，', '四五']);
  });
});

describe('balance', () => {
  it('should cut a long title into lines of about equal length', () => {
    expect(balance('一二三四五六七八九十甲乙', 10)).toEqual(['一二三四五六', '七八九十甲乙']);
  });
});
