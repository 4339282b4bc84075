import { DomainError } from '../../platform/errors/domain-error';

/**
 * The tasks module's rejections: the inbox, 签收/办理, and the approval operations (退回, 撤回,
 * 转办, 委派, 加签/减签, 催办, 抄送, 常用语). Codes and Chinese texts are in libs/contracts
 * tasks.errors.ts and approvals.errors.ts.
 */
export const TaskErrors = {
  notFound: (id: string) => new DomainError('TASK_NOT_FOUND', `Task ${id} not found`),
  notOpen: (id: string, status: string) => new DomainError('TASK_NOT_OPEN', `Task ${id} is ${status}`),
  /** the task left `open` between the read and the conditional update */
  noLongerOpen: (id: string) => new DomainError('TASK_NOT_OPEN', `Task ${id} is not open`),
  waiting: (id: string) => new DomainError('TASK_WAITING', `Task ${id} waits for the signers added to it`),
  notYoursToAct: (id: string) => new DomainError('TASK_NOT_YOURS', `Task ${id} is not yours to act on`),
  claimFirst: () => new DomainError('TASK_NOT_YOURS', 'Claim the task before completing it'),
  onlyAssigneeUnclaims: () => new DomainError('TASK_NOT_YOURS', 'Only the assignee can give the task back'),
  claimedByOther: (id: string) => new DomainError('TASK_ALREADY_CLAIMED', `Task ${id} is claimed by someone else`),
  userUnknown: (username: string) => new DomainError('APPROVAL_USER_UNKNOWN', `No enabled user ${username}`, { username }),
  reasonRequired: () => new DomainError('REASON_REQUIRED', 'A reason is required'),
  opinionTooLong: (field: string) =>
    new DomainError('OPINION_TOO_LONG', `The opinion in ${field} is longer than 2000 characters`, { field }),

  // 委派 (delegate) and 转办 (transfer)
  delegated: (id: string) => new DomainError('TASK_DELEGATED', `Task ${id} is delegated`),
  delegatedResolveFirst: (id: string) => new DomainError('TASK_DELEGATED', `Task ${id} is delegated; the delegate resolves it first`),
  notDelegatedToYou: (id: string) => new DomainError('TASK_NOT_DELEGATED', `Task ${id} is not delegated to you`),
  alreadyYours: () => new DomainError('SIGNER_DUPLICATE', 'The task is already yours'),
  signerTaskNotRouted: () => new DomainError('OPERATION_NOT_ALLOWED', 'A signer task is completed, not returned or passed on'),

  // 退回 (return) and 撤回 (withdraw)
  returnTargetInvalid: (id: string, targetElementId: string) =>
    new DomainError('RETURN_TARGET_INVALID', `${targetElementId} is not an earlier step of task ${id}`, { targetElementId }),
  returnNoTarget: (id: string) => new DomainError('RETURN_NO_TARGET', `Task ${id} has no earlier step to return to`),
  notCompletedByYou: (id: string) => new DomainError('NOT_WITHDRAWABLE', `Task ${id} was not completed by you`),
  movedOn: (id: string) => new DomainError('NOT_WITHDRAWABLE', `What task ${id} led to has moved on`),
  nextOpened: (taskIds: string[]) => new DomainError('TASK_ALREADY_OPENED', 'The next handler has already opened the task', { taskIds }),

  // 加签 / 减签 (add / remove signers)
  signerCannotAdd: () => new DomainError('OPERATION_NOT_ALLOWED', 'A signer cannot add signers'),
  signersInvalid: (usernames: string[]) => new DomainError('SIGNER_DUPLICATE', 'Each signer once, and not yourself', { usernames }),
  alreadySigning: (usernames: string[]) => new DomainError('SIGNER_DUPLICATE', `Already signing: ${usernames.join(', ')}`, { usernames }),
  alreadySigningAfter: (usernames: string[]) =>
    new DomainError('SIGNER_DUPLICATE', `Already signing after: ${usernames.join(', ')}`, { usernames }),
  hasSignersAfter: (id: string) => new DomainError('TASK_WAITING', `Task ${id} already has signers after it`),
  rejectStepPart: (id: string) =>
    new DomainError('REJECT_STEP_PART', `Task ${id} is one part of a multi-instance step: it cannot end the whole matter`),
  rejectFirstStep: (id: string) => new DomainError('REJECT_FIRST_STEP', `Task ${id} is the first step of its path: nothing to reject to`),
  signersNotAdded: (usernames: string[]) =>
    new DomainError('SIGNER_NOT_ADDED', `Only signers this task added can be removed: ${usernames.join(', ')}`, { usernames }),
  removeSelf: () => new DomainError('OPERATION_NOT_ALLOWED', 'Remove yourself by completing or returning the task'),
  signersNotFound: (usernames: string[]) =>
    new DomainError('SIGNER_NOT_FOUND', `No pending countersign task of ${usernames.join(', ')}`, { usernames }),
  notCountersign: (taskId: string) => new DomainError('TASK_NOT_COUNTERSIGN', `Task ${taskId} is not part of a countersign`),

  // 催办 (urge), 抄送 (cc), 常用语 (phrases)
  urgeNotAllowed: () => new DomainError('OPERATION_NOT_ALLOWED', 'Only the initiator, an earlier handler or an admin urges'),
  notYoursToCopy: (id: string) => new DomainError('TASK_NOT_YOURS', `Task ${id} is not yours to copy`),
  ccNotFound: (id: string) => new DomainError('CC_NOT_FOUND', `No copy ${id}`),
  organizationPhrase: () => new DomainError('OPERATION_NOT_ALLOWED', 'Organization-wide phrases are kept by a workflow or system admin'),
  phraseNotFound: (id: string) => new DomainError('PHRASE_NOT_FOUND', `No phrase ${id}`),
};
