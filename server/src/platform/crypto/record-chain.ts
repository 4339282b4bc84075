import { sm3Hex } from './sm3';

/** The previous hash of a chain's first link: 64 zeros. */
export const CHAIN_GENESIS = '0'.repeat(64);

/**
 * One link of a per-record SM3 chain (GB/T 32905): SM3(previous link's hash ‖ canonical form),
 * lower-case hex. The canonical form is the JSON array of the row's stored values in a fixed
 * order; `previous` null starts the chain (64 zeros).
 */
export function chainLink(previous: string | null, canonical: readonly unknown[]): string {
  return sm3Hex((previous ?? CHAIN_GENESIS) + JSON.stringify(canonical));
}

/**
 * A string as a UTF-8 column gives it back: lone surrogates become U+FFFD (the drivers encode
 * them so), so what is hashed is exactly what is stored.
 */
export function storable(value: string): string {
  return value.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/** Where a chain walk stopped: the first position that is missing or no longer matches. */
export interface BrokenLink {
  seq: number;
  /** the row's own id, when it has one and it exists */
  id?: string;
}

/**
 * Walks one chain in order, from its stored rows: rows with no hash before the first hashed one
 * are legacy (written before the chain existed) and counted, not checked; from the first hashed
 * row on, every row must be present (positions run on without a gap) and carry
 * SM3(previous hash ‖ its canonical form). {@link end} compares the head the owning row keeps.
 */
export class ChainWalk {
  legacy = 0;
  checked = 0;
  broken: BrokenLink | null = null;
  private previous: string | null = null;
  private lastSeq: number | null = null;
  private started = false;

  /** One row; false once the chain is broken (the caller stops). */
  step(seq: number | null, hash: string | null, canonical: () => readonly unknown[], id?: string): boolean {
    if (this.broken) return false;
    if (hash === null && !this.started) {
      this.legacy += 1;
      if (seq !== null) this.lastSeq = seq;
      return true;
    }
    const expected = (this.lastSeq ?? 0) + 1;
    if (seq !== null && seq > expected) return this.breakAt({ seq: expected });
    if (hash === null || seq !== expected || hash !== chainLink(this.previous, canonical()))
      return this.breakAt({ seq: seq ?? expected, id });
    this.started = true;
    this.previous = hash;
    this.lastSeq = seq;
    this.checked += 1;
    return true;
  }

  /**
   * After the last row: the owner's head (its last position and hash) must name the last row
   * walked. A head past it means rows were removed at the end; a hash that differs, that the
   * last row (or the head) was changed.
   */
  end(headSeq: number, headHash: string | null, lastId?: string): void {
    if (this.broken) return;
    const last = this.lastSeq ?? 0;
    if (headSeq > last) this.breakAt({ seq: last + 1 });
    else if (this.started && headHash !== this.previous) this.breakAt({ seq: last, id: lastId });
  }

  private breakAt(link: BrokenLink): false {
    this.broken = link;
    return false;
  }
}
