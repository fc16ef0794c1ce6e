import { getCollection } from 'astro:content';
import type { Article } from '../lib/content/article.ts';
import { indexSite, type SiteIndex } from '../lib/view/site-index.ts';
import { siteConfig } from '../site.config.ts';

let cached: Promise<SiteIndex> | undefined;

/**
 * The site's articles grouped for pages and navigation. Computed once per build and shared by
 * every page; the dev server recomputes it so edits show up.
 */
export function getSiteIndex(): Promise<SiteIndex> {
  if (process.env['WARTA_COMMAND'] === 'dev' || !cached) cached = load();
  return cached;
}

async function load(): Promise<SiteIndex> {
  const entries = await getCollection('articles');
  const articles: Article[] = entries.map((e) => e.data);
  articles.sort((a, b) => b.date.getTime() - a.date.getTime() || (a.slug < b.slug ? -1 : 1));
  return indexSite(articles, siteConfig.categoryOrder);
}
