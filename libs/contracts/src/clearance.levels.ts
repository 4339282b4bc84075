// The clearances without zod, for the client's first load (the sign-in answer carries one).
/**
 * 涉密人员等级 (a user's clearance) and the 密级 each may know. The usual mapping of 保守国家秘密法
 * and its 实施条例 (第三十二条 分类管理 of 涉密人员): 核心涉密人员 may know 绝密, 机密 and 秘密;
 * 重要涉密人员 机密 and 秘密; 一般涉密人员 秘密; 非涉密人员 no classified matter.
 */
export const CLEARANCES = ['none', 'general', 'important', 'core'] as const;
