import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { getSiteIndex } from '../../../data/site-data.ts';
import { FEED_NAMESPACES, feedChannelData, toFeedItems } from '../../../lib/view/feed.ts';
import type { TermGroup } from '../../../lib/view/site-index.ts';
import { feedPath } from '../../../lib/routes.ts';
import { absoluteUrl } from '../../../lib/view/urls.ts';
import { siteConfig } from '../../../site.config.ts';

/** `/kategori/<slug>/rss.xml`: one feed per category. */
export async function getStaticPaths() {
  const { categories } = await getSiteIndex();
  return categories.map((category) => ({ params: { slug: category.slug }, props: { category } }));
}

export async function GET({ props }: APIContext<{ category: TermGroup }>): Promise<Response> {
  const { category } = props;
  return rss({
    title: `${siteConfig.name}: ${category.name}`,
    description: `Berita terbaru kategori ${category.name} dari ${siteConfig.name}.`,
    // The channel links to the category's page; item links are site paths resolved against it.
    site: absoluteUrl(category.href, siteConfig.url),
    items: toFeedItems(category.articles, siteConfig.feedSize),
    xmlns: FEED_NAMESPACES,
    customData: feedChannelData(category.articles.slice(0, siteConfig.feedSize), {
      locale: siteConfig.locale,
      selfUrl: absoluteUrl(feedPath(category.slug), siteConfig.url),
    }),
  });
}
