import type { AuditEventType, AuditResult } from '@liuzhuan/contracts';
import { sm3Hex } from '../../platform/crypto/sm3';
import { maskIdentifyingNumbers } from '../../platform/privacy/personal-data-mask';

/**
 * Who did it, from where: the request side of an audit event. Built from the request by the
 * `@RequestAudit()` parameter decorator (audit-context.ts) and passed explicitly to the service,
 * as the signed-in user already is; {@link SYSTEM_AUDIT} for work nobody asked for over HTTP.
 */
export interface AuditContext {
  /** the username, `system`, or `apikey:<id>` */
  readonly actor: string;
  /** the actor's roles now (the security admin's view filters on them) */
  readonly roles: readonly string[];
  /** the client address as Fastify resolves it under LIUZHUAN_TRUST_PROXY */
  readonly ip: string | null;
  readonly userAgent: string | null;
}

export const SYSTEM_AUDIT: AuditContext = Object.freeze({ actor: 'system', roles: [], ip: null, userAgent: null });

/** What a module records: the event's type, target, outcome and details. */
export interface AuditEventInput {
  type: AuditEventType;
  targetType?: string | null;
  targetId?: string | null;
  /** default `success` */
  result?: AuditResult;
  errorCode?: string | null;
  /** JSON; keys naming a password, token or secret are dropped, identifying numbers masked */
  details?: Record<string, unknown>;
}

/** One row of `audit_event`, exactly as stored (the strings are what the hash covers). */
export interface AuditRow {
  seq: number;
  id: string;
  at: number;
  actor: string;
  /** comma-separated, sorted */
  roles: string;
  ip: string | null;
  userAgent: string | null;
  eventType: string;
  targetType: string | null;
  targetId: string | null;
  result: string;
  errorCode: string | null;
  /** JSON text */
  details: string;
  hash: string;
}

/** The hash before the first event. */
export const GENESIS_HASH = '0'.repeat(64);

/** The largest details text kept (characters); a larger one is replaced by a note of its size. */
const MAX_DETAILS = 16_000;
const SECRET_KEY = /(password|passwd|pwd|secret|token|otp|recoverycodes?|privatekey|apikey)$/i;

/** The canonical form the chain hashes: every column but the hash, in a fixed order, as JSON. */
export function canonicalForm(row: Omit<AuditRow, 'hash'>): string {
  return JSON.stringify([
    row.seq,
    row.id,
    row.at,
    row.actor,
    row.roles,
    row.ip,
    row.userAgent,
    row.eventType,
    row.targetType,
    row.targetId,
    row.result,
    row.errorCode,
    row.details,
  ]);
}

/** hash(n) = SM3(hash(n-1) ‖ canonical form of row n), lower-case hex (GB/T 32905). */
export function chainHash(previous: string, row: Omit<AuditRow, 'hash'>): string {
  return sm3Hex(previous + canonicalForm(row));
}

/** The row of an event before it has a place in the chain (seq and hash are given by audit-chain.ts). */
export function rowOf(id: string, at: number, context: AuditContext, event: AuditEventInput): Omit<AuditRow, 'seq' | 'hash'> {
  return {
    id,
    at,
    actor: text(context.actor, 128) ?? '',
    roles: [...new Set(context.roles)].sort().join(',').slice(0, 255),
    ip: text(context.ip, 64),
    userAgent: text(context.userAgent, 255),
    eventType: event.type,
    targetType: text(event.targetType, 64),
    targetId: text(event.targetId, 128),
    result: event.result ?? 'success',
    errorCode: text(event.errorCode, 64),
    details: detailsText(event.details ?? {}),
  };
}

/** The details as stored: secrets dropped, identifying numbers masked, bounded in size. */
export function detailsText(details: Record<string, unknown>): string {
  const json = JSON.stringify(scrub(details, 0)) ?? '{}';
  return json.length <= MAX_DETAILS ? json : JSON.stringify({ truncated: true, size: json.length });
}

function scrub(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return maskIdentifyingNumbers(wellFormed(value));
  if (value === null || typeof value !== 'object') return typeof value === 'number' || typeof value === 'boolean' ? value : null;
  if (depth > 8) return '…';
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((v) => scrub(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (SECRET_KEY.test(k.replace(/[-_]/g, ''))) continue;
    if (v !== undefined) out[k] = scrub(v, depth + 1);
  }
  return out;
}

/** A string as the database gives it back: bounded (in code points, as VARCHAR counts) and valid UTF-16. */
function text(value: string | null | undefined, max: number): string | null {
  if (value === null || value === undefined) return null;
  const chars = [...wellFormed(value)];
  return chars.length <= max ? chars.join('') : chars.slice(0, max).join('');
}

/** Lone surrogates cannot be stored as UTF-8; they become U+FFFD before hashing, as they would after. */
function wellFormed(value: string): string {
  return value.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}
