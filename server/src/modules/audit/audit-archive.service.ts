import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuditAnchor, AuditAnchorList, AuditArchiveResult, AuditVerification, SessionUser } from '@liuzhuan/contracts';
import { APP_CONFIG, type AppConfig } from '../../platform/config/config';
import { sm3Hex } from '../../platform/crypto/sm3';
import { isDuplicateKey } from '../../platform/database/driver-error';
import { TransactionRunner } from '../../platform/database/transaction-runner';
import { newId } from '../../platform/ids/ids';
import { FILE_STORAGE, type FileStorage } from '../../platform/storage/file-storage';
import { AuditAccess } from './audit-access';
import { archiveFile, archiveRows } from './audit-archive-file';
import { type AnchorRow, AuditArchiveRepository } from './audit-archive.repository';
import { ChainCheck } from './audit-chain-check';
import { type AuditContext, type AuditEventInput, type AuditRow, GENESIS_HASH } from './audit-event';
import { AuditErrors } from './audit.errors';
import { AuditTrail } from './audit-trail.service';

const DAY_MS = 86_400_000;
/** Events read per round trip while archiving. */
const PAGE = 1000;
/** At most this many events go into one archive file (about 50 MB); the answer says when older ones remain. */
export const MAX_ARCHIVED = 100_000;
/** The file store's folder for audit archives (keys: `audit-archive/<anchor id>.jsonl`). */
const FOLDER = 'audit-archive';

/**
 * Retention and archiving (网络安全法 §21: network logs kept at least six months). The 安全审计员
 * moves the events older than a cut-off — never one younger than the retention period — from the
 * start of the chain to an archive file, and an anchor row keeps the last archived event's seq and
 * hash so that the remaining chain verifies from there. Every archive file can be re-read and
 * re-verified against its anchor.
 */
