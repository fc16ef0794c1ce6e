import type { Article, ArticleLink } from '../content/article.ts';
import { formatDateTime, formatShortDate, toJakartaIso } from '../dates/format-date.ts';

/** A date as pages print it: the visible text and the machine-readable value for `<time datetime>`. */
export interface DateView {
  readonly text: string;
  readonly iso: string;
}

/** A list entry: headline, link, date and category. */
export interface ArticleLinkView {
  readonly href: string;
  readonly title: string;
  readonly date: DateView;
  readonly category: { readonly name: string; readonly href: string };
}

/** Everything an article page prints, already formatted. */
export interface ArticleView {
  readonly href: string;
  readonly title: string;
  readonly summary: string;
  readonly date: DateView;
  readonly updated: DateView | undefined;
  /** Last modification for metadata: `updated`, or the publication time when there is none. */
  readonly modified: DateView;
  readonly category: { readonly name: string; readonly href: string };
  readonly tags: readonly { readonly name: string; readonly href: string }[];
  readonly author: string | undefined;
  readonly source: { readonly name: string; readonly url: string | undefined } | undefined;
  readonly image: Article['image'];
  /** `3 menit baca`. */
  readonly readingTime: string;
  readonly draft: boolean;
  readonly related: readonly ArticleLinkView[];
}

/** URL of an article page. */
export const articleHref = (slug: string): string => `/berita/${slug}/`;
/** URL of a category page. */
export const categoryHref = (slug: string): string => `/kategori/${slug}/`;
/** URL of a tag page. */
export const tagHref = (slug: string): string => `/tag/${slug}/`;

function dateView(date: Date): DateView {
  return { text: formatDateTime(date), iso: toJakartaIso(date) };
}

/** Formats a related-article link for lists. */
export function toLinkView(link: ArticleLink): ArticleLinkView {
  return {
    href: articleHref(link.slug),
    title: link.title,
    date: { text: formatShortDate(link.date), iso: toJakartaIso(link.date) },
    category: { name: link.category, href: categoryHref(link.categorySlug) },
  };
}

/** Formats an article for its page. */
export function toArticleView(article: Article): ArticleView {
  return {
    href: articleHref(article.slug),
    title: article.title,
    summary: article.summary,
    date: dateView(article.date),
    updated: article.updated && article.updated.getTime() !== article.date.getTime() ? dateView(article.updated) : undefined,
    modified: dateView(article.updated ?? article.date),
    category: { name: article.category.name, href: categoryHref(article.category.slug) },
    tags: article.tags.map((t) => ({ name: t.name, href: tagHref(t.slug) })),
    author: article.author,
    source: article.source ? { name: article.source.name, url: article.source.url } : undefined,
    image: article.image,
    readingTime: `${article.readingMinutes} menit baca`,
    draft: article.draft,
    related: article.related.map(toLinkView),
  };
}

/** A list entry with what front and list pages add to a link: the summary and the lead image. */
export interface ListItemView extends ArticleLinkView {
  readonly summary: string;
  readonly image: { readonly src: string; readonly alt: string } | undefined;
}

/** Formats an article for a list: a related link plus its summary and image. */
export function toListView(article: Article): ListItemView {
  return {
    ...toLinkView({ slug: article.slug, title: article.title, date: article.date, category: article.category.name, categorySlug: article.category.slug }),
    summary: article.summary,
    image: article.image ? { src: article.image.src, alt: article.image.alt } : undefined,
  };
}
