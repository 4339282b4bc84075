import { HttpContext } from '@angular/common/http';
import { Injectable, Pipe, PipeTransform, inject, signal } from '@angular/core';
import type { Task } from '@liuzhuan/contracts';
import { ContractApi } from '../core/api/contract-api.service';
import { AuthService } from '../core/auth/auth.service';
import { SKIP_ERROR_MESSAGE } from '../core/http/http-context';
import { UserNames } from './user-names.service';

/**
 * The Chinese names of the groups (office-leaders → 市政府办公室领导) a task names its candidates
 * by, read once per session from `GET /api/org/groups` on the first name asked for (a new sign-in
 * reads them again). Until they arrive, and for a code the server does not know, the code is shown.
 */
@Injectable({ providedIn: 'root' })
export class GroupNames {
  private readonly api = inject(ContractApi);
  private readonly auth = inject(AuthService);
  private readonly names = signal<ReadonlyMap<string, string>>(new Map());
  /** the signed-in user the names were read for */
  private readFor: string | null = null;

  name(code: string | null | undefined): string {
    if (!code) return '';
    const session = this.auth.user()?.username ?? null;
    if (session && session !== this.readFor) this.read(session);
    return this.names().get(code) ?? code;
  }

  private read(session: string): void {
    this.readFor = session;
    const context = new HttpContext().set(SKIP_ERROR_MESSAGE, true);
    this.api.call('GET /org/groups', { context }).subscribe({
      next: (groups) => this.names.set(new Map(groups.map((g) => [g.id, g.name]))),
      // the codes stay on screen; nothing else depends on the names
      error: () => undefined,
    });
  }
}

/** `{{ code | groupName }}` → 市政府办公室文书; impure because the names arrive later. */
@Pipe({ name: 'groupName', pure: false })
export class GroupNamePipe implements PipeTransform {
  private readonly names = inject(GroupNames);

  transform(code: string | null | undefined): string {
    return this.names.name(code);
  }
}

/** Who may take an unassigned task, by name: 张晓明、市政府办公室领导. */
export function candidateNames(task: Pick<Task, 'candidateUsers' | 'candidateGroups'>, users: UserNames, groups: GroupNames): string {
  return [...task.candidateUsers.map((u) => users.name(u)), ...task.candidateGroups.map((g) => groups.name(g))].join('、');
}

/** `{{ task | candidateNames }}`; impure because the names arrive later. */
@Pipe({ name: 'candidateNames', pure: false })
export class CandidateNamesPipe implements PipeTransform {
  private readonly users = inject(UserNames);
  private readonly groups = inject(GroupNames);

  transform(task: Pick<Task, 'candidateUsers' | 'candidateGroups'>): string {
    return candidateNames(task, this.users, this.groups);
  }
}
