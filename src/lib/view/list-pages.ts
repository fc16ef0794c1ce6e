import type { Article } from '../content/article.ts';
import { toListView, type ListItemView } from './article-view.ts';
import { pageCacheKey } from './page-key.ts';
import { paginate, type Pagination } from './pagination.ts';
import type { ListSidebar } from './term-index.ts';

/** What every page of an article list shows besides its own heading. */
export interface ListPageProps {
  readonly items: readonly ListItemView[];
  /** 1-based position of the page's first item, for `<ol start>`. */
  readonly start: number;
  readonly pagination: Pagination;
  readonly sidebar: ListSidebar;
}

/**
 * The pages of one paginated article list (a section, a tag, a person): each page's rest parameter,
 * its props (`own`, the list's heading and such, plus its items) and its cache key, which covers
 * exactly those props and the navigation, so Astro re-renders a page only when what it shows changes.
 */
export function listPages<Own extends object>(
  articles: readonly Article[],
  options: {
    readonly pageSize: number;
    readonly pathOf: (page: number) => string;
    readonly own: Own;
    readonly sidebar: ListSidebar;
    /** The header's category navigation (see navigationKey). */
    readonly navigation: string;
  },
): { readonly rest: string | undefined; readonly props: Own & ListPageProps; readonly cacheKey: string }[] {
  return paginate(articles, options.pageSize, options.pathOf).map((page) => {
    const props = {
      ...options.own,
      items: page.items.map(toListView),
      start: page.start,
      pagination: page.pagination,
      sidebar: options.sidebar,
    };
    return { rest: page.rest, props, cacheKey: pageCacheKey(props, options.navigation) };
  });
}
