import type { Article } from '../content/article.ts';
import { toJakartaIso } from '../dates/format-date.ts';
import { articlePath } from '../routes.ts';
import { authorNames } from './byline.ts';
import { escapeXml, languageCode } from './urls.ts';

/** One RSS item, in the shape `@astrojs/rss` takes (links are site paths; it makes them absolute). */
export interface FeedItem {
  readonly title: string;
  /** Site path of the article; `@astrojs/rss` also makes it the item's permalink `<guid>`. */
  readonly link: string;
  readonly pubDate: Date;
  /**
   * The article's plain-text summary, escaped as HTML: feed readers read `<description>` as HTML, so
   * a summary such as `Harga <b>naik</b>` must reach them as text, not as markup (issue #16, class 7).
   */
  readonly description: string;
  /** The article's category. */
  readonly categories: string[];
  /**
   * `<dc:creator>` with the byline, when the article has one, and `<dcterms:modified>` when the
   * story was updated or corrected after it was published, so a reader can show the change.
   */
  readonly customData?: string;
}

/** `text` with the characters that HTML reads as markup escaped. */
function escapeHtmlText(text: string): string {
  return text.replace(/[<>&]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;' })[c] ?? c);
}

/** XML namespaces the feed's items use. */
export const FEED_NAMESPACES = {
  dc: 'http://purl.org/dc/elements/1.1/',
  dcterms: 'http://purl.org/dc/terms/',
  atom: 'http://www.w3.org/2005/Atom',
} as const;

/** The newest `limit` articles (`articles` is newest first) as feed items. */
export function toFeedItems(articles: readonly Article[], limit: number): FeedItem[] {
  return articles.slice(0, limit).map((a) => {
    const customData = [
      ...authorNames(a.credits).map((name) => `<dc:creator>${escapeXml(name)}</dc:creator>`),
      a.modified > a.date ? `<dcterms:modified>${toJakartaIso(a.modified)}</dcterms:modified>` : '',
    ].join('');
    return {
      title: a.title,
      link: articlePath(a.slug),
      pubDate: a.date,
      description: escapeHtmlText(a.summary),
      categories: [a.category.name],
      ...(customData ? { customData } : {}),
    };
  });
}

/**
 * Channel elements besides title, description and link: language, the latest publication, update
 * or correction among the feed's items (the feed changes only when its articles do), and the feed's
 * own address.
 */
export function feedChannelData(
  articles: readonly Article[],
  { locale, selfUrl }: { readonly locale: string; readonly selfUrl: string },
): string {
  const latest = articles.reduce<Date | undefined>(
    (max, a) => (max && max >= a.modified ? max : a.modified),
    undefined,
  );
  return [
    `<language>${escapeXml(languageCode(locale))}</language>`,
    latest ? `<lastBuildDate>${latest.toUTCString()}</lastBuildDate>` : '',
    `<atom:link href="${escapeXml(selfUrl)}" rel="self" type="application/rss+xml"/>`,
  ].join('');
}
