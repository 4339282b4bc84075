import type { AuditRow } from './audit-event';

/** The archive file's first line names its format; the columns follow audit_event's names. */
export const ARCHIVE_FORMAT = 'liuzhuan-audit-archive';

/** What the header line of an archive file says: enough to re-verify the file offline. */
export interface ArchiveHeader {
  format: typeof ARCHIVE_FORMAT;
  version: 1;
  anchorId: string;
  fromSeq: number;
  toSeq: number;
  count: number;
  /** the hash the first archived row chains from (the previous anchor's, or 64 zeros) */
  previousHash: string;
  /** every archived event is older than this, ISO 8601 */
  archivedBefore: string;
  createdAt: string;
  createdBy: string;
  /** how each row's hash is computed, for a verifier that has only this file */
  hashRule: string;
}

const HASH_RULE =
  'hash = SM3(previous hash || JSON.stringify([seq, id, at, actor, roles, ip, user_agent, event_type, target_type, target_id, result, error_code, details])), lower-case hex (GB/T 32905)';

/**
 * An archive file: JSON Lines, UTF-8, `\n`-terminated. Line 1 is the {@link ArchiveHeader}; each
 * further line is one event with every column of `audit_event` under its column name, values
 * exactly as stored (`at` in epoch ms, `roles` comma-separated, `details` as its JSON text), so
 * the chain in the file can be recomputed without the database.
 */
export function archiveFile(header: Omit<ArchiveHeader, 'format' | 'version' | 'hashRule'>, rows: readonly AuditRow[]): Buffer {
  const lines = [JSON.stringify({ format: ARCHIVE_FORMAT, version: 1, ...header, hashRule: HASH_RULE } satisfies ArchiveHeader)];
  for (const r of rows) {
    lines.push(
      JSON.stringify({
        seq: r.seq,
        id: r.id,
        at: r.at,
        actor: r.actor,
        roles: r.roles,
        ip: r.ip,
        user_agent: r.userAgent,
        event_type: r.eventType,
        target_type: r.targetType,
        target_id: r.targetId,
        result: r.result,
        error_code: r.errorCode,
        details: r.details,
        hash: r.hash,
      }),
    );
  }
  return Buffer.from(`${lines.join('\n')}\n`, 'utf8');
}

/**
 * The rows of an archive file, in file order; a line that is not a well-formed row is `null` (the
 * verifier names the place). The header line is skipped.
 */
export function archiveRows(bytes: Buffer): (AuditRow | null)[] {
  const lines = bytes.toString('utf8').split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.slice(1).map(rowOfLine);
}

function rowOfLine(line: string): AuditRow | null {
  let v: Record<string, unknown>;
  try {
    v = JSON.parse(line) as Record<string, unknown>;
  } catch {
    // an edited line that is no longer JSON: the verifier names its place
    return null;
  }
  if (v === null || typeof v !== 'object') return null;
  const str = (x: unknown) => (typeof x === 'string' ? x : null);
  const num = (x: unknown) => (typeof x === 'number' ? x : NaN);
  return {
    seq: num(v.seq),
    id: str(v.id) ?? '',
    at: num(v.at),
    actor: str(v.actor) ?? '',
    roles: str(v.roles) ?? '',
    ip: str(v.ip),
    userAgent: str(v.user_agent),
    eventType: str(v.event_type) ?? '',
    targetType: str(v.target_type),
    targetId: str(v.target_id),
    result: str(v.result) ?? '',
    errorCode: str(v.error_code),
    details: str(v.details) ?? '',
    hash: str(v.hash) ?? '',
  };
}
