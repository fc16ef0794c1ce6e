import { digestOf } from '../digest.ts';
import { fillBacaJuga } from '../markdown/baca-juga.ts';
import type { Article } from './article.ts';
import type { RelatedLists } from './rank-related-articles.ts';
import type { ResolvedSite } from './resolve-links.ts';

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
  related: RelatedLists,
  onProgress?: (done: number, total: number) => void,
): BuiltArticle[] {
  const total = site.entries.length;
  return site.entries.map(({ article, parsed, bacaJuga }, i): BuiltArticle => {
    const data: Article = {
      ...article.data,
      bacaJuga: bacaJuga.flat(),
      related: related.bySlug.get(article.data.slug) ?? [],
      moreInCategory: related.moreBySlug.get(article.data.slug) ?? [],
    };
    const built: BuiltArticle = {
      data,
      get html() {
        return fillBacaJuga(parsed.html, parsed.bacaJugaSlots, bacaJuga);
      },
      // The HTML's digest, not the HTML: a cached article reads its HTML from disk only when asked.
      bodyKey: digestOf(`${parsed.htmlDigest}\0${JSON.stringify(parsed.bacaJugaSlots)}\0${JSON.stringify(bacaJuga)}`),
      get text() {
        return parsed.text;
      },
      textDigest: parsed.textDigest,
    };
    onProgress?.(i + 1, total);
    return built;
  });
}
