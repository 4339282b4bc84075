/**
 * Error codes (→ HTTP status) of Approval operations (退回, 撤回, 转办, 加签, 催办, 抄送), opinions and common phrases.
 * 代理 uses APPROVAL_USER_UNKNOWN and OPERATION_NOT_ALLOWED too; its own codes are in proxies.errors.ts.
 */
export const APPROVAL_ERROR_CODES = {
  REASON_REQUIRED: 422,
  /** an opinion field's text is longer than an opinion may be (2000 characters) */
  OPINION_TOO_LONG: 422,
  APPROVAL_USER_UNKNOWN: 422,
  RETURN_TARGET_INVALID: 422,
  RETURN_NO_TARGET: 422,
  REJECT_FIRST_STEP: 422,
  /** 驳回 on a part of a multi-instance step (a 会签 vote, a 协办 department): it would end the whole matter */
  REJECT_STEP_PART: 422,
  TASK_ALREADY_OPENED: 409,
  NOT_WITHDRAWABLE: 409,
  TASK_DELEGATED: 409,
  TASK_NOT_DELEGATED: 409,
  TASK_WAITING: 409,
  TASK_NOT_COUNTERSIGN: 422,
  SIGNER_NOT_FOUND: 422,
  SIGNER_DUPLICATE: 422,
  SIGNER_NOT_ADDED: 422,
  OPERATION_NOT_ALLOWED: 403,
  CC_NOT_FOUND: 404,
  PHRASE_NOT_FOUND: 404,
} as const;

/** Chinese text the client shows for each of them. */
export const APPROVAL_ERROR_MESSAGES_ZH: Record<keyof typeof APPROVAL_ERROR_CODES, string> = {
  REASON_REQUIRED: '请填写原因',
  OPINION_TOO_LONG: '意见不能超过2000字',
  APPROVAL_USER_UNKNOWN: '所选用户不存在或已停用',
  RETURN_TARGET_INVALID: '只能退回到本流程已经办理过的环节',
  RETURN_NO_TARGET: '没有可以退回的环节',
  REJECT_FIRST_STEP: '首个环节不能驳回',
  REJECT_STEP_PART: '会签、协办环节不能驳回整件公文，请表明不同意见或退回',
  TASK_ALREADY_OPENED: '下一环节的办理人已查看，不能撤回',
  NOT_WITHDRAWABLE: '该事项当前不能撤回',
  TASK_DELEGATED: '该事项已委派他人办理，待其办理完毕后再办结',
  TASK_NOT_DELEGATED: '该事项不是委派给您的事项',
  TASK_WAITING: '该事项正在等待加签人员办理',
  TASK_NOT_COUNTERSIGN: '该事项不是会签事项，不能并行加签或减签',
  SIGNER_NOT_FOUND: '所选人员没有待办的会签事项',
  SIGNER_DUPLICATE: '所选人员已在办理该事项',
  SIGNER_NOT_ADDED: '只能减去您本人加签的人员',
  OPERATION_NOT_ALLOWED: '您不能对该事项执行此操作',
  CC_NOT_FOUND: '抄送记录不存在',
  PHRASE_NOT_FOUND: '常用语不存在',
};
