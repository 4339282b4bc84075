import { HttpContext } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CcCopy,
  Circulation,
  CompleteTask,
  CompletedTask,
  HistoryEvent,
  Instance,
  InstanceList,
  InstanceQuery,
  Job,
  Org,
  Task,
  TaskList,
  TaskQuery,
} from '@liuzhuan/contracts';
import { Observable, map } from 'rxjs';
import { ContractApi } from '../core/api/contract-api.service';
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

/** The runtime and approval API used by the inbox, the task page and the monitor. */
@Injectable({ providedIn: 'root' })
export class WorkflowApiService {
  private readonly api = inject(ContractApi);

  /** Tasks, filtered, searched and paged by the server (the inbox's 待办 and 已办). */
  tasks(query: Partial<TaskQuery>): Observable<TaskList> {
    return this.api.call('GET /tasks', { query });
  }

  task(id: string): Observable<Task> {
    return this.api.call('GET /tasks/:id', { params: { id }, context: OWN_ERRORS() });
  }

  complete(
    id: string,
    body: {
      opinion?: string | { text: string; kind?: string; approve?: boolean };
      outcome?: string;
      variables?: Record<string, unknown>;
      /** 选择下一步办理人: element id → chosen usernames */
      nextAssignees?: Record<string, string[]>;
    },
  ): Observable<CompletedTask> {
    // form values are JSON by construction; the server validates them against the contract
    return this.api.call('POST /tasks/:id/complete', { params: { id }, body: body as CompleteTask, context: OWN_ERRORS() });
  }

  claim(id: string): Observable<Task> {
    return this.api.call('POST /tasks/:id/claim', { params: { id }, body: {}, context: OWN_ERRORS() });
  }

  /** The operations this user may do on the task now. */
  actions(id: string): Observable<string[]> {
    return this.api.call('GET /tasks/:id/actions', { params: { id }, context: OWN_ERRORS() }).pipe(map((body) => body.items));
  }

  /** Visited steps a task can be returned to, nearest first; `default` is the one to preselect. */
  returnTargets(id: string): Observable<ReturnTarget[]> {
    return this.api.call('GET /tasks/:id/return-targets', { params: { id }, context: OWN_ERRORS() }).pipe(map((body) => body.items));
  }

  operate(id: string, operation: TaskOperation, body: Record<string, unknown>): Observable<unknown> {
    // every operation is a contract route `POST /tasks/:id/<operation>`; the form built its body
    const route = `POST /tasks/:id/${operation}` as const;
    return this.api.call(route as 'POST /tasks/:id/urge', { params: { id }, body: body as never, context: OWN_ERRORS() });
  }

  /** 常用语: personal and organization phrases. */
  phrases(): Observable<Phrase[]> {
    return this.api
      .call('GET /phrases', { context: OWN_ERRORS() })
      .pipe(map((body) => body.items.map((p) => ({ id: p.id, text: p.text, scope: p.scope === 'organization' ? 'org' : 'personal' }))));
  }

  savePhrase(text: string): Observable<unknown> {
    return this.api.call('POST /phrases', { body: { text, scope: 'personal' }, context: OWN_ERRORS() });
  }

  /** The opinions of an instance (authorLabel carries the 代理 marker). */
  opinions(instanceId: string): Observable<OpinionItem[]> {
    return this.api
      .call('GET /instances/:id/opinions', { params: { id: instanceId }, context: OWN_ERRORS() })
      .pipe(map((body) => body.items));
  }

  /** `quiet`: the caller shows its own error state (no message from the interceptor). */
  instances(query: Partial<InstanceQuery>, quiet = false): Observable<InstanceList> {
    return this.api.call('GET /instances', quiet ? { query, context: OWN_ERRORS() } : { query });
  }

  instance(id: string): Observable<Instance> {
    return this.api.call('GET /instances/:id', { params: { id } });
  }

  history(id: string): Observable<HistoryEvent[]> {
    return this.api.call('GET /instances/:id/history', { params: { id } }).pipe(map((body) => body.items));
  }

  definitionXml(definitionId: string): Observable<string> {
    return this.api.text('GET /definitions/:id/xml', { params: { id: definitionId }, context: OWN_ERRORS() });
  }

  /** The deployed processes, one per key (the latest version's name), for a filter. */
  definitionNames(): Observable<{ key: string; name: string | null }[]> {
    return this.api.call('GET /definitions').pipe(
      map((body) => {
        const latest = new Map<string, { key: string; name: string | null; version: number }>();
        for (const d of body.items) if ((latest.get(d.key)?.version ?? 0) < d.version) latest.set(d.key, d);
        return [...latest.values()].map(({ key, name }) => ({ key, name }));
      }),
    );
  }

  jobs(instanceId: string): Observable<Job[]> {
    return this.api.call('GET /jobs', { query: { instanceId } }).pipe(map((body) => body.items));
  }

  runJob(id: string): Observable<Job> {
    return this.api.call('POST /jobs/:id/execute', { params: { id }, body: {}, context: OWN_ERRORS() });
  }

  retryIncident(instanceId: string, incidentId: string): Observable<Instance> {
    return this.api.call('POST /instances/:id/incidents/:incidentId/retry', {
      params: { id: instanceId, incidentId },
      body: {},
      context: OWN_ERRORS(),
    });
  }

  /** 流程干预: end the instance (audited, reason required). */
  terminateInstance(instanceId: string, reason: string): Observable<Instance> {
    return this.api.call('POST /instances/:id/terminate', { params: { id: instanceId }, body: { reason }, context: OWN_ERRORS() });
  }

  /** 流程干预: move a task's token to a visited element (audited, reason required). */
  moveToken(instanceId: string, body: { taskId?: string; targetElementId: string; reason: string }): Observable<Instance> {
    return this.api.call('POST /instances/:id/move', { params: { id: instanceId }, body, context: OWN_ERRORS() });
  }

  searchUsers(q: string): Observable<PickedUser[]> {
    return this.api.call('GET /users', { query: { q: q.trim(), limit: 20 } }).pipe(map((body) => body.items));
  }

  /** Organizations in their display order (the inbox's department filter). */
  orgs(): Observable<Org[]> {
    return this.api.call('GET /orgs').pipe(map((body) => [...body.items].sort((a, b) => a.sortOrder - b.sortOrder)));
  }

  /** Circulations (传阅) the user reads. */
  circulations(): Observable<Circulation[]> {
    return this.api.call('GET /circulations', { query: { mine: 'true' } }).pipe(map((body) => body.items));
  }

  /** Copies sent to the user (抄送). */
  ccItems(): Observable<CcCopy[]> {
    return this.api.call('GET /cc', { query: { mine: 'true' } }).pipe(map((body) => body.items));
  }
}
