import { sortErrors, type WartaError } from '../errors/index.ts';
import { fillBacaJuga, type BacaJugaLink } from '../markdown/baca-juga.ts';
import { readingMinutes } from '../markdown/plain-text.ts';
import type { RelatedDocument } from '../related/index.ts';
import { termSlug } from '../slug.ts';
import type { Article, ArticleLink } from './article.ts';
import { createLinkIndex, type LinkTarget, type PublicationState } from './link-index.ts';
import { parseArticle, type ArticleSource, type ParsedArticle, type ParseResult } from './parse-article.ts';
import { resolveBlocks, resolvePinned } from './resolve-article-links.ts';
import { checkTermSlugs, dropDuplicateSlugs } from './site-rules.ts';

/** Finds computed related articles; see `src/lib/related`. Receives every article on the site. */
export type RelatedRanker = (documents: readonly RelatedDocument[]) => (slug: string, exclude: ReadonlySet<string>) => string[];

/** Options of {@link buildContent}. */
export interface BuildContentOptions {
  /** The build's clock: articles dated after it are scheduled, not published. */
  readonly now: Date;
  /** Put drafts and scheduled articles on the site too (dev server). Default: false. */
  readonly includeUnpublished?: boolean;
  /** Computes "Berita Terkait"; when absent only hand-picked `related:` entries are listed. */
  readonly rankRelated?: RelatedRanker;
  /** Most entries in a "Berita Terkait" list, hand-picked ones included. Default: 5. */
  readonly relatedLimit?: number;
  /** Monotonic clock in milliseconds for phase timings, e.g. `performance.now`. Default: no timings. */
  readonly clock?: () => number;
  /** Receives each phase's duration in milliseconds (needs `clock`). */
  readonly onPhase?: (phase: BuildPhase, milliseconds: number) => void;
  /** Receives progress of the long per-article phases. */
  readonly onProgress?: (phase: BuildPhase, done: number, total: number) => void;
  /**
   * Receives the site's articles as soon as their links resolve without errors, before related
   * lists are ranked and bodies rendered: the search index needs nothing more, so it can start.
   */
  readonly onResolved?: (articles: readonly ResolvedArticle[]) => void;
  /** Parses one file; lets the caller put a cache in front of {@link parseArticle}. Default: parseArticle. */
  readonly parse?: (source: ArticleSource) => ParseResult;
}

/** The phases of {@link buildContent}, in order. */
export type BuildPhase = 'parse' | 'resolve' | 'related' | 'render';

/** How often, in articles, progress is reported. */
const PROGRESS_EVERY = 500;

/** One article ready for a page: its data and its rendered body. */
export interface BuiltArticle {
  readonly data: Article;
  readonly html: string;
  /** Plain text of the body without its "Baca juga" blocks, one paragraph per line (for search). */
  readonly text: string;
}

/** An article's own fields: all of {@link Article} but the links resolved across the site. */
export type ArticleFields = Omit<Article, 'bacaJuga' | 'related'>;

/** An article on the site as {@link BuildContentOptions.onResolved} receives it. */
export interface ResolvedArticle {
  readonly data: ArticleFields;
  /** As {@link BuiltArticle.text}. */
  readonly text: string;
}

/** Counts for the end-of-build report. */
export interface ContentStats {
  found: number;
  published: number;
  drafts: number;
  scheduled: number;
  bacaJugaLinks: number;
  relatedLists: number;
}

/** Everything a build needs from the content, or every problem that stops it. */
export interface ContentBuild {
  /** Articles on the site, newest first (ties by slug). Empty when there are errors. */
  readonly articles: readonly BuiltArticle[];
  readonly errors: readonly WartaError[];
  readonly stats: ContentStats;
}

interface Candidate {
  readonly parsed: ParsedArticle;
  readonly state: PublicationState;
  readonly visible: boolean;
}

/**
 * Turns the content directory's files into the site's articles: parses and validates each,
 * resolves "Baca juga" and `related:` links across all of them, ranks related articles and
 * renders bodies. Collects every problem instead of stopping at the first.
 */
