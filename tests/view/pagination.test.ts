import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { categoryPath, tagPath } from '../../src/lib/routes.ts';
import { describeStories } from '../../src/lib/view/list-pages.ts';
import { hash32, paginate } from '../../src/lib/view/pagination.ts';

/** Items `n` … 1: newest first, as lists are, so item 1 is the oldest. */
const newestFirst = (n: number): number[] => Array.from({ length: n }, (_, i) => n - i);
const routes = (slug: string) => ({
  front: tagPath(slug),
  page: (n: number) => tagPath(slug, n),
  describe: (items: readonly number[]) => `${items.at(-1) ?? ''}–${items[0] ?? ''}`,
  key: (item: number) => `berita-${item}`,
});
/** Whether the rule picks `item` to start a page of a list of `pageSize` (see pageStarts). */
const picked = (item: number, pageSize: number) =>
  hash32(`berita-${item}`) % (pageSize - Math.ceil(pageSize / 2) + 1) === 0;

describe('hash32 (FNV-1a, 32 bits)', () => {
  it('gives the published test vectors: a page cut must never move between versions', () => {
    expect(hash32('')).toBe(0x811c9dc5);
    expect(hash32('a')).toBe(0xe40c292c);
    expect(hash32('foobar')).toBe(0xbf9cf968);
  });
});

