import { HttpContext } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { EligibleStep, NextStepList } from '@liuzhuan/contracts';
import type { Observable } from 'rxjs';
import { ContractApi } from '../core/api/contract-api.service';
import { SKIP_ERROR_MESSAGE } from '../core/http/http-context';

const OWN_ERRORS = () => new HttpContext().set(SKIP_ERROR_MESSAGE, true);

/**
 * The people a step may go to, by the server's one rule (oa:assigneeFrom, else the step's
 * groups): the 签发人 and 会签 pickers and 选择下一步办理人 read them here.
 */
@Injectable({ providedIn: 'root' })
export class EligibleApi {
  private readonly api = inject(ContractApi);

  /** For a task's process: the step a form field names (`issuer`) or an element. */
  forTask(id: string, by: { field?: string; element?: string }): Observable<EligibleStep> {
    return this.api.call('GET /tasks/:id/eligible', { params: { id }, query: by, context: OWN_ERRORS() });
  }

  /** Before the process starts (the 发文 form): the latest deployed version, me as initiator. */
  forProcess(definitionKey: string, field: string): Observable<EligibleStep> {
    return this.api.call('GET /eligible', { query: { definitionKey, field }, context: OWN_ERRORS() });
  }

  /** The group-held steps completing this task can open, each with its eligible people. */
  nextSteps(id: string): Observable<NextStepList> {
    return this.api.call('GET /tasks/:id/next-steps', { params: { id }, context: OWN_ERRORS() });
  }
}
