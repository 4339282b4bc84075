import { HttpClient, HttpContext, HttpEvent, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  Attachment,
  CirculationList,
  CreateDocument,
  DocumentDetail,
  DocumentList,
  DueDate,
  Org,
} from '@liuzhuan/contracts';
import { Observable, firstValueFrom, map } from 'rxjs';
import { SKIP_ERROR_MESSAGE } from '../../core/http/http-context';

/** The page shows this failure itself (inline, with details): no toast. A 401 still signs out. */
const shownByPage = () => new HttpContext().set(SKIP_ERROR_MESSAGE, true);

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
      this.http.get(`/api/documents/${encodeURIComponent(documentId)}/attachments/${encodeURIComponent(attachmentId)}`, { responseType: 'blob' }),
    );
  }

  circulation(documentId: string): Observable<CirculationList> {
    return this.http.get<CirculationList>(`/api/documents/${encodeURIComponent(documentId)}/circulation`);
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
