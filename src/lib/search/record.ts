import { pictureView } from '../view/picture-view.ts';
import type { Article } from '../content/article.ts';
import { formatListDate, formatLongDate, toJakartaIso } from '../dates/format-date.ts';
import { articlePath } from '../routes.ts';
import { SEARCH_FILTERS, SEARCH_LANGUAGE, SEARCH_SORT_DATE } from './fields.ts';

/**
 * One article as Pagefind indexes it (the shape of Pagefind's `addCustomRecord` argument), built from
 * the article's data rather than its page, so navigation, "Baca juga" and "Berita Terkait" never
 * match a search.
 */
export interface SearchRecord {
  readonly url: string;
  /** Summary and body text: the words a search matches besides the metadata, and what excerpts quote. */
  readonly content: string;
  readonly language: string;
  /**
   * What a result prints: `title`, `date` (`27 Des 2024, 10:15 WIB`, as lists print it), `category`,
   * `updated` (the same style) when the story was updated or corrected on a later day, and `image`, `image_alt` when the article has one. Pagefind also makes every meta value searchable, so nothing machine-ish
   * (ISO dates, URLs of categories) goes here: `12` or `kategori` would match every article.
   */
  readonly meta: Record<string, string>;
  readonly filters: Record<string, string[]>;
  readonly sort: Record<string, string>;
}

/** The fields of an article its search record is made from; the rest (related lists, "Baca juga") never reach the index. */
export type SearchSource = Pick<Article, 'slug' | 'title' | 'date' | 'modified' | 'category' | 'image' | 'summary'>;

/**
 * Copies the fields a search record needs out of `article`. The copy is what the search cache keys
 * shards by, so an edit that changes other articles' related lists does not re-index their shards.
 */
export function searchSource(article: SearchSource): SearchSource {
  const { slug, title, date, modified, category, image, summary } = article;
  return {
    slug,
    title,
    date,
    modified,
    category: { name: category.name, slug: category.slug },
    ...(image ? { image: { src: image.src, alt: image.alt, ...(image.asset ? { asset: image.asset } : {}) } } : {}),
    summary,
  };
}

/**
 * Turns a published article and its plain body text (without "Baca juga" blocks) into its search
 * record.
 *
 * The headline is indexed as `meta.title`, which Pagefind searches and weights above body text;
 * it is not repeated in `content`, or every excerpt of a headline match would quote the headline
 * printed right above it. The summary goes into `content` only when the body does not already
 * contain it (the default summary is the lead paragraph).
 */
export function toSearchRecord(article: SearchSource, text: string): SearchRecord {
  const body = text.trim();
  const summary = article.summary.trim();
  const parts: string[] = [];
  if (summary !== '' && !normaliseSpace(body).includes(normaliseSpace(summary))) parts.push(endSentence(summary));
  if (body !== '') parts.push(body);
  // Pagefind needs some content; an article with neither body nor summary is found by its headline.
  if (parts.length === 0) parts.push(endSentence(article.title.trim()));

  const meta: Record<string, string> = {
    title: article.title,
    // The lists' date style (issue #19), so a result reads like the card it leads to.
    date: formatListDate(article.date),
    category: article.category.name,
  };
  // "Diperbarui" only for a change on a later day: a same-day update changes nothing a result shows.
  if (formatLongDate(article.modified) !== formatLongDate(article.date))
    meta['updated'] = formatListDate(article.modified);
  if (article.image) {
    // The thumbnail's files, not the full picture: a result shows it 96 px wide.
    const thumb = pictureView(article.image, 'thumb');
    meta['image'] = thumb.src;
    if (thumb.webpSrcset) meta['image_srcset'] = thumb.webpSrcset;
    meta['image_alt'] = article.image.alt;
  }

  return {
    url: articlePath(article.slug),
    content: parts.join('\n'),
    language: SEARCH_LANGUAGE,
    meta,
    filters: { [SEARCH_FILTERS.category]: [article.category.name] },
    sort: { [SEARCH_SORT_DATE]: toJakartaIso(article.date) },
  };
}

function normaliseSpace(s: string): string {
  return s.replace(/\s+/g, ' ');
}

function endSentence(s: string): string {
  return /[.!?…"'”’)]$/.test(s) ? s : `${s}.`;
}
