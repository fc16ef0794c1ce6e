import { buildSettings } from './data/build-context.ts';
import { defineSiteConfig } from './lib/site-config.ts';

const { pageSize, searchShardSize, searchRecentArticles, imageHosts } = buildSettings();

/**
 * The one place to set this site's settings. Only what differs from the defaults is written here;
 * every setting, its unit and its default is documented in src/lib/site-config.ts.
 */
export const siteConfig = defineSiteConfig({
  name: 'Warta',
  tagline: 'Berita terkini dari Indonesia dan dunia',
  description: 'Warta: berita terkini dari Indonesia dan dunia, ringkas dan terpercaya.',
  url: 'https://warta.example',
  categoryOrder: ['Nasional', 'Internasional', 'Ekonomi', 'Olahraga', 'Teknologi'],
  // Tests build small fixtures with small list pages and search shards (WARTA_PAGE_SIZE and
  // WARTA_SEARCH_SHARD_SIZE, WARTA_SEARCH_RECENT, read by the build context).
  ...(pageSize === undefined ? {} : { pageSize }),
  ...(searchShardSize === undefined ? {} : { searchShardSize }),
  ...(searchRecentArticles === undefined ? {} : { searchRecentArticles }),
  // Hosts whose https: pictures articles may use, e.g. ['foto.antaranews.com']; WARTA_IMAGE_HOSTS adds
  // more for one build (the tests' local picture server).
  imageHosts: [...imageHosts],
});
