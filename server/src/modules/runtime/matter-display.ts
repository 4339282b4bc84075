import { variableJsonPath } from '@liuzhuan/engine';
import type { DatabaseKind } from '../../platform/database/data-source';

/**
 * What a list row shows of the matter an instance handles (its title, 文种, urgency), read in the
 * list's own statement: the 公文's fields when the instance has one, else the process variables of
 * the same names. The one place of these expressions: the task lists (task.repository.ts), the
 * instance list (instance.repository.ts) and the 抄送 list (approvals.repository.ts) select them.
 */
export interface MatterDisplay {
  title: string | null;
  docType: string | null;
  urgency: string | null;
}

/** The process variables a matter falls back to when its instance has no 公文. */
const VARIABLES = { title: 'title', docType: 'docType', urgency: 'urgency' } as const;

/**
 * A top-level process variable as text, read from the state JSON of the instance aliased
 * `instance` (its `state` column) — where the engine keeps it ({@link variableJsonPath}).
 */
export function variableText(dialect: DatabaseKind, name: (typeof VARIABLES)[keyof typeof VARIABLES], instance = 'pi'): string {
  const path = variableJsonPath(name);
  return dialect === 'mysql' ? `JSON_VALUE(${instance}.state, '${path}')` : `json_extract(${instance}.state, '${path}')`;
}

/**
 * The join of an instance's 公文 as `od`; `instanceId` is the column holding the instance id. On
 * MySQL the index is forced: with few 公文 MariaDB would scan official_document into a join
 * buffer, and the ORDER BY of a list would then need a temporary table — on disk, for the TEXT
 * columns (a file per look-up).
 */
export function documentJoin(dialect: DatabaseKind, instanceId: string): string {
  return dialect === 'mysql'
    ? `LEFT JOIN official_document od FORCE INDEX (ix_document_instance) ON od.instance_id = ${instanceId}`
    : `LEFT JOIN official_document od ON od.instance_id = ${instanceId}`;
}

/**
 * The columns {@link matterOf} reads: the 公文 (`od`, joined with {@link documentJoin}) and the
 * variables of the instance aliased `instance` (its state column selected as it is stored).
 */
export function matterColumns(dialect: DatabaseKind, instance = 'pi'): string {
  const v = (name: (typeof VARIABLES)[keyof typeof VARIABLES]) => variableText(dialect, name, instance);
  return `${v(VARIABLES.title)} AS v_title, ${v(VARIABLES.docType)} AS v_doc_type, ${v(VARIABLES.urgency)} AS v_urgency,
      od.title AS d_title, od.doc_type AS d_doc_type, od.urgency AS d_urgency`;
}

/** A column's value as text; null stays null. */
export const text = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

/** The matter of a row selected with {@link matterColumns}: the 公文's field, else the variable. */
export function matterOf(r: Record<string, unknown>): MatterDisplay {
  return {
    title: text(r['d_title']) ?? text(r['v_title']),
    docType: text(r['d_doc_type']) ?? text(r['v_doc_type']),
    urgency: text(r['d_urgency']) ?? text(r['v_urgency']),
  };
}
