import type { Article } from '../content/article.ts';
import { formatTime, toJakartaIso } from '../dates/format-date.ts';
import {
  calendarDateOf,
  dayNumberOf,
  daysInMonth,
  formatDayNumber,
  isoDate,
  monthName,
  weekdayOf,
  wibDayNumber,
  type CalendarDate,
} from '../dates/wib-day.ts';
import { oncePerObject } from '../once-per-object.ts';
import { articlePath, categoryPath, indeksDayPath, indeksMonthPath, indeksYearPath } from '../routes.ts';
import type { DateView } from './article-view.ts';
import { pictureView, type PictureView } from './picture-view.ts';

/**
 * The archive by date, "Indeks" (issue #19): a page per WIB day with stories, per month and per
 * year. Everything here is computed from one pass over the articles that puts each in its WIB day;
 * months and years are sums over days. Each page's view holds only what that page shows, since it is
 * also the page's cache key: publishing a story changes its day, month and year pages and the days
 * whose previous/next link now points to its day, and leaves every other archive page to be copied.
 */

/** A WIB day with stories. */
export interface ArchiveDay {
  /** Days since 1 January 1970 (see src/lib/dates/wib-day.ts). */
  readonly dayNumber: number;
  readonly date: CalendarDate;
  /** The day's stories, newest first. */
  readonly articles: readonly Article[];
}

/** Every article by WIB day. */
export interface Archive {
  /** The days with stories, oldest first. */
  readonly days: readonly ArchiveDay[];
  /** Position in `days` of each day number that has stories. */
  readonly positions: ReadonlyMap<number, number>;
}

/**
 * Puts `articles` (newest first, as the site index holds them) in their WIB days, in one pass, and
 * keeps them newest first within each day.
 */
export function indexArchive(articles: readonly Article[]): Archive {
  const byDay = new Map<number, Article[]>();
  for (const article of articles) {
    const dayNumber = wibDayNumber(article.date);
    const list = byDay.get(dayNumber);
    if (list) list.push(article);
    else byDay.set(dayNumber, [article]);
  }
  const days = [...byDay]
    .sort(([a], [b]) => a - b)
    .map(([dayNumber, list]) => ({ dayNumber, date: calendarDateOf(dayNumber), articles: list }));
  return { days, positions: new Map(days.map((d, i) => [d.dayNumber, i])) };
}

/** A link to a page of the archive with its text: `Kamis, 9 Januari 2025`, `Januari 2025`. */
export interface ArchiveLink {
  readonly href: string;
  readonly text: string;
}

/** One cell of a month calendar: a day of the month. */
export interface CalendarCell {
  readonly day: number;
  /** `2025-01-05`, for `<time datetime>`. */
  readonly iso: string;
  /** The day's page, when it has stories. */
  readonly href: string | undefined;
  /** How many stories, on the month page only (a day page's calendar shows only links, see `dayPage`). */
  readonly count: number | undefined;
  /** The day the page is about. */
  readonly current: boolean;
}

/** A month as a table: weeks Monday to Sunday, `null` before the 1st and after the last day. */
export interface CalendarView {
  /** `Januari 2025`. */
  readonly caption: string;
  /** The month's page. */
  readonly href: string;
  readonly weeks: readonly (readonly (CalendarCell | null)[])[];
}

/**
 * The calendar of `month` (1–12) of `year`, its days with stories linked to their pages, `current`
 * marked; with each day's count when `counts` is given (day number to count).
 */
