import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { publishedPeople } from '../../../data/build-context.ts';
import { getSiteIndex } from '../../../data/site-data.ts';
import type { Article } from '../../../lib/content/article.ts';
import type { Person } from '../../../lib/content/people.ts';
import { personFeedPath, personPath } from '../../../lib/routes.ts';
import { FEED_NAMESPACES, feedChannelData, toFeedItems } from '../../../lib/view/feed.ts';
import { absoluteUrl } from '../../../lib/view/urls.ts';
import { siteConfig } from '../../../site.config.ts';

/** `/penulis/<slug>/rss.xml`: the stories crediting one person. */
export async function getStaticPaths() {
  const { byPerson } = await getSiteIndex();
  return publishedPeople().map((person) => ({
    params: { slug: person.slug },
    props: { person, articles: byPerson.get(person.slug) ?? [] },
  }));
}

export function GET({ props }: APIContext<{ person: Person; articles: readonly Article[] }>): Promise<Response> {
  const { person, articles } = props;
  return rss({
    title: `${siteConfig.name}: ${person.name}`,
    description: `Berita dari ${person.name} di ${siteConfig.name}.`,
    site: absoluteUrl(personPath(person.slug), siteConfig.url),
    items: toFeedItems(articles, siteConfig.feedSize),
    xmlns: FEED_NAMESPACES,
    customData: feedChannelData(articles.slice(0, siteConfig.feedSize), {
      locale: siteConfig.locale,
      selfUrl: absoluteUrl(personFeedPath(person.slug), siteConfig.url),
    }),
  });
}
