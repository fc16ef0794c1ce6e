import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { categoryPath, frontPagePath, tagPath } from '../../src/lib/routes.ts';
import { pageWindow, paginate, type PageLink } from '../../src/lib/view/pagination.ts';

const numbers = (n: number): number[] => Array.from({ length: n }, (_, i) => i + 1);
const linkNumbers = (links: readonly (PageLink | 'gap')[]): (number | 'gap')[] =>
  links.map((l) => (l === 'gap' ? l : l.number));

describe('paginate', () => {
  it('makes one page, with no neighbours, for fewer items than a page', () => {
    const pages = paginate(numbers(2), 3, (n) => tagPath('cuaca', n));
    expect(pages).toHaveLength(1);
    expect(pages[0]).toEqual({
      items: [1, 2],
      href: '/tag/cuaca/',
      rest: undefined,
      start: 1,
      pagination: {
        current: 1,
        total: 1,
        prevHref: undefined,
        nextHref: undefined,
        links: [{ number: 1, href: '/tag/cuaca/', current: true }],
        label: 'Halaman 1 dari 1',
      },
    });
  });

  it('makes exactly one full page for exactly a page of items', () => {
    const pages = paginate(numbers(3), 3, frontPagePath);
    expect(pages.map((p) => p.items)).toEqual([[1, 2, 3]]);
    expect(pages[0]?.pagination.nextHref).toBeUndefined();
  });

  it('starts a second page for one item more than a page', () => {
    const pages = paginate(numbers(4), 3, (n) => categoryPath('olahraga', n));
    expect(pages.map((p) => p.items)).toEqual([[1, 2, 3], [4]]);
    expect(pages.map((p) => p.href)).toEqual(['/kategori/olahraga/', '/kategori/olahraga/halaman/2/']);
    expect(pages.map((p) => p.rest)).toEqual([undefined, 'halaman/2']);
    expect(pages.map((p) => p.start)).toEqual([1, 4]);
    const [first, second] = pages.map((p) => p.pagination);
    expect(first).toMatchObject({
      current: 1,
      total: 2,
      prevHref: undefined,
      nextHref: '/kategori/olahraga/halaman/2/',
      label: 'Halaman 1 dari 2',
    });
    expect(second).toMatchObject({
      current: 2,
      total: 2,
      prevHref: '/kategori/olahraga/',
      nextHref: undefined,
      label: 'Halaman 2 dari 2',
    });
    expect(second?.links).toEqual([
      { number: 1, href: '/kategori/olahraga/', current: false },
      { number: 2, href: '/kategori/olahraga/halaman/2/', current: true },
    ]);
  });

  it('still has a first page when there is nothing to list', () => {
    const pages = paginate([], 20, frontPagePath);
    expect(pages).toHaveLength(1);
    expect(pages[0]?.items).toEqual([]);
    expect(pages[0]?.pagination.total).toBe(1);
  });

  it('never links to halaman/1/', () => {
    for (const page of paginate(numbers(50), 3, frontPagePath)) {
      const hrefs = [
        page.href,
        page.pagination.prevHref,
        page.pagination.nextHref,
        ...page.pagination.links.map((l) => (l === 'gap' ? '' : l.href)),
      ];
      expect(hrefs.filter((h) => h?.includes('halaman/1/'))).toEqual([]);
    }
  });

  it('rejects a page size that is not a positive integer', () => {
    expect(() => paginate([1], 0, frontPagePath)).toThrow(RangeError);
    expect(() => paginate([1], 2.5, frontPagePath)).toThrow(RangeError);
  });

  it('keeps every item exactly once, in order, in pages of at most pageSize (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer(), { maxLength: 200 }), fc.integer({ min: 1, max: 25 }), (items, size) => {
        const pages = paginate(items, size, (n) => tagPath('x', n));
        expect(pages.flatMap((p) => p.items)).toEqual(items);
        expect(pages).toHaveLength(Math.max(1, Math.ceil(items.length / size)));
        pages.forEach((p, i) => {
          expect(p.items.length).toBeLessThanOrEqual(size);
          if (items.length > 0) expect(p.items.length).toBeGreaterThan(0);
          expect(p.pagination.current).toBe(i + 1);
          expect(p.pagination.prevHref).toBe(i === 0 ? undefined : pages[i - 1]?.href);
          expect(p.pagination.nextHref).toBe(pages[i + 1]?.href);
          expect(p.start).toBe(i * size + 1);
        });
        expect(new Set(pages.map((p) => p.href)).size).toBe(pages.length);
      }),
    );
  });
});

describe('pageWindow', () => {
  it('shows every number when there are few pages', () => {
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(2, 5)).toEqual([1, 2, 3, 4, 5]);
    expect(pageWindow(1, 7)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('shows first, last and the neighbours of the current page, with gaps between', () => {
    expect(pageWindow(1, 20)).toEqual([1, 2, 'gap', 20]);
    expect(pageWindow(10, 20)).toEqual([1, 'gap', 9, 10, 11, 'gap', 20]);
    expect(pageWindow(20, 20)).toEqual([1, 'gap', 19, 20]);
  });

  it('never hides a single number behind a gap', () => {
    expect(pageWindow(4, 20)).toEqual([1, 2, 3, 4, 5, 'gap', 20]);
    expect(pageWindow(5, 9)).toEqual([1, 'gap', 4, 5, 6, 'gap', 9]);
    expect(pageWindow(6, 9)).toEqual([1, 'gap', 5, 6, 7, 8, 9]);
  });

  it('numbers the links of paginate the same way, marking the current one', () => {
    const page = paginate(numbers(60), 3, frontPagePath)[9];
    expect(linkNumbers(page?.pagination.links ?? [])).toEqual([1, 'gap', 9, 10, 11, 'gap', 20]);
    expect(page?.pagination.links.filter((l) => l !== 'gap' && l.current)).toEqual([
      { number: 10, href: '/halaman/10/', current: true },
    ]);
  });
});
