import type { DocumentDetail, StepOpinion } from '@liuzhuan/contracts';
import type { DocsSheetKey } from './documents-sheet-i18n';

/** An opinion as the 处理单 shows it: the whole text, who wrote it (for whom), when, at which step. */
export interface SheetOpinionView {
  text: string;
  author: string;
  onBehalfOf: string | null;
  at: string;
  step: string;
  /** the author's department, shown where the block signs by department (主办, 协办, 会签) */
  org: string | null;
  /** 同意 / 不同意 of a vote (会签); null when none was cast */
  approve: boolean | null;
}

/** A block of the sheet (拟办意见, 领导批示 …) and the opinions under it. */
export interface SheetBlockView {
  label: DocsSheetKey;
  opinions: SheetOpinionView[];
  /** signed 「name（department）」: the 主办 and every 协办 alike, and each 会签 department */
  byDept?: true;
}

type BlockRule = { label: DocsSheetKey; kinds: readonly string[]; steps?: readonly string[]; byDept?: true };

/** The blocks of each layout, as the server's PDF has them (server/src/modules/documents/processing-sheet.service.ts). */
const INCOMING: readonly BlockRule[] = [
  { label: 'docs.sheet.block.proposal', kinds: ['proposal'] },
  { label: 'docs.sheet.block.instruction', kinds: ['instruction', 'circled'] },
  { label: 'docs.sheet.block.leadHandling', kinds: ['handling'], steps: ['leadHandle'], byDept: true },
  { label: 'docs.sheet.block.assistHandling', kinds: ['handling'], steps: ['assistHandle'], byDept: true },
  { label: 'docs.sheet.block.reply', kinds: ['reply'] },
  { label: 'docs.sheet.block.conclusion', kinds: ['conclusion'] },
];
const OUTGOING: readonly BlockRule[] = [
  { label: 'docs.sheet.block.signOff', kinds: ['signOff'] },
  { label: 'docs.sheet.block.countersign', kinds: ['countersign'], byDept: true },
  { label: 'docs.sheet.block.review', kinds: ['review'] },
];

/**
 * The opinions of a document's 处理单 grouped into its layout's blocks (收文处理笺 / 发文稿纸); every
 * opinion appears once, those of no block under 其他意见, so no word is left out.
 */
export function sheetBlocks(doc: Pick<DocumentDetail, 'direction' | 'processingRecord'>): SheetBlockView[] {
  const placed = new Set<StepOpinion>();
  const view = (o: StepOpinion, step: string): SheetOpinionView => ({
    text: o.text,
    author: o.author,
    onBehalfOf: o.onBehalfOf,
    at: o.at,
    step,
    org: o.authorOrg ?? null,
    approve: o.approve ?? null,
  });
  const blocks: SheetBlockView[] = (doc.direction === 'incoming' ? INCOMING : OUTGOING).map((rule) => ({
    label: rule.label,
    ...(rule.byDept ? { byDept: true as const } : {}),
    opinions: doc.processingRecord
      .filter((s) => !rule.steps || rule.steps.includes(s.step))
      .flatMap((s) =>
        s.opinions
          .filter((o) => rule.kinds.includes(o.kind) && !placed.has(o))
          .map((o) => {
            placed.add(o);
            return view(o, s.name ?? s.step);
          }),
      ),
  }));
  const others = doc.processingRecord.flatMap((s) => s.opinions.filter((o) => !placed.has(o)).map((o) => view(o, s.name ?? s.step)));
  if (others.length) blocks.push({ label: 'docs.sheet.block.other', opinions: others });
  return blocks;
}
