import { Injectable, Pipe, PipeTransform, inject } from '@angular/core';
import { I18nService } from '../../core/i18n/i18n.service';

/** Texts of the console's 归档 section (audit-archive.component.ts). */
export const ARCHIVE_ZH_CN = {
  'archive.title': '归档',
  'archive.rule':
    '审计日志至少保存 {days} 天（《网络安全法》第二十一条）。归档把所选日期之前的记录移入归档文件，锚点记下最后一条的序号和哈希，其余记录从锚点起校验。',
  'archive.before': '归档此日期之前的记录',
  'archive.beforeHint': '只能选择 {date} 及以前的日期（保存期限 {days} 天）',
  'archive.action': '归档',
  'archive.confirm': '确认把 {date} 之前的审计记录移入归档文件？此操作不可撤销。',
  'archive.done': '已归档 {count} 条（第 {from}–{to} 条）',
  'archive.more': '更早的记录还有剩余，请再次归档',
  'archive.from': '当前审计链从第 {seq} 条起校验',
  'archive.col.at': '归档时间',
  'archive.col.range': '范围',
  'archive.col.count': '条数',
  'archive.col.before': '截止日期',
  'archive.col.digest': '文件摘要（SM3）',
  'archive.col.actions': '操作',
  'archive.range': '第 {from}–{to} 条',
  'archive.download': '下载',
  'archive.verify': '校验',
  'archive.verify.ok': '完整',
  'archive.verify.broken': '第 {seq} 条被改动',
  'archive.verify.digest': '文件摘要不符',
  'archive.empty': '尚未归档',
} as const;

export type ArchiveKey = keyof typeof ARCHIVE_ZH_CN;

export const ARCHIVE_EN: Record<ArchiveKey, string> = {
  'archive.title': 'Archive',
  'archive.rule':
    'Audit events are kept at least {days} days (Cybersecurity Law, art. 21). Archiving moves the events before the chosen date to a file; an anchor keeps the last one’s seq and hash, and the rest is verified from the anchor.',
  'archive.before': 'Archive events before',
  'archive.beforeHint': 'Only {date} or earlier (kept {days} days)',
  'archive.action': 'Archive',
  'archive.confirm': 'Move the audit events before {date} to an archive file? This cannot be undone.',
  'archive.done': '{count} events archived (seq {from}–{to})',
  'archive.more': 'Older events remain: archive again',
  'archive.from': 'The audit chain is verified from seq {seq}',
  'archive.col.at': 'Archived at',
  'archive.col.range': 'Range',
  'archive.col.count': 'Events',
  'archive.col.before': 'Cut-off',
  'archive.col.digest': 'File digest (SM3)',
  'archive.col.actions': 'Actions',
  'archive.range': 'seq {from}–{to}',
  'archive.download': 'Download',
  'archive.verify': 'Verify',
  'archive.verify.ok': 'Intact',
  'archive.verify.broken': 'Event {seq} was altered',
  'archive.verify.digest': 'File digest differs',
  'archive.empty': 'Nothing archived yet',
};

@Injectable({ providedIn: 'root' })
export class ArchiveI18n {
  private readonly i18n = inject(I18nService);

  t(key: ArchiveKey, params?: Record<string, string | number>): string {
    const text = (this.i18n.isChinese() ? ARCHIVE_ZH_CN : ARCHIVE_EN)[key] ?? key;
    if (!params) return text;
    return text.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
  }
}

/** `{{ 'archive.title' | arch }}`; impure: the text follows the language signal. */
@Pipe({ name: 'arch', pure: false })
export class ArchiveTranslatePipe implements PipeTransform {
  private readonly archiveI18n = inject(ArchiveI18n);

  transform(key: ArchiveKey, params?: Record<string, string | number>): string {
    return this.archiveI18n.t(key, params);
  }
}
