import { parse, type HTMLElement } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, listFiles, type SiteBuild } from '../helpers/build-site.ts';
import { brokenLinks } from '../helpers/links.ts';

/**
 * The archive by date (issue #19) over tests/fixtures/site-indeks: site-pagination's 11 published
 * stories plus three, a story at 23:30 WIB on 5 January (`rapat-larut-malam`), one at 23:30 UTC on
 * 5 January, which is 06:30 WIB on the 6th (`pasar-asia-dibuka`), and one on 30 December 2024
 * (`akhir-tahun`), so the archive spans two months and two years. Built as navigation.test.ts
 * builds site-pagination: 3 a page, the clock at 10 January 2025 noon WIB.
 */
const FIXTURE = 'tests/fixtures/site-indeks';
const FIXTURE_ENV = { WARTA_PAGE_SIZE: '3', WARTA_NOW: '2025-01-10T12:00:00+07:00' };

/** Each WIB day with stories and its stories, as the day page must list them (sections in order). */
const DAYS: Record<string, string[]> = {
  '2024/12/30': ['akhir-tahun'],
  '2025/01/01': ['bulu-tangkis'],
  '2025/01/02': ['piala-asia'],
  '2025/01/03': ['kopi-lokal'],
  '2025/01/04': ['ihsg-dibuka'],
  '2025/01/05': ['rapat-larut-malam', 'cuaca-ekstrem'],
  '2025/01/06': ['pasar-asia-dibuka', 'liga-dimulai'],
  '2025/01/07': ['festival-wayang'],
  '2025/01/08': ['banjir-bekasi', 'harga-beras'],
  '2025/01/09': ['timnas-menang'],
  '2025/01/10': ['rupiah-menguat'],
};

