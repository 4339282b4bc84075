import { HttpClient, HttpContext, HttpEvent, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  Attachment,
  ChangeClassification,
  Circulate,
  ClassificationChange,
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
  RegisterList,
  TaskList,
  UpdateDocument,
} from '@liuzhuan/contracts';
import { Observable, firstValueFrom, map } from 'rxjs';
import { ContractApi, contractUrl } from '../../core/api/contract-api.service';
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
  private readonly api = inject(ContractApi);

  list(query: DocumentListQuery): Observable<DocumentList> {
    const q = query.q.trim() || undefined;
    // the list shows its own error state (重试)
    return this.api.call('GET /documents', {
      query: { box: query.box, page: query.page, pageSize: query.pageSize, q },
      context: shownByPage(),
    });
  }

  get(id: string): Observable<DocumentDetail> {
    return this.api.call('GET /documents/:id', { params: { id } });
  }

  /** The form shows the server's refusal itself (with its per-field details): no toast. */
  create(body: CreateDocument): Promise<DocumentDetail> {
    return firstValueFrom(this.api.call('POST /documents', { body, context: shownByPage() }));
  }

  /** Upload events (progress, then the response) of one attachment; the caller shows failures. */
  upload(documentId: string, file: File): Observable<HttpEvent<Attachment>> {
    const body = new FormData();
    body.append('file', file, file.name);
    // through the feature's XHR HttpClient: progress events need it
    return this.http.post<Attachment>(contractUrl('/documents/:id/attachments', { id: documentId }), body, {
      reportProgress: true,
      observe: 'events',
      context: shownByPage(),
    });
  }

  /** The attachment's bytes (the server checks its SM3 digest first). */
  download(documentId: string, attachmentId: string): Promise<Blob> {
    const url = contractUrl('/documents/:id/attachments/:attachmentId', { id: documentId, attachmentId });
    return firstValueFrom(this.http.get(url, { responseType: 'blob' }));
  }

  circulation(documentId: string): Observable<CirculationList> {
    return this.api.call('GET /documents/:id/circulation', { params: { id: documentId } });
  }

  /** A change of the draft's elements: a new version with its SM3 digest. The form shows refusals. */
  update(id: string, body: UpdateDocument): Promise<DocumentDetail> {
    return firstValueFrom(this.api.call('PATCH /documents/:id', { params: { id }, body, context: shownByPage() }));
  }

  /** 变更密级 (security admin, reason required); the page shows refusals next to the form. */
  changeClassification(id: string, body: ChangeClassification): Promise<ClassificationChange> {
    return firstValueFrom(this.api.call('POST /documents/:id/classification', { params: { id }, body, context: shownByPage() }));
  }

  /** 编号: allocates the 发文字号 (clerk); the page shows refusals next to the button. */
  allocateNumber(id: string): Promise<OfficialDocument> {
    return firstValueFrom(this.api.call('POST /documents/:id/number', { params: { id }, body: {}, context: shownByPage() }));
  }

  /** 作废 of the allocated 发文字号, with the reason (recorded; the number is never reused). */
  voidNumber(id: string, reason: string): Promise<OfficialDocument> {
    return firstValueFrom(this.api.call('POST /documents/:id/number/void', { params: { id }, body: { reason }, context: shownByPage() }));
  }

  circulate(id: string, body: Circulate): Promise<Circulation> {
    return firstValueFrom(this.api.call('POST /documents/:id/circulate', { params: { id }, body, context: shownByPage() }));
  }

  /** 阅毕 with an optional note (only the current holder may). */
  readCirculation(circulationId: string, note: string): Promise<Circulation> {
    const body = note.trim() ? { note: note.trim() } : {};
    return firstValueFrom(this.api.call('POST /circulations/:id/read', { params: { id: circulationId }, body, context: shownByPage() }));
  }

  /** The readers who have not read, in their new order (sequential, the sender), with a reason. */
  reorderCirculation(circulationId: string, readers: string[], reason: string): Promise<Circulation> {
    return firstValueFrom(
      this.api.call('POST /circulations/:id/reorder', { params: { id: circulationId }, body: { readers, reason }, context: shownByPage() }),
    );
  }

  skipReader(circulationId: string, reader: string, reason: string): Promise<Circulation> {
    return firstValueFrom(
      this.api.call('POST /circulations/:id/skip', { params: { id: circulationId }, body: { reader, reason }, context: shownByPage() }),
    );
  }

  /**
   * The handling process of a document, for its progress diagram and the way to an open task. A
   * reader outside the process (传阅) may not see it: the page then says so, without a toast.
   */
  processInstance(instanceId: string): Observable<Instance> {
    return this.api.call('GET /instances/:id', { params: { id: instanceId }, context: shownByPage() });
  }

  processHistory(instanceId: string): Observable<HistoryEvent[]> {
    return this.api
      .call('GET /instances/:id/history', { params: { id: instanceId }, context: shownByPage() })
      .pipe(map((body) => body.items));
  }

  /** Open tasks of the process that the signed-in user may take as a candidate. */
  /** The 公文处理单 rendered by the server (A4 PDF). */
  processingSheetPdf(id: string): Promise<Blob> {
    return firstValueFrom(this.http.get(contractUrl('/documents/:id/processing-sheet.pdf', { id }), { responseType: 'blob' }));
  }

  /** 收文登记簿: registered incoming documents between two Beijing dates (inclusive). */
  register(from: string | null, to: string | null): Observable<RegisterList> {
    return this.api.call('GET /documents/register', { query: { from: from ?? undefined, to: to ?? undefined }, context: shownByPage() });
  }

  /** The register as an XLSX workbook. */
  registerXlsx(from: string | null, to: string | null): Promise<Blob> {
    let params = new HttpParams();
    if (from) params = params.set('from', from);
    if (to) params = params.set('to', to);
    return firstValueFrom(this.http.get(contractUrl('/documents/register.xlsx'), { params, responseType: 'blob' }));
  }

  candidateTasks(instanceId: string): Observable<TaskList> {
    return this.api.call('GET /tasks', { query: { instanceId, candidate: 'me', status: 'open', limit: 5 }, context: shownByPage() });
  }

  /** Departments and offices to pick lead and assisting departments from, in the org's order. */
  orgs(): Observable<Org[]> {
    return this.api.call('GET /orgs').pipe(map((list) => [...list.items].sort((a, b) => a.sortOrder - b.sortOrder)));
  }

  /** The working-day due date; failures are shown next to the field, not as a toast. */
  due(from: string, workdays: number): Observable<DueDate> {
    return this.api.call('GET /calendar/due', { query: { from, workdays: String(workdays) }, context: shownByPage() });
  }
}
