import type { NewNotification } from './notifications.service';

/** At most this many people per notify task (a typo'd list must not flood the table). */
const MAX_RECIPIENTS = 500;

/**
 * The notifications a BPMN `notify` service task sends, read from its variables: `recipients`
 * (usernames: an array, or one string separated by commas, 、 or spaces), `title`, `body`,
 * `link` (a client route) and `kind` (default `info`).
 */
export function notifyTaskNotifications(variables: Record<string, unknown> | undefined, instanceId: string | null): NewNotification[] {
  const v = variables ?? {};
  const list = Array.isArray(v.recipients) ? v.recipients : typeof v.recipients === 'string' ? v.recipients.split(/[\s,，、;；]+/) : [];
  const recipients = [
    ...new Set(list.filter((r): r is string => typeof r === 'string' && /^[\w.@-]{1,32}$/.test(r.trim())).map((r) => r.trim())),
  ].slice(0, MAX_RECIPIENTS);
  const text = (value: unknown, fallback: string) => (typeof value === 'string' && value.trim() ? value : fallback);
  return recipients.map((recipient) => ({
    recipient,
    kind: text(v.kind, 'info'),
    title: text(v.title, '流程通知'),
    body: text(v.body, ''),
    instanceId,
    link: typeof v.link === 'string' && v.link.startsWith('/') ? v.link : null,
    actor: null,
  }));
}
