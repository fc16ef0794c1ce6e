import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ARTICLE_URL,
  appIconPath,
  appleTouchIconPath,
  articlePath,
  articleSlugFromUrl,
  articleSlugMentionedIn,
  categoryIndexPath,
  categoryPath,
  faviconPath,
  feedPath,
  frontPagePath,
  indeksDayPath,
  indeksMonthPath,
  indeksPath,
  indeksYearPath,
  latestFragmentPath,
  listPageRest,
  logoPath,
  manifestPath,
  newsSitemapPath,
  outputFileOf,
  peopleIndexPath,
  personFeedPath,
  personPath,
  searchPath,
  sitePagePath,
  monthSitemapPath,
  pagesSitemapPath,
  sitemapIndexPath,
  tagIndexPath,
  tagPath,
} from '../../src/lib/routes.ts';
import { readSearchState } from '../../src/lib/search/results-view.ts';

// The routes module builds every URL; Astro serves them from file routes in src/pages/. These tests
// tie the two together (issue #21): each function's output must be served by the route file meant
// for it, the parameters the pages pass to Astro must lead back to that same URL, and every route
// file must have its function.

const PAGES = path.resolve(import.meta.dirname, '../../src/pages');

/** A route file of src/pages/, as Astro reads it (`build.format: 'directory'`, `trailingSlash: 'always'`). */
interface RouteFile {
  /** Relative to src/pages/, with `/`: `kategori/[slug]/[...page].astro`. */
  readonly file: string;
  /** Matches the URL paths the file serves. */
  readonly pattern: RegExp;
  /** The URL path for the given parameters, as Astro builds it from getStaticPaths' `params`. */
  readonly fill: (params: Readonly<Record<string, string | undefined>>) => string;
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function routeFile(file: string): RouteFile {
  // A page (.astro) is a folder with index.html: its URL ends in `/`. An endpoint (.ts) keeps its
  // file name without `.ts`: `rss.xml.ts` serves `rss.xml`.
  const page = file.endsWith('.astro');
  const segments = file.replace(/\.(astro|ts)$/, '').split('/');
  if (page && segments.at(-1) === 'index') segments.pop();
  const parts = segments.map((segment) => {
    const rest = /^\[\.\.\.(\w+)\]$/.exec(segment)?.[1];
    const param = /^\[(\w+)\]$/.exec(segment)?.[1];
    return { segment, rest, param };
  });
  // A `[page].astro` beside this file takes the numbers (see below).
  const siblingPage = fs.existsSync(path.join(PAGES, ...segments.slice(0, -1), '[page].astro'));
  const source = parts
    .map(({ segment, rest, param }, i) => {
      const last = i === parts.length - 1;
      const slash = page || !last ? '/' : '';
      if (rest !== undefined) return `(?:(?<${rest}>.+)${slash})?`;
      // `halaman/[page].astro` numbers the front page's list; `halaman/[slug].astro` has the
      // newsroom's pages, whose slugs are never numbers (src/lib/content/site-pages.ts).
      if (param === 'page') return `(?<${param}>\\d+)${slash}`;
      if (param !== undefined && siblingPage) return `(?<${param}>(?!\\d+/)[^/]+)${slash}`;
      if (param !== undefined) return `(?<${param}>[^/]+)${slash}`;
      return `${escape(segment)}${slash}`;
    })
    .join('');
  const fill = (params: Readonly<Record<string, string | undefined>>): string => {
    const filled = parts.flatMap(({ segment, rest, param }) => {
      const name = rest ?? param;
      if (name === undefined) return [segment];
      const value = params[name];
      if (value === undefined && param !== undefined) throw new Error(`${file}: no value for [${param}]`);
      return value === undefined ? [] : [value];
    });
    return `/${filled.join('/')}${page && filled.length > 0 ? '/' : ''}`;
  };
  return { file, pattern: new RegExp(`^/${source}$`), fill };
}

const routeFiles: RouteFile[] = fs
  .readdirSync(PAGES, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile() && /\.(astro|ts)$/.test(entry.name))
  .map((entry) => routeFile(path.relative(PAGES, path.join(entry.parentPath, entry.name)).split(path.sep).join('/')))
  .sort((a, b) => (a.file < b.file ? -1 : 1));

/** Route files no link of the site points to: the web server serves them by their fixed names. */
const UNLINKED = ['404.astro', 'robots.txt.ts'];

/** Each route function's output, the route file that must serve it, and the params its page passes. */
const CASES: readonly { name: string; path: string; file: string; params?: Record<string, string | undefined> }[] = [
  { name: 'frontPagePath()', path: frontPagePath(), file: 'index.astro' },
  { name: 'frontPagePath(1)', path: frontPagePath(1), file: 'halaman/[page].astro', params: { page: String(1) } },
  { name: 'frontPagePath(2)', path: frontPagePath(2), file: 'halaman/[page].astro', params: { page: String(2) } },
  { name: 'frontPagePath(12)', path: frontPagePath(12), file: 'halaman/[page].astro', params: { page: String(12) } },
  {
    name: 'articlePath',
    path: articlePath('harga-cabai-naik'),
    file: 'berita/[slug].astro',
    params: { slug: 'harga-cabai-naik' },
  },
  { name: 'categoryIndexPath', path: categoryIndexPath(), file: 'kategori/index.astro' },
  {
    name: 'categoryPath',
    path: categoryPath('ekonomi'),
    file: 'kategori/[slug]/[...page].astro',
    params: { slug: 'ekonomi', page: listPageRest(undefined) },
  },
  {
    name: 'categoryPath(…, 3)',
    path: categoryPath('ekonomi', 3),
    file: 'kategori/[slug]/[...page].astro',
    params: { slug: 'ekonomi', page: listPageRest(3) },
  },
  { name: 'tagIndexPath', path: tagIndexPath(), file: 'tag/index.astro' },
  {
    name: 'tagPath',
    path: tagPath('korea-utara'),
    file: 'tag/[slug]/[...page].astro',
    params: { slug: 'korea-utara', page: listPageRest(undefined) },
  },
  {
    name: 'tagPath(…, 2)',
    path: tagPath('korea-utara', 2),
    file: 'tag/[slug]/[...page].astro',
    params: { slug: 'korea-utara', page: listPageRest(2) },
  },
  { name: 'searchPath()', path: searchPath(), file: 'cari/index.astro' },
  { name: 'searchPath(query)', path: searchPath('banjir rob'), file: 'cari/index.astro' },
  { name: 'feedPath()', path: feedPath(), file: 'rss.xml.ts' },
  {
    name: 'feedPath(category)',
    path: feedPath('ekonomi'),
    file: 'kategori/[slug]/rss.xml.ts',
    params: { slug: 'ekonomi' },
  },
  { name: 'peopleIndexPath', path: peopleIndexPath(), file: 'penulis/index.astro' },
  {
    name: 'personPath',
    path: personPath('dewi-lestari'),
    file: 'penulis/[slug]/[...page].astro',
    params: { slug: 'dewi-lestari', page: listPageRest(undefined) },
  },
  {
    name: 'personPath(…, 2)',
    path: personPath('dewi-lestari', 2),
    file: 'penulis/[slug]/[...page].astro',
    params: { slug: 'dewi-lestari', page: listPageRest(2) },
  },
  {
    name: 'personFeedPath',
    path: personFeedPath('dewi-lestari'),
    file: 'penulis/[slug]/rss.xml.ts',
    params: { slug: 'dewi-lestari' },
  },
  { name: 'indeksPath', path: indeksPath(), file: 'indeks/index.astro' },
  {
    name: 'indeksYearPath',
    path: indeksYearPath(2025),
    file: 'indeks/[year]/index.astro',
    params: { year: '2025' },
  },
  {
    name: 'indeksMonthPath',
    path: indeksMonthPath(2025, 1),
    file: 'indeks/[year]/[month]/index.astro',
    params: { year: '2025', month: '01' },
  },
  {
    name: 'indeksDayPath',
    path: indeksDayPath(2025, 1, 5),
    file: 'indeks/[year]/[month]/[day].astro',
    params: { year: '2025', month: '01', day: '05' },
  },
  { name: 'latestFragmentPath', path: latestFragmentPath(), file: 'sematan/terkini.astro' },
  {
    name: 'sitePagePath',
    path: sitePagePath('pedoman-media-siber'),
    file: 'halaman/[slug].astro',
    params: { slug: 'pedoman-media-siber' },
  },
  { name: 'faviconPath', path: faviconPath(), file: 'favicon.svg.ts' },
  { name: 'logoPath', path: logoPath(), file: 'logo.svg.ts' },
  { name: 'newsSitemapPath', path: newsSitemapPath(), file: 'sitemap-news.xml.ts' },
  { name: 'manifestPath', path: manifestPath(), file: 'manifest.webmanifest.ts' },
  {
    name: 'appIconPath',
    path: appIconPath('icon-512.png'),
    file: 'ikon/[file].ts',
    params: { file: 'icon-512.png' },
  },
  { name: 'appleTouchIconPath', path: appleTouchIconPath(), file: 'apple-touch-icon.png.ts' },
];

const pathname = (urlPath: string): string => new URL(urlPath, 'https://warta.example').pathname;

describe('routes and src/pages route files', () => {
  it('finds the route files', () => {
    expect(routeFiles.map((r) => r.file)).toContain('berita/[slug].astro');
  });

  for (const { name, path: urlPath, file } of CASES) {
    it(`${name} (${urlPath}) is served by src/pages/${file} and no other route`, () => {
      const serving = routeFiles.filter((r) => r.pattern.test(pathname(urlPath))).map((r) => r.file);
      expect(serving).toEqual([file]);
    });
  }

  it('leads back to the same URL from the params each page gives Astro', () => {
    for (const { path: urlPath, file, params = {} } of CASES) {
      const route = routeFiles.find((r) => r.file === file);
      expect(route?.fill(params), file).toBe(pathname(urlPath));
    }
  });

  it('has a route function for every route file that the site links to', () => {
    const covered = new Set([...CASES.map((c) => c.file), ...UNLINKED]);
    expect(routeFiles.map((r) => r.file).filter((file) => !covered.has(file))).toEqual([]);
  });

  it('leaves the sitemaps to the sitemap integration, whose paths no route file takes', () => {
    expect(sitemapIndexPath()).toBe('/sitemap-index.xml');
    expect(monthSitemapPath('2024-12')).toBe('/sitemap-berita-2024-12.xml');
    expect(monthSitemapPath('2024-12', 2)).toBe('/sitemap-berita-2024-12-2.xml');
    expect(pagesSitemapPath(0)).toBe('/sitemap-laman-0.xml');
    for (const sitemap of [sitemapIndexPath(), monthSitemapPath('2024-12'), pagesSitemapPath(0)])
      expect(routeFiles.filter((r) => r.pattern.test(sitemap))).toEqual([]);
  });
});

describe('URL scheme', () => {
  it('keeps the stable URLs (README, "Stable hooks")', () => {
    expect(articlePath('harga-cabai')).toBe('/berita/harga-cabai/');
    expect(categoryPath('gaya-hidup')).toBe('/kategori/gaya-hidup/');
    expect(tagPath('korea-utara')).toBe('/tag/korea-utara/');
    expect(searchPath()).toBe('/cari/');
    expect(categoryIndexPath()).toBe('/kategori/');
    expect(tagIndexPath()).toBe('/tag/');
    expect(feedPath()).toBe('/rss.xml');
    expect(feedPath('gaya-hidup')).toBe('/kategori/gaya-hidup/rss.xml');
  });

  it("puts a list's own page at the list itself and its archive pages, numbered from the oldest, under halaman/", () => {
    expect(frontPagePath()).toBe('/');
    expect(frontPagePath(1)).toBe('/halaman/1/');
    expect(frontPagePath(2)).toBe('/halaman/2/');
    expect(categoryPath('nasional')).toBe('/kategori/nasional/');
    expect(categoryPath('nasional', 1)).toBe('/kategori/nasional/halaman/1/');
    expect(categoryPath('nasional', 3)).toBe('/kategori/nasional/halaman/3/');
    expect(tagPath('cuaca', 2)).toBe('/tag/cuaca/halaman/2/');
    expect(listPageRest(undefined)).toBeUndefined();
    expect(listPageRest(1)).toBe('halaman/1');
    expect(listPageRest(4)).toBe('halaman/4');
  });

  it('writes the archive by date with zero-padded months and days', () => {
    expect(indeksPath()).toBe('/indeks/');
    expect(indeksYearPath(2025)).toBe('/indeks/2025/');
    expect(indeksMonthPath(2025, 1)).toBe('/indeks/2025/01/');
    expect(indeksDayPath(2024, 12, 5)).toBe('/indeks/2024/12/05/');
  });

  it('names the output file of each path', () => {
    expect(outputFileOf(frontPagePath())).toBe('index.html');
    expect(outputFileOf(articlePath('harga-cabai'))).toBe('berita/harga-cabai/index.html');
    expect(outputFileOf(tagPath('cuaca', 2))).toBe('tag/cuaca/halaman/2/index.html');
    expect(outputFileOf(feedPath('ekonomi'))).toBe('kategori/ekonomi/rss.xml');
  });

  it('puts a search query where the search page reads it', () => {
    expect(searchPath('banjir rob')).toBe('/cari/?q=banjir+rob');
    expect(readSearchState(new URL(searchPath('Kim Jong-un & Putin'), 'https://warta.example').search).query).toBe(
      'Kim Jong-un & Putin',
    );
    expect(searchPath('')).toBe('/cari/');
  });
});

describe('recognising article URLs', () => {
  it('reads the slug back from every article path (property)', () => {
    const slug = fc.stringMatching(/^[a-z0-9]{1,8}(?:-[a-z0-9]{1,8}){0,4}$/);
    fc.assert(fc.property(slug, (s) => articleSlugFromUrl(articlePath(s)) === s));
  });

  it('accepts the forms a "Baca juga" item may use', () => {
    expect(articleSlugFromUrl('/berita/harga-cabai/')).toBe('harga-cabai');
    expect(articleSlugFromUrl('/berita/harga-cabai')).toBe('harga-cabai');
    expect(articleSlugFromUrl('https://warta.example/berita/harga-cabai/')).toBe('harga-cabai');
    expect(articleSlugFromUrl('/berita/harga-cabai/?utm=x#atas')).toBe('harga-cabai');
    expect(ARTICLE_URL.exec('/berita/harga%20cabai/')?.[1]).toBe('harga%20cabai');
  });

  it('rejects other pages', () => {
    for (const url of [
      '/berita/',
      '/kategori/ekonomi/',
      '/tag/x/',
      '/berita/a/b/',
      'berita/x/',
      '//host/berita/x/',
      '/cari/?q=/berita/x/',
    ]) {
      expect(articleSlugFromUrl(url), url).toBeUndefined();
    }
  });

  it('finds an article path mentioned in a message', () => {
    expect(articleSlugMentionedIn('Pagefind could not index /berita/harga-cabai/: disk full')).toBe('harga-cabai');
    expect(articleSlugMentionedIn('Rendering /kategori/ekonomi/ failed')).toBeUndefined();
  });
});
