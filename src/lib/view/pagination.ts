import { listPageRest } from '../routes.ts';

/** Where a list page sits among its siblings, with every link already made. */
export interface Pagination {
  /** Whether this is the list's own page (its newest stories), not one of its archive pages. */
  readonly front: boolean;
  /** The next newer page (`rel="prev"`): the list's own page from its newest archive page. */
  readonly prevHref: string | undefined;
  /** The next older page (`rel="next"`). */
  readonly nextHref: string | undefined;
  /** The list's own page, and its oldest page: "Terbaru" and "Terlama"; undefined where the link would lead to itself. */
  readonly newestHref: string | undefined;
  readonly oldestHref: string | undefined;
  /** What an archive page holds, from `describe` (e.g. `3–9 Desember 2024`); empty on the list's own page. */
  readonly label: string;
}

/** One page of a paginated list. */
export interface ListPage<T> {
  /** Newest first. */
  readonly items: readonly T[];
  /** Path of this page. */
  readonly href: string;
  /** Astro's rest parameter for this page (`halaman/2`), undefined on the list's own page; see `listPageRest`. */
  readonly rest: string | undefined;
  readonly pagination: Pagination;
}

/** How {@link paginate} names pages. */
export interface PageRoutes<T> {
  /** The list's own page, e.g. `categoryPath(slug)`. */
  readonly front: string;
  /** Archive page `n` (1 the oldest), e.g. `(n) => categoryPath(slug, n)`. */
  readonly page: (n: number) => string;
  /** What an archive page's stories are, for its heading and title: their dates, `3–9 Desember 2024`. */
  readonly describe: (items: readonly T[]) => string;
}

/**
 * Splits `items` (newest first) into pages of a news list whose pages keep their stories when new
 * ones are published. Counted from the oldest story, every `pageSize` stories make an archive page,
 * numbered from the oldest (`halaman/1` holds the oldest); the list's own page holds the rest: the
 * newest, from `pageSize` up to `2 × pageSize - 1` stories (all of them when there are fewer).
 *
 * Numbered from the newest, as lists usually are, every page of a list changed when one story was
 * published, since each story moved one place along: at 100,000 articles a publish re-rendered
 * thousands of list pages. Here a publish changes the list's own page, and only every `pageSize`
 * stories also adds an archive page and changes the newest one's link to it. A deletion moves the
 * stories after it, so it changes the archive pages from the deleted story's on.
 *
 * An empty list still has its own page, so a front page with no articles exists and says so.
 */
export function paginate<T>(items: readonly T[], pageSize: number, routes: PageRoutes<T>): ListPage<T>[] {
  if (!Number.isInteger(pageSize) || pageSize < 1)
    throw new RangeError(`pageSize must be a positive integer, got ${pageSize}`);
  // Archive pages: every full run of pageSize from the oldest but the newest full run, which the
  // list's own page keeps with the stories after it (so that page never has fewer than pageSize).
  const archived = Math.max(0, Math.floor(items.length / pageSize) - 1);
  const frontCount = items.length - archived * pageSize;
  const oldest = archived > 0 ? routes.page(1) : undefined;
  const front: ListPage<T> = {
    items: items.slice(0, frontCount),
    href: routes.front,
    rest: undefined,
    pagination: {
      front: true,
      prevHref: undefined,
      nextHref: archived > 0 ? routes.page(archived) : undefined,
      newestHref: undefined,
      oldestHref: oldest,
      label: '',
    },
  };
  const pages: ListPage<T>[] = [front];
  // Archive page n (1 the oldest) holds stories (n - 1) * pageSize … n * pageSize - 1 counted from the oldest.
  for (let n = archived; n >= 1; n--) {
    const end = items.length - (n - 1) * pageSize;
    const pageItems = items.slice(end - pageSize, end);
    pages.push({
      items: pageItems,
      href: routes.page(n),
      rest: listPageRest(n),
      pagination: {
        front: false,
        prevHref: n === archived ? routes.front : routes.page(n + 1),
        nextHref: n > 1 ? routes.page(n - 1) : undefined,
        newestHref: routes.front,
        oldestHref: n > 1 ? oldest : undefined,
        label: routes.describe(pageItems),
      },
    });
  }
  return pages;
}
