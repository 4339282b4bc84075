import { Injectable, Pipe, PipeTransform, inject } from '@angular/core';
import { I18nService } from '../../core/i18n/i18n.service';

/** Texts of the audit console (审计日志, and the security admin's 审计员操作记录); lazy, like admin-i18n.ts. */
export const AUDIT_ZH_CN = {
  'audit.intro': '查询、核对并导出所有人的操作记录（包括系统管理员和安全保密管理员）。',
  'audit.introAuditor': '三员分立的相互监督：这里只列出安全审计员本人的操作记录。',
  'audit.filter.range': '时间范围',
  'audit.filter.actor': '操作人（用户名）',
  'audit.filter.eventType': '事件类型',
  'audit.filter.result': '结果',
  'audit.filter.targetType': '对象类型',
  'audit.filter.targetId': '对象 ID',
  'audit.filter.search': '查询',
  'audit.filter.reset': '重置',
  'audit.filter.more': '筛选条件',
  'audit.result.success': '成功',
  'audit.result.failure': '失败',
  'audit.col.at': '时间',
  'audit.col.actor': '操作人',
  'audit.col.event': '事件',
  'audit.col.target': '对象',
  'audit.col.result': '结果',
  'audit.col.ip': 'IP 地址',
  'audit.col.seq': '序号',
  'audit.col.id': '事件 ID',
  'audit.col.roles': '角色',
  'audit.col.userAgent': '客户端',
  'audit.col.eventType': '事件代码',
  'audit.col.errorCode': '错误代码',
  'audit.col.details': '详情',
  'audit.col.hash': '哈希（SM3）',
  'audit.col.address': '地址',
  'audit.col.targetType': '对象类型',
  'audit.col.targetId': '对象 ID',
  'audit.col.rawDetails': '原始记录（JSON）',
  'audit.details.none': '无',
  'audit.total': '共 {total} 条',
  'audit.empty': '没有符合条件的审计事件',
  'audit.detail': '审计事件详情',
  'audit.chain': '审计链',
  'audit.chain.unknown': '尚未校验',
  'audit.chain.ok': '完整，已校验 {checked} 条',
  'audit.chain.broken': '第 {seq} 条被改动',
  'audit.chain.brokenId': '（事件 ID {id}）',
  'audit.chain.checking': '校验中…',
  'audit.verify': '校验',
  'audit.export.csv': '导出 CSV',
  'audit.export.xlsx': '导出 XLSX',
  'audit.export.file': '审计日志',
  'audit.none': '—',
} as const;

export type AuditKey = keyof typeof AUDIT_ZH_CN;

export const AUDIT_EN: Record<AuditKey, string> = {
  'audit.intro': "Search, check and export everyone's actions (the system admin's and the security admin's included).",
  'audit.introAuditor': "Separation of duties, checked both ways: only the auditor's own actions are listed here.",
  'audit.filter.range': 'Time range',
  'audit.filter.actor': 'Actor (username)',
  'audit.filter.eventType': 'Event type',
  'audit.filter.result': 'Result',
  'audit.filter.targetType': 'Target type',
  'audit.filter.targetId': 'Target ID',
  'audit.filter.search': 'Search',
  'audit.filter.reset': 'Reset',
  'audit.filter.more': 'Filters',
  'audit.result.success': 'Success',
  'audit.result.failure': 'Failure',
  'audit.col.at': 'Time',
  'audit.col.actor': 'Actor',
  'audit.col.event': 'Event',
  'audit.col.target': 'Target',
  'audit.col.result': 'Result',
  'audit.col.ip': 'IP address',
  'audit.col.seq': 'Seq',
  'audit.col.id': 'Event ID',
  'audit.col.roles': 'Roles',
  'audit.col.userAgent': 'Client',
  'audit.col.eventType': 'Event code',
  'audit.col.errorCode': 'Error code',
  'audit.col.details': 'Details',
  'audit.col.hash': 'Hash (SM3)',
  'audit.col.address': 'Address',
  'audit.col.targetType': 'Target type',
  'audit.col.targetId': 'Target ID',
  'audit.col.rawDetails': 'Raw record (JSON)',
  'audit.details.none': 'None',
  'audit.total': '{total} events',
  'audit.empty': 'No audit events match',
  'audit.detail': 'Audit event',
  'audit.chain': 'Audit chain',
  'audit.chain.unknown': 'Not verified yet',
  'audit.chain.ok': 'Intact, {checked} events verified',
  'audit.chain.broken': 'Event {seq} was altered',
  'audit.chain.brokenId': ' (event ID {id})',
  'audit.chain.checking': 'Verifying…',
  'audit.verify': 'Verify',
  'audit.export.csv': 'Export CSV',
  'audit.export.xlsx': 'Export XLSX',
  'audit.export.file': 'audit-log',
  'audit.none': '—',
};

export type AuditTranslate = (key: AuditKey, params?: Record<string, string | number>) => string;

@Injectable({ providedIn: 'root' })
export class AuditI18n {
  private readonly i18n = inject(I18nService);

  readonly t: AuditTranslate = (key, params) => {
    const text = (this.i18n.isChinese() ? AUDIT_ZH_CN : AUDIT_EN)[key] ?? key;
    if (!params) return text;
    return text.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
  };
}

/** `{{ 'audit.verify' | aut }}`; impure: the text follows the language signal. */
@Pipe({ name: 'aut', pure: false })
export class AuditTranslatePipe implements PipeTransform {
  private readonly auditI18n = inject(AuditI18n);

  transform(key: AuditKey, params?: Record<string, string | number>): string {
    return this.auditI18n.t(key, params);
  }
}

export { eventLabel } from './audit-details';