describe('paginate', () => {
  it('keeps a list shorter than a page on its own page, with no links', () => {
    for (const n of [0, 1, 2, 3]) {
      const pages = paginate(newestFirst(n), 4, routes('cuaca'));
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

  it('cuts archive pages from the oldest story, before each story the rule picks once a page holds half a page', () => {
    // Pages of 4 on average: a page ends before a picked story once it holds 2, and after 8 at most.
    const pageSize = 4;
    const n = 40;
    // The rule, stated directly: where pages start, counted from the oldest story.
    const starts = [1];
    for (let item = 2; item <= n; item++) {
      const size = item - starts.at(-1)!;
      if (size >= 8 || (size >= 2 && picked(item, pageSize))) starts.push(item);
    }
    const pages = paginate(newestFirst(n), pageSize, routes('cuaca'));
    const archive = pages.slice(1).reverse();
    // Each archive page starts where the rule says, numbered 1, 2, … from the oldest.
    expect(archive.map((p) => p.items.at(-1))).toEqual(starts.slice(0, archive.length));
    expect(archive.map((p) => p.rest)).toEqual(archive.map((_, i) => `halaman/${i + 1}`));
    // The own page holds what follows the last archive page: at least a page, from one or more cuts.
    const own = pages[0]!.items;
    expect(own.length).toBeGreaterThanOrEqual(pageSize);
    expect(own.at(-1)).toBe(starts[archive.length]);
    // Had it started at the next cut, it would hold less than a page.
    const next = starts[archive.length + 1];
    if (next !== undefined) expect(n - next + 1).toBeLessThan(pageSize);
  });

  it('links each page to the next newer and older one, and to the newest and oldest', () => {
    const pages = paginate(newestFirst(30), 4, routes('cuaca'));
    const archived = pages.length - 1;
    expect(archived).toBeGreaterThanOrEqual(2);
    expect(pages[0]!.pagination).toEqual({
      front: true,
      prevHref: undefined,
      nextHref: `/tag/cuaca/halaman/${archived}/`,
      newestHref: undefined,
      oldestHref: '/tag/cuaca/halaman/1/',
      label: '',
    });
    const newestArchive = pages[1]!;
    expect(newestArchive.pagination).toMatchObject({
      front: false,
      prevHref: '/tag/cuaca/',
      nextHref: `/tag/cuaca/halaman/${archived - 1}/`,
      newestHref: '/tag/cuaca/',
      oldestHref: '/tag/cuaca/halaman/1/',
    });
    const first = pages.at(-1)!;
    expect(first.href).toBe('/tag/cuaca/halaman/1/');
    expect(first.pagination).toEqual({
      front: false,
      prevHref: '/tag/cuaca/halaman/2/',
      nextHref: undefined,
      newestHref: '/tag/cuaca/',
      oldestHref: undefined,
      label: `1–${String(first.items[0])}`,
    });
  });

  it('keeps every item exactly once, in order, in pages of half a page to two pages (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 1, max: 25 }), (n, size) => {
        const pages = paginate(newestFirst(n), size, routes('p'));
        expect(pages.flatMap((p) => p.items)).toEqual(newestFirst(n));
        const [front, ...archive] = pages;
        for (const page of archive) {
          expect(page.items.length).toBeGreaterThanOrEqual(Math.ceil(size / 2));
          expect(page.items.length).toBeLessThanOrEqual(2 * size);
        }
        if (n >= size) expect(front!.items.length).toBeGreaterThanOrEqual(size);
        expect(front!.items.length).toBeLessThan(3 * size);
        // Every page's links lead to pages that exist, and "newer" and "older" are each other's inverse.
        const hrefs = new Set(pages.map((p) => p.href));
        for (const [i, page] of pages.entries()) {
          const { prevHref, nextHref, newestHref, oldestHref } = page.pagination;
          for (const href of [prevHref, nextHref, newestHref, oldestHref]) if (href) expect(hrefs).toContain(href);
          expect(nextHref).toBe(pages[i + 1]?.href);
          expect(prevHref).toBe(pages[i - 1]?.href);
        }
      }),
    );
  });

  it('leaves every archive page as it was when a story is published (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 1, max: 25 }), (n, size) => {
        const before = paginate(newestFirst(n), size, routes('x'));
        const after = paginate(newestFirst(n + 1), size, routes('x'));
        // Archive pages are listed newest first; the publish may add one newer page, never change one.
        const archivedBefore = before.slice(1).reverse();
        const archivedAfter = after.slice(1).reverse();
        expect(archivedAfter.length - archivedBefore.length).toBeGreaterThanOrEqual(0);
        expect(archivedAfter.length - archivedBefore.length).toBeLessThanOrEqual(1);
        for (const [i, page] of archivedBefore.entries()) {
          expect(archivedAfter[i]?.items).toEqual(page.items);
          // Only the newest archive page's "newer" link moves, to the page the publish added.
          if (i < archivedBefore.length - 1 || archivedAfter.length === archivedBefore.length)
            expect(archivedAfter[i]).toEqual(page);
        }
      }),
    );
  });

  it('changes one archive page when a story is removed, unless a page was cut at it (issue #20)', () => {
    // Each story of a 600-story list of pages of 20 removed in turn: how many archive pages change.
    const n = 600;
    const size = 20;
    const before = paginate(newestFirst(n), size, routes('x'));
    const changed: number[] = [];
    for (let removed = 1; removed <= n; removed++) {
      const after = paginate(
        newestFirst(n).filter((item) => item !== removed),
        size,
        routes('x'),
      );
      changed.push(after.filter((page, i) => JSON.stringify(page) !== JSON.stringify(before[i])).length);
    }
    const sorted = [...changed].sort((a, b) => a - b);
    // Most removals change their own archive page and no other (its "newer" and "older" links stay),
    // or the own page when the story is on it.
    expect(sorted[Math.floor(n / 2)]).toBe(1);
    expect(sorted[Math.floor(n * 0.8)]).toBeLessThanOrEqual(2);
    // Cutting every 20 stories from the oldest, every archive page from the removed story's on changed.
    const archived = before.length - 1;
    expect(changed.reduce((a, b) => a + b, 0) / n).toBeLessThan(archived / 4);
  });

  it('refuses a page size that is not a positive integer', () => {
    expect(() => paginate([1], 0, routes('x'))).toThrow('pageSize must be a positive integer, got 0');
  });

  it("names a category's pages by its routes", () => {
    const pages = paginate(newestFirst(30), 4, {
      front: categoryPath('olahraga'),
      page: (n) => categoryPath('olahraga', n),
      describe: () => '',
      key: String,
    });
    expect(pages[0]?.href).toBe('/kategori/olahraga/');
    expect(pages.slice(1).map((p) => p.href)).toEqual(
      pages.slice(1).map((_, i) => `/kategori/olahraga/halaman/${pages.length - 1 - i}/`),
    );
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
