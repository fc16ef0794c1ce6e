import { oncePerObject } from '../once-per-object.ts';
import { leadImage } from './resolve-image.ts';
import { stripDateline } from '../markdown/dateline.ts';
import type { RelatedDocument } from '../related/index.ts';
import { termSlug } from '../slug.ts';
import type { ArticleLink } from './article.ts';
import type { ParsedArticle } from './parse-article.ts';
import type { ResolvedSite, SiteArticle } from './resolve-links.ts';

/**
 * Finds computed related articles (see `src/lib/related`): receives every article on the site once,
 * and returns the search for many articles' lists at once (each best first, in the requests' order),
 * so that the searches can share the machine's cores.
 */
export interface RelatedRanker {
  (
    documents: readonly RelatedDocument[],
  ): (requests: readonly { readonly slug: string; readonly exclude: ReadonlySet<string> }[]) => string[][];
  /**
   * Readies what the next call needs before any article is known (the terms the previous build
   * kept), so that a build can do it early, while its heap is small (see createRelatedRanker).
   */
  readonly prepare?: () => void;
  /**
   * Settles once what the last call keeps for the next build is on disk (its related terms, written
   * while the build goes on), or rejects with why it could not be written.
   */
  readonly written?: () => Promise<void>;
}

/** "Berita Terkait" and "Lainnya di <Kategori>" of every article on the site. */
export interface RelatedLists {
  /** Each article's list by slug: its `related:` slugs first, then computed ones. */
  readonly bySlug: ReadonlyMap<string, ArticleLink[]>;
  /** Each article's "Lainnya di <Kategori>" by slug, newest first (see {@link moreInCategory}). */
  readonly moreBySlug: ReadonlyMap<string, ArticleLink[]>;
  /** Articles whose list is not empty (for the build report). */
  readonly listed: number;
}

/**
 * Step 3 of the content life cycle (see build-content.ts): each article's "Berita Terkait", at most
 * `limit` (default 5) long: its hand-picked `related:` slugs, always kept, then what `ranker` finds
 * (the engine leaves out matches below its `minSimilarity`, so the list may stay short), leaving out the
 * article itself and what its "Baca juga" blocks already link. Without a ranker only the hand-picked
 * ones are listed. The space a short list leaves goes to "Lainnya di <Kategori>" (see
 * {@link moreInCategory}), so a page shows `limit` stories either way without passing off an
 * unrelated one as related.
 */
export function rankRelatedArticles(site: ResolvedSite, ranker: RelatedRanker | undefined, limit = 5): RelatedLists {
  // File order, as the related engine has always been fed: its tie-breaks follow the add order.
  const bySlug = new Map(site.fileOrder.map(({ parsed }) => [parsed.slug, parsed]));
  const search = ranker?.(site.fileOrder.map(({ parsed }) => relatedInputOf(parsed)));
  const found = search?.(site.fileOrder.map(requestOf));
  const lists = new Map<string, ArticleLink[]>();
  let listed = 0;
  for (const [i, { parsed, pinned }] of site.fileOrder.entries()) {
    const computed = (found?.[i] ?? []).slice(0, Math.max(0, limit - pinned.length));
    const related = [...pinned, ...computed]
      .map((slug) => linkTo(bySlug.get(slug)))
      .filter((r): r is ArticleLink => r !== undefined);
    if (related.length > 0) listed++;
    lists.set(parsed.slug, related);
  }
  return { bySlug: lists, moreBySlug: moreInCategory(site.entries, lists, limit), listed };
}

/**
 * A story's search: its list leaves out the story itself, its `related:` slugs and what its "Baca
 * juga" links. Once per site article, which the publish server keeps from one publish to the next
 * while the story and its links are the same (kept-links.ts): its kept related index then knows an
 * unchanged request by the object (incremental.ts) instead of comparing 100,000 exclusion lists.
 */
const requestOf = oncePerObject(
  ({ parsed, bacaJuga, pinned }: SiteArticle) => ({
    slug: parsed.slug,
    exclude: new Set([parsed.slug, ...pinned, ...bacaJuga.flat().map((l) => l.slug)]),
  }),
  'related-request',
);

/**
 * "Lainnya di <Kategori>" of every article in `entries` (the site, newest first, as
 * {@link ResolvedSite.entries}): `limit` minus the length of its "Berita Terkait" (`related`) stories
 * of its own category, the nearest older ones first and, only when there are too few, the nearest
 * newer ones; never the article itself, a story of its "Berita Terkait" or one its "Baca juga" links.
 * Each list is newest first, as every list on the site.
 *
 * Neighbours in time, not the section's latest stories: a page's list then depends only on the
 * stories around it, so publishing a new story leaves older pages as they are and the incremental
 * build cache does not re-render every page of the section on every publish. Only the pages of a
 * section's oldest stories, which have too few older neighbours, reach for newer ones, and those are
 * the nearest, so even they rarely change.
 */
