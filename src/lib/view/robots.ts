import { newsSitemapPath, sitemapIndexPath } from '../routes.ts';
import { absoluteUrl } from './urls.ts';

/** `robots.txt`: everything may be crawled; both sitemaps are named with absolute URLs. */
export function robotsTxt(siteUrl: string): string {
  return [
    'User-agent: *',
    'Allow: /',
    '',
    `Sitemap: ${absoluteUrl(sitemapIndexPath(), siteUrl)}`,
    `Sitemap: ${absoluteUrl(newsSitemapPath(), siteUrl)}`,
    '',
  ].join('\n');
}
