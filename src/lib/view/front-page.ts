import type { Article } from '../content/article.ts';
import { feedPath, frontPagePath } from '../routes.ts';
import { toListView, type ListItemView } from './article-view.ts';
import { articleRoutes } from './list-pages.ts';
import { paginate, type Pagination } from './pagination.ts';
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
  /** Articles on each page of the all-articles list; the front page is its first page. */
  readonly pageSize: number;
  /** Headlines per category block. */
  readonly blockSize: number;
  /** Stories beside the lead. Default: 4. */
  readonly headlineCount?: number;
}

/**
 * The front page from every article (newest first) and the categories. It is the own page of the
 * all-articles list: the first article leads, the next few sit beside it, the rest of the page
 * follows as "Berita Terbaru", and the categories each get a block. The list goes on at its
 * archive pages (`/halaman/<n>/`, see pagination.ts), so every article is a few "Lebih lama" links
 * away from the front page.
 */
export function buildFrontPage(
  articles: readonly Article[],
  categories: readonly TermGroup[],
  { pageSize, blockSize, headlineCount = 4 }: FrontPageOptions,
): FrontPageView {
  const [firstPage] = paginate(articles, pageSize, articleRoutes(frontPagePath(), frontPagePath));
  if (!firstPage) throw new Error('paginate returned no page');
  const [lead, ...rest] = firstPage.items.map(toListView);
  return {
    lead,
    headlines: rest.slice(0, headlineCount),
    latest: rest.slice(headlineCount),
    pagination: firstPage.pagination,
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
