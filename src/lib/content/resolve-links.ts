import { keptWhileSame, oncePerObject, type KeptBox } from '../once-per-object.ts';
import { leadImage } from './resolve-image.ts';
import { sortErrors, type WartaError } from '../errors/index.ts';
import type { BacaJugaLink } from '../markdown/baca-juga.ts';
import { readingMinutes } from '../markdown/plain-text.ts';
import { termSlug, titleKey } from '../slug.ts';
import type { Article } from './article.ts';
import { keepLinks, keepLinkState, keptLinks, lastResolution, linkTable, type LinkState } from './kept-links.ts';
import type { ArticleTarget, PublicationState } from './link-index.ts';
import type { ParsedArticle } from './parse-article.ts';
import type { ParsedSources } from './parse-sources.ts';
import { resolveBlocks, resolvePinned } from './resolve-article-links.ts';
import { checkTermSlugs, dropDuplicateSlugs } from './site-rules.ts';
import { bylineOf, createPeopleIndex, type Credit, type PeopleIndex } from './resolve-credits.ts';

/** Options of {@link resolveLinks}. */
export interface ResolveOptions {
  /** The build's clock: articles dated after it are scheduled, not published. */
  readonly now: Date;
  /** Put drafts and scheduled articles on the site too (dev server). Default: false. */
  readonly includeUnpublished?: boolean | undefined;
  /** The people that bylines may name (content/penulis/). Default: none, every name is plain text. */
  readonly people?: PeopleIndex | undefined;
  /**
   * Where the publish server keeps the link table and each article's resolved links for its next
   * build, which then resolves only what a change reaches (kept-links.ts). Default: nothing is kept.
   */
  readonly keep?: KeptBox<LinkState> | undefined;
}

/** An article's own fields: all of {@link Article} but the links resolved across the site. */
export type ArticleFields = Omit<Article, 'bacaJuga' | 'related' | 'moreInCategory'>;

/**
 * An article on the site as the search index receives it, once links resolve: its fields and the
 * plain text of its body without "Baca juga" blocks, one paragraph per line.
 */
export interface ResolvedArticle {
  readonly data: ArticleFields;
  /** As {@link ParsedArticle.text}: read from disk when asked, for an article from the parse cache. */
  readonly text: string;
  /** As {@link ParsedArticle.textDigest}: what the search index compares to find its changed shards. */
  readonly textDigest: string;
}

/** One article on the site with its links resolved: what ranking and rendering need of it. */
export interface SiteArticle {
  /** Its fields and text, as handed to the search index. */
  readonly article: ResolvedArticle;
  /** What parsing made of its file: the body with its "Baca juga" slots, front matter, text. */
  readonly parsed: ParsedArticle;
  /** Targets of each "Baca juga" block, in order. */
  readonly bacaJuga: readonly BacaJugaLink[][];
  /** Its `related:` slugs, checked and without repeats. */
  readonly pinned: readonly string[];
}

/** Counts known once links resolve, for the end-of-build report. */
export interface ResolutionStats {
  /** Files read, parsed or not. */
  readonly found: number;
  /** Articles that parsed and are dated at or before the build's clock, drafts aside. */
  readonly published: number;
  /** Articles that parsed with `draft: true`. */
  readonly drafts: number;
  /** Articles that parsed and are dated after the build's clock. */
  readonly scheduled: number;
  /** "Baca juga" links on the site; 0 when resolution failed. */
  readonly bacaJugaLinks: number;
  /**
   * Names in bylines with no person file, with how many stories name each, most first: the report
   * lists them so the newsroom can add their files. Empty when resolution failed.
   */
  readonly unlistedNames: readonly { readonly name: string; readonly stories: number }[];
}

/** The site's articles with their links resolved. */
export interface ResolvedSite {
  /**
   * Newest first, ties by slug (code-unit order): the order of every list on the site. The later
   * steps keep it, so the built articles come out in it and nothing downstream needs to sort.
   */
  readonly entries: readonly SiteArticle[];
  /** {@link entries}' articles as the search index receives them, in the same order. */
  readonly articles: readonly ResolvedArticle[];
  /**
   * The same entries in file path order: the order the related engine indexes them in. Its term
   * ids, and so its ties between equally weighted terms, follow the order articles are added.
   */
  readonly fileOrder: readonly SiteArticle[];
  /** Counts for the build report. */
  readonly stats: ResolutionStats;
}

