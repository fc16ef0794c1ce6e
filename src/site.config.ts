import { defineSiteConfig } from './lib/site-config.ts';

/** The one place to set the site's name, URL, locale, page size and related-list settings. */
export const siteConfig = defineSiteConfig({
  name: 'Warta',
  description: 'Warta: berita terkini dari Indonesia dan dunia, ringkas dan terpercaya.',
  url: 'https://warta.example',
  locale: 'id-ID',
  timeZone: 'Asia/Jakarta',
  pageSize: 20,
  categoryOrder: ['Nasional', 'Internasional', 'Ekonomi', 'Olahraga', 'Teknologi'],
  relatedLimit: 5,
});
