import type { EntityManager } from 'typeorm';
import { sql } from '../../platform/database/table';

/** A user as the audit console names one: the display name and the account. */
export interface UserLabel {
  id: string;
  username: string;
  displayName: string;
}

const slots = (n: number) => Array.from({ length: n }, () => '?').join(',');

/**
 * The users named by `keys`, each an id or a username (audit events name a user either way), in
 * one statement; a key that names nobody (a deleted account, a mistyped sign-in) is absent.
 * The map holds each user under its id and its username.
 */
export async function userLabels(m: EntityManager, keys: readonly string[]): Promise<Map<string, UserLabel>> {
  const out = new Map<string, UserLabel>();
  const unique = [...new Set(keys)];
  if (!unique.length) return out;
  const { records } = await sql(
    m,
    `SELECT id, username, display_name FROM app_user WHERE id IN (${slots(unique.length)}) OR username IN (${slots(unique.length)})`,
    [...unique, ...unique],
  );
  for (const r of records) {
    const label = { id: String(r.id), username: String(r.username), displayName: String(r.display_name) };
    out.set(label.id, label);
    out.set(label.username, label);
  }
  return out;
}

/** Organization names by id, in one statement; an unknown id is absent. */
export async function orgLabels(m: EntityManager, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const { records } = await sql(m, `SELECT id, name FROM org WHERE id IN (${slots(unique.length)})`, unique);
  return new Map(records.map((r) => [String(r.id), String(r.name)]));
}
