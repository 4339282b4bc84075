import { Injectable } from '@nestjs/common';
import type { SessionUser } from '@liuzhuan/contracts';
import type { Tx } from '../../platform/database/transaction-runner';
import type { InstanceEntity, TaskEntity } from '../runtime/runtime.api';

/** What a completion hook is given: the locked instance, the task being completed and the form's variables. */
export interface CompletingTask {
  instance: InstanceEntity;
  task: TaskEntity;
  variables: Record<string, unknown>;
  user: SessionUser;
}

/**
 * A hook of another module on every task completion, in its transaction and before the opinions
 * are written and the engine runs: it may refuse (throw a DomainError: nothing is written) and may
 * return variables to add (e.g. the 发文字号 the documents module allocated at 登记).
 */
export type CompletionHook = (tx: Tx, completing: CompletingTask) => Promise<Record<string, unknown> | void>;

@Injectable()
export class CompletionHooks {
  private readonly hooks: CompletionHook[] = [];

  register(hook: CompletionHook): void {
    this.hooks.push(hook);
  }

  /** Runs every hook; the variables they add are merged over the given ones. */
  async run(tx: Tx, completing: CompletingTask): Promise<Record<string, unknown>> {
    let variables = completing.variables;
    for (const hook of this.hooks) {
      const added = await hook(tx, { ...completing, variables });
      if (added && Object.keys(added).length) variables = { ...variables, ...added };
    }
    return variables;
  }
}
