/**
 * The page of GB/T 9704-2012 (党政机关公文格式) in PDF points, shared by the PDF and DOCX layouts:
 * A4 (§5.2.1); 天头 37 mm, 订口 28 mm, 版心 156 mm × 225 mm (§5.2.2); 22 lines of 28 characters
 * of 3号 (§5.2.3); sizes 2号 22 pt, 3号 16 pt, 4号 14 pt.
 */
export const MM = 72 / 25.4;
export const PAGE = { width: 210 * MM, height: 297 * MM };
export const AREA = { left: 28 * MM, top: 37 * MM, width: 156 * MM, height: 225 * MM };
export const LINES = 22;
export const CHARS = 28;
/** the line pitch: 225 mm / 22 */
export const PITCH = AREA.height / LINES;
/** the character pitch of the 正文: 156 mm / 28 */
export const CELL = AREA.width / CHARS;
export const SIZE = { no2: 22, no3: 16, no4: 14 };
/** 发文机关标志: its top edge 35 mm below the 版心's (§7.2.4) */
export const MARK_TOP = 35 * MM;
/** the red separator 4 mm under the 发文字号 (§7.2.7) */
export const SEPARATOR_GAP = 4 * MM;
/** the page number's dashes 7 mm under the 版心 (§7.5) */
export const PAGE_NUMBER_GAP = 7 * MM;
/** a seal's diameter (a 市级 organ's, 42 mm): the place kept for it over 署名 and 成文日期 (§7.3.5.1) */
export const SEAL_DIAMETER = 42 * MM;
export const RED = '#e60012';
/** how far an ideograph's em box reaches above the baseline (Noto/Source Han and the 方正/中易 fonts: 0.88 em) */
export const EM_ASCENT = 0.88;

/** Characters a line may not start with (标点禁则): they stay at the end of the line before. */
export const NO_LINE_START = new Set('，。、；：？！）》」』〉】〕”’…—·%,.;:?!)]');
