import type { Article, ArticleLink } from '../content/article.ts';
import { formatDateTime, formatListDate, toJakartaIso } from '../dates/format-date.ts';
import { calendarDateOf, wibDayNumber } from '../dates/wib-day.ts';
import { articlePath, categoryPath, indeksDayPath, tagPath } from '../routes.ts';
import { authorNames, bylineView, type BylineRole } from './byline.ts';
import { oncePerObject } from '../once-per-object.ts';
import { listPicture, pictureView, type ListPictureView, type PictureView } from './picture-view.ts';

/** A date as pages print it: the visible text and the machine-readable value for `<time datetime>`. */
export interface DateView {
  readonly text: string;
  readonly iso: string;
}

/** A date in a list, linked to its day in the archive ("Indeks", issue #19). */
export interface ListDateView extends DateView {
  /** The WIB day's archive page: `/indeks/2025/01/05/`. */
  readonly href: string;
}

/** A list entry: headline, link, date and category. */
export interface ArticleLinkView {
  readonly href: string;
  readonly title: string;
  readonly date: ListDateView;
  readonly category: { readonly name: string; readonly href: string };
  /** The linked article's thumbnail, when it has a picture. */
  readonly thumb: PictureView | undefined;
}

/** Everything an article page prints, already formatted. */
export interface ArticleView {
  readonly href: string;
  readonly title: string;
  readonly summary: string;
  readonly date: DateView;
  /** The last update ("Diperbarui"), when it is not the publication time. */
  readonly updated: DateView | undefined;
  /** Last modification for metadata: the latest of publication, update and corrections. */
  readonly modified: DateView;
  /** Corrections, oldest first, for the "Koreksi" box. */
  readonly corrections: readonly { readonly date: DateView; readonly text: string }[];
  readonly category: { readonly name: string; readonly href: string };
  readonly tags: readonly { readonly name: string; readonly href: string }[];
  /** The byline by role: "Penulis: … · Editor: …". */
  readonly byline: readonly BylineRole[];
  /** `<meta name="author">`: the writers' names, comma-separated; undefined without a byline. */
  readonly author: string | undefined;
  readonly source: { readonly name: string; readonly url: string | undefined } | undefined;
  /** The lead picture, in the hero's crop, with its caption and credit. */
  readonly image:
    | { readonly picture: PictureView; readonly caption: string | undefined; readonly credit: string | undefined }
    | undefined;
  /** `3 menit baca`. */
  readonly readingTime: string;
  readonly draft: boolean;
  readonly related: readonly ArticleLinkView[];
  /** "Lainnya di <Kategori>": the section's stories that fill the space "Berita Terkait" leaves. */
  readonly moreInCategory: readonly ArticleLinkView[];
}

function dateView(date: Date): DateView {
  return { text: formatDateTime(date), iso: toJakartaIso(date) };
}

/** The archive page of the WIB day of `date`: `/indeks/2025/01/05/`. */
export function archiveDayPath(date: Date): string {
  const { year, month, day } = calendarDateOf(wibDayNumber(date));
  return indeksDayPath(year, month, day);
}

/** Formats a related-article link for lists. */
export function toLinkView(link: ArticleLink): ArticleLinkView {
  return {
    href: articlePath(link.slug),
    title: link.title,
    date: { text: formatListDate(link.date), iso: toJakartaIso(link.date), href: archiveDayPath(link.date) },
    category: { name: link.category, href: categoryPath(link.categorySlug) },
    thumb: link.image ? pictureView(link.image, 'thumb') : undefined,
  };
}

/** Formats an article for its page. */
export function toArticleView(article: Article): ArticleView {
  return {
    href: articlePath(article.slug),
    title: article.title,
    summary: article.summary,
    date: dateView(article.date),
    updated:
      article.updated && article.updated.getTime() !== article.date.getTime() ? dateView(article.updated) : undefined,
    modified: dateView(article.modified),
    corrections: article.corrections.map((c) => ({ date: dateView(c.date), text: c.text })),
    category: { name: article.category.name, href: categoryPath(article.category.slug) },
    tags: article.tags.map((t) => ({ name: t.name, href: tagPath(t.slug) })),
    byline: bylineView(article.credits),
    author: authorNames(article.credits).join(', ') || undefined,
    source: article.source ? { name: article.source.name, url: article.source.url } : undefined,
    image: article.image
      ? {
          picture: pictureView(article.image, 'hero'),
          caption: article.image.caption,
          credit: article.image.credit,
        }
      : undefined,
    readingTime: `${article.readingMinutes} menit baca`,
    draft: article.draft,
    related: article.related.map(toLinkView),
    moreInCategory: article.moreInCategory.map(toLinkView),
  };
}

/** A list entry with what front and list pages add to a link: the summary and the lead image. */
export interface ListItemView extends ArticleLinkView {
  readonly summary: string;
  /** The lead picture in the lead story's and the thumbnail's crops. */
  readonly image: ListPictureView | undefined;
}

/**
 * Formats an article for a list: a related link plus its summary and image. One object per article
 * (a story stands on its section's, each tag's, each writer's and the front page's lists, and every
 * list page's key is computed on every build), so each view is made once per build; views are
 * immutable, so sharing them is safe.
 */
export const toListView: (article: Article) => ListItemView = oncePerObject(makeListView, 'list-view');

function makeListView(article: Article): ListItemView {
  // Frozen: pageCacheKey serializes a frozen object once, however many list pages hold it.
  return Object.freeze({
    ...toLinkView({
      slug: article.slug,
      title: article.title,
      date: article.date,
      category: article.category.name,
      categorySlug: article.category.slug,
      ...(article.image ? { image: article.image } : {}),
    }),
    summary: article.summary,
    image: listPicture(article),
  });
}
