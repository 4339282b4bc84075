import * as z from 'zod';
import { CLEARANCES } from './clearance.levels';
import { type SecretLevel, SECRET_LEVELS } from './documents';

export const ClearanceSchema = z.enum(CLEARANCES);
export type Clearance = z.infer<typeof ClearanceSchema>;

export const CLEARANCE_NAMES: Record<Clearance, string> = {
  none: '非涉密人员',
  general: '一般涉密人员',
  important: '重要涉密人员',
  core: '核心涉密人员',
};

/** The highest 密级 each clearance may know (by position in SECRET_LEVELS). */
const HIGHEST: Record<Clearance, SecretLevel> = { none: 'NONE', general: 'SECRET', important: 'CONFIDENTIAL', core: 'TOP_SECRET' };

/** Whether a user of this clearance may know a matter of this 密级 (an unknown clearance counts as none). */
export function clearanceAllows(clearance: string | null | undefined, level: string): boolean {
  const highest = HIGHEST[(clearance ?? 'none') as Clearance] ?? 'NONE';
  const rank = SECRET_LEVELS.indexOf(level as SecretLevel);
  return rank >= 0 && rank <= SECRET_LEVELS.indexOf(highest);
}

/** Every 密级 a clearance may know, lowest first. */
export function levelsAllowed(clearance: string | null | undefined): SecretLevel[] {
  return SECRET_LEVELS.filter((l) => clearanceAllows(clearance, l));
}

/** 设定涉密等级: the security admin's act, never on their own account. */
export const SetClearanceSchema = z.object({ clearance: ClearanceSchema }).strict().meta({ id: 'SetClearance' });
export type SetClearance = z.infer<typeof SetClearanceSchema>;
