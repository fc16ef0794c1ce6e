/** The time zone every date on the site is shown in. */
export const SITE_TIME_ZONE = 'Asia/Jakarta';

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
const timeFormatter = new Intl.DateTimeFormat('id-ID', {
  timeZone: SITE_TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** `Jumat, 27 Desember 2024`. */
export function formatLongDate(date: Date): string {
  return dayFormatter.format(date);
}

/** `27 Des 2024`, for lists. */
export function formatShortDate(date: Date): string {
  return shortDayFormatter.format(date);
}

/** `10:15 WIB`. id-ID writes `10.15`; newsrooms print the colon. */
export function formatTime(date: Date): string {
  const parts = timeFormatter.formatToParts(date);
  const hour = parts.find((p) => p.type === 'hour')?.value ?? '00';
  const minute = parts.find((p) => p.type === 'minute')?.value ?? '00';
  return `${hour}:${minute} WIB`;
}

/** `Jumat, 27 Desember 2024 | 10:15 WIB`. */
export function formatDateTime(date: Date): string {
  return `${formatLongDate(date)} | ${formatTime(date)}`;
}

/** ISO 8601 in WIB with its offset, e.g. `2024-12-27T10:15:00+07:00`, for `<time datetime>` and metadata. */
export function toJakartaIso(date: Date): string {
  const shifted = new Date(date.getTime() + 7 * 3600_000);
  return `${shifted.toISOString().slice(0, 19)}+07:00`;
}
