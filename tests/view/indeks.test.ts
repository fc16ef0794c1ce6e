import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatLongDate } from '../../src/lib/dates/format-date.ts';
import {
  calendarDateOf,
  dayNumberOf,
  daysInMonth,
  formatDayNumber,
  weekdayOf,
  wibDayNumber,
} from '../../src/lib/dates/wib-day.ts';
import { archiveDayPath, toListView } from '../../src/lib/view/article-view.ts';
import {
  categoryRanks,
  dayPage,
  indexArchive,
  latestDayPage,
  monthCalendar,
  monthPages,
  yearPages,
} from '../../src/lib/view/indeks.ts';
import { indexSite } from '../../src/lib/view/site-index.ts';
import { makeArticle } from './make-article.ts';

const at = (iso: string): Date => new Date(iso);

// Newest first, as the site index holds them.
const ARTICLES = [
  makeArticle('pagi-senin', { date: at('2025-01-06T06:30:00+07:00'), category: 'Ekonomi' }),
  // 23:30 UTC on the 5th is 06:30 WIB on the 6th.
  makeArticle('bursa-asia', { date: at('2025-01-05T23:30:00Z'), category: 'Ekonomi' }),
  makeArticle('larut-malam', { date: at('2025-01-05T23:30:00+07:00'), category: 'Nasional' }),
  makeArticle('olahraga-minggu', { date: at('2025-01-05T10:00:00+07:00'), category: 'Olahraga' }),
  makeArticle('ekonomi-minggu', { date: at('2025-01-05T09:00:00+07:00'), category: 'Ekonomi' }),
  // 00:10 WIB on the 5th is still the 4th in UTC.
  makeArticle('lewat-tengah-malam', { date: at('2025-01-05T00:10:00+07:00'), category: 'Nasional' }),
  makeArticle('awal-tahun', { date: at('2025-01-01T08:00:00+07:00'), category: 'Nasional' }),
  makeArticle('akhir-tahun', { date: at('2024-12-30T14:00:00+07:00'), category: 'Budaya' }),
  makeArticle('tahun-lalu', { date: at('2023-06-15T12:00:00+07:00'), category: 'Budaya' }),
];
const site = indexSite(ARTICLES, ['Nasional', 'Ekonomi']);
const ranks = categoryRanks(site.categories);
const archive = indexArchive(site.articles);
const slugs = (articles: readonly { slug: string }[]): string[] => articles.map((a) => a.slug);

describe('WIB days', () => {
  it('puts a time in its WIB day, not its UTC day', () => {
    expect(calendarDateOf(wibDayNumber(at('2025-01-05T23:30:00+07:00')))).toEqual({ year: 2025, month: 1, day: 5 });
    expect(calendarDateOf(wibDayNumber(at('2025-01-05T23:30:00Z')))).toEqual({ year: 2025, month: 1, day: 6 });
    expect(calendarDateOf(wibDayNumber(at('2025-01-05T00:00:00+07:00')))).toEqual({ year: 2025, month: 1, day: 5 });
    expect(calendarDateOf(wibDayNumber(at('2025-01-04T23:59:59+07:00')))).toEqual({ year: 2025, month: 1, day: 4 });
  });

  it('numbers days so that the date, weekday and Indonesian name follow (property, against Intl)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_102_444_800_000 }), (ms) => {
        const date = new Date(ms);
        const n = wibDayNumber(date);
        const { year, month, day } = calendarDateOf(n);
        const intl = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(date);
        const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
        return intl === iso && dayNumberOf(year, month, day) === n && formatDayNumber(n) === formatLongDate(date);
      }),
      { numRuns: 300 },
    );
  });

  it('starts the week on Monday and knows month lengths', () => {
    expect(weekdayOf(dayNumberOf(2025, 1, 6))).toBe(0); // Senin
    expect(weekdayOf(dayNumberOf(2025, 1, 5))).toBe(6); // Minggu
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2025, 2)).toBe(28);
    expect(daysInMonth(2024, 12)).toBe(31);
    expect(formatDayNumber(dayNumberOf(2025, 1, 5))).toBe('Minggu, 5 Januari 2025');
  });
});

