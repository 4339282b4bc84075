/** One labelled value of a 处理单's grid (来文机关, 收文号 …). */
export interface SheetField {
  label: string;
  value: string;
}

/** An opinion as the sheet prints it: the whole text, then the signer ("B（代A）") and the time. */
export interface SheetOpinion {
  text: string;
  signer: string;
  at: string;
}

/** A block of the sheet: one label (拟办意见, 领导批示, 办理情况 …) and the opinions written under it. */
export interface SheetBlock {
  label: string;
  opinions: SheetOpinion[];
}

/**
 * A 公文处理单 as the rendering module lays it out (收文处理笺, 发文稿纸): the office at the head,
 * the sheet's name, a grid of fields (one or two a row) and the opinion blocks. The documents
 * module fills it; the layout knows nothing of documents.
 */
export interface ProcessingSheetModel {
  office: string;
  title: string;
  rows: SheetField[][];
  blocks: SheetBlock[];
  /** a line under the table (e.g. the document's version and digest) */
  footnote: string | null;
}
