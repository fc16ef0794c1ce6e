import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { buildSitemaps, type SitemapArticle, type SitemapFile } from '../../src/lib/view/sitemaps.ts';

const SITE = 'https://warta.example';
const xml = new XMLParser({ isArray: (name) => ['url', 'sitemap'].includes(name) });

const article = (slug: string, date: string, modified = date): SitemapArticle => ({
  slug,
  date: new Date(date),
  modified: new Date(modified),
});

const urls = (file: SitemapFile | undefined): { loc: string; lastmod?: string }[] =>
  (xml.parse(file?.xml ?? '') as { urlset: { url: { loc: string; lastmod?: string }[] } }).urlset.url;

describe('sitemaps (issue #20)', () => {
  it('files each article under its month in WIB, not UTC, and the other pages apart', () => {
    const files = buildSitemaps({
      pages: ['/', '/berita/tahun-baru/', '/berita/akhir-tahun/', '/kategori/nasional/', '/rss.xml', '/404/'],
      articles: [
        // 20:00 UTC on 31 December is 03:00 WIB on 1 January.
        article('tahun-baru', '2024-12-31T20:00:00Z'),
        article('akhir-tahun', '2024-12-31T16:00:00Z', '2025-01-02T01:00:00Z'),
      ],
      exclude: (path) => path === '/404/',
      extra: ['/sitemap-news.xml'],
      siteUrl: SITE,
    });
    expect(files.map((f) => [f.path, f.kind])).toEqual([
      ['/sitemap-berita-2025-01.xml', 'articles'],
      ['/sitemap-berita-2024-12.xml', 'articles'],
      ['/sitemap-laman-0.xml', 'pages'],
      ['/sitemap-index.xml', 'index'],
    ]);
    expect(urls(files[0])).toEqual([{ loc: `${SITE}/berita/tahun-baru/`, lastmod: '2025-01-01T03:00:00+07:00' }]);
    // The last correction, not the publication, is what changed.
    expect(urls(files[1])).toEqual([{ loc: `${SITE}/berita/akhir-tahun/`, lastmod: '2025-01-02T08:00:00+07:00' }]);
    // Not articles, feeds or excluded pages.
    expect(urls(files[2])).toEqual([{ loc: `${SITE}/` }, { loc: `${SITE}/kategori/nasional/` }]);
    const index = xml.parse(files[3]?.xml ?? '') as { sitemapindex: { sitemap: { loc: string; lastmod?: string }[] } };
    expect(index.sitemapindex.sitemap).toEqual([
      { loc: `${SITE}/sitemap-berita-2025-01.xml`, lastmod: '2025-01-01T03:00:00+07:00' },
      { loc: `${SITE}/sitemap-berita-2024-12.xml`, lastmod: '2025-01-02T08:00:00+07:00' },
      { loc: `${SITE}/sitemap-laman-0.xml` },
      { loc: `${SITE}/sitemap-news.xml` },
    ]);
  });

  it('splits a month and the other pages into files of at most the limit, in a fixed order', () => {
    const articles = Array.from({ length: 5 }, (_, i) => article(`b-${i}`, `2024-12-0${i + 1}T10:00:00+07:00`));
    const pages = ['/tag/z/', '/tag/a/', '/tag/Ä/', '/tag/b/', '/'];
    const files = buildSitemaps({ pages, articles, siteUrl: SITE }, 2);
    expect(files.map((f) => f.path)).toEqual([
      '/sitemap-berita-2024-12.xml',
      '/sitemap-berita-2024-12-2.xml',
      '/sitemap-berita-2024-12-3.xml',
      '/sitemap-laman-0.xml',
      '/sitemap-laman-1.xml',
      '/sitemap-laman-2.xml',
      '/sitemap-index.xml',
    ]);
    expect(files.slice(0, 3).flatMap((f) => urls(f).map((u) => u.loc.slice(SITE.length)))).toEqual(
      ['b-4', 'b-3', 'b-2', 'b-1', 'b-0'].map((s) => `/berita/${s}/`),
    );
    // Code-unit order, whatever the order the build names them in.
    expect(files.slice(3, 6).flatMap((f) => urls(f).map((u) => u.loc.slice(SITE.length)))).toEqual([
      '/',
      '/tag/a/',
      '/tag/b/',
      '/tag/z/',
      '/tag/%C3%84/',
    ]);
    expect(buildSitemaps({ pages: [...pages].reverse(), articles: [...articles].reverse(), siteUrl: SITE }, 2)).toEqual(
      files,
    );
  });

  it('escapes what XML needs escaped in an address', () => {
    const [pagesFile] = buildSitemaps({ pages: ['/tag/a&b/'], articles: [], siteUrl: SITE });
    expect(pagesFile?.xml).toContain(`<loc>${SITE}/tag/a&amp;b/</loc>`);
  });
});