describe('indexArchive', () => {
  it('groups articles by WIB day in one pass, days oldest first, stories newest first', () => {
    expect(archive.days.map((d) => d.date)).toEqual([
      { year: 2023, month: 6, day: 15 },
      { year: 2024, month: 12, day: 30 },
      { year: 2025, month: 1, day: 1 },
      { year: 2025, month: 1, day: 5 },
      { year: 2025, month: 1, day: 6 },
    ]);
    expect(slugs(archive.days[3]?.articles ?? [])).toEqual([
      'larut-malam',
      'olahraga-minggu',
      'ekonomi-minggu',
      'lewat-tengah-malam',
    ]);
    expect(slugs(archive.days[4]?.articles ?? [])).toEqual(['pagi-senin', 'bursa-asia']);
    expect(archive.positions.get(dayNumberOf(2025, 1, 5))).toBe(3);
    expect(archive.days.reduce((n, d) => n + d.articles.length, 0)).toBe(ARTICLES.length);
  });

  it('is empty without articles', () => {
    const empty = indexArchive([]);
    expect(empty.days).toEqual([]);
    expect(latestDayPage(empty, ranks)).toBeUndefined();
    expect(monthPages(empty, ranks)).toEqual([]);
    expect(yearPages(empty)).toEqual([]);
  });
});

describe('day pages', () => {
  const day5 = dayPage(archive, 3, ranks);

  it('lists the day by section in the site category order, each newest first, with time and thumbnail slot', () => {
    expect(day5).toMatchObject({
      params: { year: '2025', month: '01', day: '05' },
      href: '/indeks/2025/01/05/',
      heading: 'Minggu, 5 Januari 2025',
      iso: '2025-01-05',
      count: 4,
      month: { href: '/indeks/2025/01/', text: 'Januari 2025' },
      year: { href: '/indeks/2025/', text: '2025' },
    });
    expect(day5.sections.map((s) => [s.name, s.href, s.entries.map((e) => e.href)])).toEqual([
      ['Nasional', '/kategori/nasional/', ['/berita/larut-malam/', '/berita/lewat-tengah-malam/']],
      ['Ekonomi', '/kategori/ekonomi/', ['/berita/ekonomi-minggu/']],
      ['Olahraga', '/kategori/olahraga/', ['/berita/olahraga-minggu/']],
    ]);
    expect(day5.sections[0]?.entries[0]).toEqual({
      href: '/berita/larut-malam/',
      title: 'Judul larut-malam',
      time: { text: '23:30 WIB', iso: '2025-01-05T23:30:00+07:00' },
      thumb: undefined,
    });
  });

  it('links the previous and next day with stories, across months and years', () => {
    expect([day5.previous, day5.next]).toEqual([
      { href: '/indeks/2025/01/01/', text: 'Rabu, 1 Januari 2025' },
      { href: '/indeks/2025/01/06/', text: 'Senin, 6 Januari 2025' },
    ]);
    expect(dayPage(archive, 2, ranks).previous?.href).toBe('/indeks/2024/12/30/');
    expect(dayPage(archive, 0, ranks).previous).toBeUndefined();
    expect(dayPage(archive, 4, ranks).next).toBeUndefined();
    expect(latestDayPage(archive, ranks)).toEqual(dayPage(archive, 4, ranks));
    expect(() => dayPage(archive, 5, ranks)).toThrow(RangeError);
  });

  it('changes only with its own day and its neighbours when a story is published', () => {
    const published = indexArchive(
      indexSite(
        [makeArticle('baru', { date: at('2025-01-06T20:00:00+07:00'), category: 'Nasional' }), ...ARTICLES],
        ['Nasional', 'Ekonomi'],
      ).articles,
    );
    const views = (a: typeof archive) => a.days.map((_, i) => JSON.stringify(dayPage(a, i, ranks)));
    const before = views(archive);
    const after = views(published);
    expect(after.map((v, i) => v === before[i])).toEqual([true, true, true, true, false]);
    // A story on a new day: that day, and the day before (its "next" link) change; the month's other
    // days change too since their calendar gains a link, but days of other months stay as they were.
    const newDay = indexArchive(
      indexSite(
        [makeArticle('baru', { date: at('2025-01-08T20:00:00+07:00'), category: 'Nasional' }), ...ARTICLES],
        ['Nasional', 'Ekonomi'],
      ).articles,
    );
    const later = views(newDay);
    expect(later.slice(0, 2)).toEqual(before.slice(0, 2));
    expect(later).toHaveLength(6);
  });
});