export function moreInCategory(
  entries: readonly SiteArticle[],
  related: ReadonlyMap<string, readonly ArticleLink[]>,
  limit: number,
): Map<string, ArticleLink[]> {
  // Grouped once, in the site's order: each section's stories newest first.
  const sections = new Map<string, SiteArticle[]>();
  for (const entry of entries) {
    const key = entry.article.data.category.slug;
    const section = sections.get(key);
    if (section === undefined) sections.set(key, [entry]);
    else section.push(entry);
  }
  const lists = new Map<string, ArticleLink[]>();
  // Section by section, so a story's place in its section is the loop's index. A map from 100,000
  // slugs to their places, and a closure and three more arrays per story, made this step 0.40 s of a
  // 100,000-article publish's CPU profile; 0.10–0.17 s this way (issue #20).
  for (const section of sections.values()) {
    for (let at = 0; at < section.length; at++) {
      const entry = section[at];
      if (entry === undefined) continue;
      const { slug } = entry.parsed;
      const shown = related.get(slug) ?? [];
      const want = limit - shown.length;
      const list: ArticleLink[] = [];
      lists.set(slug, list);
      if (want <= 0) continue;
      // Each walk takes at most `want` stories and skips only excluded ones (the story itself, its
      // "Berita Terkait" and its "Baca juga" links: a handful of slugs, looked through in place), so
      // a list costs O(limit + its links), whatever the size of the section. Older ones first; only
      // when there are too few, the nearest newer ones, and the list is newest first.
      const older = nearest(section, at, 1, want, slug, shown, entry.bacaJuga);
      const newer =
        older.length < want ? nearest(section, at, -1, want - older.length, slug, shown, entry.bacaJuga) : [];
      for (let i = newer.length - 1; i >= 0; i--) pushLink(list, newer[i]);
      for (const other of older) pushLink(list, other);
    }
  }
  return lists;
}

/** Appends the link to `entry`'s story, when it has one. */
function pushLink(list: ArticleLink[], entry: SiteArticle | undefined): void {
  const link = entry && linkTo(entry.parsed);
  if (link !== undefined) list.push(link);
}

/**
 * Up to `count` stories of `section` stepping from `at` by `step` (1: older, -1: newer), skipping the
 * story `slug` itself, its "Berita Terkait" (`shown`) and its "Baca juga" links.
 */
function nearest(
  section: readonly SiteArticle[],
  at: number,
  step: 1 | -1,
  count: number,
  slug: string,
  shown: readonly ArticleLink[],
  bacaJuga: SiteArticle['bacaJuga'],
): SiteArticle[] {
  const found: SiteArticle[] = [];
  for (let i = at + step; i >= 0 && i < section.length && found.length < count; i += step) {
    const entry = section[i];
    if (entry === undefined) continue;
    const other = entry.parsed.slug;
    if (
      other === slug ||
      shown.some((l) => l.slug === other) ||
      bacaJuga.some((block) => block.some((l) => l.slug === other))
    )
      continue;
    found.push(entry);
  }
  return found;
}

/**
 * An article's input to the related index, one object per parsed article: the publish server keeps
 * it across builds (see `acrossBuilds`), and its related index knows an unchanged story by this
 * object (src/lib/related/incremental.ts), without digesting its text again.
 */
const relatedInputOf = oncePerObject(relatedInput, 'related-input');

function relatedInput(article: ParsedArticle): RelatedDocument {
  const fm = article.frontMatter;
  return {
    slug: article.slug,
    title: fm.title,
    summary: article.summary,
    // Without its dateline: "JAKARTA -" leads most stories, and made a Jakarta flood the Putin
    // story's closest neighbour (issue #18). Read only when its terms are counted: the kept terms
    // of an unchanged story are found by the text's digest (the dateline goes with the text).
    get body() {
      return stripDateline(article.text);
    },
    bodyDigest: article.textDigest,
    tags: fm.tags,
    category: fm.category,
    date: fm.date,
  };
}

/**
 * The link to an article, one object for every list that links it: a story is linked from many lists
 * ("Berita Terkait" of the stories like it, "Lainnya di <Kategori>" of its neighbours), ten or so at
 * 100,000 articles, and one object spares the build a million allocations and lets the entries'
 * digests serialize each link once (see `pageCacheKey`). A parsed article never changes, so neither
 * does its link; the publish server keeps it for the next build, whose lists then hold the same
 * object for an unchanged story (see `acrossBuilds`).
 */
const linkOf = oncePerObject(makeLink, 'article-link');

function linkTo(article: ParsedArticle | undefined): ArticleLink | undefined {
  return article && linkOf(article);
}

function makeLink(article: ParsedArticle): ArticleLink {
  const fm = article.frontMatter;
  // The thumbnail needs the picture, its alt text and its asset; not the caption or credit.
  const image = leadImage(article);
  // Frozen, as every shared view: pageCacheKey serializes a frozen object once, however many lists hold it.
  return Object.freeze({
    slug: article.slug,
    title: fm.title,
    date: fm.date,
    category: fm.category,
    categorySlug: termSlug(fm.category),
    ...(image ? { image: { src: image.src, alt: image.alt, ...(image.asset ? { asset: image.asset } : {}) } } : {}),
  });
}
