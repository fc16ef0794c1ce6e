import { describe, expect, it } from 'vitest';
import { buildFrontPage } from '../../src/lib/view/front-page.ts';
import { indexSite } from '../../src/lib/view/site-index.ts';
import { articlesNewestFirst, makeArticle } from './make-article.ts';

describe('buildFrontPage', () => {
  const articles = [
    ...articlesNewestFirst(5, new Date('2025-01-10T03:00:00Z'), 'Ekonomi'),
    ...articlesNewestFirst(6, new Date('2025-01-05T03:00:00Z'), 'Olahraga').map((a) => ({ ...a, slug: `o-${a.slug}` })),
    makeArticle('budaya-1', { category: 'Budaya', date: new Date('2024-12-01T00:00:00Z') }),
  ];
  const index = indexSite(articles, ['Olahraga', 'Internasional', 'Ekonomi']);

  it("leads with the newest article, then the next few, then the rest of the list's own page", () => {
    // 12 stories in pages of 5: one archive page (the oldest 5), and the newest 7 on the front page.
    const view = buildFrontPage(index.articles, index.categories, { pageSize: 5, blockSize: 3 });
    expect(view.lead?.href).toBe('/berita/berita-1/');
    expect(view.headlines.map((h) => h.href)).toEqual([
      '/berita/berita-2/',
      '/berita/berita-3/',
      '/berita/berita-4/',
      '/berita/berita-5/',
    ]);
    expect(view.latest.map((h) => h.href)).toEqual(['/berita/o-berita-1/', '/berita/o-berita-2/']);
    expect(view.pagination).toMatchObject({ front: true, nextHref: '/halaman/1/', prevHref: undefined });
  });

  it('fits a small page: lead and headlines only', () => {
    const view = buildFrontPage(index.articles, index.categories, { pageSize: 3, blockSize: 3 });
    expect(view.lead?.title).toBe('Judul berita-1');
    expect(view.headlines).toHaveLength(2);
    expect(view.latest).toEqual([]);
    expect(view.pagination.nextHref).toBe('/halaman/3/');
  });

  it('gives each category a block in navigation order with its newest headlines', () => {
    const view = buildFrontPage(index.articles, index.categories, { pageSize: 8, blockSize: 3 });
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
    const view = buildFrontPage(empty.articles, empty.categories, { pageSize: 20, blockSize: 4 });
    expect(view).toMatchObject({ lead: undefined, headlines: [], latest: [], blocks: [] });
    expect(view.pagination).toMatchObject({ front: true, nextHref: undefined, oldestHref: undefined });
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
