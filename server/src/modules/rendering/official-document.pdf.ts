import type { CjkFont, FontSet } from './cjk-font';
import {
  AREA,
  CELL,
  EM_ASCENT,
  LINES,
  MARK_TOP,
  NO_LINE_START,
  PAGE_NUMBER_GAP,
  PITCH,
  RED,
  SEAL_DIAMETER,
  SEPARATOR_GAP,
  SIZE,
} from './gbt9704';
import type { OfficialDocumentModel } from './official-document.model';
import { FONT_ROLES, type FontRole } from './standard-fonts';

type Pdf = PDFKit.PDFDocument;

/** How a piece of text is set: its face, size, colour and the spacing added after each character. */
interface Style {
  role: FontRole;
  size: number;
  color?: string;
  spacing?: number;
}

/** 3号 on the 28-character grid: each ideograph takes 156 mm / 28, a little under its 16 pt. */
const BODY: Style = { role: 'fangsong', size: SIZE.no3, spacing: CELL - SIZE.no3 };
const HEI: Style = { ...BODY, role: 'heiti' };
const KAI: Style = { ...BODY, role: 'kaiti' };
const TITLE: Style = { role: 'xiaobiaosong', size: SIZE.no2 };
const RECORD: Style = { role: 'fangsong', size: SIZE.no4 };
const right = AREA.left + AREA.width;
const lineTop = (line: number) => AREA.top + line * PITCH;

/**
 * Lays out a 公文 per GB/T 9704-2012 on A4 and returns the PDF bytes: the 版头 on the first page,
 * the 主体 on the 22-line grid, each 附件 on a page of its own, the 版记 at the foot of the last
 * page, page numbers "— N —" on alternating sides, and for a draft the 草稿 watermark drawn as
 * glyph outlines (graphics, so it is neither text to extract nor to edit out).
 */