@Injectable()
export class AuditArchiver {
  constructor(
    private readonly anchors: AuditArchiveRepository,
    private readonly trail: AuditTrail,
    private readonly access: AuditAccess,
    private readonly tx: TransactionRunner,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * One unit: reads the events after the last anchor that are older than `before` (stopping at
   * the first that is not, or at {@link MAX_ARCHIVED}), checks their chain, writes them to a file
   * that is synced before anything else happens, then inserts the anchor, deletes the events and
   * records `audit.archive` — all with one COMMIT. When the unit does not commit, its file is
   * removed; a process that dies between the file and the COMMIT leaves a file no anchor names,
   * which nothing reads (harmless; docs/audit.md).
   */
  async archive(user: SessionUser, context: AuditContext, before: string): Promise<AuditArchiveResult> {
    await this.access.auditorOnly(user, context, 'audit.archive');
    const event: AuditEventInput = { type: 'audit.archive', targetType: 'audit_anchor', details: { before } };
    return this.trail.failureRecorded(context, event, async () => {
      const cutoff = Date.parse(before);
      const retentionDays = this.config.audit.retentionDays;
      const latest = Date.now() - retentionDays * DAY_MS;
      if (cutoff > latest) throw AuditErrors.retention(retentionDays, latest);
      const written: string[] = [];
      try {
        const done = await this.tx.run(async (tx) => {
          const previous = await this.anchors.latest(tx.manager);
          const { rows, more } = await this.olderThan(tx.manager, previous, cutoff);
          const last = rows[rows.length - 1];
          const id = newId();
          const createdAt = Date.now();
          const fileName = `audit-archive-${rows[0].seq}-${last.seq}.jsonl`;
          const bytes = archiveFile(
            {
              anchorId: id,
              fromSeq: rows[0].seq,
              toSeq: last.seq,
              count: rows.length,
              previousHash: previous?.hash ?? GENESIS_HASH,
              archivedBefore: new Date(cutoff).toISOString(),
              createdAt: new Date(createdAt).toISOString(),
              createdBy: context.actor,
            },
            rows,
          );
          const anchor: AnchorRow = {
            id,
            seq: last.seq,
            hash: last.hash,
            at: last.at,
            archivedFromSeq: rows[0].seq,
            archivedCount: rows.length,
            archivedBefore: cutoff,
            fileDigest: sm3Hex(bytes),
            fileKey: `${FOLDER}/${id}.jsonl`,
            fileName,
            fileSize: bytes.length,
            createdBy: context.actor,
            createdAt,
          };
          written.push(anchor.fileKey);
          // written and synced before the unit's statements go out (LocalFileStorage.put fsyncs)
          await this.storage.put(anchor.fileKey, bytes);
          this.anchors.insert(tx, anchor);
          this.anchors.deleteArchived(tx, anchor.archivedFromSeq, anchor.seq);
          this.trail.record(tx, context, {
            ...event,
            targetId: id,
            details: {
              before,
              fromSeq: anchor.archivedFromSeq,
              toSeq: anchor.seq,
              count: anchor.archivedCount,
              fileDigest: anchor.fileDigest,
              more,
            },
          });
          return { anchor, more };
        });
        // an attempt retried after a deadlock left a file of its own
        for (const key of written) if (key !== done.anchor.fileKey) await this.storage.delete(key);
        return { anchor: toAnchor(done.anchor), more: done.more };
      } catch (error) {
        // nothing committed: no anchor names these files
        for (const key of written) await this.storage.delete(key);
        if (isDuplicateKey(error)) throw AuditErrors.conflict();
        throw error;
      }
    });
  }

  /** Every anchor, newest first (no event content: the security admin may list them too). */
  async list(user: SessionUser, context: AuditContext): Promise<AuditAnchorList> {
    await this.access.scopeOf(user, context, 'audit.anchor.list');
    const anchors = await this.anchors.list();
    await this.trail.recordAlone(context, { type: 'audit.anchor.list', details: { total: anchors.length } });
    return { items: anchors.map(toAnchor), retentionDays: this.config.audit.retentionDays };
  }

  /** An anchor's archive file, for the auditor only: it holds the archived events themselves. */
  async download(user: SessionUser, context: AuditContext, id: string): Promise<{ bytes: Buffer; anchor: AuditAnchor }> {
    await this.access.auditorOnly(user, context, 'audit.anchor.download');
    const event: AuditEventInput = { type: 'audit.anchor.download', targetType: 'audit_anchor', targetId: id };
    return this.trail.failureRecorded(context, event, async () => {
      const anchor = await this.anchors.byId(id);
      if (!anchor) throw AuditErrors.anchorNotFound();
      const bytes = await this.storage.get(anchor.fileKey);
      if (!bytes) throw AuditErrors.fileMissing();
      await this.trail.recordAlone(context, { ...event, details: { fileName: anchor.fileName, fileDigest: sm3Hex(bytes) } });
      return { bytes, anchor: toAnchor(anchor) };
    });
  }

  /**
   * Re-reads an archive file: its SM3 digest must be the one its anchor recorded, and its rows
   * must chain from the previous anchor's hash (64 zeros for the first archive) to this anchor's
   * seq and hash, without a gap. A missing file fails with nothing checked.
   */
  async verify(user: SessionUser, context: AuditContext, id: string): Promise<AuditVerification> {
    await this.access.scopeOf(user, context, 'audit.anchor.verify');
    const event: AuditEventInput = { type: 'audit.anchor.verify', targetType: 'audit_anchor', targetId: id };
    return this.trail.failureRecorded(context, event, async () => {
      const anchor = await this.anchors.byId(id);
      if (!anchor) throw AuditErrors.anchorNotFound();
      const result = await this.checkFile(anchor);
      await this.trail.recordAlone(context, {
        ...event,
        result: result.ok ? 'success' : 'failure',
        errorCode: result.ok ? null : 'AUDIT_CHAIN_BROKEN',
        details: { ...result },
      });
      return result;
    });
  }

  private async checkFile(anchor: AnchorRow): Promise<AuditVerification> {
    const fromSeq = anchor.archivedFromSeq;
    const named = { fromSeq, anchorId: anchor.id, anchorAt: new Date(anchor.createdAt).toISOString() };
    const bytes = await this.storage.get(anchor.fileKey);
    if (!bytes) return { ok: false, checked: 0, firstBrokenSeq: fromSeq, ...named, digestOk: false };
    const digestOk = sm3Hex(bytes) === anchor.fileDigest;
    // the previous anchor fixes where this file's chain starts; without it the first row cannot be checked
    const previous = fromSeq === 1 ? null : await this.anchors.endingAt(fromSeq - 1);
    const check = new ChainCheck(fromSeq, fromSeq === 1 ? GENESIS_HASH : (previous?.hash ?? ''));
    for (const row of archiveRows(bytes)) {
      if (row === null) check.breakHere();
      if (row === null || !check.add(row)) break;
    }
    const chain = check.end(anchor.seq, anchor.hash);
    return { ...chain, ok: chain.ok && digestOk, ...named, digestOk };
  }

  /**
   * The events after `previous` older than `cutoff`, in chain order, their chain checked from the
   * anchor: refused when there is none, or when they do not verify (an archive must not carry a
   * broken stretch away under a fresh anchor).
   */
  private async olderThan(m: EntityManager, previous: AnchorRow | null, cutoff: number): Promise<{ rows: AuditRow[]; more: boolean }> {
    const check = new ChainCheck((previous?.seq ?? 0) + 1, previous?.hash ?? GENESIS_HASH);
    const rows: AuditRow[] = [];
    let more = false;
    let after = previous?.seq ?? 0;
    read: for (;;) {
      const page = await this.anchors.eventsAfter(m, after, PAGE);
      for (const row of page) {
        if (row.at >= cutoff) break read;
        if (rows.length === MAX_ARCHIVED) {
          more = true;
          break read;
        }
        if (!check.add(row)) throw AuditErrors.chainBroken(check.end(row.seq, row.hash));
        rows.push(row);
      }
      if (page.length < PAGE) break;
      after = page[page.length - 1].seq;
    }
    if (!rows.length) throw AuditErrors.nothingToArchive();
    return { rows, more };
  }
}

function toAnchor(a: AnchorRow): AuditAnchor {
  return {
    id: a.id,
    seq: a.seq,
    hash: a.hash,
    at: new Date(a.at).toISOString(),
    archivedFromSeq: a.archivedFromSeq,
    archivedCount: a.archivedCount,
    archivedBefore: new Date(a.archivedBefore).toISOString(),
    fileDigest: a.fileDigest,
    fileName: a.fileName,
    fileSize: a.fileSize,
    createdBy: a.createdBy,
    createdAt: new Date(a.createdAt).toISOString(),
  };
}
