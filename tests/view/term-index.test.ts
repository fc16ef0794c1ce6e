import { describe, expect, it } from 'vitest';
import { indexSite } from '../../src/lib/view/site-index.ts';
import {
  categorySummaries,
  groupByInitial,
  initialOf,
  listSidebar,
  termCounts,
} from '../../src/lib/view/term-index.ts';
import { makeArticle } from './make-article.ts';

const tag = (name: string) => ({ name, slug: name.toLowerCase().replace(/\s+/g, '-') });

describe('the tag index', () => {
  const index = indexSite(
    [
      makeArticle('a', { tags: [tag('Korea Utara'), tag('Rusia')] }),
      makeArticle('b', { tags: [tag('Rusia'), tag('Éropa')] }),
      makeArticle('c', { tags: [tag('Rusia'), tag('2024')] }),
      makeArticle('d', { tags: [tag('Korea Selatan'), tag('Banjir')] }),
    ],
    [],
  );

  it('counts each tag’s articles', () => {
    expect(termCounts(index.tags)).toEqual([
      { name: '2024', href: '/tag/2024/', count: 1 },
      { name: 'Banjir', href: '/tag/banjir/', count: 1 },
      { name: 'Éropa', href: '/tag/éropa/', count: 1 },
      { name: 'Korea Selatan', href: '/tag/korea-selatan/', count: 1 },
      { name: 'Korea Utara', href: '/tag/korea-utara/', count: 1 },
      { name: 'Rusia', href: '/tag/rusia/', count: 3 },
    ]);
  });

  it('groups tags by initial without accents, others under # first', () => {
    expect(initialOf('Éropa')).toBe('E');
    expect(initialOf(' kopi')).toBe('K');
    expect(initialOf('2024')).toBe('#');
    const groups = groupByInitial(termCounts(index.tags));
    expect(groups.map((g) => [g.initial, g.anchor, g.terms.map((t) => t.name)])).toEqual([
      ['#', 'huruf-lain', ['2024']],
      ['B', 'huruf-b', ['Banjir']],
      ['E', 'huruf-e', ['Éropa']],
      ['K', 'huruf-k', ['Korea Selatan', 'Korea Utara']],
      ['R', 'huruf-r', ['Rusia']],
    ]);
  });

  it('lists the most used tags in the side column, ties alphabetically', () => {
    const sidebar = listSidebar(index.categories, index.tags, 3);
    expect(sidebar.popularTags.map((t) => t.name)).toEqual(['Rusia', '2024', 'Banjir']);
    expect(sidebar.categories).toEqual([{ name: 'Nasional', href: '/kategori/nasional/' }]);
  });
});

describe('categorySummaries', () => {
  it('gives each category its count, feed and newest story', () => {
    const index = indexSite(
      [
        makeArticle('baru', { category: 'Ekonomi', date: new Date('2025-01-02T00:00:00Z') }),
        makeArticle('lama', { category: 'Ekonomi', date: new Date('2025-01-01T00:00:00Z') }),
      ],
      [],
    );
    const [ekonomi] = categorySummaries(index.categories);
    expect(ekonomi).toMatchObject({
      name: 'Ekonomi',
      href: '/kategori/ekonomi/',
      count: 2,
      feedHref: '/kategori/ekonomi/rss.xml',
    });
    expect(ekonomi?.newest?.href).toBe('/berita/baru/');
  });
});
