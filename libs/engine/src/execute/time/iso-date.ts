const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * Parses an ISO 8601 date or date-time to epoch milliseconds. A date-time without an offset is
 * UTC (the engine has no local zone); a bare date is midnight UTC. Null when invalid.
 */
export function parseIsoDateTime(text: string): number | null {
  const match = DATE_TIME.exec(text.trim());
  if (!match) return null;
  const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = '', zone = 'Z'] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (year < 100 || month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return null;
  const ms = Date.UTC(year, month - 1, day, hour, minute, second, Math.round(Number(`0.${fraction || '0'}`) * 1000));
  if (new Date(ms).getUTCDate() !== day) return null; // 2026-02-30 rolls over: invalid
  const offset = zoneOffsetMinutes(zone);
  return offset === null ? null : ms - offset * 60_000;
}

function zoneOffsetMinutes(zone: string): number | null {
  if (zone.toUpperCase() === 'Z') return 0;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2)) : 0;
  if (hours > 18 || minutes > 59) return null;
  return (zone[0] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

/** Normalised ISO string in UTC, e.g. `2026-01-01T00:00:00.000Z`. */
export function toIso(ms: number): string {
  return new Date(ms).toISOString();
}

/** Epoch milliseconds of an ISO date-time; throws for invalid input (a programmer error). */
export function requireIsoDateTime(text: string): number {
  const ms = parseIsoDateTime(text);
  if (ms === null) throw new Error(`not an ISO 8601 date-time: ${text}`);
  return ms;
}

/** Date.UTC's range: ±8.64e15 ms. */
export function isValidMs(ms: number): boolean {
  return Number.isFinite(ms) && Math.abs(ms) <= 8.64e15;
}
