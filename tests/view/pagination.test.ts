import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { categoryPath, tagPath } from '../../src/lib/routes.ts';
import { describeStories } from '../../src/lib/view/list-pages.ts';
import { paginate, type ListPage } from '../../src/lib/view/pagination.ts';

/** Items `n` … 1: newest first, as lists are, so item 1 is the oldest. */
const newestFirst = (n: number): number[] => Array.from({ length: n }, (_, i) => n - i);
const routes = (slug: string) => ({
  front: tagPath(slug),
  page: (n: number) => tagPath(slug, n),
  describe: (items: readonly number[]) => `${items.at(-1) ?? ''}–${items[0] ?? ''}`,
});
const items = (pages: readonly ListPage<number>[]) => pages.map((p) => p.items);

describe('paginate', () => {
  it('keeps a list shorter than two pages on its own page, with no links', () => {
    for (const n of [0, 2, 3, 5]) {
      const pages = paginate(newestFirst(n), 3, routes('cuaca'));
      expect(pages).toHaveLength(1);
      expect(pages[0]).toEqual({
        items: newestFirst(n),
        href: '/tag/cuaca/',
        rest: undefined,
        pagination: {
          front: true,
          prevHref: undefined,
          nextHref: undefined,
          newestHref: undefined,
          oldestHref: undefined,
          label: '',
        },
      });
    }
  });

  it('counts archive pages from the oldest story; the own page keeps the newest, a page to two pages less one', () => {
    const pages = paginate(newestFirst(11), 3, routes('cuaca'));
    // 11 stories: pages of 3 from the oldest (1–3, 4–6) and the newest 5 on the list's own page.
    expect(items(pages)).toEqual([
      [11, 10, 9, 8, 7],
      [6, 5, 4],
      [3, 2, 1],
    ]);
    expect(pages.map((p) => [p.href, p.rest])).toEqual([
      ['/tag/cuaca/', undefined],
      ['/tag/cuaca/halaman/2/', 'halaman/2'],
      ['/tag/cuaca/halaman/1/', 'halaman/1'],
    ]);
    expect(pages.map((p) => p.pagination)).toEqual([
      {
        front: true,
        prevHref: undefined,
        nextHref: '/tag/cuaca/halaman/2/',
        newestHref: undefined,
        oldestHref: '/tag/cuaca/halaman/1/',
        label: '',
      },
      {
        front: false,
        prevHref: '/tag/cuaca/',
        nextHref: '/tag/cuaca/halaman/1/',
        newestHref: '/tag/cuaca/',
        oldestHref: '/tag/cuaca/halaman/1/',
        label: '4–6',
      },
      {
        front: false,
        prevHref: '/tag/cuaca/halaman/2/',
        nextHref: undefined,
        newestHref: '/tag/cuaca/',
        oldestHref: undefined,
        label: '1–3',
      },
    ]);
  });

  it('leaves every archive page as it was when a story is published, until a new page fills', () => {
    const before = paginate(newestFirst(10), 3, routes('x'));
    const after = paginate(newestFirst(11), 3, routes('x'));
    expect(after.slice(1)).toEqual(before.slice(1));
    // The twelfth story fills a page: one new archive page, and the former newest one links to it.
    const twelve = paginate(newestFirst(12), 3, routes('x'));
    expect(twelve.map((p) => p.href)).toEqual([
      '/tag/x/',
      '/tag/x/halaman/3/',
      '/tag/x/halaman/2/',
      '/tag/x/halaman/1/',
    ]);
    expect(twelve.at(-1)).toEqual(after.at(-1));
    expect(twelve[2]?.items).toEqual(after[1]?.items);
    expect(twelve[2]?.pagination.prevHref).toBe('/tag/x/halaman/3/');
  });

  it('keeps every item exactly once, in order, in pages of pageSize but the own page (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 1, max: 25 }), (n, size) => {
        const pages = paginate(newestFirst(n), size, routes('p'));
        expect(pages.flatMap((p) => p.items)).toEqual(newestFirst(n));
        const [front, ...archive] = pages;
        for (const page of archive) expect(page.items).toHaveLength(size);
        expect(front!.items.length).toBeLessThan(2 * size);
        if (n >= size) expect(front!.items.length).toBeGreaterThanOrEqual(size);
        // Every page's links lead to pages that exist, and "newer" and "older" are each other's inverse.
        const hrefs = new Set(pages.map((p) => p.href));
        for (const [i, page] of pages.entries()) {
          const { prevHref, nextHref, newestHref, oldestHref } = page.pagination;
          for (const href of [prevHref, nextHref, newestHref, oldestHref]) if (href) expect(hrefs).toContain(href);
          expect(nextHref).toBe(pages[i + 1]?.href);
          expect(prevHref).toBe(pages[i - 1]?.href);
        }
        // Archive page n holds the stories (n-1)·size+1 … n·size counted from the oldest.
        for (const page of archive) {
          const number = Number(page.rest?.split('/')[1]);
          expect(page.items.at(-1)).toBe((number - 1) * size + 1);
        }
      }),
    );
  });

  it('refuses a page size that is not a positive integer', () => {
    expect(() => paginate([1], 0, routes('x'))).toThrow('pageSize must be a positive integer, got 0');
  });

  it("names a category's pages by its routes", () => {
    const pages = paginate(newestFirst(6), 2, {
      front: categoryPath('olahraga'),
      page: (n) => categoryPath('olahraga', n),
      describe: () => '',
    });
    expect(pages.map((p) => p.href)).toEqual([
      '/kategori/olahraga/',
      '/kategori/olahraga/halaman/2/',
      '/kategori/olahraga/halaman/1/',
    ]);
  });
});

describe('describeStories', () => {
  const at = (iso: string) => ({ date: new Date(iso) });
  it('names an archive page by the WIB days of its stories, newest first', () => {
    expect(describeStories([at('2024-12-09T10:00:00+07:00'), at('2024-12-03T08:00:00+07:00')])).toBe(
      '3–9 Desember 2024',
    );
    expect(describeStories([at('2024-12-04T10:00:00+07:00'), at('2024-11-28T08:00:00+07:00')])).toBe(
      '28 November – 4 Desember 2024',
    );
    expect(describeStories([at('2025-01-05T10:00:00+07:00'), at('2024-12-30T08:00:00+07:00')])).toBe(
      '30 Desember 2024 – 5 Januari 2025',
    );
    // 23:30 UTC on 8 December is 06:30 WIB on the 9th.
    expect(describeStories([at('2024-12-08T23:30:00Z'), at('2024-12-09T02:00:00+07:00')])).toBe('9 Desember 2024');
    expect(describeStories([])).toBe('');
  });
});
