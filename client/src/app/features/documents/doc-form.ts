import type { Resource } from '@angular/core';
import type { AbstractControl } from '@angular/forms';
import type { SecrecyPeriod } from '@liuzhuan/contracts';
import type { DocsI18n, DocsKey } from './documents-i18n';
import type { FieldViolation } from './field-violations';

/** Separators a clerk types between organ names in 主送/抄送 and between 签发人. */
export const NAME_SEPARATORS = ['，', ',', '、', '；', ';'];

/** Offices run on Beijing time whatever the PC's clock zone: times are entered and shown in it. */
export const BEIJING = '+0800';

/** `2026-11-27T16:05` (for a datetime-local input): now in Beijing time, to the minute. */
export function beijingNowInput(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 16);
}

/** A datetime-local value read as Beijing time → ISO 8601 with offset; null when not a time. */
export function beijingIso(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return null;
  const iso = `${value}:00+08:00`;
  return Number.isNaN(Date.parse(iso)) ? null : iso;
}

export interface SecrecyValue {
  secretLevel: string;
  secrecyValue: number | null;
  secrecyUnit: 'YEAR' | 'MONTH' | 'DAY';
  secrecyCondition: string;
}

/** The 保密期限 as the API takes it: a condition wins over a period; nothing for 非涉密. */
export function secrecyPeriodOf(value: SecrecyValue): SecrecyPeriod | null {
  if (value.secretLevel === 'NONE') return null;
  const condition = value.secrecyCondition.trim();
  if (condition) return { condition };
  if (value.secrecyValue && value.secrecyValue > 0) return { value: value.secrecyValue, unit: value.secrecyUnit };
  return null;
}

/** The first message for a control: its validators' errors in Chinese (English), then a rule. */
export function controlError(
  control: AbstractControl,
  fieldKey: DocsKey,
  i18n: DocsI18n,
  kind: 'input' | 'select' = 'input',
  range: { min: number; max: number } = { min: 1, max: 365 },
): string | null {
  const errors = control.errors;
  if (!errors) return null;
  const field = i18n.t(fieldKey);
  if (errors['required']) return i18n.t(kind === 'select' ? 'docs.err.select' : 'docs.err.required', { field });
  if (errors['maxlength'])
    return i18n.t('docs.err.maxLength', { field, max: (errors['maxlength'] as { requiredLength: number }).requiredLength });
  if (errors['min'] || errors['max'] || errors['pattern']) return i18n.t('docs.err.range', { field, ...range });
  return null;
}

/** The message of the first violation on a field, from the server's details first. */
export function violationFor(field: string, server: readonly FieldViolation[], local: readonly FieldViolation[]): string | null {
  return server.find((v) => v.field === field)?.message ?? local.find((v) => v.field === field)?.message ?? null;
}

/** A resource's value, or the fallback while it loads or after it failed (`value()` throws then). */
export function valueOr<T, F>(resource: Resource<T>, fallback: F): T | F {
  return resource.hasValue() ? resource.value() : fallback;
}
