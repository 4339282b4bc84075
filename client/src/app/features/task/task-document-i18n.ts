import { Injectable, Pipe, PipeTransform, inject } from '@angular/core';
import { I18nService } from '../../core/i18n/i18n.service';

/** The task page's document texts (the field labels come from the documents feature's `docs.field.*`). */
const ZH = {
  'taskDoc.title': '公文',
  'taskDoc.open': '查看公文全文',
  'taskDoc.body': '正文',
  'taskDoc.noBody': '（无电子正文）',
  'taskDoc.incoming': '来文信息',
  'taskDoc.outgoing': '文稿信息',
  'taskDoc.attachments': '附件',
  'taskDoc.original': '来文原件及附件',
  'taskDoc.noAttachments': '无附件',
  'taskDoc.preview': '预览',
  'taskDoc.hide': '收起',
  'taskDoc.download': '下载',
  'taskDoc.previewFailed': '预览加载失败，请下载查看',
  'taskDoc.openPdf': '在新窗口中打开',
  'taskDoc.previewLoading': '正在加载预览…',
  'taskDoc.pdfMorePages': '后面还有 {count} 页，请下载查看',
  'taskDoc.noPreview': '该类型不能在线预览，请下载查看',
  'taskDoc.loading': '正在加载公文…',
  'taskDoc.loadFailed': '公文加载失败',
  'taskDoc.notReadable': '您无权查看该公文的内容',
  'taskDoc.classified': '本件为涉密公文（{level}），本系统不存放其电子正文和附件，请查阅纸质文件。',
  'taskDoc.custody': '份号 {copy}，保管人 {custodian}，存放位置 {location}。',
  'taskDoc.signedFor': '{at}（{by}）',
  'taskDoc.issuer': '签发人',
  'taskDoc.issuerGroup': '由市政府领导签发（未指定）',
  'taskDoc.countersigners': '会签单位',
  'taskDoc.leadDept': '主办单位',
  'taskDoc.assistDepts': '协办单位',
} as const;
export type TaskDocKey = keyof typeof ZH;

const EN: Record<TaskDocKey, string> = {
  'taskDoc.title': 'Document',
  'taskDoc.open': 'Open the full document',
  'taskDoc.body': 'Text',
  'taskDoc.noBody': '(no electronic text)',
  'taskDoc.incoming': 'Incoming document',
  'taskDoc.outgoing': 'Draft',
  'taskDoc.attachments': 'Attachments',
  'taskDoc.original': 'Original and attachments',
  'taskDoc.noAttachments': 'No attachments',
  'taskDoc.preview': 'Preview',
  'taskDoc.hide': 'Hide',
  'taskDoc.download': 'Download',
  'taskDoc.previewFailed': 'The preview did not load; download the file instead',
  'taskDoc.openPdf': 'Open in a new window',
  'taskDoc.previewLoading': 'Loading the preview…',
  'taskDoc.pdfMorePages': '{count} more pages: download the file to read them',
  'taskDoc.noPreview': 'This type cannot be previewed; download it instead',
  'taskDoc.loading': 'Loading the document…',
  'taskDoc.loadFailed': 'The document could not be loaded',
  'taskDoc.notReadable': 'You may not read this document',
  'taskDoc.classified': 'A classified document ({level}): its text and attachments are kept on paper only, not on this system.',
  'taskDoc.custody': 'Copy {copy}, kept by {custodian} at {location}.',
  'taskDoc.signedFor': '{at} ({by})',
  'taskDoc.issuer': 'Signer',
  'taskDoc.issuerGroup': 'A city leader (not named)',
  'taskDoc.countersigners': 'Countersigning departments',
  'taskDoc.leadDept': 'Lead department',
  'taskDoc.assistDepts': 'Assisting departments',
};

@Injectable({ providedIn: 'root' })
export class TaskDocI18n {
  private readonly i18n = inject(I18nService);

  t(key: TaskDocKey, params?: Record<string, string | number>): string {
    const text = this.i18n.isChinese() ? ZH[key] : EN[key];
    return params ? text.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match)) : text;
  }
}

/** `{{ 'taskDoc.open' | tdt }}`; impure because the text follows the language signal. */
@Pipe({ name: 'tdt', pure: false })
export class TaskDocTranslatePipe implements PipeTransform {
  private readonly texts = inject(TaskDocI18n);

  transform(key: TaskDocKey, params?: Record<string, string | number>): string {
    return this.texts.t(key, params);
  }
}
