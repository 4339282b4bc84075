import { type AuditRow, chainHash } from './audit-event';

/** What a check of a stretch of the chain found (the verification answer without its anchor). */
export interface ChainCheckResult {
  ok: boolean;
  checked: number;
  firstBrokenSeq?: number;
  firstBrokenId?: string;
}

/**
 * Checks a stretch of the hash chain row by row, in seq order: the rows must run `fromSeq`,
 * `fromSeq + 1` … without a gap, and each stored hash must be SM3(previous hash ‖ canonical
 * form). Used on the stored rows (from the last anchor) and on an archive file (from the previous
 * anchor). It stops at the first row that fails and names it; a missing row is named by its seq.
 */
export class ChainCheck {
  private previous: string;
  private expected: number;
  private checked = 0;
  private broken: { seq: number; id?: string } | null = null;

  constructor(fromSeq: number, previousHash: string) {
    this.expected = fromSeq;
    this.previous = previousHash;
  }

  /** Adds the next row; false once the chain is broken (later rows are ignored). */
  add(row: AuditRow): boolean {
    if (this.broken) return false;
    if (row.seq !== this.expected) {
      this.broken = { seq: this.expected };
      return false;
    }
    const { hash, ...rest } = row;
    if (chainHash(this.previous, rest) !== hash) {
      this.broken = { seq: row.seq, id: row.id };
      return false;
    }
    this.previous = hash;
    this.expected += 1;
    this.checked += 1;
    return true;
  }

  /** Marks the row expected next as unreadable (an archive line that is not a row). */
  breakHere(): void {
    if (!this.broken) this.broken = { seq: this.expected };
  }

  /**
   * The outcome, given where the stretch must end: `lastSeq` and `lastHash` (the chain's head, or
   * the anchor that closes an archive). Rows missing at the end, or an end that no longer names
   * the last row, break it.
   */
  end(lastSeq: number, lastHash: string): ChainCheckResult {
    if (!this.broken && this.expected - 1 !== lastSeq) this.broken = { seq: this.expected };
    if (!this.broken && this.previous !== lastHash) this.broken = { seq: lastSeq };
    if (!this.broken) return { ok: true, checked: this.checked };
    return {
      ok: false,
      checked: this.checked,
      firstBrokenSeq: this.broken.seq,
      ...(this.broken.id ? { firstBrokenId: this.broken.id } : {}),
    };
  }
}
