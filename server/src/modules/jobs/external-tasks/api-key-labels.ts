import type { EntityManager } from 'typeorm';
import { sql } from '../../../platform/database/table';

/** API key names by id, in one statement (a revoked key keeps its name); an unknown id is absent. */
export async function apiKeyLabels(m: EntityManager, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const { records } = await sql(m, `SELECT id, name FROM api_key WHERE id IN (${unique.map(() => '?').join(',')})`, unique);
  return new Map(records.map((r) => [String(r.id), String(r.name)]));
}
