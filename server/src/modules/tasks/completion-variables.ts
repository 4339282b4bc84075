import { Injectable } from '@nestjs/common';
import type { Tx } from '../../platform/database/transaction-runner';
import type { InstanceEntity, TaskEntity } from '../runtime/runtime.api';

/** Variables the server computes for a completion: what no form field may decide (they are reserved). */
export type CompletionVariablesProvider = (tx: Tx, instance: InstanceEntity, task: TaskEntity) => Promise<Record<string, unknown>>;

/**
 * Where server-computed completion variables come from: modules register providers, and every
 * task completion sends what they give to the engine over the caller's variables (the documents
 * module sets `signedVersionChanged` from the digests of the signed and the current version).
 */
@Injectable()
export class CompletionVariables {
  private readonly providers: CompletionVariablesProvider[] = [];

  register(provider: CompletionVariablesProvider): void {
    this.providers.push(provider);
  }

  async of(tx: Tx, instance: InstanceEntity, task: TaskEntity): Promise<Record<string, unknown>> {
    let out: Record<string, unknown> = {};
    for (const provider of this.providers) out = { ...out, ...(await provider(tx, instance, task)) };
    return out;
  }
}
