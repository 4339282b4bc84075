// zod-free: the Chinese names of the 公文 values every page, print and shipped form shows, in one
// place. Exported from the index directly (see index.ts).
import type { SecretLevel, Urgency } from './documents';

/**
 * 密级. GB/T 9704-2012 §7.2.3 marks only 绝密/机密/秘密 on a document; an unclassified one is
 * named 非密 wherever a 密级 must be shown (forms, lists, 处理单).
 */
export const SECRET_LEVEL_NAMES: Record<SecretLevel, string> = { NONE: '非密', SECRET: '秘密', CONFIDENTIAL: '机密', TOP_SECRET: '绝密' };

/**
 * 紧急程度. GB/T 9704-2012 §7.2.4 marks only 特急/加急; a document without either is named 一般
 * wherever a 紧急程度 must be shown.
 */
export const URGENCY_NAMES: Record<Urgency, string> = { NONE: '一般', URGENT: '加急', EXTRA_URGENT: '特急' };
