import type { Article } from '../content/article.ts';
import { toJakartaIso } from '../dates/format-date.ts';
import { articlePath } from '../routes.ts';
import { absoluteUrl, escapeXml, languageCode } from './urls.ts';

/**
 * Articles (newest first) published within `hours` before `now`, as Google News sitemaps want
 * them; anything dated after `now` is left out too.
 */
export function recentArticles(articles: readonly Article[], now: Date, hours: number): Article[] {
  const end = now.getTime();
  const start = end - hours * 3600_000;
  return articles.filter((a) => a.date.getTime() <= end && a.date.getTime() >= start);
}

/** The Google News sitemap (`news:news` entries) for `articles`. */
export function newsSitemapXml(
  articles: readonly Article[],
  {
    siteUrl,
    publicationName,
    locale,
  }: { readonly siteUrl: string; readonly publicationName: string; readonly locale: string },
): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">',
  ];
  for (const a of articles) {
    lines.push(
      '  <url>',
      `    <loc>${escapeXml(absoluteUrl(articlePath(a.slug), siteUrl))}</loc>`,
      // An update or a correction: crawlers fetch the page again (issue #18).
      `    <lastmod>${toJakartaIso(a.modified)}</lastmod>`,
      '    <news:news>',
      '      <news:publication>',
      `        <news:name>${escapeXml(publicationName)}</news:name>`,
      `        <news:language>${escapeXml(languageCode(locale))}</news:language>`,
      '      </news:publication>',
      `      <news:publication_date>${toJakartaIso(a.date)}</news:publication_date>`,
      `      <news:title>${escapeXml(a.title)}</news:title>`,
      '    </news:news>',
      '  </url>',
    );
  }
  lines.push('</urlset>', '');
  return lines.join('\n');
}
