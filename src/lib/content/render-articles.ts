import { digestOf } from '../digest.ts';
import { fillBacaJuga, type BacaJugaLink } from '../markdown/baca-juga.ts';
import { acrossBuilds } from '../once-per-object.ts';
import type { Article, ArticleLink } from './article.ts';
import type { ParsedArticle } from './parse-article.ts';
import type { RelatedLists } from './rank-related-articles.ts';
import type { ArticleFields, ResolvedSite } from './resolve-links.ts';

/** One article ready for a page: its data and its rendered body. */
export interface BuiltArticle {
  /** What the pages print, links included. */
  readonly data: Article;
  /**
   * The sanitized body HTML with its "Baca juga" asides in place: made each time it is read, and not
   * kept. A publish reads it only for the bodies its store does not have yet (see `bodyKey`); a
   * full build reads every body once, to write it, and kept them all until the last was written
   * (about 400 MB at 100,000 articles, on the build's peak).
   */
  readonly html: string;
  /**
   * A digest of what makes the body: the parsed body, where its "Baca juga" blocks go, and their
   * links. Equal keys give equal HTML (with the same rendering code), so the body store finds an
   * unchanged body by it without rendering it again.
   */
  readonly bodyKey: string;
  /** Plain text of the body without its "Baca juga" blocks, one paragraph per line (for search); read when asked. */
  readonly text: string;
  /** A digest of {@link text} (see `ParsedArticle.textDigest`). */
  readonly textDigest: string;
}

/**
 * Step 4, the last, of the content life cycle (see build-content.ts): each article's data with its
 * links, and its body with the "Baca juga" blocks filled in where the editor put them. Returned in
 * the site's order, newest first (see {@link ResolvedSite.entries}). `onProgress` is called after
 * each article.
 */
export function renderArticles(
  site: ResolvedSite,
  lists: RelatedLists,
  onProgress?: (done: number, total: number) => void,
): BuiltArticle[] {
  const total = site.entries.length;
  return site.entries.map(({ article, parsed, bacaJuga }, i): BuiltArticle => {
    const related = lists.bySlug.get(article.data.slug) ?? [];
    const moreInCategory = lists.moreBySlug.get(article.data.slug) ?? [];
    let made = kept?.get(parsed);
    if (
      made?.fields !== article.data ||
      !sameItems(made.related, related) ||
      !sameItems(made.moreInCategory, moreInCategory) ||
      !sameBlocks(made.bacaJuga, bacaJuga)
    ) {
      const data = { ...article.data, bacaJuga: bacaJuga.flat(), related, moreInCategory };
      // The HTML's digest, not the HTML: a cached article reads its HTML from disk only when asked.
      const bodyKey = digestOf(
        `${parsed.htmlDigest}\0${JSON.stringify(parsed.bacaJugaSlots)}\0${JSON.stringify(bacaJuga)}`,
      );
      made = {
        fields: article.data,
        bacaJuga,
        related,
        moreInCategory,
        // Kept whole: the same data, body key and body (its "Baca juga" blocks link the same slugs
        // under the same headlines), so the next build hands on this object as it is.
        built: builtArticle(data, parsed, bacaJuga, bodyKey),
      };
      kept?.set(parsed, made);
    }
    onProgress?.(i + 1, total);
    return made.built;
  });
}

/**
 * One article's {@link BuiltArticle}, its body and text read when asked. Made here, not inside
 * renderArticles: a getter holds the scope it was made in, and the server keeps built articles across
 * builds (see `kept`). Made there, each one held that build's related lists (every story's "Berita
 * Terkait" and "Lainnya", about 27 MB at 100,000 articles), and every publish's stayed alive while one
 * article it made did: the server's heap grew by that much a publish (issue #20; see scripts/publish.ts).
 */
function builtArticle(
  data: Article,
  parsed: ParsedArticle,
  bacaJuga: readonly (readonly BacaJugaLink[])[],
  bodyKey: string,
): BuiltArticle {
  return {
    data,
    get html() {
      return fillBacaJuga(parsed.html, parsed.bacaJugaSlots, bacaJuga);
    },
    bodyKey,
    get text() {
      return parsed.text;
    },
    textDigest: parsed.textDigest,
  };
}

/** What the publish server's previous build made of a parsed article, and from what (see `kept`). */
interface Made {
  readonly fields: ArticleFields;
  readonly bacaJuga: readonly (readonly BacaJugaLink[])[];
  readonly related: readonly ArticleLink[];
  readonly moreInCategory: readonly ArticleLink[];
  readonly built: BuiltArticle;
}

/**
 * Each parsed article's data and body key as the publish server's previous build made them (see
 * `acrossBuilds`). They are kept while what they are made from is the same: the same fields object
 * (resolve-links.ts keeps it while the file and credits are), the same link objects in its lists
 * (`linkTo` keeps one per parsed article), and "Baca juga" targets of the same slugs and headlines.
 * The data object is then the previous build's, and the entry's digest, its list views and their
 * digests, which are kept by that object, need not be made again: at 100,000 articles, serializing
 * and hashing every entry and list view was about 2 s of each publish (issue #20).
 */
const kept = acrossBuilds<ParsedArticle, Made>('built-article');

/** Whether two lists hold the same link objects in the same order. */
function sameItems(a: readonly ArticleLink[], b: readonly ArticleLink[]): boolean {
  return a.length === b.length && a.every((link, i) => link === b[i]);
}

/** Whether two articles' "Baca juga" blocks link the same slugs under the same headlines, block by block. */
function sameBlocks(a: readonly (readonly BacaJugaLink[])[], b: readonly (readonly BacaJugaLink[])[]): boolean {
  return (
    a.length === b.length &&
    a.every((block, i) => {
      const other = b[i];
      return (
        other?.length === block.length &&
        block.every((link, j) => {
          const same = other[j];
          return same?.slug === link.slug && same.title === link.title;
        })
      );
    })
  );
}
