/**
 * Dates for imported articles. Front matter dates are always written as ISO 8601 with the
 * Asia/Jakarta offset (`2024-12-27T10:15:00+07:00`); Indonesia has had no daylight saving
 * since 1964, so the offset is a constant.
 */

/** Minutes east of UTC for Asia/Jakarta (WIB). */
const JAKARTA_OFFSET_MINUTES = 7 * 60;
const MINUTE = 60_000;

/** Formats an instant as `YYYY-MM-DDTHH:MM:SS+07:00` (seconds kept, milliseconds dropped). */
export function formatJakartaDate(instant: Date): string {
  const local = new Date(instant.getTime() + JAKARTA_OFFSET_MINUTES * MINUTE);
  const pad = (value: number, width = 2): string => String(value).padStart(width, '0');
  const date = `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`;
  const time = `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}`;
  return `${date}T${time}+07:00`;
}

/** The instant of a wall-clock time at a UTC offset, or undefined when a field is out of range. */
export function instantFromParts(
  parts: { year: number; month: number; day: number; hour?: number; minute?: number; second?: number },
  offsetMinutes: number = JAKARTA_OFFSET_MINUTES,
): Date | undefined {
  const { year, month, day, hour = 0, minute = 0, second = 0 } = parts;
  if (year < 1000 || month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return undefined;
  const utc = Date.UTC(year, month - 1, day, hour, minute, second);
  // Date.UTC rolls 31 February over into March: reject instead.
  if (new Date(utc).getUTCDate() !== day) return undefined;
  return new Date(utc - offsetMinutes * MINUTE);
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

/**
 * Parses an ISO 8601 date or date-time as given to `--date`. Without an offset the time is
 * read in Asia/Jakarta; a date alone means midnight in Jakarta. Returns undefined if invalid.
 */
export function parseIsoDate(value: string): Date | undefined {
  const match = ISO.exec(value.trim());
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second, offset] = match;
  let offsetMinutes = JAKARTA_OFFSET_MINUTES;
  if (offset !== undefined) {
    if (offset.toUpperCase() === 'Z') offsetMinutes = 0;
    else {
      const digits = offset.replace(':', '');
      const hours = Number(digits.slice(1, 3));
      const minutes = Number(digits.slice(3, 5));
      if (hours > 14 || minutes > 59) return undefined;
      offsetMinutes = (offset.startsWith('-') ? -1 : 1) * (hours * 60 + minutes);
    }
  }
  return instantFromParts(
    {
      year: Number(year),
      month: Number(month),
      day: Number(day),
      hour: Number(hour ?? 0),
      minute: Number(minute ?? 0),
      second: Number(second ?? 0),
    },
    offsetMinutes,
  );
}
