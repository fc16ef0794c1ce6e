import { webManifest } from '../lib/view/manifest.ts';
import { siteConfig } from '../site.config.ts';

/** `/manifest.webmanifest`: the web app manifest, from the site's settings. */
export function GET(): Response {
  return new Response(`${JSON.stringify(webManifest(siteConfig), null, 2)}\n`, {
    headers: { 'Content-Type': 'application/manifest+json' },
  });
}
