import { XMLParser } from 'fast-xml-parser';
import { parse } from 'node-html-parser';
import Parser from 'rss-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, listFiles, type SiteBuild } from '../helpers/build-site.ts';
import { fileForPath } from '../helpers/links.ts';

const SITE = 'https://warta.example';
/** Built at 2025-01-10 12:00 WIB: see tests/site/navigation.test.ts for the fixture's shape. */
const NOW = '2025-01-10T12:00:00+07:00';
const NEWEST_FIRST = [
  'rupiah-menguat',
  'timnas-menang',
  'banjir-bekasi',
  'harga-beras',
  'festival-wayang',
  'liga-dimulai',
  'cuaca-ekstrem',
  'ihsg-dibuka',
  'kopi-lokal',
  'piala-asia',
  'bulu-tangkis',
];

const xml = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['url', 'sitemap'].includes(name) });
const asList = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];
/** What the tests read of a parsed sitemap index. */
interface SitemapIndex<Entry = { loc: string }> {
  sitemapindex: { sitemap: Entry[] };
}
/** What the tests read of a parsed URL set: an empty one has no `url`. */
interface UrlSet<Url = { loc: string }> {
  urlset: { url?: Url[] };
}

describe('feeds and sitemaps of tests/fixtures/site-pagination', () => {
  let site: SiteBuild;
  beforeAll(() => {
    // Pages of 2: Olahraga (4 stories) has an archive page.
    site = buildSite('tests/fixtures/site-pagination', { WARTA_PAGE_SIZE: '2', WARTA_NOW: NOW });
    if (site.status !== 0) throw new Error(`build failed:\n${site.output}`);
  });

  /** Path of an absolute URL on the site, or a note that it is elsewhere. */
  const pathOf = (url: string): string => (url.startsWith(`${SITE}/`) ? url.slice(SITE.length) : `off-site: ${url}`);

  describe('/rss.xml', () => {
    it('is RSS 2.0 with every published article, newest first, each with title, link, guid, date, category and summary', async () => {
      const raw = site.read('rss.xml');
      expect(raw).toMatch(/<rss version="2\.0"/);
      const feed = await new Parser({ customFields: { feed: ['language'], item: ['dc:creator'] } }).parseString(raw);
      expect(feed.title).toBe('Warta');
      expect(feed.link).toBe(`${SITE}/`);
      expect((feed as unknown as { language: string }).language).toBe('id');
      expect(feed.items.map((i) => pathOf(i.link ?? ''))).toEqual(NEWEST_FIRST.map((s) => `/berita/${s}/`));
      const [first] = feed.items;
      expect(first).toMatchObject({
        title: 'Rupiah Menguat ke Level Terkuat dalam Tiga Bulan',
        link: `${SITE}/berita/rupiah-menguat/`,
        guid: `${SITE}/berita/rupiah-menguat/`,
        isoDate: '2025-01-10T02:00:00.000Z',
        categories: ['Ekonomi'],
        content: 'Nilai tukar rupiah menguat ke level terkuat dalam tiga bulan terakhir pada perdagangan Jumat pagi.',
        'dc:creator': 'Dewi Lestari',
      });
      for (const item of feed.items) {
        expect(item.guid, item.link).toBe(item.link);
        expect(item.title, item.link).toMatch(/\S/);
        expect(item.contentSnippet, item.link).toMatch(/\S/);
        expect(item.categories, item.link).toHaveLength(1);
        expect(site.exists(fileForPath(pathOf(item.link ?? ''))), item.link).toBe(true);
      }
      // Characters that need escaping survive the round trip.
      expect(feed.items.find((i) => i.link?.endsWith('/harga-beras/'))?.title).toBe(
        'Harga Beras & Minyak Goreng “Meroket” Jelang Imlek',
      );
    });

    it('is linked from the head of every page', () => {
      // Every page but the fragment article pages frame (sematan/), which is no page of its own.
      for (const file of listFiles(site.outDir).filter((f) => f.endsWith('.html') && !f.startsWith('sematan/'))) {
        const links = parse(site.read(file)).querySelectorAll('head link[rel="alternate"][type="application/rss+xml"]');
        expect(links.map((l) => l.getAttribute('href'))[0], file).toBe('/rss.xml');
      }
    });
  });

  describe('category feeds', () => {
    it('hold only their category’s articles', async () => {
      const feed = await new Parser().parseString(site.read('kategori/olahraga/rss.xml'));
      expect(feed.title).toBe('Warta: Olahraga');
      expect(feed.link).toBe(`${SITE}/kategori/olahraga/`);
      expect(feed.items.map((i) => pathOf(i.link ?? ''))).toEqual(
        ['timnas-menang', 'liga-dimulai', 'piala-asia', 'bulu-tangkis'].map((s) => `/berita/${s}/`),
      );
      expect(feed.items.every((i) => i.categories?.[0] === 'Olahraga')).toBe(true);
    });

    it('exist for each category with articles, and are linked from its pages and its articles', () => {
      const feeds = listFiles(site.outDir).filter((f) => f.endsWith('/rss.xml'));
      expect(feeds).toEqual(
        ['budaya', 'ekonomi', 'gaya-hidup', 'nasional', 'olahraga'].map((s) => `kategori/${s}/rss.xml`),
      );
      const alternates = (file: string) =>
        parse(site.read(file))
          .querySelectorAll('head link[type="application/rss+xml"]')
          .map((l) => l.getAttribute('href'));
      expect(alternates('kategori/olahraga/index.html')).toEqual(['/rss.xml', '/kategori/olahraga/rss.xml']);
      expect(alternates('kategori/olahraga/halaman/1/index.html')).toEqual(['/rss.xml', '/kategori/olahraga/rss.xml']);
      expect(alternates('berita/liga-dimulai/index.html')).toEqual(['/rss.xml', '/kategori/olahraga/rss.xml']);
    });
  });

  describe('sitemaps', () => {
    it('index the articles by month, the other pages and the news sitemap, every <loc> a file in dist', () => {
      const index = xml.parse(site.read('sitemap-index.xml')) as SitemapIndex;
      const locs = index.sitemapindex.sitemap.map((s) => s.loc);
      expect(locs.map(pathOf)).toEqual([
        // Every story of the fixture is of January 2025.
        '/sitemap-berita-2025-01.xml',
        '/sitemap-laman-0.xml',
        '/sitemap-news.xml',
      ]);
      for (const loc of locs) expect(site.exists(fileForPath(pathOf(loc))), loc).toBe(true);
    });

    it('list each article in the file of its month (WIB), newest first, with its last update as <lastmod>', () => {
      // What each article page says of itself.
      const pages = listFiles(site.outDir)
        .filter((f) => /^berita\/[^/]+\/index\.html$/.test(f))
        .map((f) => {
          const meta = (property: string) =>
            parse(site.read(f)).querySelector(`meta[property="${property}"]`)?.getAttribute('content') ?? '';
          return {
            loc: `${SITE}/${f.replace(/index\.html$/, '')}`,
            published: meta('article:published_time'),
            modified: meta('article:modified_time'),
          };
        });
      expect(pages).toHaveLength(NEWEST_FIRST.length);
      const index = xml.parse(site.read('sitemap-index.xml')) as SitemapIndex<{ loc: string; lastmod?: string }>;
      const months = index.sitemapindex.sitemap.filter((s) => s.loc.includes('/sitemap-berita-'));
      const listed = months.flatMap((month) => {
        const urls = asList(
          (xml.parse(site.read(fileForPath(pathOf(month.loc)))) as UrlSet<{ loc: string; lastmod: string }>).urlset.url,
        );
        // The month file's <lastmod> in the index is its newest.
        expect(month.lastmod).toBe(
          urls
            .map((u) => u.lastmod)
            .sort()
            .at(-1),
        );
        return urls.map((u) => ({ ...u, month: /sitemap-berita-(\d{4}-\d{2})\.xml$/.exec(month.loc)?.[1] }));
      });
      expect(listed.map((u) => pathOf(u.loc))).toEqual(NEWEST_FIRST.map((s) => `/berita/${s}/`));
      for (const { loc, published, modified } of pages) {
        const entry = listed.find((u) => u.loc === loc);
        expect(entry, loc).toEqual({ loc, lastmod: modified, month: published.slice(0, 7) });
      }
      // An article updated after it was published says so.
      expect(pages.filter((p) => p.modified !== p.published).length).toBeGreaterThan(0);
    });

    it('list every page once (and nothing that is not a page), every <loc> a file in dist', () => {
      const index = xml.parse(site.read('sitemap-index.xml')) as SitemapIndex;
      const pageLocs = index.sitemapindex.sitemap
        .map((s) => s.loc)
        .filter((loc) => !loc.endsWith('/sitemap-news.xml'))
        .flatMap((loc) =>
          asList((xml.parse(site.read(fileForPath(pathOf(loc)))) as UrlSet).urlset.url).map((u) => u.loc),
        );
      const paths = pageLocs.map(pathOf);
      for (const p of paths) expect(site.exists(fileForPath(p)), p).toBe(true);
      expect(new Set(paths).size).toBe(paths.length);
      // Every page is listed (the search page may or may not be: it is the search feature's call),
      // and the framed "Terkini" fragment, noindex, is not.
      const pages = listFiles(site.outDir)
        .filter((f) => f.endsWith('index.html') && !f.startsWith('cari/') && !f.startsWith('sematan/'))
        .map((f) => `/${f.replace(/index\.html$/, '')}`);
      expect(pages.length).toBeGreaterThan(30);
      expect(pages.filter((p) => !paths.includes(p))).toEqual([]);
      expect(paths.filter((p) => !p.endsWith('/'))).toEqual([]);
      expect(paths).not.toContain('/404/');
      expect(paths.filter((p) => p.startsWith('/sematan/'))).toEqual([]);
      expect(paths).toContain('/halaman/4/');
      expect(paths).toContain('/kategori/olahraga/halaman/1/');
    });

    it('put in /sitemap-news.xml only the articles published within 48 hours of the build', () => {
      const news = xml.parse(site.read('sitemap-news.xml')) as UrlSet<{
        loc: string;
        'news:news': Record<string, unknown>;
      }>;
      const entries = asList(news.urlset.url);
      // rupiah-menguat 3 h, timnas-menang 16 h, banjir-bekasi 47 h before WARTA_NOW; harga-beras at 49 h is out,
      // and so is the scheduled article dated after it.
      expect(entries.map((e) => pathOf(e.loc))).toEqual([
        '/berita/rupiah-menguat/',
        '/berita/timnas-menang/',
        '/berita/banjir-bekasi/',
      ]);
      expect(entries[0]?.['news:news']).toEqual({
        'news:publication': { 'news:name': 'Warta', 'news:language': 'id' },
        'news:publication_date': '2025-01-10T09:00:00+07:00',
        'news:title': 'Rupiah Menguat ke Level Terkuat dalam Tiga Bulan',
      });
      const now = new Date(NOW).getTime();
      for (const e of entries) {
        const age = now - new Date(e['news:news']['news:publication_date'] as string).getTime();
        expect(age, e.loc).toBeGreaterThanOrEqual(0);
        expect(age, e.loc).toBeLessThanOrEqual(48 * 3600_000);
        expect(site.exists(fileForPath(pathOf(e.loc))), e.loc).toBe(true);
      }
    });

    it('are both named in robots.txt', () => {
      const robots = site.read('robots.txt');
      expect(robots).toContain('User-agent: *');
      expect(robots.match(/^Sitemap: .+$/gm)).toEqual([
        `Sitemap: ${SITE}/sitemap-index.xml`,
        `Sitemap: ${SITE}/sitemap-news.xml`,
      ]);
    });
  });
});
