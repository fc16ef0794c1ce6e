import { getSiteIndex } from '../data/site-data.ts';
import { newsSitemapXml, recentArticles } from '../lib/view/news-sitemap.ts';
import { siteConfig } from '../site.config.ts';

/** `/sitemap-news.xml`: Google News entries for the articles of the last 48 hours before the build. */
export async function GET(): Promise<Response> {
  // Glue only: the build clock is read here and passed into the core.
  const fixedNow = process.env['WARTA_NOW'];
  const now = fixedNow ? new Date(fixedNow) : new Date();
  if (Number.isNaN(now.getTime())) throw new Error(`WARTA_NOW is not a date: "${fixedNow}"`);
  const { articles } = await getSiteIndex();
  const xml = newsSitemapXml(recentArticles(articles, now, siteConfig.newsSitemapHours), {
    siteUrl: siteConfig.url,
    publicationName: siteConfig.name,
    locale: siteConfig.locale,
  });
  return new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
}
