import type { APIContext } from 'astro';
import { renderAppIcon } from '../../lib/images/app-icons.ts';
import { APP_ICONS, type AppIcon } from '../../lib/view/manifest.ts';
import { siteConfig } from '../../site.config.ts';

/** `/ikon/<file>`: the PNG icons the web app manifest lists. */
export function getStaticPaths() {
  return APP_ICONS.map((icon) => ({ params: { file: icon.file }, props: { icon } }));
}

export async function GET({ props }: APIContext<{ icon: AppIcon }>): Promise<Response> {
  const png = await renderAppIcon(siteConfig.name, props.icon.kind, props.icon.size);
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
}
