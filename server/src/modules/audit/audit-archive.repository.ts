import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { sql } from '../../platform/database/table';
import type { Tx } from '../../platform/database/transaction-runner';
import { AUDIT_COLUMNS } from './audit-chain';
import type { AuditRow } from './audit-event';
import { rowFrom } from './audit.repository';

/** One row of `audit_anchor`, as stored. */
export interface AnchorRow {
  id: string;
  seq: number;
  hash: string;
  at: number;
  archivedFromSeq: number;
  archivedCount: number;
  archivedBefore: number;
  fileDigest: string;
  fileKey: string;
  fileName: string;
  fileSize: number;
  createdBy: string;
  createdAt: number;
}

const ANCHOR_COLUMNS =
  'id, seq, hash, at, archived_from_seq, archived_count, archived_before, file_digest, file_key, file_name, file_size, created_by, created_at';

/**
 * The archive side of the audit trail: the chain anchors (`audit_anchor`, append-only) and the
 * ONE statement in the product that deletes audit events — {@link deleteArchived}, run only by
 * the archive (audit-archive.service.ts) in the unit that writes the anchor naming the archive
 * file those events were written to first. Everything else reads (audit.repository.ts) or
 * appends (audit-chain.ts).
 */
@Injectable()
export class AuditArchiveRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** The anchor the remaining chain starts from (the highest seq), as committed — or as the unit sees it. */
  async latest(m: EntityManager = this.ds.manager): Promise<AnchorRow | null> {
    const { records } = await sql(m, `SELECT ${ANCHOR_COLUMNS} FROM audit_anchor ORDER BY seq DESC LIMIT 1`);
    return records[0] ? anchorFrom(records[0]) : null;
  }

  async byId(id: string): Promise<AnchorRow | null> {
    const { records } = await sql(this.ds.manager, `SELECT ${ANCHOR_COLUMNS} FROM audit_anchor WHERE id = ?`, [id]);
    return records[0] ? anchorFrom(records[0]) : null;
  }

  /** The anchor that closes at `seq` (the one before an archive that starts at seq + 1). */
  async endingAt(seq: number): Promise<AnchorRow | null> {
    const { records } = await sql(this.ds.manager, `SELECT ${ANCHOR_COLUMNS} FROM audit_anchor WHERE seq = ?`, [seq]);
    return records[0] ? anchorFrom(records[0]) : null;
  }

  /** Every anchor, newest first. */
  async list(): Promise<AnchorRow[]> {
    const { records } = await sql(this.ds.manager, `SELECT ${ANCHOR_COLUMNS} FROM audit_anchor ORDER BY seq DESC`);
    return records.map(anchorFrom);
  }

  /** Events with seq > `after`, in chain order, read in the archiving unit. */
  async eventsAfter(m: EntityManager, after: number, size: number): Promise<AuditRow[]> {
    const { records } = await sql(m, `SELECT ${AUDIT_COLUMNS} FROM audit_event WHERE seq > ? ORDER BY seq LIMIT ?`, [after, size]);
    return records.map(rowFrom);
  }

  /** Queues the anchor's INSERT with the unit's COMMIT; a second archive of the same events fails on `archived_from_seq`. */
  insert(tx: Tx, a: AnchorRow): void {
    tx.writes.add(`INSERT INTO audit_anchor (${ANCHOR_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, [
      a.id,
      a.seq,
      a.hash,
      a.at,
      a.archivedFromSeq,
      a.archivedCount,
      a.archivedBefore,
      a.fileDigest,
      a.fileKey,
      a.fileName,
      a.fileSize,
      a.createdBy,
      a.createdAt,
    ]);
  }

  /**
   * The exception to "no statement deletes an audit event": removes the archived events
   * `fromSeq` … `toSeq`, in the unit that inserts their anchor (after their file is written and
   * synced). Never call it from anywhere else.
   */
  deleteArchived(tx: Tx, fromSeq: number, toSeq: number): void {
    tx.writes.add('DELETE FROM audit_event WHERE seq >= ? AND seq <= ?', [fromSeq, toSeq]);
  }
}

function anchorFrom(r: Record<string, unknown>): AnchorRow {
  return {
    id: String(r.id),
    seq: Number(r.seq),
    hash: String(r.hash),
    at: Number(r.at),
    archivedFromSeq: Number(r.archived_from_seq),
    archivedCount: Number(r.archived_count),
    archivedBefore: Number(r.archived_before),
    fileDigest: String(r.file_digest),
    fileKey: String(r.file_key),
    fileName: String(r.file_name),
    fileSize: Number(r.file_size),
    createdBy: String(r.created_by),
    createdAt: Number(r.created_at),
  };
}