export function buildContent(sources: readonly ArticleSource[], options: BuildContentOptions): ContentBuild {
  const { clock, onPhase, onProgress } = options;
  let phaseStart = clock?.() ?? 0;
  const endPhase = (phase: BuildPhase): void => {
    if (!clock) return;
    const now = clock();
    onPhase?.(phase, now - phaseStart);
    phaseStart = now;
  };
  const progress = (phase: BuildPhase, done: number, total: number): void => {
    if (onProgress && (done % PROGRESS_EVERY === 0 || done === total)) onProgress(phase, done, total);
  };

  const errors: WartaError[] = [];
  const parsed: ParsedArticle[] = [];
  const parse = options.parse ?? parseArticle;
  sources.forEach((source, i) => {
    const result = parse(source);
    if (result.ok) parsed.push(result.article);
    else errors.push(...result.errors);
    progress('parse', i + 1, sources.length);
  });
  endPhase('parse');

  const candidates = dropDuplicateSlugs(parsed, errors).map((article): Candidate => {
    const state: PublicationState = article.frontMatter.draft ? 'draft' : article.frontMatter.date > options.now ? 'scheduled' : 'published';
    return { parsed: article, state, visible: state === 'published' || options.includeUnpublished === true };
  });
  const stats: ContentStats = {
    found: sources.length,
    published: candidates.filter((c) => c.state === 'published').length,
    drafts: candidates.filter((c) => c.state === 'draft').length,
    scheduled: candidates.filter((c) => c.state === 'scheduled').length,
    bacaJugaLinks: 0,
    relatedLists: 0,
  };

  const targets = candidates.map(
    (c): LinkTarget => ({ slug: c.parsed.slug, title: c.parsed.frontMatter.title, path: c.parsed.source.path, displayPath: c.parsed.source.displayPath, state: c.state }),
  );
  const index = createLinkIndex(targets);
  const visibleSlugs = new Set(candidates.filter((c) => c.visible).map((c) => c.parsed.slug));
  const isVisible = (target: LinkTarget): boolean => visibleSlugs.has(target.slug);
  const visible = candidates.filter((c) => c.visible).map((c) => c.parsed);

  checkTermSlugs(visible, errors);

  const bacaJuga = new Map<string, BacaJugaLink[][]>();
  const pinned = new Map<string, string[]>();
  for (const article of visible) {
    bacaJuga.set(article.slug, resolveBlocks(article, index, isVisible, errors));
    pinned.set(article.slug, resolvePinned(article, visibleSlugs, index, errors));
  }
  if (errors.length > 0) {
    endPhase('resolve');
    return { articles: [], errors: sortErrors(errors), stats };
  }
  const fields = visible.map(articleFields);
  endPhase('resolve');
  if (options.onResolved) {
    options.onResolved(visible.map((article, i) => ({ data: fields[i]!, text: article.text })));
    // What the receiver does (the search index times its own work) is not the related phase's.
    phaseStart = clock?.() ?? 0;
  }

  const bySlug = new Map(visible.map((a) => [a.slug, a]));
  const inputs = visible.map((article) => relatedInput(article));
  const search = options.rankRelated?.(inputs);
  const limit = options.relatedLimit ?? 5;

  const relatedBySlug = new Map<string, ArticleLink[]>();
  for (const article of visible) {
    const links = bacaJuga.get(article.slug) ?? [];
    const picked = pinned.get(article.slug) ?? [];
    const exclude = new Set([article.slug, ...picked, ...links.flat().map((l) => l.slug)]);
    const computed = search ? search(article.slug, exclude).slice(0, Math.max(0, limit - picked.length)) : [];
    const related = [...picked, ...computed].map((slug) => linkTo(bySlug.get(slug))).filter((r): r is ArticleLink => r !== undefined);
    stats.bacaJugaLinks += links.reduce((n, block) => n + block.length, 0);
    if (related.length > 0) stats.relatedLists++;
    relatedBySlug.set(article.slug, related);
  }
  endPhase('related');

  const articles = visible.map((article, i): BuiltArticle => {
    const built = render(article, fields[i]!, bacaJuga.get(article.slug) ?? [], relatedBySlug.get(article.slug) ?? []);
    progress('render', i + 1, visible.length);
    return built;
  });
  endPhase('render');
  articles.sort((a, b) => b.data.date.getTime() - a.data.date.getTime() || (a.data.slug < b.data.slug ? -1 : 1));
  return { articles, errors, stats };
}

function relatedInput(article: ParsedArticle): RelatedDocument {
  const fm = article.frontMatter;
  return {
    slug: article.slug,
    title: fm.title,
    summary: article.summary,
    body: article.text,
    tags: fm.tags,
    category: fm.category,
    date: fm.date,
  };
}

function linkTo(article: ParsedArticle | undefined): ArticleLink | undefined {
  if (!article) return undefined;
  const fm = article.frontMatter;
  return { slug: article.slug, title: fm.title, date: fm.date, category: fm.category, categorySlug: termSlug(fm.category) };
}

function articleFields(article: ParsedArticle): ArticleFields {
  const fm = article.frontMatter;
  const seenTags = new Set<string>();
  return {
    slug: article.slug,
    title: fm.title,
    date: fm.date,
    ...(fm.updated ? { updated: fm.updated } : {}),
    category: { name: fm.category, slug: termSlug(fm.category) },
    tags: fm.tags.flatMap((name) => {
      const slug = termSlug(name);
      if (!slug || seenTags.has(slug)) return [];
      seenTags.add(slug);
      return [{ name, slug }];
    }),
    ...(fm.author ? { author: fm.author } : {}),
    ...(article.dateline ? { dateline: article.dateline } : {}),
    ...(fm.source ? { source: fm.source.url ? { name: fm.source.name, url: fm.source.url } : { name: fm.source.name } } : {}),
    ...(fm.image ? { image: fm.image } : {}),
    summary: article.summary,
    readingMinutes: readingMinutes(article.words),
    draft: fm.draft,
    sourceFile: article.source.path,
  };
}

function render(article: ParsedArticle, fields: ArticleFields, bacaJuga: readonly BacaJugaLink[][], related: ArticleLink[]): BuiltArticle {
  const data: Article = { ...fields, bacaJuga: bacaJuga.flat(), related };
  return { data, html: fillBacaJuga(article.html, article.bacaJugaSlots, bacaJuga), text: article.text };
}
