import { Injectable, inject } from '@angular/core';
import type { AuditEventList, AuditVerification } from '@liuzhuan/contracts';
import type { Observable } from 'rxjs';
import { ContractApi } from '../../core/api/contract-api.service';
import type { AuditFilters } from './audit-filter';

/** The audit trail's API (libs/contracts audit.routes.ts): search, export, verify. */
@Injectable({ providedIn: 'root' })
export class AuditApiService {
  private readonly api = inject(ContractApi);

  events(filters: AuditFilters, offset: number, limit: number): Observable<AuditEventList> {
    return this.api.call('GET /audit/events', { query: { ...filters, offset, limit } });
  }

  /** Every matching event as a file (CSV: UTF-8 with BOM; XLSX: one sheet). */
  export(filters: AuditFilters, format: 'csv' | 'xlsx'): Observable<Blob> {
    return this.api.blob('GET /audit/export', { query: { ...filters, format } });
  }

  /** The SM3 chain recomputed by the server now. */
  verify(): Observable<AuditVerification> {
    return this.api.call('GET /audit/verify');
  }
}
