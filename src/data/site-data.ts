import { getCollection } from 'astro:content';
import type { Article } from '../lib/content/article.ts';
import { indexSite, type SiteIndex } from '../lib/view/site-index.ts';
import { siteConfig } from '../site.config.ts';
import { publishedArticle } from './published-articles.ts';

let cached: Promise<SiteIndex> | undefined;

/**
 * The site's articles grouped for pages and navigation. Computed once per build and shared by
 * every page; the dev server recomputes it so edits show up.
 */
export function getSiteIndex(): Promise<SiteIndex> {
  if (process.env['WARTA_COMMAND'] === 'dev' || !cached) cached = load();
  return cached;
}

/** Every article entry with its data (entries hold only id and digest: see published-articles.ts). */
export async function getArticleEntries(): Promise<{ article: Article; digest: string }[]> {
  const entries = await getCollection('articles');
  return entries.map((entry) => ({ article: publishedArticle(entry.id, entry.digest), digest: String(entry.digest) }));
}

async function load(): Promise<SiteIndex> {
  const articles: Article[] = (await getArticleEntries()).map((e) => e.article);
  articles.sort((a, b) => b.date.getTime() - a.date.getTime() || (a.slug < b.slug ? -1 : 1));
  return indexSite(articles, siteConfig.categoryOrder);
}
