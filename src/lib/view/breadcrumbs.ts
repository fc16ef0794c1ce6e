import type { Article } from '../content/article.ts';
import { articlePath, categoryPath, frontPagePath } from '../routes.ts';

/** One step of a breadcrumb trail. */
export interface Crumb {
  readonly name: string;
  readonly href: string;
}

/** Beranda › Kategori › Judul for an article page. */
export function articleBreadcrumbs(article: Pick<Article, 'slug' | 'title' | 'category'>): Crumb[] {
  return [
    { name: 'Beranda', href: frontPagePath() },
    { name: article.category.name, href: categoryPath(article.category.slug) },
    { name: article.title, href: articlePath(article.slug) },
  ];
}
