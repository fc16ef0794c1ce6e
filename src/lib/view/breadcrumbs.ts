import type { Article } from '../content/article.ts';
import { articleHref, categoryHref } from './article-view.ts';

/** One step of a breadcrumb trail. */
export interface Crumb {
  readonly name: string;
  readonly href: string;
}

/** Beranda › Kategori › Judul for an article page. */
export function articleBreadcrumbs(article: Pick<Article, 'slug' | 'title' | 'category'>): Crumb[] {
  return [
    { name: 'Beranda', href: '/' },
    { name: article.category.name, href: categoryHref(article.category.slug) },
    { name: article.title, href: articleHref(article.slug) },
  ];
}
