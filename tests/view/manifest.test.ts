import { describe, expect, it } from 'vitest';
import { appIconPath } from '../../src/lib/routes.ts';
import { defineSiteConfig } from '../../src/lib/site-config.ts';
import {
  appIconSvg,
  BRAND_COLOR,
  MASKABLE_SAFE_RADIUS,
  markPlacement,
  type GlyphOutline,
} from '../../src/lib/view/brand.ts';
import { APP_ICONS, shortName, webManifest } from '../../src/lib/view/manifest.ts';

const config = defineSiteConfig({
  name: 'Warta',
  tagline: 'Berita terkini',
  description: 'Warta: berita terkini dari Indonesia dan dunia.',
  url: 'https://warta.example',
});

describe('webManifest', () => {
  const manifest = webManifest(config);

  it('names the site and describes it in Indonesian, left to right', () => {
    expect(manifest).toMatchObject({
      name: 'Warta',
      short_name: 'Warta',
      description: 'Warta: berita terkini dari Indonesia dan dunia.',
      lang: 'id',
      dir: 'ltr',
    });
  });

  it('opens the front page and keeps the browser back button (minimal-ui)', () => {
    expect(manifest).toMatchObject({ id: '/', start_url: '/', scope: '/', display: 'minimal-ui' });
  });

  it('uses the brand colour for the bar and the light page for the splash screen', () => {
    expect(manifest.theme_color).toBe(BRAND_COLOR);
    expect(manifest.background_color).toBe('#ffffff');
  });

  it('lists 192 and 512 px icons for any purpose and a maskable 512 px one, each at its route', () => {
    expect(manifest.icons).toEqual([
      { src: '/ikon/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: '/ikon/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: '/ikon/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ]);
    for (const icon of APP_ICONS) expect(manifest.icons.map((i) => i.src)).toContain(appIconPath(icon.file));
  });

  it('takes the language from the locale', () => {
    expect(webManifest({ ...config, locale: 'en-US' }).lang).toBe('en');
  });

  it('survives JSON', () => {
    expect(JSON.parse(JSON.stringify(manifest))).toEqual(manifest);
  });
});

describe('shortName', () => {
  it('keeps a name that fits under a home-screen icon', () => {
    expect(shortName('Warta')).toBe('Warta');
    expect(shortName('Warta Kota 1')).toBe('Warta Kota 1');
  });

  it('takes the first word of a long name, cut at 12 characters', () => {
    expect(shortName('Harian Rakyat Nusantara')).toBe('Harian');
    expect(shortName('Suarapembaruan Online')).toBe('Suarapembaru');
  });
});

/** A W-like box: wider than high, as Source Serif's W is (font units). */
const WIDE: GlyphOutline = { d: 'M0 0L1000 0L1000 660L0 660Z', minX: 10, minY: -5, maxX: 1010, maxY: 655 };
/** A tall, narrow box, whose height limits the scale. */
const TALL: GlyphOutline = { d: 'M0 0L300 0L300 700L0 700Z', minX: 0, minY: 0, maxX: 300, maxY: 700 };

/** The corners of the glyph's box on the icon, in pixels. */
function corners(glyph: GlyphOutline, placement: { scale: number; x: number; y: number }): [number, number][] {
  const { scale, x, y } = placement;
  return [
    [glyph.minX, glyph.minY],
    [glyph.minX, glyph.maxY],
    [glyph.maxX, glyph.minY],
    [glyph.maxX, glyph.maxY],
  ].map(([gx = 0, gy = 0]) => [x + scale * gx, y - scale * gy]);
}

describe('app icon geometry', () => {
  it('centres the letter on the icon', () => {
    for (const glyph of [WIDE, TALL]) {
      const box = corners(glyph, markPlacement(glyph, 'any', 512));
      const xs = box.map(([x]) => x);
      const ys = box.map(([, y]) => y);
      expect((Math.min(...xs) + Math.max(...xs)) / 2).toBeCloseTo(256, 6);
      expect((Math.min(...ys) + Math.max(...ys)) / 2).toBeCloseTo(256, 6);
    }
  });

  it('keeps the letter within 62% of the width and 46% of the height, as the favicon does', () => {
    for (const glyph of [WIDE, TALL]) {
      const { scale } = markPlacement(glyph, 'any', 192);
      expect(scale * (glyph.maxX - glyph.minX)).toBeLessThanOrEqual(0.62 * 192 + 1e-9);
      expect(scale * (glyph.maxY - glyph.minY)).toBeLessThanOrEqual(0.46 * 192 + 1e-9);
    }
  });

  it('puts a maskable icon’s whole letter inside the central 80% circle', () => {
    const huge: GlyphOutline = { ...WIDE, maxY: 1005 };
    for (const glyph of [WIDE, TALL, huge]) {
      for (const [x, y] of corners(glyph, markPlacement(glyph, 'maskable', 512))) {
        expect(Math.hypot(x - 256, y - 256)).toBeLessThan(MASKABLE_SAFE_RADIUS * 512);
      }
    }
  });

  it('rounds only the any-purpose icon; maskable and apple-touch fill the square', () => {
    expect(appIconSvg(WIDE, 'any', 192)).toContain('rx="36"');
    expect(appIconSvg(WIDE, 'maskable', 512)).not.toContain('rx=');
    expect(appIconSvg(WIDE, 'apple-touch', 180)).not.toContain('rx=');
    expect(appIconSvg(WIDE, 'apple-touch', 180)).toContain(`<rect width="180" height="180" fill="${BRAND_COLOR}"/>`);
  });

  it('draws the letter as an outline, not as text in a system font', () => {
    const svg = appIconSvg(WIDE, 'any', 192);
    expect(svg).toContain(`d="${WIDE.d}"`);
    expect(svg).not.toContain('<text');
  });
});
