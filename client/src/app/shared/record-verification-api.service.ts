import { Injectable, inject } from '@angular/core';
import type { RecordVerification } from '@liuzhuan/contracts';
import type { Observable } from 'rxjs';
import { ContractApi } from '../core/api/contract-api.service';
import { SKIP_ERROR_MESSAGE } from '../core/http/http-context';
import { HttpContext } from '@angular/common/http';

/** What a verification is about: an instance's history and opinions, or a document's versions. */
export type VerifiedRecord = 'instance' | 'document';

/** GET /api/instances/:id/verify and GET /api/documents/:id/verify; the tag shows a failure itself (no toast). */
@Injectable({ providedIn: 'root' })
export class RecordVerificationApi {
  private readonly api = inject(ContractApi);

  verify(kind: VerifiedRecord, id: string): Observable<RecordVerification> {
    const context = new HttpContext().set(SKIP_ERROR_MESSAGE, true);
    return kind === 'instance'
      ? this.api.call('GET /instances/:id/verify', { params: { id }, context })
      : this.api.call('GET /documents/:id/verify', { params: { id }, context });
  }
}
