import { buildClock } from '../data/build-context.ts';
import { getSiteIndex } from '../data/site-data.ts';
import { newsSitemapXml, recentArticles } from '../lib/view/news-sitemap.ts';
import { siteConfig } from '../site.config.ts';

/** `/sitemap-news.xml`: Google News entries for the articles of the last 48 hours before the build. */
export async function GET(): Promise<Response> {
  // The build's clock, the same one the content loader published by: passed into the core.
  const now = buildClock();
  const { articles } = await getSiteIndex();
  const xml = newsSitemapXml(recentArticles(articles, now, siteConfig.newsSitemapHours), {
    siteUrl: siteConfig.url,
    publicationName: siteConfig.name,
    locale: siteConfig.locale,
  });
  return new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
}
