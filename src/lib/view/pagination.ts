import { listPageRest } from '../routes.ts';

/** A numbered link in a pagination bar. */
export interface PageLink {
  readonly number: number;
  readonly href: string;
  readonly current: boolean;
}

/** Where a list page sits among its siblings, with every link already made. */
export interface Pagination {
  /** 1-based. */
  readonly current: number;
  readonly total: number;
  readonly prevHref: string | undefined;
  readonly nextHref: string | undefined;
  /** Numbered links in order; `gap` stands for skipped numbers (`1 … 4 5 6 … 20`). */
  readonly links: readonly (PageLink | 'gap')[];
  /** `Halaman 2 dari 5`. */
  readonly label: string;
}

/** One page of a paginated list. */
export interface ListPage<T> {
  readonly items: readonly T[];
  /** Path of this page, from the list's route function. */
  readonly href: string;
  /** Astro's rest parameter for this page (`halaman/2`), undefined on page 1; see `listPageRest`. */
  readonly rest: string | undefined;
  /** 1-based position of the page's first item in the whole list, for `<ol start>`. */
  readonly start: number;
  readonly pagination: Pagination;
}

/**
 * Page numbers to show around `current` out of `total`: always the first and last, `current` and
 * `radius` on each side, with `gap` for the runs left out. A gap never hides just one number, and
 * short lists show every number.
 */
export function pageWindow(current: number, total: number, radius = 1): (number | 'gap')[] {
  // As many numbers as a windowed bar would show at most: then show them all.
  if (total <= 2 * radius + 5) return Array.from({ length: total }, (_, i) => i + 1);
  const shown = new Set<number>([1, total]);
  for (let n = current - radius; n <= current + radius; n++) if (n >= 1 && n <= total) shown.add(n);
  const sorted = [...shown].sort((a, b) => a - b);
  const out: (number | 'gap')[] = [];
  let prev = 0;
  for (const n of sorted) {
    if (n - prev === 2) out.push(n - 1);
    else if (n - prev > 2) out.push('gap');
    out.push(n);
    prev = n;
  }
  return out;
}

/**
 * Splits `items` (already in display order) into pages of `pageSize`, page `n` at `pathOf(n)` (a
 * route function of src/lib/routes.ts, e.g. `(n) => categoryPath(slug, n)`). An empty list still
 * has its first page, so a front page with no articles exists and says so.
 */
export function paginate<T>(items: readonly T[], pageSize: number, pathOf: (page: number) => string): ListPage<T>[] {
  if (!Number.isInteger(pageSize) || pageSize < 1)
    throw new RangeError(`pageSize must be a positive integer, got ${pageSize}`);
  const total = Math.max(1, Math.ceil(items.length / pageSize));
  const pages: ListPage<T>[] = [];
  for (let current = 1; current <= total; current++) {
    pages.push({
      items: items.slice((current - 1) * pageSize, current * pageSize),
      href: pathOf(current),
      rest: listPageRest(current),
      start: (current - 1) * pageSize + 1,
      pagination: {
        current,
        total,
        prevHref: current > 1 ? pathOf(current - 1) : undefined,
        nextHref: current < total ? pathOf(current + 1) : undefined,
        links: pageWindow(current, total).map((n) =>
          n === 'gap' ? n : { number: n, href: pathOf(n), current: n === current },
        ),
        label: `Halaman ${current} dari ${total}`,
      },
    });
  }
  return pages;
}