export async function renderOfficialDocument(model: OfficialDocumentModel, fonts: FontSet): Promise<Buffer> {
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({
    size: 'A4',
    margin: 0,
    bufferPages: true,
    // the viewer's title bar shows the 标题, not the blob URL's id
    displayTitle: true,
    info: { Title: model.title, Producer: 'Liuzhuan', Creator: 'Liuzhuan' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  // pdfkit takes a parsed fontkit font as a source (its types list only files and bytes)
  for (const role of FONT_ROLES) doc.registerFont(role, fonts[role].parsed as unknown as PDFKit.Mixins.PDFFontSource);
  doc.registerFont('fallback', fonts.fallback.parsed as unknown as PDFKit.Mixins.PDFFontSource);
  new Layout(doc, fonts, model).run();
  const pages = doc.bufferedPageRange();
  for (let i = pages.start; i < pages.start + pages.count; i++) {
    doc.switchToPage(i);
    pageNumber(doc, fonts, i - pages.start + 1);
    if (model.draft) watermark(doc, fonts.fallback);
  }
  doc.end();
  return done;
}

class Layout {
  /** the next free line of the current page's grid (0 … 21) */
  private line = 0;

  constructor(
    private readonly doc: Pdf,
    private readonly fonts: FontSet,
    private readonly m: OfficialDocumentModel,
  ) {}

  run(): void {
    this.head();
    this.centred(balance(this.m.title, Math.floor(AREA.width / TITLE.size)), TITLE);
    if (this.m.mainRecipients.length) {
      this.line++;
      this.paragraph(`${this.m.mainRecipients.join('，')}：`, BODY, 0);
    }
    for (const p of this.m.body) this.bodyParagraph(p);
    this.attachmentNotes();
    this.signature();
    for (const [i, name] of this.m.attachmentNotes.entries()) this.attachmentPage(i, name);
    this.record();
  }

  /** 版头 (§7.2): 份号, 密级, 紧急程度 top left; the red mark; 发文字号 (and 签发人); the red line. */
  private head(): void {
    const corner: [string | null, Style][] = [
      [this.m.copyNumber, BODY],
      [this.m.secrecy, HEI],
      [this.m.urgency, HEI],
    ];
    for (const [text, style] of corner) if (text) this.write(text, AREA.left, lineTop(this.line++), style);
    const mark = this.m.issuerMark;
    const size = Math.min(15 * (72 / 25.4), AREA.width / Math.max(1, mark.length));
    const emTop = AREA.top + MARK_TOP;
    this.draw(mark, AREA.left + (AREA.width - this.width(mark, { role: 'xiaobiaosong', size })) / 2, emTop + EM_ASCENT * size, {
      role: 'xiaobiaosong',
      size,
      color: RED,
    });
    // 发文字号 two lines under the mark; a 上行文's on the line of the last 签发人 (§7.2.5, §7.2.6)
    let top = emTop + size + 2 * PITCH;
    const signerLines = chunk(this.m.signers, 2);
    // two names a line, the names of later lines under the first name (§7.2.6)
    const label = this.width('签发人：', BODY);
    const names = right - CELL - (signerLines.length ? this.width(signerLines[0].join('　'), KAI) : 0);
    for (const [i, line] of signerLines.entries()) {
      if (i === 0) this.write('签发人：', names - label, top, BODY);
      this.write(line.join('　'), names, top, KAI);
      if (i < signerLines.length - 1) top += PITCH;
    }
    const number = this.m.docNumber ?? '';
    const x = signerLines.length ? AREA.left + CELL : AREA.left + (AREA.width - this.width(number, BODY)) / 2;
    if (number) this.write(number, x, top, BODY);
    const separator = top + (PITCH + BODY.size) / 2 + SEPARATOR_GAP;
    this.doc.moveTo(AREA.left, separator).lineTo(right, separator).lineWidth(1).strokeColor(RED).stroke();
    // the 标题 two lines under the red line, on the page's grid (within a third of a line)
    this.line = Math.ceil((separator - AREA.top) / PITCH + 2 - 0.34);
  }

  private bodyParagraph(text: string): void {
    // 结构层次 (§7.3.3): 一、 in 黑体, （一） in 楷体, up to the first 。 (the heading's own sentence)
    const heading = /^[一二三四五六七八九十]+、/.test(text) ? HEI : /^（[一二三四五六七八九十]+）/.test(text) ? KAI : null;
    if (!heading) return this.paragraph(text, BODY, 2);
    const end = text.indexOf('。');
    const head = end < 0 ? text : text.slice(0, end + 1);
    this.paragraph(text, BODY, 2, { chars: head.length, style: heading });
  }

  /** 附件说明 (§7.3.4): a line under the 正文, indented two; more than one numbered and aligned. */
  private attachmentNotes(): void {
    const notes = this.m.attachmentNotes;
    if (!notes.length) return;
    this.line++;
    const label = '附件：';
    const indent = 2 + label.length;
    notes.forEach((name, i) => {
      if (this.line >= LINES) this.newPage();
      if (i === 0) this.write(label, AREA.left + 2 * CELL, lineTop(this.line), BODY);
      this.paragraph(notes.length > 1 ? `${i + 1}.${name}` : name, BODY, indent, undefined, indent);
    });
  }

  /**
   * 发文机关署名, 成文日期 and the seal's place (§7.3.5.1): the date four characters from the right,
   * the organ centred over it, both under the seal's centre; the seal's top within a line of the
   * 正文. A draft outlines the seal's place; the 附注 follows on the next line (§7.3.6).
   */
  private signature(): void {
    const needed = 4 + (this.m.note ? 1 : 0);
    if (this.line + needed > LINES) this.newPage();
    const sealTop = lineTop(this.line) + PITCH / 2;
    this.line += 2;
    const date = this.m.writtenDate ?? '';
    const dateWidth = date ? this.width(date, BODY) : this.width('2000年10月10日', BODY);
    const centre = right - 4 * CELL - dateWidth / 2;
    const issuer = this.m.issuerSignature;
    this.write(issuer, centre - this.width(issuer, BODY) / 2, this.take(), BODY);
    const dateTop = this.take();
    if (date) this.write(date, centre - dateWidth / 2, dateTop, BODY);
    if (this.m.draft) {
      this.doc
        .circle(centre, sealTop + SEAL_DIAMETER / 2, SEAL_DIAMETER / 2)
        .lineWidth(0.8)
        .dash(4, { space: 3 })
        .strokeColor(RED)
        .stroke()
        .undash();
    }
    if (this.m.note) this.paragraph(`（${this.m.note}）`, BODY, 2);
  }

  /** 附件 (§7.3.7): on a page of its own, 附件N in 黑体 on the first line, its title on the third. */
  private attachmentPage(i: number, name: string): void {
    this.newPage();
    this.write(this.m.attachmentNotes.length > 1 ? `附件${i + 1}` : '附件', AREA.left, this.take(), HEI);
    this.line = 2;
    this.centred(balance(name, Math.floor(AREA.width / TITLE.size)), TITLE);
  }

  /**
   * 版记 (§7.4) at the foot of the last page: 抄送 over 印发机关 and 印发日期 in 4号, a thick line
   * over the first and along the 版心's lower edge, a thin one between.
   */
  private record(): void {
    const label = '抄送：';
    const cc = this.m.ccRecipients.length ? `${label}${this.m.ccRecipients.join('，')}。` : null;
    const inner = AREA.width - 2 * SIZE.no4;
    const ccLines = cc ? wrap(cc, (s) => this.width(s, RECORD), inner, inner - this.width(label, RECORD)) : [];
    const needed = ccLines.length + 1;
    if (this.line + needed > LINES) this.newPage();
    const first = LINES - needed;
    const rule = (y: number, width: number) =>
      this.doc
        .moveTo(AREA.left, y)
        .lineTo(right, y)
        .lineWidth(width * (72 / 25.4))
        .strokeColor('black')
        .stroke();
    rule(lineTop(first), 0.35);
    ccLines.forEach((text, i) => this.write(text, AREA.left + SIZE.no4 + (i ? this.width(label, RECORD) : 0), lineTop(first + i), RECORD));
    if (ccLines.length) rule(lineTop(LINES - 1), 0.25);
    this.write(this.m.printingOrg, AREA.left + SIZE.no4, lineTop(LINES - 1), RECORD);
    if (this.m.printingDate) {
      const printed = `${this.m.printingDate}印发`;
      this.write(printed, right - SIZE.no4 - this.width(printed, RECORD), lineTop(LINES - 1), RECORD);
    }
    rule(AREA.top + AREA.height, 0.35);
  }

  /** Lines centred on the grid, one grid line each. */
  private centred(lines: string[], style: Style): void {
    for (const text of lines) this.write(text, AREA.left + (AREA.width - this.width(text, style)) / 2, this.take(), style);
  }

  /**
   * A paragraph on the grid from the next free line: its first line indented `indent` characters,
   * the others `hang` (0: flush left); the first `lead.chars` characters in `lead.style`.
   */
  private paragraph(text: string, style: Style, indent: number, lead?: { chars: number; style: Style }, hang = 0): void {
    const measure = (s: string) => this.width(s, style);
    const lines = wrap(text, measure, AREA.width - indent * CELL, AREA.width - hang * CELL);
    let done = 0;
    lines.forEach((line, i) => {
      const top = this.take();
      let x = AREA.left + (i === 0 ? indent : hang) * CELL;
      const inLead = lead ? Math.max(0, Math.min(line.length, lead.chars - done)) : 0;
      if (inLead && lead) {
        this.write(line.slice(0, inLead), x, top, lead.style);
        x += this.width(line.slice(0, inLead), lead.style);
      }
      if (line.length > inLead) this.write(line.slice(inLead), x, top, style);
      done += line.length;
    });
  }

  /** The top of the next free grid line, on a new page when this one is full. */
  private take(): number {
    if (this.line >= LINES) this.newPage();
    return lineTop(this.line++);
  }

  private newPage(): void {
    this.doc.addPage({ size: 'A4', margin: 0 });
    this.line = 0;
  }

  /** Text on the line whose top is `top`: its em box centred in the line (3号 in a 10.2 mm line). */
  private write(text: string, x: number, top: number, style: Style): void {
    this.draw(text, x, top + (PITCH - style.size) / 2 + EM_ASCENT * style.size, style);
  }

  private draw(text: string, x: number, baseline: number, style: Style): void {
    drawRuns(this.doc, this.fonts, text, x, baseline, style);
  }

  private width(text: string, style: Style): number {
    return runs(this.fonts, text, style.role).reduce((w, r) => w + runWidth(r.font, r.text, style), 0);
  }
}

/** Text set in the role's face, each character the face lacks in the fallback: never a missing glyph. */
function runs(fonts: FontSet, text: string, role: FontRole): { key: string; font: CjkFont; text: string }[] {
  const out: { key: string; font: CjkFont; text: string }[] = [];
  for (const ch of text) {
    const own = fonts[role].parsed.hasGlyphForCodePoint(ch.codePointAt(0) ?? 0);
    const key = own ? role : 'fallback';
    const last = out.at(-1);
    if (last?.key === key) last.text += ch;
    else out.push({ key, font: own ? fonts[role] : fonts.fallback, text: ch });
  }
  return out;
}

function runWidth(font: CjkFont, text: string, style: Style): number {
  let units = 0;
  for (const ch of text) units += font.parsed.glyphForCodePoint(ch.codePointAt(0) ?? 0).advanceWidth;
  return (units / font.parsed.unitsPerEm) * style.size + [...text].length * (style.spacing ?? 0);
}

function drawRuns(doc: Pdf, fonts: FontSet, text: string, x: number, baseline: number, style: Style): void {
  let at = x;
  for (const run of runs(fonts, text, style.role)) {
    doc
      .font(run.key)
      .fontSize(style.size)
      .fillColor(style.color ?? 'black')
      .text(run.text, at, baseline, { lineBreak: false, baseline: 'alphabetic', characterSpacing: style.spacing ?? 0 });
    at += runWidth(run.font, run.text, style);
  }
}

/** Breaks text into lines of at most the widths given, keeping 标点禁则 (a closing mark stays behind). */
export function wrap(text: string, measure: (s: string) => number, first: number, rest: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const ch of text) {
    const limit = lines.length ? rest : first;
    if (line && measure(line + ch) > limit + 0.01 && !NO_LINE_START.has(ch)) {
      lines.push(line);
      line = '';
    }
    line += ch;
  }
  if (line || !lines.length) lines.push(line);
  return lines;
}

/** A title cut into lines of about equal length (§7.3.1: 梯形或菱形, not one long line and a stub). */
export function balance(text: string, perLine: number): string[] {
  const chars = [...text];
  const count = Math.ceil(chars.length / perLine);
  const size = Math.ceil(chars.length / count);
  const lines: string[] = [];
  for (let i = 0; i < chars.length; i += size) lines.push(chars.slice(i, i + size).join(''));
  return lines;
}

const chunk = <T>(items: T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, i * size + size));

/** "— N —" in 4号 宋体, 7 mm under the 版心: odd pages one character in from the right, even from the left (§7.5). */
function pageNumber(doc: Pdf, fonts: FontSet, n: number): void {
  const style: Style = { role: 'songti', size: SIZE.no4 };
  const text = `— ${n} —`;
  const width = runs(fonts, text, 'songti').reduce((w, r) => w + runWidth(r.font, r.text, style), 0);
  const x = n % 2 ? AREA.left + AREA.width - SIZE.no4 - width : AREA.left + SIZE.no4;
  drawRuns(doc, fonts, text, x, AREA.top + AREA.height + PAGE_NUMBER_GAP + EM_ASCENT * SIZE.no4, style);
}

/** 草稿 across the page as filled glyph outlines, light, under 45°. */
function watermark(doc: Pdf, font: CjkFont): void {
  const size = 150;
  const scale = size / font.parsed.unitsPerEm;
  const glyphs = [...'草稿'].map((ch) => font.parsed.glyphForCodePoint(ch.codePointAt(0) ?? 0));
  const width = glyphs.reduce((w, g) => w + g.advanceWidth * scale, 0);
  doc.save();
  doc.fillColor('#c8102e').fillOpacity(0.12);
  doc.rotate(-35, { origin: [AREA.left + AREA.width / 2, AREA.top + AREA.height / 2] });
  let x = AREA.left + (AREA.width - width) / 2;
  const baseline = AREA.top + AREA.height / 2 + 0.38 * size;
  for (const glyph of glyphs) {
    doc.save();
    // font units run upwards from the baseline; the page's y runs down
    doc.translate(x, baseline).scale(scale, -scale);
    doc.path(glyph.path.toSVG()).fill();
    doc.restore();
    x += glyph.advanceWidth * scale;
  }
  doc.restore();
}
