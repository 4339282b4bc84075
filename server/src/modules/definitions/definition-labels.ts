import type { EntityManager } from 'typeorm';
import { sql } from '../../platform/database/table';

/** `收文办理（第 2 版）`: a definition's name (its key when it has none) and version. */
export function definitionLabel(name: string | null, key: string, version: number): string {
  return `${name || key}（第 ${version} 版）`;
}

/** Process definitions named by id, in one statement; an unknown id is absent. */
export async function definitionLabels(m: EntityManager, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const { records } = await sql(
    m,
    `SELECT id, process_key, version, name FROM process_definition WHERE id IN (${unique.map(() => '?').join(',')})`,
    unique,
  );
  return new Map(
    records.map((r) => [String(r.id), definitionLabel(r.name === null ? null : String(r.name), String(r.process_key), Number(r.version))]),
  );
}
