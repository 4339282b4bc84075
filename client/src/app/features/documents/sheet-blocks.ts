import type { DocumentDetail, StepOpinion } from '@liuzhuan/contracts';
import type { DocsSheetKey } from './documents-sheet-i18n';

/** An opinion as the 处理单 shows it: the whole text, who wrote it (for whom), when, at which step. */
export interface SheetOpinionView {
  text: string;
  author: string;
  onBehalfOf: string | null;
  at: string;
  step: string;
}

/** A block of the sheet (拟办意见, 领导批示 …) and the opinions under it. */
export interface SheetBlockView {
  label: DocsSheetKey;
  opinions: SheetOpinionView[];
}

type BlockRule = { label: DocsSheetKey; kinds: readonly string[]; steps?: readonly string[] };

/** The blocks of each layout, as the server's PDF has them (server/src/modules/documents/processing-sheet.service.ts). */
const INCOMING: readonly BlockRule[] = [
  { label: 'docs.sheet.block.proposal', kinds: ['proposal'] },
  { label: 'docs.sheet.block.instruction', kinds: ['instruction', 'circled'] },
  { label: 'docs.sheet.block.leadHandling', kinds: ['handling'], steps: ['leadHandle'] },
  { label: 'docs.sheet.block.assistHandling', kinds: ['handling'], steps: ['assistHandle'] },
];
const OUTGOING: readonly BlockRule[] = [
  { label: 'docs.sheet.block.signOff', kinds: ['signOff'] },
  { label: 'docs.sheet.block.countersign', kinds: ['countersign'] },
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
  });
  const blocks: SheetBlockView[] = (doc.direction === 'incoming' ? INCOMING : OUTGOING).map((rule) => ({
    label: rule.label,
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
