import { HttpContext } from '@angular/common/http';
import { Injectable, Pipe, PipeTransform, inject, signal } from '@angular/core';
import { ContractApi } from '../core/api/contract-api.service';
import { SKIP_ERROR_MESSAGE } from '../core/http/http-context';

const USERNAME = /^[a-z][a-z0-9_.-]{1,31}$/;

/** What stands for a name still being looked up. */
export const NAME_PENDING = '…';

/**
 * Display names (张晓明) for the usernames (clerk) the runtime API returns, looked up once per
 * username through the user search and kept for the session. Until the answer arrives a neutral
 * {@link NAME_PENDING} is shown, never the username (a login name flashing before the person's
 * name reads as a raw id); a name the search does not know, or a failed search, shows the username.
 */
@Injectable({ providedIn: 'root' })
export class UserNames {
  private readonly api = inject(ContractApi);
  private readonly names = signal<ReadonlyMap<string, string>>(new Map());
  private readonly asked = new Set<string>();

  name(username: string | null | undefined): string {
    if (!username) return '';
    const known = this.names().get(username);
    if (known) return known;
    if (!USERNAME.test(username)) return username;
    if (!this.asked.has(username)) this.lookUp(username);
    return NAME_PENDING;
  }

  private lookUp(username: string): void {
    this.asked.add(username);
    const context = new HttpContext().set(SKIP_ERROR_MESSAGE, true);
    this.api.call('GET /users', { query: { q: username, limit: 20 }, context }).subscribe({
      next: (list) => {
        const user = list.items.find((u) => u.username === username);
        this.names.update((names) => new Map(names).set(username, user?.displayName || username));
      },
      // the username then stands for the name; nothing else depends on the display name
      error: () => this.names.update((names) => new Map(names).set(username, username)),
    });
  }
}

/** `{{ task.assignee | userName }}` → 张晓明; impure because the name arrives later. */
@Pipe({ name: 'userName', pure: false })
export class UserNamePipe implements PipeTransform {
  private readonly names = inject(UserNames);

  transform(username: string | null | undefined): string {
    return this.names.name(username);
  }
}
