// The content life cycle, after Hugo's related index (new, add, finalize, search): four steps, each
// a function of the previous one's result, that the caller runs in turn (issue #21).
//
//   parseSources(sources, parse)          each file on its own          parse-sources.ts
//   resolveLinks(parsed, { now, … })      the site, its links checked   resolve-links.ts
//   rankRelatedArticles(site, ranker, n)  "Berita Terkait", "Lainnya"   rank-related-articles.ts
//   renderArticles(site, related)         data and bodies for pages     render-articles.ts
//
// The content loader (src/loaders/warta-loader.ts) runs them itself: it feeds the first step from
// its parse cache and worker threads, times each step, and hands the resolved articles to the search
// index between resolving and ranking. buildContent below runs them in order for everyone else.
import type { WartaError } from '../errors/index.ts';
import type { ArticleSource } from './parse-article.ts';
import { parseSources } from './parse-sources.ts';
import { sortContentKinds } from './content-kinds.ts';
import { parsePeople } from './people.ts';
import { parseSitePages } from './site-pages.ts';
import { createPeopleIndex } from './resolve-credits.ts';
import { rankRelatedArticles, type RelatedLists, type RelatedRanker } from './rank-related-articles.ts';
import { parseArticle } from './parse-article.ts';
import type { RenderOptions } from '../markdown/processor.ts';
import { renderArticles, type BuiltArticle } from './render-articles.ts';
import { resolveLinks, type ResolutionStats, type ResolvedSite } from './resolve-links.ts';

export type { BuiltArticle } from './render-articles.ts';
export type { ArticleFields, ResolvedArticle } from './resolve-links.ts';

/** Options of {@link buildContent}. */
export interface BuildContentOptions {
  /** The build's clock: articles dated after it are scheduled, not published. */
  readonly now: Date;
  /** Put drafts and scheduled articles on the site too (dev server). Default: false. */
  readonly includeUnpublished?: boolean | undefined;
  /** Computes "Berita Terkait"; when absent only hand-picked `related:` entries are listed. */
  readonly rankRelated?: RelatedRanker | undefined;
  /**
   * Most entries in a "Berita Terkait" list, hand-picked ones included; "Lainnya di <Kategori>" fills
   * what a shorter list leaves, up to the same number. Default: 5.
   */
  readonly relatedLimit?: number | undefined;
  /** How bodies are rendered and where pictures are looked for. Default: no pictures checked. */
  readonly render?: RenderOptions | undefined;
  /** The site's name: bylines naming it, or "Redaksi <name>", credit the newsroom. Default: none. */
  readonly siteName?: string | undefined;
}

/** Counts for the end-of-build report. */
export interface ContentStats extends ResolutionStats {
  /** Articles with a non-empty "Berita Terkait" list. */
  readonly relatedLists: number;
}

/** Everything a build needs from the content, or every problem that stops it. */
export interface ContentBuild {
  /** Articles on the site, newest first (ties by slug): no reader needs to sort them again. Empty when there are errors. */
  readonly articles: readonly BuiltArticle[];
  readonly errors: readonly WartaError[];
  readonly stats: ContentStats;
}

/**
 * Turns the content directory's files into the site's articles by running the four steps in
 * order: parses and validates each file (with default rendering), resolves "Baca juga" and
 * `related:` links across all of them, ranks related articles and renders bodies. Collects every
 * problem instead of stopping at the first.
 */
export function buildContent(sources: readonly ArticleSource[], options: BuildContentOptions): ContentBuild {
  // People's files (content/penulis/) and the newsroom's pages (content/halaman/) are not articles:
  // they are parsed apart, and bylines resolve to the people.
  const kinds = sortContentKinds(sources);
  const people = parsePeople(kinds.people, options.render);
  const pages = parseSitePages(kinds.pages, options.render);
  const parsed = parseSources(kinds.articles, (source) => parseArticle(source, options.render));
  const resolution = resolveLinks(
    { ...parsed, errors: [...people.errors, ...pages.errors, ...parsed.errors] },
    { ...options, people: createPeopleIndex(people.people, options.siteName ?? '') },
  );
  if (!resolution.ok)
    return { articles: [], errors: resolution.errors, stats: { ...resolution.stats, relatedLists: 0 } };
  const related = rankRelatedArticles(resolution.site, options.rankRelated, options.relatedLimit);
  return {
    articles: renderArticles(resolution.site, related),
    errors: [],
    stats: contentStats(resolution.site, related),
  };
}

/** The build report's counts once every step has run. */
export function contentStats(site: ResolvedSite, related: RelatedLists): ContentStats {
  return { ...site.stats, relatedLists: related.listed };
}
