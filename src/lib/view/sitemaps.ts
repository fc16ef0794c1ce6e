import { toJakartaIso } from '../dates/format-date.ts';
import { calendarDateOf, wibDayNumber } from '../dates/wib-day.ts';
import { articlePath, articleSlugFromUrl, monthSitemapPath, pagesSitemapPath, sitemapIndexPath } from '../routes.ts';
import { keptWhileSame } from '../once-per-object.ts';
import { absoluteUrl, escapeXml } from './urls.ts';

/**
 * The site's sitemaps (sitemaps.org 0.9), written by the build from the pages it made (issue #20):
 *
 * - `/sitemap-berita-YYYY-MM.xml`, one a month (WIB): that month's articles, newest first, each with
 *   its `<lastmod>` (its latest update or correction), so a search engine fetches again the stories
 *   that changed and not the archive. A month's file changes only when one of its stories does;
 * - `/sitemap-laman-N.xml`: every other page (front page, sections, tags, the Indeks, the
 *   newsroom's pages…), in URL order, at most {@link SITEMAP_LIMIT} a file;
 * - `/sitemap-index.xml`: those files, each month with its newest `<lastmod>`, and the Google News
 *   sitemap.
 *
 * Written by hand, not by `@astrojs/sitemap`, which Warta used before: it sorts every URL with
 * `localeCompare` (1.1–1.8 s of each 100,000-article publish), gives every URL of a build one
 * `lastmod` unless a callback rewrites each entry, and its `chunks` option, the only way to split the
 * files other than by count, compares each URL with every grouped one (quadratic at 100,000 pages).
 */
export interface SitemapInput {
  /** Every page the build made, as site paths (`/berita/x/`); only those ending in `/` are pages. */
  readonly pages: readonly string[];
  /** The published articles: their pages go in the month files, with their dates. */
  readonly articles: readonly SitemapArticle[];
  /** Site paths to leave out (fragments framed by other pages, which are noindex). */
  readonly exclude?: (path: string) => boolean;
  /** Sitemaps made elsewhere, listed in the index as they are (the Google News sitemap): site paths. */
  readonly extra?: readonly string[];
  readonly siteUrl: string;
}

/** What a sitemap needs of an article. */
export interface SitemapArticle {
  readonly slug: string;
  readonly date: Date;
  readonly modified: Date;
}

/** One file to write: its site path (`/sitemap-index.xml`), what it lists, and its text. */
export interface SitemapFile {
  readonly path: string;
  readonly kind: 'articles' | 'pages' | 'index';
  readonly xml: string;
}

/** Most URLs in one file: the protocol's limit is 50,000, and 45,000 keeps well under its 50 MB too. */
export const SITEMAP_LIMIT = 45_000;

/** The sitemaps of a site (see above): the month files, the other pages' files, then the index. */
export function buildSitemaps(input: SitemapInput, limit: number = SITEMAP_LIMIT): SitemapFile[] {
  const exclude = input.exclude ?? (() => false);
  const months = new Map<string, ArticleEntry[]>();
  for (const article of input.articles) {
    if (exclude(articlePath(article.slug))) continue;
    const entry = articleEntry(article, input.siteUrl);
    let month = months.get(entry.month);
    if (!month) months.set(entry.month, (month = []));
    month.push(entry);
  }
  const others = input.pages
    // Article pages are in the month files, listed from the articles (every published one has its page).
    .filter((p) => p.endsWith('/') && articleSlugFromUrl(p) === undefined && !exclude(p))
    // Code-unit order (the default for strings): the same for every build of the same pages, and cheap.
    .sort();

  const files: SitemapFile[] = [];
  const index: { path: string; lastmod?: Date | undefined }[] = [];
  for (const key of [...months.keys()].sort().reverse()) {
    const entries = (months.get(key) ?? []).sort(newestFirst);
    // A month of more stories than a file holds (1,450 a day) continues in a second file.
    for (let part = 0; part * limit < entries.length; part++) {
      const slice = entries.slice(part * limit, (part + 1) * limit);
      const path = monthSitemapPath(key, part + 1);
      files.push({ path, kind: 'articles', xml: urlSet(slice.map((e) => e.line)) });
      index.push({ path, lastmod: latest(slice) });
    }
  }
  for (let part = 0; part * limit < others.length; part++) {
    const path = pagesSitemapPath(part);
    files.push({
      path,
      kind: 'pages',
      xml: urlSet(others.slice(part * limit, (part + 1) * limit).map((p) => urlLine(absoluteUrl(p, input.siteUrl)))),
    });
    index.push({ path });
  }
  for (const path of input.extra ?? []) index.push({ path });
  files.push({ path: sitemapIndexPath(), kind: 'index', xml: sitemapIndex(index, input.siteUrl) });
  return files;
}

/** An article as its month file lists it. */
interface ArticleEntry {
  readonly article: SitemapArticle;
  /** Its WIB month, `2024-12`. */
  readonly month: string;
  /** Its `<url>` line. */
  readonly line: string;
}

/**
 * An article's month and line, made once per article object while the site's address is the same:
 * in the publish server an unchanged story keeps its data object from one publish to the next (see
 * `acrossBuilds`), so a publish formats only the changed stories' dates, not the archive's (about
 * 0.3 s of a 100,000-article publish; issue #20).
 */
const articleEntry = keptWhileSame(
  'sitemap-article-entry',
  (article: SitemapArticle, siteUrl: string): ArticleEntry => ({
    article,
    month: monthKey(article.date),
    line: urlLine(absoluteUrl(articlePath(article.slug), siteUrl), article.modified),
  }),
  (kept, siteUrl) => kept === siteUrl,
);

/** `2024-12`: the WIB month of `date`. */
function monthKey(date: Date): string {
  const { year, month } = calendarDateOf(wibDayNumber(date));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

function newestFirst({ article: a }: ArticleEntry, { article: b }: ArticleEntry): number {
  return b.date.getTime() - a.date.getTime() || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0);
}

function latest(entries: readonly ArticleEntry[]): Date | undefined {
  let newest: Date | undefined;
  for (const { article: a } of entries) if (!newest || a.modified > newest) newest = a.modified;
  return newest;
}

/** One `<url>` element. */
function urlLine(loc: string, lastmod?: Date): string {
  return lastmod
    ? `<url><loc>${escapeXml(loc)}</loc><lastmod>${toJakartaIso(lastmod)}</lastmod></url>`
    : `<url><loc>${escapeXml(loc)}</loc></url>`;
}

function urlSet(urls: readonly string[]): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...urls,
    '</urlset>',
    '',
  ].join('\n');
}

function sitemapIndex(files: readonly { path: string; lastmod?: Date | undefined }[], siteUrl: string): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
  ];
  for (const { path, lastmod } of files) {
    const loc = `<loc>${escapeXml(absoluteUrl(path, siteUrl))}</loc>`;
    lines.push(
      lastmod ? `<sitemap>${loc}<lastmod>${toJakartaIso(lastmod)}</lastmod></sitemap>` : `<sitemap>${loc}</sitemap>`,
    );
  }
  lines.push('</sitemapindex>', '');
  return lines.join('\n');
}
