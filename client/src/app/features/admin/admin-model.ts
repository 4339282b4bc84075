import type { CalendarDay, CalendarDayKind, Org, Role } from '@liuzhuan/contracts';

/** 三员: one person holds at most one of these (the server answers ROLE_SEPARATION otherwise). */
export const SEPARATED_ROLES: readonly Role[] = ['system_admin', 'security_admin', 'auditor'];

/** The separated roles among these when more than one is chosen, else []. */
export function separationConflict(roles: readonly Role[]): Role[] {
  const separated = SEPARATED_ROLES.filter((role) => roles.includes(role));
  return separated.length > 1 ? separated : [];
}

export interface OrgRow {
  org: Org;
  depth: number;
}

/** The organizations as a tree, flattened depth-first in sortOrder, name order; orphans at the top. */
export function orgTree(orgs: readonly Org[]): OrgRow[] {
  const ids = new Set(orgs.map((o) => o.id));
  const children = new Map<string | null, Org[]>();
  for (const org of orgs) {
    const parent = org.parentId && ids.has(org.parentId) ? org.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), org]);
  }
  const rows: OrgRow[] = [];
  const seen = new Set<string>();
  const visit = (parent: string | null, depth: number) => {
    const list = [...(children.get(parent) ?? [])].sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, 'zh-CN'));
    for (const org of list) {
      if (seen.has(org.id)) continue;
      seen.add(org.id);
      rows.push({ org, depth });
      visit(org.id, depth + 1);
    }
  };
  visit(null, 0);
  return rows;
}

/** The ids of an organization and everything under it (not eligible as its parent). */
export function subtreeIds(orgs: readonly Org[], id: string): Set<string> {
  const result = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const org of orgs) {
      if (org.parentId && result.has(org.parentId) && !result.has(org.id)) {
        result.add(org.id);
        grew = true;
      }
    }
  }
  return result;
}

export type DayClass = 'holiday' | 'workday' | 'weekend' | 'normal';

export interface DayCell {
  /** YYYY-MM-DD */
  day: string;
  date: number;
  cls: DayClass;
  working: boolean;
  entry: CalendarDay | null;
  local: boolean;
}

export interface MonthGrid {
  month: number;
  /** empty cells before the 1st, Monday-first week */
  lead: number;
  days: DayCell[];
}

const pad = (n: number) => String(n).padStart(2, '0');

export function isoDay(year: number, month: number, date: number): string {
  return `${year}-${pad(month)}-${pad(date)}`;
}

/** The twelve months of a year as grids: listed days win over the week (Mon–Fri work). */
export function yearGrid(year: number, listed: readonly CalendarDay[]): MonthGrid[] {
  const byDay = new Map(listed.map((d) => [d.day, d]));
  const months: MonthGrid[] = [];
  for (let month = 1; month <= 12; month++) {
    const first = new Date(Date.UTC(year, month - 1, 1)).getUTCDay(); // 0 = Sunday
    const length = new Date(Date.UTC(year, month, 0)).getUTCDate();
    const days: DayCell[] = [];
    for (let date = 1; date <= length; date++) {
      const day = isoDay(year, month, date);
      const weekday = (first + date - 1) % 7;
      const weekend = weekday === 0 || weekday === 6;
      const entry = byDay.get(day) ?? null;
      const cls: DayClass = entry ? entry.kind : weekend ? 'weekend' : 'normal';
      days.push({ day, date, cls, working: entry ? entry.kind === 'workday' : !weekend, entry, local: entry?.source === 'local' });
    }
    months.push({ month, lead: (first + 6) % 7, days });
  }
  return months;
}

export interface ParsedImport {
  days: { day: string; kind: CalendarDayKind; name: string }[];
  errors: { line: number; text: string }[];
}

const HOLIDAY_WORDS = ['休', '放假', '假', 'holiday', 'rest', 'off'];
const WORKDAY_WORDS = ['班', '上班', '调休上班', 'workday', 'work'];

/**
 * The days of a year as typed from the State Council's notice, one a line: `2027-01-01 休 元旦`
 * (also `2027/1/1`, tabs, full-width spaces). Blank lines and `#` comments are skipped.
 */
export function parseImport(text: string): ParsedImport {
  const result: ParsedImport = { days: [], errors: [] };
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.replace(/\u3000/g, ' ').trim();
    if (!line || line.startsWith('#')) return;
    const match = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?[\s,，]+(\S+)(?:[\s,，]+(.+))?$/.exec(line);
    const kindWord = match?.[4].toLowerCase() ?? '';
    const kind: CalendarDayKind | null = HOLIDAY_WORDS.includes(kindWord) ? 'holiday' : WORKDAY_WORDS.includes(kindWord) ? 'workday' : null;
    const month = Number(match?.[2]);
    const date = Number(match?.[3]);
    if (!match || !kind || month < 1 || month > 12 || date < 1 || date > 31) {
      result.errors.push({ line: index + 1, text: line });
      return;
    }
    const name = (match[5] ?? '').trim() || (kind === 'holiday' ? '放假' : '调休上班');
    result.days.push({ day: isoDay(Number(match[1]), month, date), kind, name });
  });
  return result;
}
