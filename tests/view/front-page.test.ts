import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/lib/content/article.ts';
import { allArticlePages, buildFrontPage } from '../../src/lib/view/front-page.ts';
import { indexSite } from '../../src/lib/view/site-index.ts';
import { articlesNewestFirst, makeArticle } from './make-article.ts';

/** The all-articles list's own page, the first of its pages. */
const ownPage = (articles: readonly Article[], pageSize: number) => {
  const [page] = allArticlePages(articles, pageSize);
  if (!page) throw new Error('no own page');
  return page;
};

describe('buildFrontPage', () => {
  const articles = [
    ...articlesNewestFirst(5, new Date('2025-01-10T03:00:00Z'), 'Ekonomi'),
    ...articlesNewestFirst(6, new Date('2025-01-05T03:00:00Z'), 'Olahraga').map((a) => ({ ...a, slug: `o-${a.slug}` })),
    makeArticle('budaya-1', { category: 'Budaya', date: new Date('2024-12-01T00:00:00Z') }),
  ];
  const index = indexSite(articles, ['Olahraga', 'Internasional', 'Ekonomi']);

  it("leads with the newest article, then the next few, then the rest of the list's own page", () => {
    // 32 stories in pages of 5: the front page is the list's own page, with at least 5 of the newest
    // stories (see pagination.ts), and links to the newest archive page.
    const more = [
      ...index.articles,
      ...articlesNewestFirst(20, new Date('2024-11-01T03:00:00Z'), 'Ekonomi').map((a) => ({
        ...a,
        slug: `lama-${a.slug}`,
      })),
    ];
    const view = buildFrontPage(ownPage(more, 5), index.categories, { blockSize: 3 });
    expect(view.lead?.href).toBe('/berita/berita-1/');
    expect(view.headlines.map((h) => h.href)).toEqual([
      '/berita/berita-2/',
      '/berita/berita-3/',
      '/berita/berita-4/',
      '/berita/berita-5/',
    ]);
    const shown = [view.lead, ...view.headlines, ...view.latest].map((h) => h?.href);
    expect(shown).toEqual(more.slice(0, shown.length).map((a) => `/berita/${a.slug}/`));
    expect(shown.length).toBeGreaterThanOrEqual(5);
    expect(shown.length).toBeLessThan(15);
    expect(view.pagination).toMatchObject({ front: true, prevHref: undefined, oldestHref: '/halaman/1/' });
    expect(view.pagination.nextHref).toMatch(/^\/halaman\/\d+\/$/);
  });

  it('fits a small page: the lead, then at most four headlines, then the rest', () => {
    const view = buildFrontPage(ownPage(index.articles, 3), index.categories, { blockSize: 3 });
    expect(view.lead?.title).toBe('Judul berita-1');
    const shown = 1 + view.headlines.length + view.latest.length;
    expect(shown).toBeGreaterThanOrEqual(3);
    expect(view.headlines).toHaveLength(Math.min(4, shown - 1));
    expect(view.pagination.nextHref).toMatch(/^\/halaman\/\d+\/$/);
  });

  it('gives each category a block in navigation order with its newest headlines', () => {
    const view = buildFrontPage(ownPage(index.articles, 8), index.categories, { blockSize: 3 });
    expect(view.blocks.map((b) => [b.name, b.href, b.count, b.items.length])).toEqual([
      ['Olahraga', '/kategori/olahraga/', 6, 3],
      ['Ekonomi', '/kategori/ekonomi/', 5, 3],
      ['Budaya', '/kategori/budaya/', 1, 1],
    ]);
    expect(view.blocks[0]?.items.map((i) => i.href)).toEqual([
      '/berita/o-berita-1/',
      '/berita/o-berita-2/',
      '/berita/o-berita-3/',
    ]);
    expect(view.blocks[0]?.feedHref).toBe('/kategori/olahraga/rss.xml');
  });

  it('has no lead and no blocks on an empty site', () => {
    const empty = indexSite([], ['Nasional']);
    const view = buildFrontPage(ownPage(empty.articles, 20), empty.categories, { blockSize: 4 });
    expect(view).toMatchObject({ lead: undefined, headlines: [], latest: [], blocks: [] });
    expect(view.pagination).toMatchObject({ front: true, nextHref: undefined, oldestHref: undefined });
  });

  it("refuses a page that is not the list's own page", () => {
    const archive = allArticlePages(index.articles, 3).find((page) => !page.pagination.front);
    if (!archive) throw new Error('no archive page');
    expect(() => buildFrontPage(archive, index.categories, { blockSize: 3 })).toThrow(/is not the list's own page/);
  });
});

describe('indexSite', () => {
  it('orders categories as configured, leaves out configured ones with no article, and puts the rest alphabetically', () => {
    const index = indexSite(
      [
        makeArticle('a', { category: 'Gaya Hidup' }),
        makeArticle('b', { category: 'Ekonomi' }),
        makeArticle('c', { category: 'Budaya' }),
        makeArticle('d', { category: 'Nasional' }),
      ],
      ['Nasional', 'Internasional', 'Ekonomi', 'Teknologi'],
    );
    expect(index.categories.map((c) => c.name)).toEqual(['Nasional', 'Ekonomi', 'Budaya', 'Gaya Hidup']);
  });
});
