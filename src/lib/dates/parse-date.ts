/** Offset used when a date has none: Asia/Jakarta (WIB) has been UTC+7 without DST since 1964. */
export const JAKARTA_OFFSET = '+07:00';

/** Result of {@link parseArticleDate}: a date, or why the text is not one. */
export type ParsedDate = { ok: true; date: Date } | { ok: false; reason: string };

// Hand-written because no small maintained library parses ISO 8601 with a default zone other
// than UTC or local time, and Temporal is not in Node 22.
const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * Parses an ISO 8601 date or date-time. A value without an offset is read as Asia/Jakarta time;
 * a date alone means midnight WIB. Impossible dates such as 2024-02-30 are rejected.
 */
export function parseArticleDate(value: unknown): ParsedDate {
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? { ok: false, reason: 'is not a valid date' } : { ok: true, date: value };
  }
  if (typeof value !== 'string') return { ok: false, reason: `must be an ISO 8601 date text, not ${describe(value)}` };
  const match = ISO_DATE.exec(value.trim());
  if (!match) return { ok: false, reason: 'is not an ISO 8601 date (YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS][+07:00])' };
  // Year, month and day always match; their defaults only tell noUncheckedIndexedAccess so.
  const [, y = '', mo = '', d = '', h = '00', mi = '00', s = '00', fraction = '', zone = JAKARTA_OFFSET] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (month < 1 || month > 12) return { ok: false, reason: `has month ${mo}, which does not exist` };
  if (day < 1 || day > daysInMonth(year, month))
    return { ok: false, reason: `has day ${d}, which month ${mo} of ${y} does not have` };
  if (hour > 23 || minute > 59 || second > 59)
    return { ok: false, reason: `has time ${h}:${mi}:${s}, which does not exist` };
  const offset = normaliseOffset(zone);
  if (offset === undefined) return { ok: false, reason: `has offset ${zone}, which does not exist` };
  const millis = fraction ? `.${fraction.padEnd(3, '0').slice(0, 3)}` : '';
  const iso = `${y}-${mo}-${d}T${h}:${mi}:${s}${millis}${offset}`;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return { ok: false, reason: 'is not a valid date' };
  return { ok: true, date };
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function normaliseOffset(zone: string): string | undefined {
  if (zone.toUpperCase() === 'Z') return 'Z';
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
  if (!m) return undefined;
  const [, sign = '', hh = '', mm = ''] = m;
  if (Number(hh) > 14 || Number(mm) > 59) return undefined;
  return `${sign}${hh}:${mm}`;
}

function describe(value: unknown): string {
  if (value === null) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  return `a ${typeof value}`;
}
