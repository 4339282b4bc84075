/** Error codes (→ HTTP status) of process instances and the commands run on them. */
export const RUNTIME_ERROR_CODES = {
  PROCESS_NOT_EXECUTABLE: 422,
  INSTANCE_NOT_FOUND: 404,
  INSTANCE_NOT_ACTIVE: 409,
  INCIDENT_NOT_FOUND: 404,
  MESSAGE_NOT_CORRELATED: 404,
  COMMAND_REJECTED: 409,
  COMMAND_INVALID: 422,
  CONCURRENT_UPDATE: 409,
  VARIABLE_RESERVED: 422,
  TASK_ASSIGNEE_NOT_ELIGIBLE: 422,
  TASK_SELF_APPROVAL: 422,
  TASK_NEXT_STEP_NOT_PICKABLE: 422,
  TASK_NEXT_STEP_NOT_OPENED: 422,
  ELIGIBLE_STEP_UNKNOWN: 404,
  PROCESS_START_FORBIDDEN: 403,
  PROCESS_START_ELSEWHERE: 403,
} as const;

/** Chinese text the client shows for each of them. */
export const RUNTIME_ERROR_MESSAGES_ZH: Record<keyof typeof RUNTIME_ERROR_CODES, string> = {
  PROCESS_NOT_EXECUTABLE: '该流程未标记为可执行，不能发起',
  INSTANCE_NOT_FOUND: '流程实例不存在',
  INSTANCE_NOT_ACTIVE: '流程已结束，不能再办理',
  INCIDENT_NOT_FOUND: '该异常不存在或已处理',
  MESSAGE_NOT_CORRELATED: '没有等待该消息的流程',
  COMMAND_REJECTED: '流程当前状态不允许该操作',
  COMMAND_INVALID: '操作不符合流程定义',
  CONCURRENT_UPDATE: '流程正被他人同时办理，请稍后重试',
  VARIABLE_RESERVED: '该流程变量由系统设置，不能由办理人设置',
  TASK_ASSIGNEE_NOT_ELIGIBLE: '所选人员不在该环节可选的人员范围内',
  TASK_SELF_APPROVAL: '不能指定本人（拟稿人或发起人）为该环节的办理人',
  TASK_NEXT_STEP_NOT_PICKABLE: '该环节的办理人由流程确定，不能选择',
  TASK_NEXT_STEP_NOT_OPENED: '所选环节不是本次办理后的下一步，请刷新后重新选择',
  ELIGIBLE_STEP_UNKNOWN: '流程中没有该环节或该字段',
  PROCESS_START_FORBIDDEN: '您无权发起该流程',
  PROCESS_START_ELSEWHERE: '该流程只能从对应的业务功能发起（如公文办理），不能直接发起',
};
