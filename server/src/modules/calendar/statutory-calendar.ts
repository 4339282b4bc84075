import type { CalendarDayKind } from '@liuzhuan/contracts';

/**
 * The statutory holidays and 调休 make-up workdays bundled in the `chinese-days` package, which
 * transcribes each year's 国务院办公厅《关于…年部分节假日安排的通知》 (2004 onwards).
 *
 * Its documented JSON (`dist/chinese-days.json`) maps `YYYY-MM-DD` → `"English,中文,days"` in
 * `holidays` (every rest day of a holiday period, weekends included) and `workdays` (the make-up
 * working days). It is read at run time with `require`: node_modules stay outside the webpack
 * bundle, so the migration and the import endpoint read the installed package.
 */
export const STATUTORY_SOURCE = 'chinese-days';

export interface StatutoryDay {
  day: string;
  kind: CalendarDayKind;
  name: string;
}

interface ChineseDaysJson {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

let cache: Map<number, StatutoryDay[]> | null = null;

function load(): Map<number, StatutoryDay[]> {
  if (cache) return cache;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a data file of an external package, see above
  const data = require('chinese-days/dist/chinese-days.json') as ChineseDaysJson;
  const byYear = new Map<number, StatutoryDay[]>();
  const add = (day: string, kind: CalendarDayKind, value: string) => {
    const festival = value.split(',')[1]?.trim() || value;
    const name = kind === 'holiday' ? festival : `${festival}调休上班`;
    const year = +day.slice(0, 4);
    const list = byYear.get(year) ?? [];
    list.push({ day, kind, name });
    byYear.set(year, list);
  };
  for (const [day, value] of Object.entries(data.holidays)) add(day, 'holiday', value);
  for (const [day, value] of Object.entries(data.workdays)) add(day, 'workday', value);
  for (const list of byYear.values()) list.sort((a, b) => a.day.localeCompare(b.day));
  cache = byYear;
  return byYear;
}

/** The years the package covers, ascending. */
export function statutoryYears(): number[] {
  return [...load().keys()].sort((a, b) => a - b);
}

/** The listed days of one year, or null when the package does not know the year. */
export function statutoryDays(year: number): StatutoryDay[] | null {
  return load().get(year) ?? null;
}

/** The installed package version, recorded in the change log so a reload can be traced. */
export function statutoryDataVersion(): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- see load()
  return (require('chinese-days/package.json') as { version: string }).version;
}