/**
 * An article as the search index receives it, its text passed on unread: the index reads the text of
 * the shards it builds only. Made here, not in resolveLinks: the getter holds the scope it is made
 * in, and the publish server keeps site articles across builds (`links.made`), so one made there
 * held that build's resolution state for as long as the article was unchanged.
 */
function resolvedArticle(data: ArticleFields, article: ParsedArticle): ResolvedArticle {
  return {
    data,
    get text() {
      return article.text;
    },
    textDigest: article.textDigest,
  };
}

/** Outcome of {@link resolveLinks}: the site, or every problem found so far (sorted by position). */
export type Resolution =
  | { readonly ok: true; readonly site: ResolvedSite }
  | { readonly ok: false; readonly errors: readonly WartaError[]; readonly stats: ResolutionStats };

interface Candidate {
  readonly parsed: ParsedArticle;
  readonly state: PublicationState;
  readonly visible: boolean;
}

/**
 * Step 2 of the content life cycle (see build-content.ts): decides which articles are on the site
 * (drafts and articles dated after `now` are not, unless `includeUnpublished`), checks the rules no
 * single file can (unique slugs, category and tag slugs), and resolves every "Baca juga" item and
 * `related:` slug. Fails with the errors of `parsed` and its own when there is any.
 */
export function resolveLinks(parsed: ParsedSources, options: ResolveOptions): Resolution {
  const errors: WartaError[] = [...parsed.errors];
  const candidates = dropDuplicateSlugs(parsed.articles, errors).map((article): Candidate => {
    const state: PublicationState = article.frontMatter.draft
      ? 'draft'
      : article.frontMatter.date > options.now
        ? 'scheduled'
        : 'published';
    return { parsed: article, state, visible: state === 'published' || options.includeUnpublished === true };
  });
  const counts = {
    found: parsed.found,
    published: candidates.filter((c) => c.state === 'published').length,
    drafts: candidates.filter((c) => c.state === 'draft').length,
    scheduled: candidates.filter((c) => c.state === 'scheduled').length,
  };

  const include = options.includeUnpublished === true;
  const update = linkTable(candidates, include, titleKeyOf, options.keep);
  const index = update.state.table;
  // Slugs are unique among the candidates (dropDuplicateSlugs), so a target's own state says
  // whether it is on the site.
  const isVisible = (target: ArticleTarget): boolean => target.state === 'published' || include;
  const visible = candidates.filter((c) => c.visible).map((c) => c.parsed);

  checkTermSlugs(visible, errors);

  const people = options.people ?? createPeopleIndex([], '');
  const unlisted = new Map<string, number>();
  const countUnlisted = (name: string): void => {
    unlisted.set(name, (unlisted.get(name) ?? 0) + 1);
  };
  lastResolution.kept = update.changed !== undefined;
  lastResolution.resolved = 0;
  const linked = visible.map((article) => {
    let links = keptLinks(update, article);
    if (links === undefined) {
      lastResolution.resolved += 1;
      const lookups: string[] = [];
      links = {
        bacaJuga: resolveBlocks(article, index, isVisible, errors, lookups),
        pinned: resolvePinned(article, index, isVisible, errors, lookups),
        lookups,
      };
      keepLinks(update, article, links);
    }
    const byline = bylineOf(article, people);
    errors.push(...byline.errors);
    for (const name of byline.unlisted) countUnlisted(name);
    return { parsed: article, links, credits: byline.credits };
  });
  if (errors.length > 0)
    return { ok: false, errors: sortErrors(errors), stats: { ...counts, bacaJugaLinks: 0, unlistedNames: [] } };

  let bacaJugaLinks = 0;
  const fileOrder = linked.map(({ parsed: article, links, credits }): SiteArticle => {
    const { bacaJuga, pinned } = links;
    bacaJugaLinks += bacaJuga.reduce((n, block) => n + block.length, 0);
    const data = fieldsOf(article, credits);
    // The same links and fields as the last build's: the same object, and what later steps keep by it.
    if (links.made?.article.data === data) return links.made;
    const site: SiteArticle = { article: resolvedArticle(data, article), parsed: article, bacaJuga, pinned };
    links.made = site;
    return site;
  });
  const entries = newestFirstFrom(update.state.order, fileOrder);
  update.state.order = entries;
  keepLinkState(options.keep, update.state);
  const site: ResolvedSite = {
    entries,
    articles: entries.map((e) => e.article),
    fileOrder,
    stats: {
      ...counts,
      bacaJugaLinks,
      unlistedNames: [...unlisted]
        .map(([name, stories]) => ({ name, stories }))
        .sort((a, b) => b.stories - a.stories || a.name.localeCompare(b.name, 'id')),
    },
  };
  return { ok: true, site };
}

