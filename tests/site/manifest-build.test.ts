import { parse } from 'node-html-parser';
import path from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { appleTouchIconPath, latestFragmentPath, manifestPath, outputFileOf } from '../../src/lib/routes.ts';
import type { WebManifest } from '../../src/lib/view/manifest.ts';
import { buildSite, listFiles, type SiteBuild } from '../helpers/build-site.ts';

/** Issue #19: the built site can be installed, with icons of the sizes and kinds the manifest declares. */
describe('web app manifest and icons of a build of content/', () => {
  let site: SiteBuild;
  let manifest: WebManifest;
  const file = (urlPath: string): string => path.join(site.outDir, outputFileOf(urlPath));

  beforeAll(() => {
    site = buildSite('content', { WARTA_NOW: '2025-01-01T00:00:00+07:00' });
    if (site.status !== 0) throw new Error(`build failed:\n${site.output}`);
    manifest = JSON.parse(site.read(outputFileOf(manifestPath()))) as WebManifest;
  });

  it('writes a manifest that opens the front page, in Indonesian', () => {
    expect(manifest).toMatchObject({ name: 'Warta', short_name: 'Warta', start_url: '/', lang: 'id', dir: 'ltr' });
    expect(['minimal-ui', 'standalone']).toContain(manifest.display);
    expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/);
    expect(manifest.background_color).toMatch(/^#[0-9a-f]{6}$/);
  });

  it('lists 192 and 512 px icons for any purpose and a maskable one', () => {
    const sizes = (purpose: string): string[] =>
      manifest.icons.filter((i) => i.purpose.split(' ').includes(purpose)).map((i) => i.sizes);
    expect(sizes('any')).toEqual(expect.arrayContaining(['192x192', '512x512']));
    expect(sizes('maskable')).toEqual(['512x512']);
  });

  it('publishes every icon it lists, of the declared size and type', async () => {
    for (const icon of manifest.icons) {
      expect(site.exists(outputFileOf(icon.src)), icon.src).toBe(true);
      const meta = await sharp(file(icon.src)).metadata();
      expect(meta.format, icon.src).toBe(icon.type.replace('image/', ''));
      expect(`${meta.width}x${meta.height}`, icon.src).toBe(icon.sizes);
    }
  });

  it('makes the maskable icon opaque, since a launcher may show any part of the square', async () => {
    const maskable = manifest.icons.find((i) => i.purpose === 'maskable');
    expect(maskable).toBeDefined();
    const image = sharp(file(maskable?.src ?? ''));
    expect((await image.stats()).isOpaque).toBe(true);
    // The brand colour reaches the corners: nothing but the full square is drawn there.
    const { data, info } = await image.clone().raw().toBuffer({ resolveWithObject: true });
    const corner = Array.from(data.subarray(0, info.channels));
    expect(corner.slice(0, 3)).toEqual([0xb4, 0x23, 0x18]);
  });

  it('publishes a 180×180 opaque PNG apple-touch-icon', async () => {
    const image = sharp(file(appleTouchIconPath()));
    const meta = await image.metadata();
    expect([meta.format, meta.width, meta.height, meta.hasAlpha]).toEqual(['png', 180, 180, false]);
    expect((await image.stats()).isOpaque).toBe(true);
  });

  it('keeps the icons small', () => {
    for (const src of [...manifest.icons.map((i) => i.src), appleTouchIconPath()]) {
      expect(site.read(outputFileOf(src)).length, src).toBeLessThan(20_000);
    }
  });

  it('links the manifest, the apple-touch-icon and a light and a dark theme colour from every page', () => {
    const pages = listFiles(site.outDir).filter(
      (f) => f.endsWith('.html') && f !== outputFileOf(latestFragmentPath()) && !f.startsWith('pagefind/'),
    );
    expect(pages.length).toBeGreaterThan(40);
    const problems: string[] = [];
    for (const page of pages) {
      const head = parse(site.read(page)).querySelector('head');
      const links = (rel: string): (string | undefined)[] =>
        head?.querySelectorAll(`link[rel="${rel}"]`).map((l) => l.getAttribute('href')) ?? [];
      if (links('manifest').join() !== manifestPath()) problems.push(`${page}: manifest ${links('manifest').join()}`);
      if (links('apple-touch-icon').join() !== appleTouchIconPath()) problems.push(`${page}: apple-touch-icon`);
      const themes = head?.querySelectorAll('meta[name="theme-color"]').map((m) => m.getAttribute('media')) ?? [];
      if (themes.join() !== '(prefers-color-scheme: light),(prefers-color-scheme: dark)')
        problems.push(`${page}: theme-color ${themes.join()}`);
    }
    expect(problems).toEqual([]);
  });
});
