import { absoluteUrl } from './urls.ts';

/** `robots.txt`: everything may be crawled; both sitemaps are named with absolute URLs. */
export function robotsTxt(siteUrl: string): string {
  return [
    'User-agent: *',
    'Allow: /',
    '',
    `Sitemap: ${absoluteUrl('/sitemap-index.xml', siteUrl)}`,
    `Sitemap: ${absoluteUrl('/sitemap-news.xml', siteUrl)}`,
    '',
  ].join('\n');
}