describe('monthCalendar', () => {
  it('lays out a month Monday to Sunday, linking days with stories and marking the current one', () => {
    const calendar = monthCalendar(archive, 2025, 1, { current: dayNumberOf(2025, 1, 5) });
    expect(calendar.caption).toBe('Januari 2025');
    expect(calendar.href).toBe('/indeks/2025/01/');
    // 1 January 2025 was a Wednesday: two empty cells first; 31 days end on a Friday.
    expect(calendar.weeks).toHaveLength(5);
    expect(calendar.weeks.every((w) => w.length === 7)).toBe(true);
    expect(calendar.weeks[0]?.slice(0, 3).map((c) => c?.day ?? null)).toEqual([null, null, 1]);
    expect(calendar.weeks[4]?.map((c) => c?.day ?? null)).toEqual([27, 28, 29, 30, 31, null, null]);
    const cells = calendar.weeks.flat().filter((c) => c !== null);
    expect(cells).toHaveLength(31);
    expect(cells.filter((c) => c.href).map((c) => [c.day, c.href])).toEqual([
      [1, '/indeks/2025/01/01/'],
      [5, '/indeks/2025/01/05/'],
      [6, '/indeks/2025/01/06/'],
    ]);
    expect(cells.filter((c) => c.current).map((c) => c.day)).toEqual([5]);
    expect(cells.every((c) => c.count === undefined)).toBe(true);
    expect(cells[4]?.iso).toBe('2025-01-05');
  });

  it('counts stories per day when asked (the month page)', () => {
    const cells = monthCalendar(archive, 2025, 1, { counts: true })
      .weeks.flat()
      .filter((c) => c !== null);
    expect(cells.filter((c) => (c.count ?? 0) > 0).map((c) => [c.day, c.count])).toEqual([
      [1, 1],
      [5, 4],
      [6, 2],
    ]);
    expect(cells[1]?.count).toBe(0);
  });

  it('needs no empty first cell for a month that starts on Monday, and six rows when it must', () => {
    expect(monthCalendar(archive, 2024, 1).weeks[0]?.[0]?.day).toBe(1); // 1 Jan 2024: Senin
    expect(monthCalendar(archive, 2025, 3).weeks).toHaveLength(6); // 1 Mar 2025: Sabtu, 31 days
  });
});

describe('month and year pages', () => {
  it('count each month by day and by section, with neighbouring months that have stories', () => {
    const months = monthPages(archive, ranks);
    expect(months.map((m) => [m.href, m.heading, m.count])).toEqual([
      ['/indeks/2023/06/', 'Juni 2023', 1],
      ['/indeks/2024/12/', 'Desember 2024', 1],
      ['/indeks/2025/01/', 'Januari 2025', 7],
    ]);
    const january = months[2];
    expect(january?.params).toEqual({ year: '2025', month: '01' });
    expect(january?.sections).toEqual([
      { name: 'Nasional', href: '/kategori/nasional/', count: 3 },
      { name: 'Ekonomi', href: '/kategori/ekonomi/', count: 3 },
      { name: 'Olahraga', href: '/kategori/olahraga/', count: 1 },
    ]);
    expect([january?.previous, january?.next]).toEqual([
      { href: '/indeks/2024/12/', text: 'Desember 2024' },
      undefined,
    ]);
    expect(january?.year).toEqual({ href: '/indeks/2025/', text: '2025' });
  });

  it('list all twelve months of a year, linking those with stories', () => {
    const years = yearPages(archive);
    expect(years.map((y) => [y.href, y.count, y.previous?.href, y.next?.href])).toEqual([
      ['/indeks/2023/', 1, undefined, '/indeks/2024/'],
      ['/indeks/2024/', 1, '/indeks/2023/', '/indeks/2025/'],
      ['/indeks/2025/', 7, '/indeks/2024/', undefined],
    ]);
    const y2024 = years[1];
    expect(y2024?.months).toHaveLength(12);
    expect(y2024?.months.filter((m) => m.href).map((m) => [m.name, m.href, m.count])).toEqual([
      ['Desember', '/indeks/2024/12/', 1],
    ]);
    expect(y2024?.months[0]).toEqual({ name: 'Januari', href: undefined, count: 0 });
  });
});

describe('list dates', () => {
  it('link to their WIB day in the archive', () => {
    expect(archiveDayPath(at('2025-01-05T23:30:00Z'))).toBe('/indeks/2025/01/06/');
    expect(toListView(makeArticle('x', { date: at('2025-01-05T23:30:00+07:00') })).date).toEqual({
      text: '5 Jan 2025, 23:30 WIB',
      iso: '2025-01-05T23:30:00+07:00',
      href: '/indeks/2025/01/05/',
    });
  });
});
