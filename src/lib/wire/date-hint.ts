import { formatJakartaDate, instantFromParts } from './date.ts';
import { trimEndMatching } from '../text/trim.ts';

/** A full date found in the story text, for `--date-from-text`. */
export interface DateHint {
  /** The date as written: `Jumat, 27 Desember 2024`, `27/12/2024, pukul 10.15 WIB`. */
  readonly text: string;
  /** 1-based line of the text where it was found. */
  readonly line: number;
  /** The date as front matter writes it: `2024-12-27T10:15:00+07:00` (midnight without a time). */
  readonly iso: string;
  /** Set when a weekday was written and does not fall on the date, e.g. "Senin, 27 Desember 2024". */
  readonly weekdayMismatch: string | undefined;
}

// Indonesian month names and their newsroom abbreviations, plus English names for foreign copy.
const MONTHS: Readonly<Record<string, number>> = {
  januari: 1,
  jan: 1,
  january: 1,
  februari: 2,
  pebruari: 2,
  feb: 2,
  peb: 2,
  february: 2,
  maret: 3,
  mar: 3,
  march: 3,
  april: 4,
  apr: 4,
  mei: 5,
  may: 5,
  juni: 6,
  jun: 6,
  june: 6,
  juli: 7,
  jul: 7,
  july: 7,
  agustus: 8,
  agu: 8,
  agt: 8,
  ags: 8,
  agst: 8,
  august: 8,
  aug: 8,
  september: 9,
  sep: 9,
  sept: 9,
  oktober: 10,
  okt: 10,
  october: 10,
  oct: 10,
  november: 11,
  nopember: 11,
  nov: 11,
  nop: 11,
  desember: 12,
  des: 12,
  december: 12,
  dec: 12,
};
// Index = Date#getUTCDay(); "Jum'at" and "Ahad" are common spellings too.
const WEEKDAYS = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'];
const WEEKDAY_ALIASES: Readonly<Record<string, number>> = { ahad: 0, "jum'at": 5, 'jum’at': 5 };

// Offsets of the Indonesian time zones a wire story may quote.
const ZONES: Readonly<Record<string, number>> = { wib: 7 * 60, wita: 8 * 60, wit: 9 * 60 };

const MONTH_NAMES = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|');
const WEEKDAY = String.raw`(?:(senin|selasa|rabu|kamis|jum[’']?at|sabtu|minggu|ahad)\s*,?\s*\(?\s*)?`;
const DAY_MONTH_YEAR = String.raw`(\d{1,2})\s+(${MONTH_NAMES})\.?\s+(\d{4})`;
const NUMERIC = String.raw`(\d{1,2})/(\d{1,2})/(\d{4})`;
const ISO_DAY = String.raw`(\d{4})-(\d{2})-(\d{2})`;
// A time only counts when it is marked as one: "pukul 10.15", "10:15 WIB".
const TIME = String.raw`(?:\)?\s*,?\s*(?:(?:pukul|jam|pkl\.?)\s*(\d{1,2})[.:](\d{2})(?:\s*(wib|wita|wit)\b)?|(\d{1,2})[.:](\d{2})\s*(wib|wita|wit)\b))?`;
const HINT = new RegExp(
  String.raw`(?<![\p{L}\p{N}/-])${WEEKDAY}(?:${DAY_MONTH_YEAR}|${NUMERIC}|${ISO_DAY})(?![\p{N}/])${TIME}`,
  'iu',
);

/** Finds the first full date (day, month and year) in `lines`; `firstLine` numbers lines[0]. */
export function findDateHint(lines: readonly string[], firstLine = 1): DateHint | undefined {
  for (const [index, line] of lines.entries()) {
    const hint = readDateHint(line, firstLine + index);
    if (hint) return hint;
  }
  return undefined;
}

/**
 * Reads `line` as a date line: one that holds only a date (and time), like the
 * "Jumat, 27 Desember 2024" that wire services put under the headline.
 */
export function readDateLine(line: string, lineNumber: number): DateHint | undefined {
  const hint = readDateHint(line, lineNumber);
  if (!hint) return undefined;
  const rest = line.replace(hint.text, '').replace(/\b(?:WIB|WITA|WIT)\b|[\s,.()|–—-]/giu, '');
  return rest === '' ? hint : undefined;
}

function readDateHint(line: string, lineNumber: number): DateHint | undefined {
  const pattern = new RegExp(HINT.source, 'giu');
  for (const match of line.matchAll(pattern)) {
    const [text, weekday, d1, monthName, y1, d2, m2, y2, y3, m3, d3, h1, min1, zone1, h2, min2, zone2] = match;
    const day = Number(d1 ?? d2 ?? d3);
    const month = monthName !== undefined ? MONTHS[monthName.toLowerCase()] : Number(m2 ?? m3);
    const year = Number(y1 ?? y2 ?? y3);
    const hour = h1 ?? h2;
    const zone = (zone1 ?? zone2)?.toLowerCase();
    if (month === undefined) continue;
    const instant = instantFromParts(
      { year, month, day, hour: Number(hour ?? 0), minute: Number(min1 ?? min2 ?? 0) },
      zone === undefined ? undefined : ZONES[zone],
    );
    if (!instant) continue;
    return {
      text: trimEndMatching(text, /[\s,(]/),
      line: lineNumber,
      iso: formatJakartaDate(instant),
      weekdayMismatch: checkWeekday(weekday, year, month, day),
    };
  }
  return undefined;
}

function checkWeekday(weekday: string | undefined, year: number, month: number, day: number): string | undefined {
  if (weekday === undefined) return undefined;
  const name = weekday.toLowerCase();
  const written = WEEKDAY_ALIASES[name] ?? WEEKDAYS.findIndex((day) => day.toLowerCase() === name);
  const actual = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return written === actual ? undefined : WEEKDAYS[actual];
}