export function monthCalendar(
  archive: Archive,
  year: number,
  month: number,
  options: { readonly current?: number | undefined; readonly counts?: boolean } = {},
): CalendarView {
  const first = dayNumberOf(year, month, 1);
  const length = daysInMonth(year, month);
  const cells: (CalendarCell | null)[] = Array.from({ length: weekdayOf(first) }, () => null);
  for (let day = 1; day <= length; day++) {
    const dayNumber = first + day - 1;
    const at = archive.positions.get(dayNumber);
    const stories = at === undefined ? undefined : archive.days[at];
    cells.push({
      day,
      iso: isoDate({ year, month, day }),
      href: stories ? indeksDayPath(year, month, day) : undefined,
      count: options.counts === true ? (stories?.articles.length ?? 0) : undefined,
      current: dayNumber === options.current,
    });
  }
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (CalendarCell | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return { caption: `${monthName(month)} ${year}`, href: indeksMonthPath(year, month), weeks };
}

/** A story on a day page: its time, headline and thumbnail. */
export interface IndeksEntry {
  readonly href: string;
  readonly title: string;
  /** `10:15 WIB`. */
  readonly time: DateView;
  readonly thumb: PictureView | undefined;
}

/** A section (category) of a day page with its stories, newest first. */
export interface IndeksSection {
  readonly name: string;
  readonly href: string;
  readonly entries: readonly IndeksEntry[];
}

/** Everything a day page shows; also what `/indeks/` shows of the latest day. */
export interface IndeksDayView {
  /** Astro's params for `indeks/[year]/[month]/[day].astro`. */
  readonly params: { readonly year: string; readonly month: string; readonly day: string };
  readonly href: string;
  /** `Minggu, 5 Januari 2025`. */
  readonly heading: string;
  /** `2025-01-05`. */
  readonly iso: string;
  readonly count: number;
  /** The day's stories by section, in the site's category order. */
  readonly sections: readonly IndeksSection[];
  /** The previous (older) and next (newer) day with stories. */
  readonly previous: ArchiveLink | undefined;
  readonly next: ArchiveLink | undefined;
  /** The month around the day, without counts. */
  readonly calendar: CalendarView;
  readonly month: ArchiveLink;
  readonly year: ArchiveLink;
}

/**
 * Rank of each category slug in the site's category order: `categories` as the site index sorts
 * them (configured order, then alphabetical). Computed once and shared by every day page.
 */
export function categoryRanks(categories: readonly { readonly slug: string }[]): ReadonlyMap<string, number> {
  return new Map(categories.map((c, i) => [c.slug, i]));
}

const dayLink = (day: ArchiveDay | undefined): ArchiveLink | undefined =>
  day && {
    href: indeksDayPath(day.date.year, day.date.month, day.date.day),
    text: formatDayNumber(day.dayNumber),
  };

/**
 * A story's line on its day page, once per article object: the publish server keeps an unchanged
 * story's object from one publish to the next (see `acrossBuilds`), so a publish formats the times
 * of the changed stories, not of the archive's 100,000 (issue #20).
 */
const entryOf = oncePerObject(
  (article: Article): IndeksEntry => ({
    href: articlePath(article.slug),
    title: article.title,
    time: { text: formatTime(article.date), iso: toJakartaIso(article.date) },
    thumb: article.image ? pictureView(article.image, 'thumb') : undefined,
  }),
  'indeks-entry',
);

/**
 * The page of the day at `position` in `archive.days`. Its calendar marks which days of the month
 * have stories but not how many: with counts, every story would re-render the whole month's day pages;
 * without, only a month's first story on a new day does (its calendar gains a link).
 */
export function dayPage(archive: Archive, position: number, ranks: ReadonlyMap<string, number>): IndeksDayView {
  const day = archive.days[position];
  if (!day) throw new RangeError(`No archive day at ${position} of ${archive.days.length}`);
  const { year, month } = day.date;
  const sections = new Map<string, { name: string; href: string; entries: IndeksEntry[] }>();
  for (const article of day.articles) {
    const slug = article.category.slug;
    let section = sections.get(slug);
    if (!section) {
      section = { name: article.category.name, href: categoryPath(slug), entries: [] };
      sections.set(slug, section);
    }
    section.entries.push(entryOf(article));
  }
  const rank = (slug: string): number => ranks.get(slug) ?? Number.POSITIVE_INFINITY;
  const href = indeksDayPath(year, month, day.date.day);
  return {
    params: { year: String(year), month: twoDigits(month), day: twoDigits(day.date.day) },
    href,
    heading: formatDayNumber(day.dayNumber),
    iso: isoDate(day.date),
    count: day.articles.length,
    sections: [...sections]
      .sort(([a, x], [b, y]) => rank(a) - rank(b) || x.name.localeCompare(y.name, 'id'))
      .map(([, s]) => s),
    previous: dayLink(archive.days[position - 1]),
    next: dayLink(archive.days[position + 1]),
    calendar: monthCalendar(archive, year, month, { current: day.dayNumber }),
    month: { href: indeksMonthPath(year, month), text: `${monthName(month)} ${year}` },
    year: { href: indeksYearPath(year), text: String(year) },
  };
}

/** A section with how many stories it has in a month. */
export interface SectionCount {
  readonly name: string;
  readonly href: string;
  readonly count: number;
}

/** Everything a month page shows. */
export interface IndeksMonthView {
  readonly params: { readonly year: string; readonly month: string };
  readonly href: string;
  /** `Januari 2025`. */
  readonly heading: string;
  readonly count: number;
  /** The calendar with each day's count. */
  readonly calendar: CalendarView;
  /** Stories per section, in the site's category order. */
  readonly sections: readonly SectionCount[];
  /** The previous and next month with stories. */
  readonly previous: ArchiveLink | undefined;
  readonly next: ArchiveLink | undefined;
  readonly year: ArchiveLink;
}

/** Everything a year page shows. */
export interface IndeksYearView {
  readonly params: { readonly year: string };
  readonly href: string;
  readonly heading: string;
  readonly count: number;
  /** All twelve months, linked when they have stories. */
  readonly months: readonly { readonly name: string; readonly href: string | undefined; readonly count: number }[];
  /** The previous and next year with stories. */
  readonly previous: ArchiveLink | undefined;
  readonly next: ArchiveLink | undefined;
}

const twoDigits = (n: number): string => String(n).padStart(2, '0');

/** The days of `archive` by month, in order: `[year, month, days]`. */
function monthsOf(archive: Archive): { year: number; month: number; days: ArchiveDay[] }[] {
  const months: { year: number; month: number; days: ArchiveDay[] }[] = [];
  for (const day of archive.days) {
    const last = months.at(-1);
    if (last?.year === day.date.year && last.month === day.date.month) last.days.push(day);
    else months.push({ year: day.date.year, month: day.date.month, days: [day] });
  }
  return months;
}

const monthLink = (m: { year: number; month: number } | undefined): ArchiveLink | undefined =>
  m && { href: indeksMonthPath(m.year, m.month), text: `${monthName(m.month)} ${m.year}` };

/** The month pages: one per month with stories, oldest first. */
export function monthPages(archive: Archive, ranks: ReadonlyMap<string, number>): IndeksMonthView[] {
  const months = monthsOf(archive);
  const rank = (slug: string): number => ranks.get(slug) ?? Number.POSITIVE_INFINITY;
  return months.map(({ year, month, days }, i) => {
    const sections = new Map<string, { name: string; href: string; count: number }>();
    let count = 0;
    for (const day of days) {
      count += day.articles.length;
      for (const article of day.articles) {
        const slug = article.category.slug;
        const section = sections.get(slug);
        if (section) section.count++;
        else sections.set(slug, { name: article.category.name, href: categoryPath(slug), count: 1 });
      }
    }
    return {
      params: { year: String(year), month: twoDigits(month) },
      href: indeksMonthPath(year, month),
      heading: `${monthName(month)} ${year}`,
      count,
      calendar: monthCalendar(archive, year, month, { counts: true }),
      sections: [...sections]
        .sort(([a, x], [b, y]) => rank(a) - rank(b) || x.name.localeCompare(y.name, 'id'))
        .map(([, s]) => s),
      previous: monthLink(months[i - 1]),
      next: monthLink(months[i + 1]),
      year: { href: indeksYearPath(year), text: String(year) },
    };
  });
}

/** The year pages: one per year with stories, oldest first, each listing its twelve months. */
export function yearPages(archive: Archive): IndeksYearView[] {
  const years = new Map<number, number[]>();
  for (const day of archive.days) {
    let counts = years.get(day.date.year);
    if (!counts) {
      counts = Array.from({ length: 12 }, () => 0);
      years.set(day.date.year, counts);
    }
    counts[day.date.month - 1] = (counts[day.date.month - 1] ?? 0) + day.articles.length;
  }
  const list = [...years];
  const yearLink = (entry: [number, number[]] | undefined): ArchiveLink | undefined =>
    entry && { href: indeksYearPath(entry[0]), text: String(entry[0]) };
  return list.map(([year, counts], i) => ({
    params: { year: String(year) },
    href: indeksYearPath(year),
    heading: String(year),
    count: counts.reduce((a, b) => a + b, 0),
    months: counts.map((count, m) => ({
      name: monthName(m + 1),
      href: count > 0 ? indeksMonthPath(year, m + 1) : undefined,
      count,
    })),
    previous: yearLink(list[i - 1]),
    next: yearLink(list[i + 1]),
  }));
}

/** The archive's latest day, for `/indeks/`: undefined when nothing is published. */
export function latestDayPage(archive: Archive, ranks: ReadonlyMap<string, number>): IndeksDayView | undefined {
  return archive.days.length === 0 ? undefined : dayPage(archive, archive.days.length - 1, ranks);
}
