import { HttpClient, HttpContext, HttpErrorResponse, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CcCopy,
  CcList,
  Circulation,
  CirculationList,
  CompletedTask,
  HistoryEvent,
  Instance,
  InstanceList,
  Job,
  Task,
  TaskList,
} from '@liuzhuan/contracts';
import { Observable, catchError, map, of, throwError } from 'rxjs';
import { SKIP_ERROR_MESSAGE } from '../core/http/http-context';

export type InstanceStatus = Instance['status'];

/** A user as the pickers show them (GET /api/users?q=). */
export interface PickedUser {
  username: string;
  displayName: string;
  position?: string | null;
}

export interface ReturnTarget {
  elementId: string;
  name: string | null;
  completedBy?: string | null;
  default?: boolean;
}

/** An opinion as GET /api/instances/:id/opinions lists it (authorLabel carries "B（代A）"). */
export interface OpinionItem {
  taskId: string | null;
  elementId: string | null;
  authorLabel: string;
  kind: string;
  text: string;
  createdAt: string;
}

export interface Phrase {
  id?: string;
  text: string;
  scope: 'personal' | 'org';
}

/**
 * The approval operations a task page can offer, named as GET /api/tasks/:id/actions names them
 * (libs/contracts approvals: TASK_ACTIONS). Each is `POST /api/tasks/:id/<name>`; `needs` is what
 * its form asks for before sending: `reason` must be filled, `note` may be.
 */
export const TASK_OPERATIONS = {
  return: ['target', 'reason'],
  reject: ['reason'],
  withdraw: ['note'],
  transfer: ['user', 'note'],
  delegate: ['user', 'note'],
  resolve: [],
  'add-signers': ['users', 'position', 'note'],
  'remove-signers': ['users', 'note'],
  urge: ['reason'],
  cc: ['users', 'note'],
  reassign: ['user', 'reason'],
} as const satisfies Record<string, readonly OperationInput[]>;
export type OperationInput = 'target' | 'reason' | 'note' | 'user' | 'users' | 'position';
export type TaskOperation = keyof typeof TASK_OPERATIONS;

/** Only the caller shows the error; a 401 still leads to the sign-in page. */
const OWN_ERRORS = () => new HttpContext().set(SKIP_ERROR_MESSAGE, true);

function isMissingRoute(error: unknown): boolean {
  return (
    error instanceof HttpErrorResponse &&
    (error.status === 404 || error.status === 405) &&
    !/_NOT_FOUND$/.test(String(error.error?.code ?? ''))
  );
}

/** The runtime and approval API used by the inbox, the task page and the monitor. */
@Injectable({ providedIn: 'root' })
export class WorkflowApiService {
  private readonly http = inject(HttpClient);

  tasks(query: {
    assignee?: 'me';
    candidate?: 'me';
    status?: Task['status'];
    instanceId?: string;
    limit?: number;
    offset?: number;
  }): Observable<TaskList> {
    let params = new HttpParams();
    for (const [key, value] of Object.entries(query)) if (value !== undefined) params = params.set(key, String(value));
    return this.http.get<TaskList>('/api/tasks', { params });
  }

  task(id: string): Observable<Task> {
    return this.http.get<Task>(`/api/tasks/${encodeURIComponent(id)}`, { context: OWN_ERRORS() });
  }

  complete(
    id: string,
    body: { opinion?: string | { text: string; kind?: string; approve?: boolean }; outcome?: string; variables?: Record<string, unknown> },
  ): Observable<CompletedTask> {
    return this.http.post<CompletedTask>(`/api/tasks/${encodeURIComponent(id)}/complete`, body, { context: OWN_ERRORS() });
  }

  claim(id: string): Observable<Task> {
    return this.http.post<Task>(`/api/tasks/${encodeURIComponent(id)}/claim`, {}, { context: OWN_ERRORS() });
  }

  /** The operations this user may do on the task now; null when the server does not say (no route yet). */
  actions(id: string): Observable<string[] | null> {
    return this.http.get<unknown>(`/api/tasks/${encodeURIComponent(id)}/actions`, { context: OWN_ERRORS() }).pipe(
      map((body) => namesOf(body)),
      catchError((error: unknown) => (isMissingRoute(error) ? of(null) : throwError(() => error))),
    );
  }

  /** Visited steps a task can be returned to, nearest first; `default` is the one to preselect. */
  returnTargets(id: string): Observable<ReturnTarget[]> {
    return this.http
      .get<unknown>(`/api/tasks/${encodeURIComponent(id)}/return-targets`, { context: OWN_ERRORS() })
      .pipe(map((body) => itemsOf<ReturnTarget>(body)));
  }

  operate(id: string, operation: TaskOperation, body: Record<string, unknown>): Observable<unknown> {
    return this.http.post(`/api/tasks/${encodeURIComponent(id)}/${operation}`, body, { context: OWN_ERRORS() });
  }

