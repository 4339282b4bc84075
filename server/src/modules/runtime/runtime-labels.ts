import type { EntityManager } from 'typeorm';
import { sql } from '../../platform/database/table';

const slots = (n: number) => Array.from({ length: n }, () => '?').join(',');

/**
 * Process instances named by id, in one statement: `收文办理 · 海政发〔2026〕3号` — the process's
 * name (its key when it has none) and what the instance handles: its 公文's number, else its
 * business key. Never a title (a classified document's title is protected). An unknown id is absent.
 */
export async function instanceLabels(m: EntityManager, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const { records } = await sql(
    m,
    `SELECT pi.id, pi.definition_key, pi.business_key, pd.name, od.doc_number
       FROM process_instance pi
       LEFT JOIN process_definition pd ON pd.id = pi.definition_id
       LEFT JOIN official_document od ON od.instance_id = pi.id
      WHERE pi.id IN (${slots(unique.length)})`,
    unique,
  );
  const out = new Map<string, string>();
  for (const r of records) {
    const process = r.name ? String(r.name) : String(r.definition_key);
    const matter = r.doc_number ? String(r.doc_number) : r.business_key ? String(r.business_key) : null;
    out.set(String(r.id), matter ? `${process} · ${matter}` : process);
  }
  return out;
}

/** Tasks named by id, in one statement: the step's name (its element id when it has none). An unknown id is absent. */
export async function taskLabels(m: EntityManager, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const { records } = await sql(m, `SELECT id, name, element_id FROM task WHERE id IN (${slots(unique.length)})`, unique);
  return new Map(records.map((r) => [String(r.id), r.name ? String(r.name) : String(r.element_id)]));
}
