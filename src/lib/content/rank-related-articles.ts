import { leadImage } from './resolve-image.ts';
import type { RelatedDocument } from '../related/index.ts';
import { termSlug } from '../slug.ts';
import type { ArticleLink } from './article.ts';
import type { ParsedArticle } from './parse-article.ts';
import type { ResolvedSite } from './resolve-links.ts';

/**
 * Finds computed related articles (see `src/lib/related`): receives every article on the site once,
 * and returns the search for one article's list, best first.
 */
export type RelatedRanker = (
  documents: readonly RelatedDocument[],
) => (slug: string, exclude: ReadonlySet<string>) => string[];

/** "Berita Terkait" of every article on the site. */
export interface RelatedLists {
  /** Each article's list by slug: its `related:` slugs first, then computed ones. */
  readonly bySlug: ReadonlyMap<string, ArticleLink[]>;
  /** Articles whose list is not empty (for the build report). */
  readonly listed: number;
}

/**
 * Step 3 of the content life cycle (see build-content.ts): each article's "Berita Terkait", at most
 * `limit` (default 5) long: its hand-picked `related:` slugs, then what `ranker` finds, leaving out
 * the article itself and what its "Baca juga" blocks already link. Without a ranker only the
 * hand-picked ones are listed.
 */
export function rankRelatedArticles(site: ResolvedSite, ranker: RelatedRanker | undefined, limit = 5): RelatedLists {
  // File order, as the related engine has always been fed: its tie-breaks follow the add order.
  const bySlug = new Map(site.fileOrder.map(({ parsed }) => [parsed.slug, parsed]));
  const search = ranker?.(site.fileOrder.map(({ parsed }) => relatedInput(parsed)));
  const lists = new Map<string, ArticleLink[]>();
  let listed = 0;
  for (const { parsed, bacaJuga, pinned } of site.fileOrder) {
    const exclude = new Set([parsed.slug, ...pinned, ...bacaJuga.flat().map((l) => l.slug)]);
    const computed = search ? search(parsed.slug, exclude).slice(0, Math.max(0, limit - pinned.length)) : [];
    const related = [...pinned, ...computed]
      .map((slug) => linkTo(bySlug.get(slug)))
      .filter((r): r is ArticleLink => r !== undefined);
    if (related.length > 0) listed++;
    lists.set(parsed.slug, related);
  }
  return { bySlug: lists, listed };
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
  // The thumbnail needs the picture, its alt text and its asset; not the caption or credit.
  const image = leadImage(article);
  return {
    slug: article.slug,
    title: fm.title,
    date: fm.date,
    category: fm.category,
    categorySlug: termSlug(fm.category),
    ...(image ? { image: { src: image.src, alt: image.alt, ...(image.asset ? { asset: image.asset } : {}) } } : {}),
  };
}
