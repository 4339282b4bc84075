import type { SessionWithUser } from './session.repository';

/** How long a session read from the database answers for its token without reading it again. */
export const SESSION_CACHE_MS = 2_000;
/** Entries at most; past this the oldest go first (one per token in use, so rarely reached). */
const MAX_ENTRIES = 20_000;

/**
 * The sessions this process read in the last {@link SESSION_CACHE_MS}, by token hash. A page
 * sends several requests at once and a clerk works through a list quickly: without this every
 * request reads the session, its user and roles again. Expiry and idle time are still checked
 * on every request against the cached times. In this process, a logout, a disabled user and
 * changed roles take effect at once (the entries are dropped); another API process sees them
 * within {@link SESSION_CACHE_MS}.
 */
export class SessionCache {
  private readonly entries = new Map<string, { found: SessionWithUser; until: number }>();

  constructor(private readonly ttlMs = SESSION_CACHE_MS) {}

  get(tokenHash: string, now: number): SessionWithUser | undefined {
    const entry = this.entries.get(tokenHash);
    if (!entry) return undefined;
    if (entry.until > now) return entry.found;
    this.entries.delete(tokenHash);
    return undefined;
  }

  set(tokenHash: string, found: SessionWithUser, now: number): void {
    if (this.entries.size >= MAX_ENTRIES) {
      for (const key of this.entries.keys()) {
        this.entries.delete(key);
        if (this.entries.size < MAX_ENTRIES / 2) break;
      }
    }
    this.entries.set(tokenHash, { found, until: now + this.ttlMs });
  }

  forgetSession(sessionId: string): void {
    for (const [key, entry] of this.entries) if (entry.found.session.id === sessionId) this.entries.delete(key);
  }

  forgetUser(userId: string): void {
    for (const [key, entry] of this.entries) if (entry.found.session.userId === userId) this.entries.delete(key);
  }

  /** Every entry: after changes that may touch many users (an organization renamed). */
  clear(): void {
    this.entries.clear();
  }
}
