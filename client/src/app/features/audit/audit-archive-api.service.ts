import { Injectable, inject } from '@angular/core';
import type { AuditAnchorList, AuditArchiveResult, AuditVerification } from '@liuzhuan/contracts';
import type { Observable } from 'rxjs';
import { ContractApi } from '../../core/api/contract-api.service';
import { SKIP_ERROR_MESSAGE } from '../../core/http/http-context';
import { HttpContext } from '@angular/common/http';

/** Archiving and the chain anchors (libs/contracts audit.routes.ts). */
@Injectable({ providedIn: 'root' })
export class AuditArchiveApiService {
  private readonly api = inject(ContractApi);

  anchors(): Observable<AuditAnchorList> {
    return this.api.call('GET /audit/anchors');
  }

  /** The caller shows a refusal itself (inline, in Chinese), so no toast. */
  archive(before: string): Observable<AuditArchiveResult> {
    return this.api.call('POST /audit/archive', { body: { before }, context: new HttpContext().set(SKIP_ERROR_MESSAGE, true) });
  }

  file(id: string): Observable<Blob> {
    return this.api.blob('GET /audit/anchors/:id/file', { params: { id } });
  }

  verify(id: string): Observable<AuditVerification> {
    return this.api.call('GET /audit/anchors/:id/verify', { params: { id } });
  }
}