/**
 * `articles` newest first (see {@link newestFirst}), sorted from the last build's order when the
 * publish server kept one: the articles still on the site keep their places and the others follow,
 * so the sort (V8's is a TimSort) finds one long run already in order and merges the few others in,
 * about as many comparisons as articles, where sorting 100,000 articles from file order took about
 * 0.4 s of each publish in a CPU profile (issue #20). The order is total, so the result is the one a
 * sort from any start gives.
 */
function newestFirstFrom(
  previous: readonly SiteArticle[] | undefined,
  articles: readonly SiteArticle[],
): SiteArticle[] {
  let start: SiteArticle[];
  if (previous === undefined) start = [...articles];
  else {
    const present = new Set(articles);
    start = previous.filter((a) => present.has(a));
    if (start.length < articles.length) {
      const placed = new Set(start);
      for (const a of articles) if (!placed.has(a)) start.push(a);
    }
  }
  return start.sort((a, b) => newestFirst(a.article.data, b.article.data));
}

/** Newer first, then slug ascending; slugs are unique on a site, so the order is total. */
function newestFirst(a: ArticleFields, b: ArticleFields): number {
  return b.date.getTime() - a.date.getTime() || (a.slug < b.slug ? -1 : 1);
}

/**
 * An article's fields, kept across the publish server's builds (see `acrossBuilds`) while its parsed
 * file and its credits are the same: the people's files decide the credits. A story whose file and
 * credits are unchanged keeps its fields object, and with it the views, digests and page keys made
 * from it (issue #20).
 */
const fieldsOf = keptWhileSame('article-fields', articleFields, sameCredits);

/** The key "Baca juga" headlines are matched to an article's title by, once per parsed article (see `acrossBuilds`). */
const titleKeyOf = oncePerObject((article: ParsedArticle) => titleKey(article.frontMatter.title), 'target-title-key');

function sameCredits(a: readonly Credit[], b: readonly Credit[]): boolean {
  return (
    a.length === b.length &&
    a.every((x, i) => {
      const y = b[i];
      return y?.role === x.role && y.name === x.name && y.slug === x.slug && y.newsroom === x.newsroom;
    })
  );
}

function articleFields(article: ParsedArticle, credits: readonly Credit[]): ArticleFields {
  const fm = article.frontMatter;
  const image = leadImage(article);
  const seenTags = new Set<string>();
  const corrections = fm.koreksi
    .map((c) => ({ date: c.date, text: c.text }))
    .sort((a, b) => a.date.getTime() - b.date.getTime());
  return {
    slug: article.slug,
    title: fm.title,
    date: fm.date,
    ...(fm.updated ? { updated: fm.updated } : {}),
    corrections,
    modified: new Date(
      Math.max(fm.date.getTime(), fm.updated?.getTime() ?? 0, ...corrections.map((c) => c.date.getTime())),
    ),
    category: { name: fm.category, slug: termSlug(fm.category) },
    tags: fm.tags.flatMap((name) => {
      const slug = termSlug(name);
      if (!slug || seenTags.has(slug)) return [];
      seenTags.add(slug);
      return [{ name, slug }];
    }),
    credits: [...credits],
    ...(article.dateline ? { dateline: article.dateline } : {}),
    ...(fm.source
      ? { source: fm.source.url ? { name: fm.source.name, url: fm.source.url } : { name: fm.source.name } }
      : {}),
    ...(image ? { image } : {}),
    ...(article.bodyImages ? { bodyImages: [...article.bodyImages] } : {}),
    summary: article.summary,
    readingMinutes: readingMinutes(article.words),
    draft: fm.draft,
    sourceFile: article.source.path,
  };
}
