import { robotsTxt } from '../lib/view/robots.ts';
import { siteConfig } from '../site.config.ts';

/** `/robots.txt`, naming both sitemaps at the configured site URL. */
export function GET(): Response {
  return new Response(robotsTxt(siteConfig.url), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}
