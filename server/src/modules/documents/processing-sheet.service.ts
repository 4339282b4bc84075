import { Injectable } from '@nestjs/common';
import {
  DOC_TYPE_NAMES,
  type DocumentDetail,
  type DocumentSignature,
  SECRET_LEVEL_NAMES,
  type SessionUser,
  type StepOpinion,
  URGENCY_NAMES,
} from '@liuzhuan/contracts';
import { type AuditContext, AuditTrail } from '../audit/audit.api';
import { UserRepository } from '../org/org.api';
import { type ProcessingSheetModel, Renderer, type SheetBlock, type SheetField } from '../rendering/rendering.api';
import { DocumentAccess } from './document-access';
import { DocumentSignatures } from './document-signatures';
import { beijingMinute, DocumentsService } from './documents.service';

const SECRET: Record<string, string> = SECRET_LEVEL_NAMES;
const URGENCY: Record<string, string> = URGENCY_NAMES;
const HANDLING: Record<string, string> = { ACT: '办件', READ: '阅件' };

/**
 * The 收文处理笺's opinion blocks, in the order of the 条例's steps; a kind not listed goes to 其他意见.
 * `byDept`: signed 「name（department）」 — the 主办 and every 协办 alike.
 */
const INCOMING_BLOCKS: readonly { label: string; kinds: readonly string[]; steps?: readonly string[]; byDept?: true }[] = [
  { label: '拟办意见', kinds: ['proposal'] },
  { label: '领导批示', kinds: ['instruction', 'circled'] },
  { label: '主办单位办理情况', kinds: ['handling'], steps: ['leadHandle'], byDept: true },
  { label: '协办单位办理情况', kinds: ['handling'], steps: ['assistHandle'], byDept: true },
  { label: '答复内容', kinds: ['reply'] },
  { label: '办结说明', kinds: ['conclusion'] },
];
/** The 发文稿纸's blocks: 签发 at the top as on the paper form, then 会签 and 核稿. */
const OUTGOING_BLOCKS: typeof INCOMING_BLOCKS = [
  { label: '签发意见', kinds: ['signOff'] },
  { label: '会签意见', kinds: ['countersign'], byDept: true },
  { label: '核稿意见', kinds: ['review'] },
];

/**
 * The 公文处理单 as a PDF (收文处理笺 / 发文稿纸): read by whoever may read the document, and
 * audited like reading a classified document when it is 秘密 or above.
 */
@Injectable()
export class ProcessingSheetService {
  constructor(
    private readonly access: DocumentAccess,
    private readonly documents: DocumentsService,
    private readonly users: UserRepository,
    private readonly renderer: Renderer,
    private readonly trail: AuditTrail,
    private readonly signatures: DocumentSignatures,
  ) {}

  async pdf(id: string, user: SessionUser, audit: AuditContext): Promise<{ bytes: Buffer; name: string }> {
    const doc = await this.access.readable(user, id);
    const detail = await this.documents.detail(doc);
    const signed = detail.direction === 'outgoing' ? (await this.signatures.verified(doc)).items : [];
    const bytes = await this.renderer.processingSheet(await this.model(detail, detail.handling.office, signed));
    if (doc.secretLevel !== 'NONE') {
      await this.trail.recordAlone(audit, {
        type: 'document.classified.read',
        targetType: 'document',
        targetId: id,
        details: { secretLevel: doc.secretLevel, docNumber: doc.docNumber ?? null, parts: ['processingSheet'] },
      });
    }
    const kind = detail.direction === 'incoming' ? '收文处理笺' : '发文稿纸';
    return { bytes, name: `${kind}-${detail.registration?.regNo ?? detail.docNumber ?? detail.id}.pdf` };
  }

