/** Error codes (→ HTTP status) of deploying and reading process definitions. */
export const DEFINITION_ERROR_CODES = {
  BPMN_INVALID: 422,
  DEFINITION_NOT_FOUND: 404,
} as const;

/** Chinese text the client shows for each of them. */
export const DEFINITION_ERROR_MESSAGES_ZH: Record<keyof typeof DEFINITION_ERROR_CODES, string> = {
  BPMN_INVALID: '流程定义文件有错误，无法部署',
  DEFINITION_NOT_FOUND: '流程定义不存在',
};
