import type { CjkFont } from './cjk-font';
import type { ProcessingSheetModel, SheetBlock, SheetField } from './processing-sheet.model';

type Pdf = PDFKit.PDFDocument;

/** A4 in points; margins close to GB/T 9704's 版心 (156 mm × 225 mm on 210 mm × 297 mm). */
const PAGE = { width: 595.28, height: 841.89, margin: 56 };
const RED = '#c00000';
const LABEL_WIDTH = 100;
const PAD = 6;
const SIZE = { office: 20, title: 16, text: 11, small: 9 };

/**
 * Renders a 处理单 to PDF bytes: red head (office, sheet name) and ruled grid, in the CJK font;
 * pdfkit embeds only the glyphs used. pdfkit is loaded on first use (it is not needed at boot).
 */
export async function renderProcessingSheet(model: ProcessingSheetModel, font: CjkFont): Promise<Buffer> {
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({
    size: 'A4',
    margin: PAGE.margin,
    info: { Title: `${model.office} ${model.title}`, Producer: 'Liuzhuan', Creator: 'Liuzhuan' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  // pdfkit takes a parsed fontkit font as a source (its types list only files and bytes)
  doc.registerFont('cjk', font.parsed as unknown as PDFKit.Mixins.PDFFontSource);
  doc.font('cjk');
  head(doc, model);
  for (const row of model.rows) gridRow(doc, row);
  for (const block of model.blocks) opinionBlock(doc, block);
  if (model.footnote) {
    doc.moveDown(0.6).fontSize(SIZE.small).fillColor('#555').text(model.footnote, PAGE.margin, doc.y, { width: innerWidth() });
  }
  doc.end();
  return done;
}

const innerWidth = () => PAGE.width - 2 * PAGE.margin;
const bottom = () => PAGE.height - PAGE.margin;

function head(doc: Pdf, model: ProcessingSheetModel): void {
  doc.fillColor(RED).fontSize(SIZE.office).text(model.office, { align: 'center', characterSpacing: 2 });
  doc.moveDown(0.2).fontSize(SIZE.title).text(model.title, { align: 'center', characterSpacing: 6 });
  doc.moveDown(0.5);
  doc.fillColor('black');
}

/** A row of one or two labelled cells, as tall as its longest value. */
function gridRow(doc: Pdf, fields: SheetField[]): void {
  const width = innerWidth() / fields.length;
  doc.fontSize(SIZE.text);
  const height = Math.max(...fields.map((f) => doc.heightOfString(f.value || ' ', { width: width - LABEL_WIDTH - 2 * PAD }))) + 2 * PAD;
  const y = ensureRoom(doc, height);
  fields.forEach((field, i) => {
    const x = PAGE.margin + i * width;
    cell(doc, x, y, LABEL_WIDTH, height, field.label, RED);
    cell(doc, x + LABEL_WIDTH, y, width - LABEL_WIDTH, height, field.value, 'black');
  });
  doc.y = y + height;
}

/** A labelled block: each opinion in full, its signer and time on the right under it. */
function opinionBlock(doc: Pdf, block: SheetBlock): void {
  const width = innerWidth() - LABEL_WIDTH - 2 * PAD;
  doc.fontSize(SIZE.text);
  const parts = block.opinions.map((o) => ({
    ...o,
    textHeight: doc.heightOfString(o.text, { width }),
    signHeight: doc.heightOfString(`${o.signer}  ${o.at}`, { width }),
  }));
  const content = parts.reduce((sum, p) => sum + p.textHeight + p.signHeight + PAD, 0);
  const height = Math.max(56, content + 2 * PAD);
  const y = ensureRoom(doc, Math.min(height, bottom() - PAGE.margin));
  doc
    .rect(PAGE.margin, y, LABEL_WIDTH, height)
    .rect(PAGE.margin + LABEL_WIDTH, y, innerWidth() - LABEL_WIDTH, height)
    .stroke(RED);
  doc.fillColor(RED).text(block.label, PAGE.margin + PAD, y + PAD, { width: LABEL_WIDTH - 2 * PAD });
  let at = y + PAD;
  for (const p of parts) {
    doc.fillColor('black').text(p.text, PAGE.margin + LABEL_WIDTH + PAD, at, { width });
    at += p.textHeight;
    doc.fillColor('#333').text(`${p.signer}  ${p.at}`, PAGE.margin + LABEL_WIDTH + PAD, at, { width, align: 'right' });
    at += p.signHeight + PAD;
  }
  doc.fillColor('black');
  doc.y = y + height;
}

function cell(doc: Pdf, x: number, y: number, w: number, h: number, text: string, color: string): void {
  doc.rect(x, y, w, h).stroke(RED);
  doc.fillColor(color).text(text, x + PAD, y + PAD, { width: w - 2 * PAD });
  doc.fillColor('black');
}

/** The y where something this tall starts: here, or at the top of a new page. */
function ensureRoom(doc: Pdf, height: number): number {
  if (doc.y + height > bottom()) doc.addPage();
  return doc.y;
}
