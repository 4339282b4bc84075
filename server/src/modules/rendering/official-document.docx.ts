import * as d from 'docx';
import type { IParagraphOptions, ParagraphChild } from 'docx';
import { AREA, CELL, LINES, MARK_TOP, MM, PAGE, PITCH, RED, SIZE } from './gbt9704';
import type { OfficialDocumentModel } from './official-document.model';
import { type FontRole, STANDARD_FONTS } from './standard-fonts';

/** points → twentieths of a point (DOCX lengths) */
const tw = (pt: number) => Math.round(pt * 20);
/** one character of 3号 on the 28-character grid, in twips */
const CHAR = tw(CELL);
const RED_HEX = RED.slice(1).toUpperCase();

/**
 * The 公文 as a DOCX (GB/T 9704-2012): the same elements and order as the PDF, on the same page
 * (天头 37 mm, 订口 28 mm, 版心 156 × 225 mm, a 22-line × 28-character grid), each run naming its
 * standard font (方正小标宋简体, 仿宋_GB2312, 黑体, 楷体_GB2312, 宋体) for the office's PCs to
 * show in their own. Page numbers "— N —" in alternating footers; a draft says 草稿 in its header.
 */
export function renderOfficialDocumentDocx(m: OfficialDocumentModel): Promise<Buffer> {
  const run = (text: string, role: FontRole, size = SIZE.no3, color?: string) =>
    new d.TextRun({ text, font: STANDARD_FONTS[role].family, size: size * 2, color });
  const para = (children: ParagraphChild[], options: Partial<IParagraphOptions> = {}) => new d.Paragraph({ children, ...options });
  const blank = () => para([]);
  const children: d.Paragraph[] = [];

  // 版头 (§7.2)
  const corner = [
    [m.copyNumber, 'fangsong'],
    [m.secrecy, 'heiti'],
    [m.urgency, 'heiti'],
  ] as const;
  let cornerLines = 0;
  for (const [text, role] of corner)
    if (text) {
      children.push(para([run(text, role)]));
      cornerLines++;
    }
  const markSize = Math.min(15 * MM, AREA.width / Math.max(1, m.issuerMark.length));
  children.push(
    para([run(m.issuerMark, 'xiaobiaosong', markSize, RED_HEX)], {
      alignment: d.AlignmentType.CENTER,
      spacing: { before: tw(MARK_TOP - cornerLines * PITCH), line: tw(markSize * 1.1), lineRule: d.LineRuleType.EXACT },
    }),
    blank(),
    blank(),
  );
  const separator = { bottom: { style: d.BorderStyle.SINGLE, size: 8, color: RED_HEX, space: 6 } };
  const number = m.docNumber ?? '';
  if (m.signers.length) {
    // 上行文: 发文字号 one character in on the left, 签发人 one character in on the right (§7.2.5, §7.2.6)
    children.push(
      para([run(number, 'fangsong'), new d.TextRun({ text: '\t' }), run('签发人：', 'fangsong'), run(m.signers.join('　'), 'kaiti')], {
        indent: { left: CHAR, right: CHAR },
        tabStops: [{ type: d.TabStopType.RIGHT, position: tw(AREA.width) - 2 * CHAR }],
        border: separator,
      }),
    );
  } else {
    children.push(para([run(number, 'fangsong')], { alignment: d.AlignmentType.CENTER, border: separator }));
  }

  // 主体 (§7.3)
  children.push(blank(), blank());
  children.push(para([run(m.title, 'xiaobiaosong', SIZE.no2)], { alignment: d.AlignmentType.CENTER }));
  if (m.mainRecipients.length) children.push(blank(), para([run(`${m.mainRecipients.join('，')}：`, 'fangsong')]));
  for (const p of m.body) children.push(para(bodyRuns(p, run), { indent: { firstLine: 2 * CHAR } }));
  if (m.attachmentNotes.length) {
    children.push(blank());
    m.attachmentNotes.forEach((name, i) => {
      const text = m.attachmentNotes.length > 1 ? `${i + 1}.${name}` : name;
      children.push(
        i === 0
          ? para([run('附件：', 'fangsong'), run(text, 'fangsong')], { indent: { left: 5 * CHAR, hanging: 3 * CHAR } })
          : para([run(text, 'fangsong')], { indent: { left: 5 * CHAR } }),
      );
    });
  }
  // 署名 centred over the 成文日期, which stands four characters from the right (§7.3.5.1)
  const date = m.writtenDate ?? '';
  const dateChars = charWidth(date || '2000年10月10日');
  const signatureIndent = 4 * CHAR + Math.round(((dateChars - charWidth(m.issuerSignature)) / 2) * CHAR);
  children.push(
    blank(),
    blank(),
    para([run(m.issuerSignature, 'fangsong')], { alignment: d.AlignmentType.RIGHT, indent: { right: signatureIndent } }),
    para([run(date, 'fangsong')], { alignment: d.AlignmentType.RIGHT, indent: { right: 4 * CHAR } }),
  );
  if (m.note) children.push(para([run(`（${m.note}）`, 'fangsong')], { indent: { firstLine: 2 * CHAR } }));

  // 附件 (§7.3.7), each on a page of its own
  m.attachmentNotes.forEach((name, i) => {
    children.push(
      para([run(m.attachmentNotes.length > 1 ? `附件${i + 1}` : '附件', 'heiti')], { pageBreakBefore: true }),
      blank(),
      para([run(name, 'xiaobiaosong', SIZE.no2)], { alignment: d.AlignmentType.CENTER }),
    );
  });

  // 版记 (§7.4): thick rules over the first element and under the last, a thin one between
  const thick = { style: d.BorderStyle.SINGLE, size: 8, color: '000000', space: 1 };
  const thin = { ...thick, size: 6 };
  const recordIndent = { left: tw(SIZE.no4), right: tw(SIZE.no4) };
  const printed = m.printingDate ? `${m.printingDate}印发` : '';
  children.push(blank());
  if (m.ccRecipients.length) {
    children.push(
      para([run(`抄送：${m.ccRecipients.join('，')}。`, 'fangsong', SIZE.no4)], {
        indent: { ...recordIndent, hanging: tw(3 * SIZE.no4), left: tw(4 * SIZE.no4) },
        border: { top: thick, bottom: thin },
      }),
    );
  }
  children.push(
    para([run(m.printingOrg, 'fangsong', SIZE.no4), new d.TextRun({ text: '\t' }), run(printed, 'fangsong', SIZE.no4)], {
      indent: recordIndent,
      tabStops: [{ type: d.TabStopType.RIGHT, position: tw(AREA.width - 2 * SIZE.no4) }],
      border: m.ccRecipients.length ? { bottom: thick } : { top: thick, bottom: thick },
    }),
  );

  const pageNumber = (alignment: 'left' | 'right') =>
    new d.Footer({
      children: [
        para([new d.TextRun({ children: ['— ', d.PageNumber.CURRENT, ' —'], font: STANDARD_FONTS.songti.family, size: SIZE.no4 * 2 })], {
          alignment: alignment === 'right' ? d.AlignmentType.RIGHT : d.AlignmentType.LEFT,
          indent: alignment === 'right' ? { right: tw(SIZE.no4) } : { left: tw(SIZE.no4) },
        }),
      ],
    });
  const draftHeader = () =>
    new d.Header({ children: [para([run('草稿', 'heiti', SIZE.no2, 'F4B6BE')], { alignment: d.AlignmentType.CENTER })] });
  const document = new d.Document({
    creator: 'Liuzhuan',
    title: m.title,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { font: STANDARD_FONTS.fangsong.family, size: SIZE.no3 * 2 },
          paragraph: { spacing: { line: tw(PITCH), lineRule: d.LineRuleType.EXACT, before: 0, after: 0 } },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: tw(PAGE.width), height: tw(PAGE.height) },
            margin: {
              top: tw(AREA.top),
              left: tw(AREA.left),
              right: tw(PAGE.width - AREA.left - AREA.width),
              bottom: tw(PAGE.height - AREA.top - AREA.height),
              // the page number's dashes 7 mm under the 版心 (§7.5)
              footer: tw(PAGE.height - AREA.top - AREA.height - 7 * MM - SIZE.no4),
              header: tw(15 * MM),
            },
          },
          grid: {
            type: d.DocumentGridType.LINES_AND_CHARS,
            linePitch: tw(AREA.height / LINES),
            charSpace: Math.round((CELL - SIZE.no3) * 4096),
          },
        },
        headers: m.draft ? { default: draftHeader(), even: draftHeader() } : undefined,
        footers: { default: pageNumber('right'), even: pageNumber('left') },
        children,
      },
    ],
  });
  return d.Packer.toBuffer(document);
}

/** A 正文 paragraph's runs: a heading's own sentence in 黑体 (一、) or 楷体 (（一）), as in the PDF (§7.3.3). */
function bodyRuns(text: string, run: (text: string, role: FontRole) => ParagraphChild): ParagraphChild[] {
  const role: FontRole | null = /^[一二三四五六七八九十]+、/.test(text)
    ? 'heiti'
    : /^（[一二三四五六七八九十]+）/.test(text)
      ? 'kaiti'
      : null;
  if (!role) return [run(text, 'fangsong')];
  const end = text.indexOf('。');
  const head = end < 0 ? text : text.slice(0, end + 1);
  return [run(head, role), ...(head.length < text.length ? [run(text.slice(head.length), 'fangsong')] : [])];
}

/** Width in characters of the grid: an ideograph one, a half-width letter or digit a half. */
const charWidth = (text: string) => [...text].reduce((w, ch) => w + ((ch.codePointAt(0) ?? 0) < 0x2e80 ? 0.5 : 1), 0);
