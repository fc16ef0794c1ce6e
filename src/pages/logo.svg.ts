import { logoSvg } from '../lib/view/brand.ts';
import { siteConfig } from '../site.config.ts';

/** `/logo.svg`: the publisher logo that structured data points to. */
export function GET(): Response {
  return new Response(logoSvg(siteConfig.name, siteConfig.logo.width, siteConfig.logo.height), {
    headers: { 'Content-Type': 'image/svg+xml' },
  });
}