  private async model(d: DocumentDetail, office: string, signatures: readonly DocumentSignature[]): Promise<ProcessingSheetModel> {
    const usernames = new Set<string>([d.createdBy]);
    for (const step of d.processingRecord)
      for (const o of step.opinions) {
        usernames.add(o.author);
        if (o.onBehalfOf) usernames.add(o.onBehalfOf);
      }
    if (d.handling.signedOff) usernames.add(d.handling.signedOff.by).add(d.handling.signedOff.onBehalfOf ?? d.handling.signedOff.by);
    const names = new Map((await this.users.findByUsernames([...usernames])).map((u) => [u.username, u.displayName]));
    const name = (u: string) => names.get(u) ?? u;
    const signer = (by: string, onBehalfOf: string | null) =>
      onBehalfOf && onBehalfOf !== by ? `${name(by)}（代${name(onBehalfOf)}）` : name(by);
    const minute = (iso: string) => beijingMinute(new Date(iso));
    const depts = { lead: d.handling.leadDept?.name ?? '', assist: d.handling.assistDepts.map((o) => o.name).join('、') };
    const r = d.registration;
    const rows: SheetField[][] =
      d.direction === 'incoming'
        ? [
            [f('来文机关', r?.sourceOrg ?? d.issuer), f('来文字号', r?.sourceDocNumber ?? '')],
            [f('收文号', r?.regNo ?? ''), f('签收时间', r ? minute(r.signedForAt) : '')],
            [f('密级', SECRET[d.secretLevel] ?? d.secretLevel), f('紧急程度', URGENCY[d.urgency] ?? d.urgency)],
            [f('标题', d.title)],
            [f('办件/阅件', r ? (HANDLING[r.handlingType] ?? r.handlingType) : ''), f('办理期限', r?.dueAt ? minute(r.dueAt) : '')],
            [f('主办单位', depts.lead), f('协办单位', depts.assist)],
          ]
        : [
            [f('文种', DOC_TYPE_NAMES[d.docType] ?? d.docType), f('发文字号', d.docNumber ?? '')],
            [f('密级', SECRET[d.secretLevel] ?? d.secretLevel), f('紧急程度', URGENCY[d.urgency] ?? d.urgency)],
            [f('标题', d.title)],
            [f('主送机关', d.mainRecipients.join('，'))],
            [f('抄送机关', d.ccRecipients.join('，'))],
            [f('拟稿人', name(d.createdBy)), f('拟稿时间', minute(d.createdAt))],
            [
              f('签发人', d.handling.signedOff ? signer(d.handling.signedOff.by, d.handling.signedOff.onBehalfOf) : ''),
              f('签发时间', d.handling.signedOff ? minute(d.handling.signedOff.at) : ''),
            ],
            [f('电子签名', signatureSummary(signatures))],
          ];
    const layout = d.direction === 'incoming' ? INCOMING_BLOCKS : OUTGOING_BLOCKS;
    const placed = new Set<StepOpinion>();
    const blocks: SheetBlock[] = layout.map((block) => ({
      label: block.label,
      opinions: d.processingRecord
        .filter((s) => !block.steps || block.steps.includes(s.step))
        .flatMap((s) => s.opinions.filter((o) => block.kinds.includes(o.kind) && !placed.has(o)))
        .map((o) => {
          placed.add(o);
          const who = signer(o.author, o.onBehalfOf);
          return { text: o.text, signer: `${block.byDept && o.authorOrg ? `${who}（${o.authorOrg}）` : who}${vote(o)}`, at: minute(o.at) };
        }),
    }));
    const others = d.processingRecord.flatMap((s) =>
      s.opinions
        .filter((o) => !placed.has(o))
        .map((o) => ({ text: o.text, signer: `${signer(o.author, o.onBehalfOf)}（${s.name ?? s.step}）${vote(o)}`, at: minute(o.at) })),
    );
    if (others.length) blocks.push({ label: '其他意见', opinions: others });
    return {
      office,
      title: d.direction === 'incoming' ? '收文处理笺' : '发文稿纸',
      rows,
      blocks,
      footnote: `第${d.version}版 · SM3 ${d.digest} · 打印于 ${beijingMinute(new Date())}`,
    };
  }
}

/** The 同意/不同意 of a vote (会签), after the signer. */
const vote = (o: StepOpinion): string => (o.approve === null ? '' : o.approve ? ' 同意' : ' 不同意');
const f = (label: string, value: string | null | undefined): SheetField => ({ label, value: value ?? '' });

/** 已验证 or 验证失败 of the 签发 signatures (SM2), the latest signer first: what the paper copy can still show. */
function signatureSummary(signatures: readonly DocumentSignature[]): string {
  if (!signatures.length) return '无';
  const failed = signatures.filter((s) => !s.valid).length;
  const state = failed ? `验证失败（${failed}/${signatures.length}）` : '已验证';
  const last = signatures[signatures.length - 1];
  return `${state} · SM2 · ${last.signerName} ${beijingMinute(new Date(last.signedAt))}`;
}
