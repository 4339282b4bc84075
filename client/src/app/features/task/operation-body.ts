import type { TaskOperation } from '../../shared/workflow-api.service';

/** What the operation forms of the approval panel collect. */
export interface OperationForm {
  reason: string;
  users: string[];
  target: string;
  position: 'before' | 'after' | 'parallel';
}

/**
 * The request body of an approval operation, as libs/contracts/src/approvals.ts defines it. One
 * place, so that the panel follows the contract in one edit. The opinion written in the panel
 * goes with the operations that record one (退回, 驳回, 委派办结).
 */
export function operationBody(op: TaskOperation, form: OperationForm, opinion: string): Record<string, unknown> {
  const reason = form.reason.trim();
  const withReason = reason ? { reason } : {};
  switch (op) {
    case 'return':
      return { targetElementId: form.target, ...withReason, ...(opinion ? { opinion: { text: opinion, kind: 'return' } } : {}) };
    case 'reject':
      return { ...withReason, ...(opinion ? { opinion: { text: opinion, kind: 'reject', approve: false } } : {}) };
    case 'withdraw':
      return { ...withReason };
    case 'transfer':
    case 'delegate':
    case 'reassign':
      return { username: form.users[0], ...withReason };
    case 'resolve':
      return opinion ? { opinion: { text: opinion } } : {};
    case 'add-signers':
      return { usernames: form.users, position: form.position, ...withReason };
    case 'remove-signers':
      return { usernames: form.users, ...withReason };
    case 'cc':
      return { usernames: form.users, ...(reason ? { note: reason } : {}) };
    case 'urge':
      return { message: reason };
  }
}
