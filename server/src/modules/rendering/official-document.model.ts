/**
 * A 公文 as the rendering module lays it out (GB/T 9704-2012): every element already worded as
 * printed (dates as 2026年10月12日, 密级 as 机密★1年); null or empty leaves an element out. The
 * documents module fills it; the layouts (PDF, DOCX) know nothing of documents.
 */
export interface OfficialDocumentModel {
  /** 份号 (§7.2.1), six digits */
  copyNumber: string | null;
  /** 密级和保密期限 (§7.2.2), e.g. 机密★1年 */
  secrecy: string | null;
  /** 紧急程度 (§7.2.3): 特急 / 加急 */
  urgency: string | null;
  /** 发文机关标志 (§7.2.4), e.g. 安康市人民政府文件 */
  issuerMark: string;
  /** 发文字号 (§7.2.5); null before a number is allocated */
  docNumber: string | null;
  /** 签发人 (§7.2.6): the names for a 上行文, empty otherwise */
  signers: string[];
  /** 标题 (§7.3.1) */
  title: string;
  /** 主送机关 (§7.3.2), without the closing colon */
  mainRecipients: string[];
  /** 正文 (§7.3.3), one entry a paragraph */
  body: string[];
  /** 附件说明 (§7.3.4): the attachments' names, in order */
  attachmentNotes: string[];
  /** 发文机关署名 (§7.3.5) */
  issuerSignature: string;
  /** 成文日期 (§7.3.5); null while not known */
  writtenDate: string | null;
  /** 附注 (§7.3.6), without the parentheses */
  note: string | null;
  /** 抄送机关 (§7.4.2) */
  ccRecipients: string[];
  /** 印发机关 (§7.4.3) */
  printingOrg: string;
  /** 印发日期 (§7.4.3); null before the document is sent to print */
  printingDate: string | null;
  /** a draft: every page carries the 草稿 watermark and the seal's place is outlined */
  draft: boolean;
}
