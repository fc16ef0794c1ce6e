import { escapeXml } from './urls.ts';

/** The brand red: the wordmark, the favicon, the app icons and the manifest's `theme_color`. */
export const BRAND_COLOR = '#b42318';

/**
 * The browser bar's colour (`<meta name="theme-color">`): the brand red over the light page; in dark
 * mode the page's own background (Tailwind's zinc-950), since a red bar above a black page glares.
 */
export const THEME_COLORS = { light: BRAND_COLOR, dark: '#09090b' } as const;

/** The page's light background: the splash screen an installed site shows while its page loads. */
export const BACKGROUND_COLOR = '#ffffff';
const SERIF = 'Charter, Georgia, &apos;Times New Roman&apos;, serif';

/** The publisher logo (a wordmark), `width` × `height` pixels, for structured data and feeds. */
export function logoSvg(name: string, width: number, height: number): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img">`,
    `<title>${escapeXml(name)}</title>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="${Math.round(height * 0.2)}" y="${Math.round(height * 0.78)}" font-family="${SERIF}" font-size="${Math.round(height * 0.8)}" font-weight="900" fill="${BRAND_COLOR}">${escapeXml(name)}</text>`,
    '</svg>',
    '',
  ].join('\n');
}

/** The browser-tab icon: the name's first letter, white on the brand colour. */
export function faviconSvg(name: string): string {
  const letter = escapeXml(name.trim().charAt(0).toUpperCase() || 'W');
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64">',
    `<rect width="64" height="64" rx="12" fill="${BRAND_COLOR}"/>`,
    `<text x="32" y="47" text-anchor="middle" font-family="${SERIF}" font-size="44" font-weight="900" fill="#ffffff">${letter}</text>`,
    '</svg>',
    '',
  ].join('\n');
}

/** A glyph's outline in font units, y pointing up, as a font file holds it (read by src/lib/images/app-icons.ts). */
export interface GlyphOutline {
  /** SVG path data. */
  readonly d: string;
  /** The outline's bounding box. */
  readonly minX: number;
  readonly minY: number;
  readonly maxX: number;
  readonly maxY: number;
}

/**
 * What an app icon is for: `any` is the favicon's rounded square, corners transparent (the manifest's
 * `purpose: any`); `maskable` fills the whole square with the brand colour, since Android crops it to
 * its own shape, down to the central circle of 80% of the side; `apple-touch` is opaque and square,
 * since iOS rounds the corners itself and shows a transparent pixel as black.
 */
export type AppIconKind = 'any' | 'maskable' | 'apple-touch';

/**
 * The largest share of the icon's side the letter's box takes, as the favicon's 44-unit letter on its
 * 64-unit square does: a bold serif W is about 0.62 of the side wide and 0.46 high.
 */
const MARK_WIDTH = 0.62;
const MARK_HEIGHT = 0.46;
/** A maskable icon's safe zone: the circle of 80% of the side's diameter around the centre (W3C manifest spec). */
export const MASKABLE_SAFE_RADIUS = 0.4;

/** How a glyph is placed on a `size` px icon: scale from font units and the offset of its origin. */
export function markPlacement(
  glyph: GlyphOutline,
  kind: AppIconKind,
  size: number,
): { scale: number; x: number; y: number } {
  const width = glyph.maxX - glyph.minX;
  const height = glyph.maxY - glyph.minY;
  let scale = Math.min((MARK_WIDTH * size) / width, (MARK_HEIGHT * size) / height);
  if (kind === 'maskable') {
    // Every corner of the letter's box inside the safe circle, with a pixel to spare.
    const halfDiagonal = Math.hypot(width, height) / 2;
    scale = Math.min(scale, (MASKABLE_SAFE_RADIUS * size - 1) / halfDiagonal);
  }
  // Centre the box; the font's y axis points up, the SVG's down.
  const x = size / 2 - scale * (glyph.minX + width / 2);
  const y = size / 2 + scale * (glyph.minY + height / 2);
  return { scale, x, y };
}

/**
 * The app icon of `size` px: the favicon's mark, the site name's first letter in white on the brand
 * colour, with the letter as an outline so the pixels do not depend on the fonts of the machine that
 * rasterises it (sharp's SVG renderer would otherwise pick whatever serif it finds).
 */
export function appIconSvg(glyph: GlyphOutline, kind: AppIconKind, size: number): string {
  const { scale, x, y } = markPlacement(glyph, kind, size);
  const round = (n: number): number => Math.round(n * 1000) / 1000;
  const radius = kind === 'any' ? ` rx="${round((size * 12) / 64)}"` : '';
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}">`,
    `<rect width="${size}" height="${size}"${radius} fill="${BRAND_COLOR}"/>`,
    `<path transform="translate(${round(x)} ${round(y)}) scale(${round(scale)} ${round(-scale)})" fill="#ffffff" d="${glyph.d}"/>`,
    '</svg>',
    '',
  ].join('\n');
}
