import { buildSettings } from './data/build-context.ts';
import { defineSiteConfig } from './lib/site-config.ts';

/** The one place to set the site's name, URL, locale, page size and related-list settings. */
export const siteConfig = defineSiteConfig({
  name: 'Warta',
  tagline: 'Berita terkini dari Indonesia dan dunia',
  description: 'Warta: berita terkini dari Indonesia dan dunia, ringkas dan terpercaya.',
  url: 'https://warta.example',
  locale: 'id-ID',
  timeZone: 'Asia/Jakarta',
  // Tests build small fixtures with a small page size (WARTA_PAGE_SIZE, read by the build context).
  pageSize: buildSettings().pageSize ?? 20,
  categoryOrder: ['Nasional', 'Internasional', 'Ekonomi', 'Olahraga', 'Teknologi'],
  categoryBlockSize: 4,
  related: {
    limit: 5,
    weights: { text: 1, tags: 0.5, category: 0.1, recency: 0.1 },
    halfLifeDays: 30,
  },
  // Tests search a small fixture split into several shards (WARTA_SEARCH_SHARD_SIZE).
  searchShardSize: buildSettings().searchShardSize ?? 3000,
  feedSize: 50,
  newsSitemapHours: 48,
  logo: { src: '/logo.svg', width: 600, height: 60 },
});
