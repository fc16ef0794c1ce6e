import { faviconSvg } from '../lib/view/brand.ts';
import { siteConfig } from '../site.config.ts';

/** `/favicon.svg`: the browser-tab icon. */
export function GET(): Response {
  return new Response(faviconSvg(siteConfig.name), { headers: { 'Content-Type': 'image/svg+xml' } });
}
