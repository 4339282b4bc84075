import { DOCUMENT, Injectable, inject } from '@angular/core';
import { AuthService } from '../../core/auth/auth.service';

/** Prefix of every draft key in localStorage: `liuzhuan.draft.<user>.<scope>`. */
export const DRAFT_PREFIX = 'liuzhuan.draft.';
/** Drafts older than this are dropped when read: a week-old opinion is no longer what one meant. */
export const DRAFT_MAX_AGE_MS = 7 * 24 * 3600_000;

interface Stored {
  text: string;
  savedAt: number;
}

/**
 * Unsent text kept on this computer (localStorage) per user and scope — a task's opinion
 * (`task:<id>:opinion`), a form field — so that a reload or a crash loses nothing. Cleared when
 * the text is submitted. Only the signed-in user's own drafts are read; signing in as someone
 * else on a shared PC shows none of them.
 */
@Injectable({ providedIn: 'root' })
export class DraftStore {
  private readonly auth = inject(AuthService);
  private readonly storage = inject(DOCUMENT).defaultView?.localStorage ?? null;

  private key(scope: string): string | null {
    const user = this.auth.user()?.username;
    return user ? `${DRAFT_PREFIX}${user}.${scope}` : null;
  }

  /** The kept text, or null when there is none (or it is too old). */
  read(scope: string, now = Date.now()): string | null {
    const key = this.key(scope);
    const raw = key ? this.storage?.getItem(key) : null;
    if (!key || !raw) return null;
    try {
      const stored = JSON.parse(raw) as Partial<Stored>;
      if (typeof stored.text !== 'string' || typeof stored.savedAt !== 'number' || now - stored.savedAt > DRAFT_MAX_AGE_MS) {
        this.storage?.removeItem(key);
        return null;
      }
      return stored.text;
    } catch {
      // a damaged entry (edited by hand) is no draft
      this.storage?.removeItem(key);
      return null;
    }
  }

  /** Keeps the text; an empty text removes the draft. */
  write(scope: string, text: string, now = Date.now()): void {
    const key = this.key(scope);
    if (!key || !this.storage) return;
    if (!text.trim()) {
      this.storage.removeItem(key);
      return;
    }
    try {
      this.storage.setItem(key, JSON.stringify({ text, savedAt: now } satisfies Stored));
    } catch {
      // storage full or disabled (private mode): the text stays on the page, just not kept
    }
  }

  clear(scope: string): void {
    const key = this.key(scope);
    if (key) this.storage?.removeItem(key);
  }

  /** Clears every draft of one task (its opinion and its form fields), after it was submitted. */
  clearTask(taskId: string): void {
    const prefix = this.key(`task:${taskId}:`);
    if (!prefix || !this.storage) return;
    const keys: string[] = [];
    for (let i = 0; i < this.storage.length; i++) {
      const k = this.storage.key(i);
      if (k?.startsWith(prefix)) keys.push(k);
    }
    for (const k of keys) this.storage.removeItem(k);
  }

  /** Whether the user has unsent text kept under this scope prefix (a task's drafts). */
  hasAny(prefixScope: string): boolean {
    const prefix = this.key(prefixScope);
    if (!prefix || !this.storage) return false;
    for (let i = 0; i < this.storage.length; i++) if (this.storage.key(i)?.startsWith(prefix)) return true;
    return false;
  }
}

/** The draft scope of a task's field: `task:<id>:<field>`. */
export const taskDraftScope = (taskId: string, field: string) => `task:${taskId}:${field}`;
