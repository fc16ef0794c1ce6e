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
  /** URL of this page: the list's base URL for page 1, `<base>halaman/<n>/` after it. */
  readonly href: string;
  /** The rest of the path after the base (`halaman/2`), undefined on page 1: an Astro rest parameter. */
  readonly rest: string | undefined;
  /** 1-based position of the page's first item in the whole list, for `<ol start>`. */
  readonly start: number;
  readonly pagination: Pagination;
}

/** URL of page `n` of the list at `base` (which ends in `/`): page 1 is `base` itself, never `base/halaman/1/`. */
export function pageHref(base: string, n: number): string {
  return n <= 1 ? base : `${base}halaman/${n}/`;
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
 * Splits `items` (already in display order) into pages of `pageSize` at `base`. An empty list
 * still has its first page, so a front page with no articles exists and says so.
 */
export function paginate<T>(items: readonly T[], pageSize: number, base: string): ListPage<T>[] {
  if (!Number.isInteger(pageSize) || pageSize < 1) throw new RangeError(`pageSize must be a positive integer, got ${pageSize}`);
  if (!base.endsWith('/')) throw new RangeError(`base must end in "/", got ${base}`);
  const total = Math.max(1, Math.ceil(items.length / pageSize));
  const pages: ListPage<T>[] = [];
  for (let current = 1; current <= total; current++) {
    pages.push({
      items: items.slice((current - 1) * pageSize, current * pageSize),
      href: pageHref(base, current),
      rest: current === 1 ? undefined : `halaman/${current}`,
      start: (current - 1) * pageSize + 1,
      pagination: {
        current,
        total,
        prevHref: current > 1 ? pageHref(base, current - 1) : undefined,
        nextHref: current < total ? pageHref(base, current + 1) : undefined,
        links: pageWindow(current, total).map((n) => (n === 'gap' ? n : { number: n, href: pageHref(base, n), current: n === current })),
        label: `Halaman ${current} dari ${total}`,
      },
    });
  }
  return pages;
}
