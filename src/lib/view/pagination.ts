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
  /** What names a story for good, whatever else is published or removed: its slug. */
  readonly key: (item: T) => string;
}

/**
 * Splits `items` (newest first) into pages of a news list whose pages keep their stories when other
 * stories are published or removed. Archive pages are cut from the oldest story on, numbered from
 * the oldest (`halaman/1` holds the oldest); the list's own page holds the newest stories, those
 * after the last cut that leaves it at least `pageSize` of them (all of them when there are fewer).
 *
 * Where a page is cut depends on the stories themselves, not on how many came before them
 * (content-defined chunking, as backup tools cut files into blocks): an archive page ends before a
 * story whose slug's hash picks it, once the page holds at least half of `pageSize` stories, and
 * after at most `2 × pageSize` stories in any case; pages hold `pageSize` stories on average.
 *
 * Numbered from the newest, as lists usually are, every page of a list changed when one story was
 * published, since each story moved one place along: at 100,000 articles a publish re-rendered
 * thousands of list pages. Cut every `pageSize` stories counted from the oldest, a publish changed
 * only the list's own page, but a deletion moved every story after it and changed every archive
 * page from its story's on: 4,773 pages at 100,000 articles. Cut by the stories, a deletion changes
 * its own page, and the pages after it only when the story was where a page was cut (1 in about
 * `pageSize / 2`), or a page's end moves past the next cut: then the pages after it are numbered
 * anew.
 *
 * An empty list still has its own page, so a front page with no articles exists and says so.
 */
export function paginate<T>(items: readonly T[], pageSize: number, routes: PageRoutes<T>): ListPage<T>[] {
  if (!Number.isInteger(pageSize) || pageSize < 1)
    throw new RangeError(`pageSize must be a positive integer, got ${pageSize}`);
  // Where each archive page starts, counted from the oldest story, and where the own page starts.
  const starts = pageStarts(items, pageSize, routes.key);
  let ownStart = starts.length;
  while (ownStart > 0 && items.length - (starts[ownStart - 1] ?? 0) < pageSize) ownStart--;
  // Archive page n (1 the oldest) holds the stories from starts[n - 1] up to starts[n], oldest first.
  const archived = Math.max(0, ownStart - 1);
  const slice = (from: number, to: number): T[] => items.slice(items.length - to, items.length - from);
  const oldest = archived > 0 ? routes.page(1) : undefined;
  const front: ListPage<T> = {
    items: slice(starts[archived] ?? 0, items.length),
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
  for (let n = archived; n >= 1; n--) {
    const pageItems = slice(starts[n - 1] ?? 0, starts[n] ?? items.length);
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

/**
 * Where pages start, as indexes counted from the oldest story (the first is 0): a page ends before
 * a story its key picks once it holds `min` stories, and after `max` stories whatever follows.
 * The last page is the open one, which the newest stories join.
 */
function pageStarts<T>(items: readonly T[], pageSize: number, key: (item: T) => string): number[] {
  const min = Math.ceil(pageSize / 2);
  const max = 2 * pageSize;
  // One story in `every` is picked, so that pages hold min + every - 1 ≈ pageSize stories on average.
  const every = pageSize - min + 1;
  const starts = [0];
  let start = 0;
  // Oldest first: items is newest first.
  for (let i = 1; i < items.length; i++) {
    const size = i - start;
    const item = items[items.length - 1 - i];
    if (item !== undefined && (size >= max || (size >= min && hash32(key(item)) % every === 0))) {
      starts.push(i);
      start = i;
    }
  }
  return starts;
}

/**
 * FNV-1a, 32 bits, over a string's UTF-16 code units: a story's page cut must depend on its slug
 * alone and never change between versions of Warta, Node or V8 (a change would move every archive
 * page of the site), and it runs for every story of every list in a build, about 600,000 times at
 * 100,000 articles. Node's crypto hashes are stable but cost a microsecond or more a call through
 * their objects; FNV-1a is five lines with a fixed, published definition.
 */
export function hash32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
