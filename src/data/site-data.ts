import { getCollection } from 'astro:content';
import type { Article } from '../lib/content/article.ts';
import { allArticlePages } from '../lib/view/front-page.ts';
import { indexArchive, type Archive } from '../lib/view/indeks.ts';
import type { ListPage } from '../lib/view/pagination.ts';
import { indexSite, type SiteIndex } from '../lib/view/site-index.ts';
import { siteConfig } from '../site.config.ts';
import { perBuild, publishedArticle, publishedArticleList } from './build-context.ts';

/**
 * The site's articles grouped for pages and navigation. Computed once per build and shared by
 * every page (perBuild); the dev server recomputes it so edits show up.
 */
export function getSiteIndex(): Promise<SiteIndex> {
  return perBuild('site-index', load);
}

/**
 * The articles by WIB day for the archive ("Indeks", issue #19): one pass over the site index's
 * articles, shared by the archive's day, month and year pages like the index itself.
 */
export function getArchive(): Promise<Archive> {
  return perBuild('archive', () => getSiteIndex().then((index) => indexArchive(index.articles)));
}

/**
 * The all-articles list's pages: the front page's and `/halaman/<n>/`'s, cut once a build for both
 * (allArticlePages).
 */
export function getAllArticlePages(): Promise<ListPage<Article>[]> {
  return perBuild('all-article-pages', () =>
    getSiteIndex().then((index) => allArticlePages(index.articles, siteConfig.pageSize)),
  );
}

/**
 * Every article entry with its data (entries hold only id and digest: see publishArticle in build-context.ts).
 * Shared by the site index and the article pages' paths, like the index itself.
 */
export function getArticleEntries(): Promise<{ article: Article; digest: string }[]> {
  return perBuild('article-entries', loadEntries);
}

async function loadEntries(): Promise<{ article: Article; digest: string }[]> {
  // A build's loader lists its articles here, and Astro holds one entry for them all (warta-loader.ts).
  const list = publishedArticleList();
  if (list !== undefined) return [...list];
  const entries = await getCollection('articles');
  return entries.map((entry) => ({ article: publishedArticle(entry.id, entry.digest), digest: String(entry.digest) }));
}

async function load(): Promise<SiteIndex> {
  const articles: Article[] = (await getArticleEntries()).map((e) => e.article);
  articles.sort((a, b) => b.date.getTime() - a.date.getTime() || (a.slug < b.slug ? -1 : 1));
  return indexSite(articles, siteConfig.categoryOrder);
}
