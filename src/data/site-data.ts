import { getCollection } from 'astro:content';
import type { Article } from '../lib/content/article.ts';
import { indexArchive, type Archive } from '../lib/view/indeks.ts';
import { indexSite, type SiteIndex } from '../lib/view/site-index.ts';
import { siteConfig } from '../site.config.ts';
import { buildGeneration, isDevServer, publishedArticle, publishedArticleList } from './build-context.ts';

let cachedIndex: Promise<SiteIndex> | undefined;
let cachedArchive: Promise<Archive> | undefined;
let cachedEntries: Promise<{ article: Article; digest: string }[]> | undefined;
/** The build the cached values above belong to (see buildGeneration). */
let cachedFor = -1;

/**
 * The dev server recomputes on every call so edits show up; a build computes once. Once per build,
 * not per process: the publish server runs many builds in one process, and when the pages' code is
 * unchanged Node hands each build this same module, values and all.
 */
const reuse = (): boolean => {
  if (isDevServer()) return false;
  const generation = buildGeneration();
  if (cachedFor !== generation) {
    cachedFor = generation;
    cachedIndex = undefined;
    cachedArchive = undefined;
    cachedEntries = undefined;
  }
  return true;
};

/**
 * The site's articles grouped for pages and navigation. Computed once per build and shared by
 * every page; the dev server recomputes it so edits show up.
 */
export function getSiteIndex(): Promise<SiteIndex> {
  if (!reuse() || !cachedIndex) cachedIndex = load();
  return cachedIndex;
}

/**
 * The articles by WIB day for the archive ("Indeks", issue #19): one pass over the site index's
 * articles, shared by the archive's day, month and year pages like the index itself.
 */
export function getArchive(): Promise<Archive> {
  if (!reuse() || !cachedArchive) cachedArchive = getSiteIndex().then((index) => indexArchive(index.articles));
  return cachedArchive;
}

/**
 * Every article entry with its data (entries hold only id and digest: see publishArticle in build-context.ts).
 * Shared by the site index and the article pages' paths, like the index itself.
 */
export function getArticleEntries(): Promise<{ article: Article; digest: string }[]> {
  if (!reuse() || !cachedEntries) cachedEntries = loadEntries();
  return cachedEntries;
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
