/**
 * WIB calendar days as numbers, for the archive by date (issue #19). WIB is UTC+7 all year
 * (Indonesia has had no daylight saving time since 1964), so the WIB day of a time is the UTC day of
 * that time plus seven hours: a story at 23:30 WIB (16:30 UTC) is on that WIB day, and one at 06:30
 * WIB (23:30 UTC the day before) on the next. Day numbers count from 1 January 1970, so consecutive
 * days are consecutive integers and a day's weekday and date follow by arithmetic, with no `Intl`
 * call and no dependence on the machine's time zone.
 */

const WIB_OFFSET_MS = 7 * 3600_000;
const DAY_MS = 86_400_000;

/** A WIB calendar date: `month` 1–12, `day` 1–31. */
export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** Indonesian month names, January first. */
export const MONTH_NAMES = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
] as const;

/** Indonesian weekday names, Monday first (an Indonesian calendar's week starts on Senin). */
export const WEEKDAY_NAMES = ['Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu', 'Minggu'] as const;

/** The weekdays as a calendar's column headings write them: `Sen` … `Min`. */
export const WEEKDAY_SHORT_NAMES = ['Sen', 'Sel', 'Rab', 'Kam', 'Jum', 'Sab', 'Min'] as const;

/** The WIB day of `date`, as days since 1 January 1970. */
export function wibDayNumber(date: Date): number {
  return Math.floor((date.getTime() + WIB_OFFSET_MS) / DAY_MS);
}

/** The day number of a calendar date (the inverse of {@link calendarDateOf}). */
export function dayNumberOf(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

/** The calendar date of a day number. */
export function calendarDateOf(dayNumber: number): CalendarDate {
  const d = new Date(dayNumber * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** The weekday of a day number, Monday 0 … Sunday 6 (1 January 1970 was a Thursday, 3). */
export function weekdayOf(dayNumber: number): number {
  return (((dayNumber + 3) % 7) + 7) % 7;
}

/** How many days `month` (1–12) of `year` has. */
export function daysInMonth(year: number, month: number): number {
  return dayNumberOf(year, month + 1, 1) - dayNumberOf(year, month, 1);
}

/** `2025-01-05`, the date in ISO 8601 for `<time datetime>`. */
export function isoDate({ year, month, day }: CalendarDate): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** `Minggu, 5 Januari 2025`, as formatLongDate writes it, from a day number. */
export function formatDayNumber(dayNumber: number): string {
  const { year, month, day } = calendarDateOf(dayNumber);
  return `${WEEKDAY_NAMES[weekdayOf(dayNumber)] ?? ''}, ${day} ${monthName(month)} ${year}`;
}

/** `Januari`. */
export function monthName(month: number): string {
  return MONTH_NAMES[month - 1] ?? String(month);
}
