import * as fontkit from 'fontkit';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import sharp from 'sharp';
import { appIconSvg, BRAND_COLOR, type AppIconKind, type GlyphOutline } from '../view/brand.ts';

/**
 * The PNG app icons (manifest icons and apple-touch-icon), drawn from the favicon's mark at build time.
 * The letter comes from Source Serif 4 Black, shipped through npm like the share card's fonts, as an
 * outline: rasterising the favicon's `<text>` would use whatever serif the build machine has, so two
 * machines would publish different icons.
 */

/** Black (900), the favicon's weight; latin-ext for a name starting with a letter such as Ś or Ł. */
const FONT_FILES = [
  '@fontsource/source-serif-4/files/source-serif-4-latin-900-normal.woff',
  '@fontsource/source-serif-4/files/source-serif-4-latin-ext-900-normal.woff',
] as const;

const require = createRequire(import.meta.url);

/** The outline of `letter` from the first font file that has it. */
export async function letterOutline(letter: string): Promise<GlyphOutline> {
  const codePoint = letter.codePointAt(0);
  if (codePoint !== undefined) {
    for (const id of FONT_FILES) {
      const font = fontkit.create(await readFile(require.resolve(id)));
      if (!('glyphForCodePoint' in font)) continue;
      const glyph = font.glyphForCodePoint(codePoint);
      // Glyph 0 is the font's "no glyph" box.
      if (glyph.id === 0) continue;
      const { minX, minY, maxX, maxY } = glyph.path.bbox;
      return { d: glyph.path.toSVG(), minX, minY, maxX, maxY };
    }
  }
  throw new Error(
    `App icons: the site name's first letter "${letter}" is not in Source Serif 4 (Latin); the icons draw that letter.`,
  );
}

/** The letter the icons show: the site name's first, in capitals, as the favicon's. */
export function iconLetter(name: string): string {
  return Array.from(name.trim().toUpperCase())[0] ?? 'W';
}

/**
 * The icon of `kind` as a PNG of `size` px. Maskable and apple-touch icons are flattened onto the brand
 * colour without an alpha channel, so no launcher shows a transparent (black on iOS) pixel; all are
 * palette PNGs: two colours and their antialiasing need no more, and the 512 px icons stay a few KB.
 */
export async function renderAppIcon(name: string, kind: AppIconKind, size: number): Promise<Buffer> {
  const svg = appIconSvg(await letterOutline(iconLetter(name)), kind, size);
  let image = sharp(Buffer.from(svg));
  if (kind !== 'any') image = image.flatten({ background: BRAND_COLOR }).removeAlpha();
  return image.png({ palette: true, compressionLevel: 9, effort: 10 }).toBuffer();
}
