import { calendarDateOf, monthName, wibDayNumber } from './wib-day.ts';

/** The time zone every date on the site is shown in. */
export const SITE_TIME_ZONE = 'Asia/Jakarta';

/**
 * WIB is UTC+7 all year (Indonesia has had no daylight saving time since 1964), so a Jakarta
 * calendar day and clock time follow from the UTC time by adding this offset.
 */
const WIB_OFFSET_MS = 7 * 3600_000;

const dayFormatter = new Intl.DateTimeFormat('id-ID', {
  timeZone: SITE_TIME_ZONE,
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const shortDayFormatter = new Intl.DateTimeFormat('id-ID', {
  timeZone: SITE_TIME_ZONE,
  day: 'numeric',
  month: 'short',
  year: 'numeric',
});

/**
 * Formats once per WIB calendar day. Every page formats its own dates and those of the articles it
 * lists, hundreds of thousands of `Intl` calls in a large build (about a second of CPU profile at
 * 10,000 articles), yet a ten-year archive has under 4,000 distinct days.
 */
function perDay(formatter: Intl.DateTimeFormat): (date: Date) => string {
  const byDay = new Map<number, string>();
  return (date) => {
    const day = wibDayNumber(date);
    let text = byDay.get(day);
    if (text === undefined) {
      text = formatter.format(date);
      byDay.set(day, text);
    }
    return text;
  };
}

/** `Jumat, 27 Desember 2024`. */
export const formatLongDate: (date: Date) => string = perDay(dayFormatter);

/** `27 Des 2024`, for lists. */
export const formatShortDate: (date: Date) => string = perDay(shortDayFormatter);

/** `10:15 WIB`. id-ID writes `10.15`; newsrooms print the colon. */
export function formatTime(date: Date): string {
  return `${toJakartaIso(date).slice(11, 16)} WIB`;
}

/**
 * `27 Des 2024, 10:15 WIB`: the one date style of every list (cards, Terkini, search results), where
 * several stories of one day may stand together and only the time tells them apart (issue #19).
 */
export function formatListDate(date: Date): string {
  return `${formatShortDate(date)}, ${formatTime(date)}`;
}

/**
 * The WIB days from `from` to `to` (either order), as an archive page of a list names its stories:
 * `9 Desember 2024`, `3–9 Desember 2024`, `28 November – 4 Desember 2024`,
 * `30 Desember 2024 – 5 Januari 2025`.
 */
export function formatDayRange(from: Date, to: Date): string {
  const [a, b] = [wibDayNumber(from), wibDayNumber(to)].sort((x, y) => x - y) as [number, number];
  const first = calendarDateOf(a);
  const last = calendarDateOf(b);
  const end = `${last.day} ${monthName(last.month)} ${last.year}`;
  if (a === b) return end;
  if (first.year !== last.year) return `${first.day} ${monthName(first.month)} ${first.year} – ${end}`;
  if (first.month !== last.month) return `${first.day} ${monthName(first.month)} – ${end}`;
  return `${first.day}–${end}`;
}

/** `Jumat, 27 Desember 2024 | 10:15 WIB`. */
export function formatDateTime(date: Date): string {
  return `${formatLongDate(date)} | ${formatTime(date)}`;
}

/** ISO 8601 in WIB with its offset, e.g. `2024-12-27T10:15:00+07:00`, for `<time datetime>` and metadata. */
export function toJakartaIso(date: Date): string {
  const shifted = new Date(date.getTime() + WIB_OFFSET_MS);
  return `${shifted.toISOString().slice(0, 19)}+07:00`;
}