  /** 常用语: personal and organization phrases; none when the server has no phrases yet. */
  phrases(): Observable<Phrase[]> {
    return this.http.get<unknown>('/api/phrases', { context: OWN_ERRORS() }).pipe(
      map((body) => itemsOf<Record<string, unknown>>(body).map(toPhrase)),
      catchError(() => of([])),
    );
  }

  savePhrase(text: string): Observable<unknown> {
    return this.http.post('/api/phrases', { text, scope: 'personal' }, { context: OWN_ERRORS() });
  }

  /** Opinions of an instance; null when the server has no opinions route yet (the history carries them). */
  opinions(instanceId: string): Observable<OpinionItem[] | null> {
    return this.http.get<unknown>(`/api/instances/${encodeURIComponent(instanceId)}/opinions`, { context: OWN_ERRORS() }).pipe(
      map((body) => itemsOf<OpinionItem>(body)),
      catchError((error: unknown) => (isMissingRoute(error) ? of(null) : throwError(() => error))),
    );
  }

  instances(query: {
    definitionKey?: string;
    status?: InstanceStatus;
    businessKey?: string;
    limit?: number;
    offset?: number;
  }): Observable<InstanceList> {
    let params = new HttpParams();
    for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '') params = params.set(key, String(value));
    return this.http.get<InstanceList>('/api/instances', { params });
  }

  instance(id: string): Observable<Instance> {
    return this.http.get<Instance>(`/api/instances/${encodeURIComponent(id)}`);
  }

  history(id: string): Observable<HistoryEvent[]> {
    return this.http.get<{ items: HistoryEvent[] }>(`/api/instances/${encodeURIComponent(id)}/history`).pipe(map((body) => body.items));
  }

  definitionXml(definitionId: string): Observable<string> {
    return this.http.get(`/api/definitions/${encodeURIComponent(definitionId)}/xml`, { responseType: 'text', context: OWN_ERRORS() });
  }

  definitionKeys(): Observable<string[]> {
    return this.http.get<{ items: { key: string }[] }>('/api/definitions').pipe(map((body) => body.items.map((d) => d.key)));
  }

  jobs(instanceId: string): Observable<Job[]> {
    return this.http.get<{ items: Job[] }>('/api/jobs', { params: { instanceId } }).pipe(map((body) => body.items));
  }

  runJob(id: string): Observable<Job> {
    return this.http.post<Job>(`/api/jobs/${encodeURIComponent(id)}/execute`, {}, { context: OWN_ERRORS() });
  }

  retryIncident(instanceId: string, incidentId: string): Observable<Instance> {
    return this.http.post<Instance>(
      `/api/instances/${encodeURIComponent(instanceId)}/incidents/${encodeURIComponent(incidentId)}/retry`,
      {},
      { context: OWN_ERRORS() },
    );
  }

  /** 流程干预: end the instance (audited, reason required). */
  terminateInstance(instanceId: string, reason: string): Observable<Instance> {
    return this.http.post<Instance>(`/api/instances/${encodeURIComponent(instanceId)}/terminate`, { reason }, { context: OWN_ERRORS() });
  }

  /** 流程干预: move a task's token to a visited element (audited, reason required). */
  moveToken(instanceId: string, body: { taskId?: string; targetElementId: string; reason: string }): Observable<Instance> {
    return this.http.post<Instance>(`/api/instances/${encodeURIComponent(instanceId)}/move`, body, { context: OWN_ERRORS() });
  }

  searchUsers(q: string): Observable<PickedUser[]> {
    const params = new HttpParams().set('q', q.trim()).set('limit', '20');
    return this.http.get<unknown>('/api/users', { params }).pipe(map((body) => itemsOf<PickedUser>(body)));
  }

  /** Circulations (传阅) the user reads. */
  circulations(): Observable<Circulation[]> {
    return this.http.get<CirculationList>('/api/circulations', { params: { mine: 'true' } }).pipe(map((body) => body.items));
  }

  /** Copies sent to the user (抄送). */
  ccItems(): Observable<CcCopy[]> {
    return this.http.get<CcList>('/api/cc', { params: { mine: 'true' } }).pipe(map((body) => body.items));
  }
}

export function itemsOf<T>(body: unknown): T[] {
  if (Array.isArray(body)) return body as T[];
  const items = (body as { items?: unknown } | null)?.items;
  return Array.isArray(items) ? (items as T[]) : [];
}

/** `["complete", …]`, `{actions: [...]}` or `{items: [{name}]}` → names. */
export function namesOf(body: unknown): string[] {
  const list = Array.isArray(body)
    ? body
    : itemsOf<unknown>(body).length
      ? itemsOf<unknown>(body)
      : ((body as { actions?: unknown[] })?.actions ?? []);
  return list
    .map((a) =>
      typeof a === 'string' ? a : String((a as { name?: string; action?: string }).name ?? (a as { action?: string }).action ?? ''),
    )
    .filter(Boolean);
}

function toPhrase(raw: Record<string, unknown>): Phrase {
  const scope = raw['scope'] === 'organization' || raw['scope'] === 'org' ? 'org' : 'personal';
  return { id: raw['id'] as string | undefined, text: String(raw['text'] ?? ''), scope };
}
