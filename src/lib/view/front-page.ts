import type { Article } from '../content/article.ts';
import { feedPath, frontPagePath } from '../routes.ts';
import { toListView, type ListItemView } from './article-view.ts';
import { articleRoutes } from './list-pages.ts';
import { paginate, type ListPage, type Pagination } from './pagination.ts';
import type { TermGroup } from './site-index.ts';

/** One category's block on the front page: its newest headlines and a link to the rest. */
export interface CategoryBlock {
  readonly name: string;
  /** The category's slug, for element ids (`blok-<slug>`). */
  readonly slug: string;
  readonly href: string;
  readonly feedHref: string;
  /** How many articles the category has in all. */
  readonly count: number;
  readonly items: readonly ListItemView[];
}

/** Everything the front page prints. */
export interface FrontPageView {
  /** The newest story, shown largest; undefined when the site has no articles. */
  readonly lead: ListItemView | undefined;
  /** The next few stories, beside the lead. */
  readonly headlines: readonly ListItemView[];
  /** The rest of the first page of the "Berita Terbaru" list. */
  readonly latest: readonly ListItemView[];
  /** The all-articles list's own page, which goes on at its archive pages (`/halaman/<n>/`). */
  readonly pagination: Pagination;
  /** One block per category, in navigation order. */
  readonly blocks: readonly CategoryBlock[];
}

export interface FrontPageOptions {
  /** Headlines per category block. */
  readonly blockSize: number;
  /** Stories beside the lead. Default: 4. */
  readonly headlineCount?: number;
}

/**
 * The pages of the all-articles list (every article, newest first): its own page, the front page,
 * first, then its archive pages (`/halaman/<n>/`, see pagination.ts), so every article is a few
 * "Lebih lama" links away from the front page. Made once a build and shared by both routes
 * (site-data.ts).
 */
export function allArticlePages(articles: readonly Article[], pageSize: number): ListPage<Article>[] {
  return paginate(articles, pageSize, articleRoutes(frontPagePath(), frontPagePath));
}

/**
 * The front page from the all-articles list's own page (the first of {@link allArticlePages}) and
 * the categories: the first article leads, the next few sit beside it, the rest of the page follows
 * as "Berita Terbaru", and the categories each get a block.
 */
export function buildFrontPage(
  ownPage: ListPage<Article>,
  categories: readonly TermGroup[],
  { blockSize, headlineCount = 4 }: FrontPageOptions,
): FrontPageView {
  if (!ownPage.pagination.front) throw new Error(`buildFrontPage: ${ownPage.href} is not the list's own page`);
  const [lead, ...rest] = ownPage.items.map(toListView);
  return {
    lead,
    headlines: rest.slice(0, headlineCount),
    latest: rest.slice(headlineCount),
    pagination: ownPage.pagination,
    blocks: categories.map((c) => ({
      name: c.name,
      slug: c.slug,
      href: c.href,
      feedHref: feedPath(c.slug),
      count: c.articles.length,
      items: c.articles.slice(0, blockSize).map(toListView),
    })),
  };
}
