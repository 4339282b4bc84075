import type { AuditExportQuery, AuditResult } from '@liuzhuan/contracts';

/** What the console's filter form holds; empty fields ask for everything. */
export interface AuditFilterForm {
  /** [from, to) as the date-time pickers give them */
  range: (Date | null)[] | null;
  actor: string;
  eventType: string | null;
  result: AuditResult | null;
  targetType: string | null;
  targetId: string;
}

export type AuditFilters = Omit<AuditExportQuery, 'format'>;

export function emptyAuditFilter(): AuditFilterForm {
  return { range: null, actor: '', eventType: null, result: null, targetType: null, targetId: '' };
}

/** The form as the API's filters: trimmed text, blanks left out, the time range as ISO 8601 (`from ≤ at < to`). */
export function auditFilters(form: AuditFilterForm): AuditFilters {
  const [from, to] = form.range ?? [];
  const filters: AuditFilters = {
    from: from ? from.toISOString() : undefined,
    to: to ? to.toISOString() : undefined,
    actor: form.actor.trim() || undefined,
    eventType: form.eventType || undefined,
    result: form.result || undefined,
    targetType: form.targetType || undefined,
    targetId: form.targetId.trim() || undefined,
  };
  return Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined)) as AuditFilters;
}

/** 审计日志-20261207.csv: the prefix, the local date of `now`, the format. */
export function exportFileName(prefix: string, format: 'csv' | 'xlsx', now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${prefix}-${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}.${format}`;
}
