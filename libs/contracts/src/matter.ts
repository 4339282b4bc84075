import * as z from 'zod';

/**
 * What a list row shows of the matter an instance handles (read-only, lists only: the task list,
 * the instance list, the 抄送 list), read by the server in the list's own statement.
 */
export const MATTER_DISPLAY = {
  /** inbox display (read-only, list only): the 公文's title, else the `title` process variable, else null */
  title: z.string().nullable().optional(),
  /** the 公文's 文种 code, else the `docType` process variable, else null */
  docType: z.string().nullable().optional(),
  /** the 公文's 紧急程度 code (NONE, URGENT, EXTRA_URGENT), else the `urgency` process variable, else null */
  urgency: z.string().nullable().optional(),
};