describe('Indeks, the archive by date, of tests/fixtures/site-indeks', () => {
  let site: SiteBuild;
  const pages = new Map<string, HTMLElement>();
  const page = (urlPath: string): HTMLElement => {
    let root = pages.get(urlPath);
    if (!root) {
      root = parse(site.read(`${urlPath.slice(1)}index.html`));
      pages.set(urlPath, root);
    }
    return root;
  };
  const stories = (urlPath: string): string[] =>
    page(urlPath)
      .querySelectorAll('main section.indeks-section li h3 a')
      .map((a) => /^\/berita\/([a-z0-9-]+)\/$/.exec(a.getAttribute('href') ?? '')?.[1] ?? 'not an article');
  const indeksPages = (): string[] =>
    listFiles(site.outDir)
      .filter((f) => f.startsWith('indeks/') && f.endsWith('index.html'))
      .map((f) => `/${f.replace(/index\.html$/, '')}`);

  beforeAll(() => {
    site = buildSite(FIXTURE, FIXTURE_ENV);
    if (site.status !== 0) throw new Error(`build failed:\n${site.output}`);
  });

  it('writes a page for every WIB day with stories, and for its months and years, and no other', () => {
    const days = Object.keys(DAYS).map((d) => `/indeks/${d}/`);
    expect(indeksPages().sort()).toEqual(
      ['/indeks/', '/indeks/2024/', '/indeks/2024/12/', '/indeks/2025/', '/indeks/2025/01/', ...days].sort(),
    );
    for (const [day, slugs] of Object.entries(DAYS)) expect(stories(`/indeks/${day}/`), day).toEqual(slugs);
  });

  it('puts a 23:30 WIB story on its WIB day, and a 23:30 UTC story on the next WIB day', () => {
    expect(stories('/indeks/2025/01/05/')).toContain('rapat-larut-malam');
    expect(stories('/indeks/2025/01/05/')).not.toContain('pasar-asia-dibuka');
    expect(stories('/indeks/2025/01/06/')).toContain('pasar-asia-dibuka');
    const entry = page('/indeks/2025/01/05/')
      .querySelectorAll('main li')
      .find((li) => li.querySelector('h3 a')?.getAttribute('href') === '/berita/rapat-larut-malam/');
    expect(entry?.querySelector('time')?.text).toBe('23:30 WIB');
    expect(entry?.querySelector('time')?.getAttribute('datetime')).toBe('2025-01-05T23:30:00+07:00');
  });

  it('groups a day by section in the site category order, with the time, headline and thumbnail', () => {
    const day = page('/indeks/2025/01/06/');
    expect(day.querySelector('h1')?.text.trim()).toBe('Senin, 6 Januari 2025');
    expect(day.querySelector('title')?.text).toBe('Indeks Senin, 6 Januari 2025 - Warta');
    // Olahraga's story is the later one, yet Ekonomi comes first in the category order.
    expect(
      day.querySelectorAll('main section.indeks-section h2 a').map((a) => [a.text.trim(), a.getAttribute('href')]),
    ).toEqual([
      ['Ekonomi', '/kategori/ekonomi/'],
      ['Olahraga', '/kategori/olahraga/'],
    ]);
    expect(day.querySelectorAll('main section.indeks-section li time').map((t) => t.text)).toEqual([
      '06:30 WIB',
      '15:00 WIB',
    ]);
    const withPicture = page('/indeks/2025/01/10/').querySelector('main section.indeks-section li');
    expect(withPicture?.querySelector('picture img')?.getAttribute('src')).toMatch(/^\/gambar\/[0-9a-f]{20}\/thumb-/);
    expect(page('/indeks/2025/01/09/').querySelector('main section.indeks-section li picture')).toBeNull();
  });

  it('links each day to the previous and next day with stories, across months', () => {
    const neighbours = (urlPath: string) => {
      const nav = page(urlPath).querySelector('main nav[aria-label="Hari lain"]');
      return [
        nav?.querySelector('a[rel="prev"]')?.getAttribute('href'),
        nav?.querySelector('a[rel="next"]')?.getAttribute('href'),
      ];
    };
    expect(neighbours('/indeks/2025/01/01/')).toEqual(['/indeks/2024/12/30/', '/indeks/2025/01/02/']);
    expect(neighbours('/indeks/2024/12/30/')).toEqual([undefined, '/indeks/2025/01/01/']);
    expect(neighbours('/indeks/2025/01/10/')).toEqual(['/indeks/2025/01/09/', undefined]);
    const days = Object.keys(DAYS).map((d) => `/indeks/${d}/`);
    days.forEach((day, i) => expect(neighbours(day), day).toEqual([days[i - 1], days[i + 1]]));
  });

  it("shows the month's calendar as a table, Sen to Min, days with stories linked and the rest plain text", () => {
    const table = page('/indeks/2025/01/05/').querySelector('main table.calendar');
    expect(table?.querySelector('caption')?.text.trim()).toBe('Januari 2025');
    expect(table?.querySelectorAll('thead th').map((th) => th.text.trim())).toEqual([
      'Sen',
      'Sel',
      'Rab',
      'Kam',
      'Jum',
      'Sab',
      'Min',
    ]);
    const rows = table?.querySelectorAll('tbody tr') ?? [];
    expect(rows).toHaveLength(5);
    // 1 January 2025 was a Wednesday.
    expect(rows[0]?.querySelectorAll('td').map((td) => td.text.trim())).toEqual(['', '', '1', '2', '3', '4', '5']);
    const linked = table?.querySelectorAll('tbody a').map((a) => a.getAttribute('href'));
    expect(linked).toEqual(
      Object.keys(DAYS)
        .filter((d) => d.startsWith('2025/01/') && d !== '2025/01/05')
        .map((d) => `/indeks/${d}/`),
    );
    expect(table?.querySelector('[aria-current="date"]')?.text.trim()).toBe('5');
    expect(table?.querySelectorAll('tbody td').filter((td) => td.text.trim() !== '')).toHaveLength(31);
  });

  it('shows the latest day at /indeks/, under its own heading', () => {
    const index = page('/indeks/');
    expect(index.querySelector('h1')?.text.trim()).toBe('Indeks Berita');
    expect(index.querySelector('main header time')?.getAttribute('datetime')).toBe('2025-01-10');
    expect(stories('/indeks/')).toEqual(stories('/indeks/2025/01/10/'));
    expect(index.querySelector('main nav[aria-label="Hari lain"] a[rel="prev"]')?.getAttribute('href')).toBe(
      '/indeks/2025/01/09/',
    );
  });

  it('counts the month per day and per section, and the year per month', () => {
    const month = page('/indeks/2025/01/');
    expect(month.querySelector('h1')?.text.trim()).toBe('Januari 2025');
    const counted = month
      .querySelectorAll('main table.calendar tbody td')
      .filter((td) => td.querySelector('a'))
      .map((td) => [
        td.querySelector('a')?.text.trim(),
        td.querySelector('span.block')?.text.replace(/\s+/g, ' ').trim(),
      ]);
    expect(counted).toEqual([
      ['1', '1 berita'],
      ['2', '1 berita'],
      ['3', '1 berita'],
      ['4', '1 berita'],
      ['5', '2 berita'],
      ['6', '2 berita'],
      ['7', '1 berita'],
      ['8', '2 berita'],
      ['9', '1 berita'],
      ['10', '1 berita'],
    ]);
    expect(
      month
        .querySelectorAll('main section li')
        .map((li) => [li.querySelector('a')?.text.trim(), li.querySelector('span')?.text]),
    ).toEqual([
      ['Nasional', '3 berita'],
      ['Ekonomi', '4 berita'],
      ['Olahraga', '4 berita'],
      ['Budaya', '1 berita'],
      ['Gaya Hidup', '1 berita'],
    ]);
    expect(month.querySelector('main nav[aria-label="Bulan lain"] a[rel="prev"]')?.getAttribute('href')).toBe(
      '/indeks/2024/12/',
    );
    const year = page('/indeks/2024/');
    const months = year.querySelectorAll('main ol.archive-months li');
    expect(months).toHaveLength(12);
    expect(
      year.querySelectorAll('main ol.archive-months a').map((a) => [a.text.trim(), a.getAttribute('href')]),
    ).toEqual([['Desember', '/indeks/2024/12/']]);
    expect([months[0]?.querySelector('span')?.text, months[0]?.querySelector('span.block')?.text]).toEqual([
      'Januari',
      '0 berita',
    ]);
    expect(year.querySelector('main nav[aria-label="Tahun lain"] a[rel="next"]')?.getAttribute('href')).toBe(
      '/indeks/2025/',
    );
  });

  it('is linked from the header, the footer and every date in the article lists', () => {
    const front = page('/');
    expect(front.querySelector('header nav[aria-label="Kategori"] a[href="/indeks/"]')?.text.trim()).toBe('Indeks');
    expect(front.querySelector('footer nav[aria-label="Jelajahi"] a[href="/indeks/"]')?.text.trim()).toBe('Indeks');
    const kicker = front.querySelector('main .lead-story time')?.parentNode;
    expect(kicker?.getAttribute('href')).toBe('/indeks/2025/01/10/');
    const datesInLists = page('/kategori/ekonomi/')
      .querySelectorAll('main ol li time')
      .map((t) => [t.getAttribute('datetime')?.slice(0, 10), t.parentNode?.getAttribute('href')]);
    expect(datesInLists.slice(0, 3)).toEqual([
      ['2025-01-10', '/indeks/2025/01/10/'],
      ['2025-01-08', '/indeks/2025/01/08/'],
      ['2025-01-06', '/indeks/2025/01/06/'],
    ]);
    expect(page('/indeks/2025/01/06/').querySelector('header nav a[aria-current]')?.getAttribute('href')).toBe(
      '/indeks/',
    );
  });

  it('gives every archive page its own title, a description and its own canonical URL', () => {
    const titles = new Set<string>();
    for (const urlPath of indeksPages()) {
      const root = page(urlPath);
      const title = root.querySelector('title')?.text ?? '';
      expect(title, urlPath).toMatch(/^Indeks \S.* - Warta$/);
      titles.add(title);
      expect(root.querySelector('meta[name="description"]')?.getAttribute('content'), urlPath).toMatch(
        /^Indeks berita/,
      );
      expect(root.querySelector('link[rel="canonical"]')?.getAttribute('href'), urlPath).toBe(
        `https://warta.example${urlPath}`,
      );
    }
    expect(titles.size).toBe(indeksPages().length);
  });

  it('links only to pages that exist, from the calendars, the neighbours and every other link', () => {
    expect(brokenLinks(site.outDir)).toEqual([]);
  });
});
