import { HttpClient, HttpContext, HttpEvent, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  Attachment,
  Circulate,
  Circulation,
  CirculationList,
  CreateDocument,
  DocumentDetail,
  DocumentList,
  DueDate,
  HistoryEvent,
  Instance,
  OfficialDocument,
  Org,
  TaskList,
  UpdateDocument,
} from '@liuzhuan/contracts';
import { Observable, firstValueFrom, map } from 'rxjs';
import { SKIP_ERROR_MESSAGE } from '../../core/http/http-context';

/** The page shows this failure itself (inline, with details): no toast. A 401 still signs out. */
const shownByPage = () => new HttpContext().set(SKIP_ERROR_MESSAGE, true);

const doc = (id: string) => `/api/documents/${encodeURIComponent(id)}`;
const circ = (id: string) => `/api/circulations/${encodeURIComponent(id)}`;

export type DocumentBox = 'todo' | 'done' | 'mine' | 'all';

export interface DocumentListQuery {
  box: DocumentBox;
  q: string;
  page: number;
  pageSize: number;
}

/**
 * The documents API as the pages use it. Provided by the feature's routes together with an
 * XHR-backed HttpClient: the app's fetch backend cannot report upload progress.
 */
@Injectable()
export class DocumentsApi {
  private readonly http = inject(HttpClient);

  list(query: DocumentListQuery): Observable<DocumentList> {
    let params = new HttpParams().set('box', query.box).set('page', query.page).set('pageSize', query.pageSize);
    if (query.q.trim()) params = params.set('q', query.q.trim());
    return this.http.get<DocumentList>('/api/documents', { params });
  }

  get(id: string): Observable<DocumentDetail> {
    return this.http.get<DocumentDetail>(`/api/documents/${encodeURIComponent(id)}`);
  }

  /** The form shows the server's refusal itself (with its per-field details): no toast. */
  create(body: CreateDocument): Promise<DocumentDetail> {
    return firstValueFrom(this.http.post<DocumentDetail>('/api/documents', body, { context: shownByPage() }));
  }

  /** Upload events (progress, then the response) of one attachment; the caller shows failures. */
  upload(documentId: string, file: File): Observable<HttpEvent<Attachment>> {
    const body = new FormData();
    body.append('file', file, file.name);
    return this.http.post<Attachment>(`/api/documents/${encodeURIComponent(documentId)}/attachments`, body, {
      reportProgress: true,
      observe: 'events',
      context: shownByPage(),
    });
  }

  /** The attachment's bytes (the server checks its SM3 digest first). */
  download(documentId: string, attachmentId: string): Promise<Blob> {
    return firstValueFrom(
      this.http.get(`/api/documents/${encodeURIComponent(documentId)}/attachments/${encodeURIComponent(attachmentId)}`, {
        responseType: 'blob',
      }),
    );
  }

  circulation(documentId: string): Observable<CirculationList> {
    return this.http.get<CirculationList>(`/api/documents/${encodeURIComponent(documentId)}/circulation`);
  }

  /** A change of the draft's elements: a new version with its SM3 digest. The form shows refusals. */
  update(id: string, body: UpdateDocument): Promise<DocumentDetail> {
    return firstValueFrom(this.http.patch<DocumentDetail>(doc(id), body, { context: shownByPage() }));
  }

  /** 编号: allocates the 发文字号 (clerk); the page shows refusals next to the button. */
  allocateNumber(id: string): Promise<OfficialDocument> {
    return firstValueFrom(this.http.post<OfficialDocument>(`${doc(id)}/number`, {}, { context: shownByPage() }));
  }

  /** 作废 of the allocated 发文字号, with the reason (recorded; the number is never reused). */
  voidNumber(id: string, reason: string): Promise<OfficialDocument> {
    return firstValueFrom(this.http.post<OfficialDocument>(`${doc(id)}/number/void`, { reason }, { context: shownByPage() }));
  }

  circulate(id: string, body: Circulate): Promise<Circulation> {
    return firstValueFrom(this.http.post<Circulation>(`${doc(id)}/circulate`, body, { context: shownByPage() }));
  }

  /** 阅毕 with an optional note (only the current holder may). */
  readCirculation(circulationId: string, note: string): Promise<Circulation> {
    const body = note.trim() ? { note: note.trim() } : {};
    return firstValueFrom(this.http.post<Circulation>(`${circ(circulationId)}/read`, body, { context: shownByPage() }));
  }

  /** The readers who have not read, in their new order (sequential, the sender), with a reason. */
  reorderCirculation(circulationId: string, readers: string[], reason: string): Promise<Circulation> {
    return firstValueFrom(this.http.post<Circulation>(`${circ(circulationId)}/reorder`, { readers, reason }, { context: shownByPage() }));
  }

  skipReader(circulationId: string, reader: string, reason: string): Promise<Circulation> {
    return firstValueFrom(this.http.post<Circulation>(`${circ(circulationId)}/skip`, { reader, reason }, { context: shownByPage() }));
  }

  /**
   * The handling process of a document, for its progress diagram and the way to an open task. A
   * reader outside the process (传阅) may not see it: the page then says so, without a toast.
   */
  processInstance(instanceId: string): Observable<Instance> {
    return this.http.get<Instance>(`/api/instances/${encodeURIComponent(instanceId)}`, { context: shownByPage() });
  }

  processHistory(instanceId: string): Observable<HistoryEvent[]> {
    return this.http
      .get<{ items: HistoryEvent[] }>(`/api/instances/${encodeURIComponent(instanceId)}/history`, { context: shownByPage() })
      .pipe(map((body) => body.items));
  }

  /** Open tasks of the process that the signed-in user may take as a candidate. */
  candidateTasks(instanceId: string): Observable<TaskList> {
    const params = new HttpParams().set('instanceId', instanceId).set('candidate', 'me').set('status', 'open').set('limit', 5);
    return this.http.get<TaskList>('/api/tasks', { params, context: shownByPage() });
  }

  /** Departments and offices to pick lead and assisting departments from, in the org's order. */
  orgs(): Observable<Org[]> {
    return this.http.get<{ items: Org[] }>('/api/orgs').pipe(map((list) => [...list.items].sort((a, b) => a.sortOrder - b.sortOrder)));
  }

  /** The working-day due date; failures are shown next to the field, not as a toast. */
  due(from: string, workdays: number): Observable<DueDate> {
    const params = new HttpParams().set('from', from).set('workdays', workdays);
    return this.http.get<DueDate>('/api/calendar/due', { params, context: shownByPage() });
  }
}
