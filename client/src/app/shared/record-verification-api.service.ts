import { Injectable, inject } from '@angular/core';
import type { DocumentSignatureList, RecordVerification } from '@liuzhuan/contracts';
import type { Observable } from 'rxjs';
import { ContractApi } from '../core/api/contract-api.service';
import { SKIP_ERROR_MESSAGE } from '../core/http/http-context';
import { HttpContext } from '@angular/common/http';

/** What a verification is about: an instance's history and opinions, or a document's versions. */
export type VerifiedRecord = 'instance' | 'document';

/**
 * GET /api/instances/:id/verify, GET /api/documents/:id/verify and GET /api/documents/:id/signatures;
 * the badge shows a failure itself (no toast).
 */
@Injectable({ providedIn: 'root' })
export class RecordVerificationApi {
  private readonly api = inject(ContractApi);

  verify(kind: VerifiedRecord, id: string): Observable<RecordVerification> {
    const context = new HttpContext().set(SKIP_ERROR_MESSAGE, true);
    return kind === 'instance'
      ? this.api.call('GET /instances/:id/verify', { params: { id }, context })
      : this.api.call('GET /documents/:id/verify', { params: { id }, context });
  }

  /** The 签发 signatures of a document (SM2), each verified by the server at this call. */
  signatures(documentId: string): Observable<DocumentSignatureList> {
    const context = new HttpContext().set(SKIP_ERROR_MESSAGE, true);
    return this.api.call('GET /documents/:id/signatures', { params: { id: documentId }, context });
  }
}
