import rss from '@astrojs/rss';
import { getSiteIndex } from '../data/site-data.ts';
import { FEED_NAMESPACES, feedChannelData, toFeedItems } from '../lib/view/feed.ts';
import { feedPath } from '../lib/routes.ts';
import { absoluteUrl } from '../lib/view/urls.ts';
import { siteConfig } from '../site.config.ts';

/** `/rss.xml`: the newest articles of the whole site. */
export async function GET(): Promise<Response> {
  const { articles } = await getSiteIndex();
  return rss({
    title: siteConfig.name,
    description: siteConfig.description,
    site: siteConfig.url,
    items: toFeedItems(articles, siteConfig.feedSize),
    xmlns: FEED_NAMESPACES,
    customData: feedChannelData(articles.slice(0, siteConfig.feedSize), {
      locale: siteConfig.locale,
      selfUrl: absoluteUrl(feedPath(), siteConfig.url),
    }),
  });
}
