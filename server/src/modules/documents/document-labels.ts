import type { EntityManager } from 'typeorm';
import { sql } from '../../platform/database/table';

/**
 * `海政发〔2026〕3号 关于……的通知`: a document's number (文号, else its 收文编号) and title. The title
 * of a classified document (秘密 and above) is itself protected and is left out — its number alone
 * names it; with no number either there is no label.
 */
export function documentLabel(number: string | null, title: string, secretLevel: string): string | null {
  if (secretLevel !== 'NONE') return number;
  return number ? `${number} ${title}` : title;
}

/** Documents named by id, in one statement; an unknown id (or a classified one without a number) is absent. */
export async function documentLabels(m: EntityManager, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const { records } = await sql(
    m,
    `SELECT od.id, od.doc_number, od.title, od.secret_level, ir.reg_no
       FROM official_document od LEFT JOIN incoming_registration ir ON ir.document_id = od.id
      WHERE od.id IN (${unique.map(() => '?').join(',')})`,
    unique,
  );
  const out = new Map<string, string>();
  for (const r of records) {
    const number = r.doc_number ? String(r.doc_number) : r.reg_no ? String(r.reg_no) : null;
    const label = documentLabel(number, String(r.title), String(r.secret_level));
    if (label) out.set(String(r.id), label);
  }
  return out;
}
