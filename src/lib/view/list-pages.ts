import type { Article } from '../content/article.ts';
import { formatDayRange } from '../dates/format-date.ts';
import { toListView, type ListItemView } from './article-view.ts';
import { pageCacheKey, type PageKeys } from './page-key.ts';
import { paginate, type PageRoutes, type Pagination } from './pagination.ts';
import type { ListSidebar } from './term-index.ts';

/** What every page of an article list shows besides its own heading. */
export interface ListPageProps {
  readonly items: readonly ListItemView[];
  readonly pagination: Pagination;
  readonly sidebar: ListSidebar;
}

/**
 * The pages of one paginated article list (a section, a tag, a person; see pagination.ts): each
 * page's rest parameter, its props (`own`, the list's heading and such, on every page, `front` on
 * the list's own page only, plus its items) and its cache key, which covers exactly those props and
 * the navigation, so Astro re-renders a page only when what it shows changes. What changes with
 * every publish, such as the list's count, belongs in `front`: an archive page showing it would be
 * re-rendered on every publish.
 */
export function listPages<Own extends object, Front extends object>(
  articles: readonly Article[],
  options: {
    readonly pageSize: number;
    /** The list's own page and its archive page `n`, e.g. `(n) => categoryPath(slug, n)`. */
    readonly pathOf: (page?: number) => string;
    readonly own: Own;
    readonly front: Front;
    readonly sidebar: ListSidebar;
    /** The header's category navigation (see navigationKey). */
    readonly navigation: string;
    /** The route's keys kept across the publish server's builds (see keptPageKeys). Default: every key made. */
    readonly keys?: PageKeys | undefined;
  },
): {
  readonly rest: string | undefined;
  readonly props: Own & Partial<Front> & ListPageProps;
  readonly cacheKey: string;
}[] {
  const pages = paginate(
    articles,
    options.pageSize,
    articleRoutes(options.pathOf(), (n) => options.pathOf(n)),
  );
  return pages.map((page) => {
    const props = {
      ...options.own,
      ...(page.pagination.front ? options.front : {}),
      items: page.items.map(toListView),
      pagination: page.pagination,
      sidebar: options.sidebar,
    };
    const cacheKey = options.keys
      ? options.keys.key(page.href, props, options.navigation)
      : pageCacheKey(props, options.navigation);
    return { rest: page.rest, props, cacheKey };
  });
}

/** An archive page's stories by their dates (newest first): `3–9 Desember 2024`. */
export function describeStories(articles: readonly { readonly date: Date }[]): string {
  const newest = articles[0];
  const oldest = articles.at(-1);
  return newest && oldest ? formatDayRange(oldest.date, newest.date) : '';
}

/**
 * How a list of articles names and cuts its pages (see pagination.ts): `front` is its own page and
 * `page(n)` its archive page n; archive pages are described by their days and cut by the stories'
 * slugs, which name them for good.
 */
export function articleRoutes(front: string, page: (n: number) => string): PageRoutes<Article> {
  return { front, page, describe: describeStories, key: (article) => article.slug };
}
