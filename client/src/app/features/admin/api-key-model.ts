import { API_KEY_ALL_TOPICS, API_KEY_DEFAULT_DAYS, type ApiKey } from '@liuzhuan/contracts';

export type ApiKeyStatus = 'active' | 'expired' | 'revoked';

/** 归档, 通知 → ['归档', '通知']: split on commas (ASCII or full-width), spaces and new lines; `*` alone means every topic. */
export function parseTopics(text: string): string[] {
  const topics = [
    ...new Set(
      text
        .split(/[,，、\s]+/)
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ];
  return topics.includes(API_KEY_ALL_TOPICS) ? [API_KEY_ALL_TOPICS] : topics;
}

/** A date field's `yyyy-MM-dd` → the end of that day, local time, as the ISO instant the server takes. */
export function expiryFromDate(day: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return null;
  const end = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 23, 59, 59, 999);
  return Number.isNaN(end.getTime()) ? null : end.toISOString();
}

/** The default of the expiry field: a year from today, as `yyyy-MM-dd`. */
export function defaultExpiryDate(now = new Date()): string {
  const d = new Date(now.getFullYear(), now.getMonth(), now.getDate() + API_KEY_DEFAULT_DAYS);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function apiKeyStatus(key: ApiKey, now = Date.now()): ApiKeyStatus {
  if (key.revokedAt) return 'revoked';
  return key.expiresAt && Date.parse(key.expiresAt) <= now ? 'expired' : 'active';
}
