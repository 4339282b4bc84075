import { Injectable } from '@nestjs/common';
import { type DocumentDetail, mayHoldElectronicContent, SECRET_LEVEL_NAMES, type SessionUser, UPWARD_TYPES } from '@liuzhuan/contracts';
import { type AuditContext, AuditTrail } from '../audit/audit.api';
import { type OfficialDocumentModel, Renderer } from '../rendering/rendering.api';
import { DocumentAccess } from './document-access';
import { DocumentErrors } from './documents.errors';
import { DocumentsService } from './documents.service';

export type RenditionFormat = 'pdf' | 'docx';
export const RENDITION_TYPES: Record<RenditionFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

const URGENCY: Record<string, string | null> = { NONE: null, URGENT: '加急', EXTRA_URGENT: '特急' };
const PERIOD_UNIT: Record<string, string> = { YEAR: '年', MONTH: '个月', DAY: '天' };
/** what stands where the 正文 would be: a classified 正文 exists on paper only (DOCUMENT_CLASSIFIED_NO_BODY) */
const CLASSIFIED_BODY = '（本件为涉密公文，正文不在本系统处理，以纸质文件为准。）';

/**
 * The red-header 公文 (GB/T 9704-2012) of an outgoing document as PDF or DOCX, in any state: read
 * by whoever may read the document (DocumentAccess, clearance included), a draft watermarked 草稿
 * until it is signed off (签发) and numbered. A 秘密 or higher document has no electronic 正文, so
 * none is rendered; rendering it is recorded in the audit trail as reading it is.
 */
@Injectable()
export class RenditionService {
  constructor(
    private readonly access: DocumentAccess,
    private readonly documents: DocumentsService,
    private readonly renderer: Renderer,
    private readonly trail: AuditTrail,
  ) {}

  async render(id: string, format: RenditionFormat, user: SessionUser, audit: AuditContext): Promise<{ bytes: Buffer; name: string }> {
    const doc = await this.access.readable(user, id);
    if (doc.direction !== 'outgoing') throw DocumentErrors.renditionNotOutgoing();
    const detail = await this.documents.detail(doc);
    const model = renditionModel(detail);
    const bytes = format === 'pdf' ? await this.renderer.officialDocumentPdf(model) : await this.renderer.officialDocumentDocx(model);
    if (doc.secretLevel !== 'NONE') {
      await this.trail.recordAlone(audit, {
        type: 'document.classified.read',
        targetType: 'document',
        targetId: id,
        details: { secretLevel: doc.secretLevel, docNumber: doc.docNumber ?? null, parts: ['rendition'], format, version: doc.version },
      });
    }
    const base = `${detail.docNumber ?? '草稿'} ${detail.title}`.replace(/[\\/:*?"<>|]/g, '_');
    return { bytes, name: `${base}.${format}` };
  }
}

/** The document's elements worded as GB/T 9704 prints them. */
export function renditionModel(d: DocumentDetail): OfficialDocumentModel {
  const issuer = d.issuer || d.handling.office;
  const signedOff = d.handling.signedOff;
  const classified = !mayHoldElectronicContent(d.secretLevel);
  const printStep = d.processingRecord.find((s) => s.step === 'print');
  return {
    copyNumber: d.copyNumber,
    secrecy: classified ? `${SECRET_LEVEL_NAMES[d.secretLevel]}${period(d.secrecyPeriod)}` : null,
    urgency: URGENCY[d.urgency] ?? null,
    // a 函 carries the organ's name alone (信函格式, §10.1); the others add 文件 (§7.2.4)
    issuerMark: d.docType === 'GW14' ? issuer : `${issuer}文件`,
    docNumber: d.docNumber,
    signers: UPWARD_TYPES.includes(d.docType) ? d.signers : [],
    title: d.title,
    mainRecipients: d.mainRecipients,
    body: classified
      ? [CLASSIFIED_BODY]
      : (d.body ?? '')
          .split(/\r?\n/)
          .map((p) => p.trim())
          .filter(Boolean),
    attachmentNotes: d.attachmentNotes,
    issuerSignature: issuer,
    // 成文日期: as set, else the day of 签发 (条例 第九条（十二）: 以负责人签发的日期为准)
    writtenDate: d.writtenDate ? chineseDate(d.writtenDate) : signedOff ? chineseDate(beijingDay(signedOff.at)) : null,
    note: d.note ? d.note.replace(/^[（(]|[）)]$/g, '') : null,
    ccRecipients: d.ccRecipients,
    printingOrg: d.handling.office,
    // 印发日期: the day the document was sent to print (its 印制 step began)
    printingDate: printStep ? chineseDate(beijingDay(printStep.createdAt)) : null,
    draft: !signedOff || !d.docNumber,
  };
}

/** 保密期限 after the ★ (§7.2.2): Arabic digits, e.g. ★1年; a condition as written. */
function period(p: DocumentDetail['secrecyPeriod']): string {
  if (!p) return '';
  return 'condition' in p ? `★${p.condition}` : `★${p.value}${PERIOD_UNIT[p.unit] ?? ''}`;
}

const beijingDay = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 10);

/** 2026-07-01 → 2026年7月1日: Arabic digits, no leading zeros (§7.3.5). */
export const chineseDate = (day: string) => {
  const [y, m, d] = day.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};
