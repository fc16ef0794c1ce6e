import { renderAppIcon } from '../lib/images/app-icons.ts';
import { APPLE_TOUCH_ICON_SIZE } from '../lib/view/manifest.ts';
import { siteConfig } from '../site.config.ts';

/** `/apple-touch-icon.png`: the icon iOS puts on the home screen, opaque and square. */
export async function GET(): Promise<Response> {
  const png = await renderAppIcon(siteConfig.name, 'apple-touch', APPLE_TOUCH_ICON_SIZE);
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
}
