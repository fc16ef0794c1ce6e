import { imageVariantPath } from '../routes.ts';
import type { FocalPoint } from './image-source.ts';

/**
 * The sizes each picture is published in (issue #17), chosen with the cost of a 10,000-photo archive
 * in hand (README, "Pictures"): ten encodes a photo, WebP with a JPEG fallback. AVIF was left out:
 * sharp took several times as long per AVIF as per WebP, for files a little smaller.
 *
 * - `hero`, 16:9: the article's lead photo and the front page's lead story;
 * - `thumb`, 4:3: list thumbnails (front page, sections, tags, search results, "Berita Terkait");
 * - `share`, `4x3`, `1x1`: JPEGs for `og:image` (1200×675, which WhatsApp, Facebook and X show as a
 *   large card) and for the three crops Google asks for in NewsArticle's `image`.
 *
 * The hero's 1200 px JPEG is the share image: one encode serves both.
 */

/** The places a picture is shown in, each with its own crop and widths. */
export type ImageSlot = 'hero' | 'thumb' | 'body';

/** What a picture is to its article: the lead (hero, thumbnails, share crops) or a picture in the body (uncropped). */
export type ImageRole = 'lead' | 'body';

/** A stored picture, as probed: see src/lib/storage/image-probe.ts. */
export interface ImageAsset {
  /** Digest of the file's bytes, the editor's focal point and this module's widths: names its variants. */
  readonly key: string;
  /** Absolute path of the source file. */
  readonly file: string;
  /** Size after EXIF rotation, in pixels. */
  readonly width: number;
  readonly height: number;
  readonly focus?: FocalPoint | undefined;
  /** Which variants it needs. */
  readonly role: ImageRole;
}

/** One file made from a picture. */
export interface ImageVariant {
  /** File name inside the picture's folder, e.g. `hero-800.webp`. */
  readonly name: string;
  readonly format: 'webp' | 'jpeg';
  readonly width: number;
  readonly height: number;
  /** The region of the (rotated) source it shows. */
  readonly crop: { readonly left: number; readonly top: number; readonly width: number; readonly height: number };
}

/** Bumped when the widths, crops or encoder settings change, so every picture's key changes. */
export const VARIANTS_VERSION = 1;

/** Each slot's crop (none: the whole picture) and widths, by format. */
const SLOTS: Record<
  ImageSlot,
  { ratio: readonly [number, number] | undefined; webp: readonly number[]; jpeg: readonly number[] }
> = {
  hero: { ratio: [16, 9], webp: [480, 800, 1200], jpeg: [800, 1200] },
  thumb: { ratio: [4, 3], webp: [160, 320], jpeg: [320] },
  // Pictures in the body are shown whole, as the editor framed them.
  body: { ratio: undefined, webp: [480, 800, 1200], jpeg: [800] },
};

/** The slots of each role. */
const ROLE_SLOTS: Record<ImageRole, readonly ImageSlot[]> = { lead: ['hero', 'thumb'], body: ['body'] };

/** The JPEG crops for structured data, beside the hero's 16:9. */
const EXTRA_CROPS = [
  { name: '4x3', ratio: [4, 3], width: 1200 },
  { name: '1x1', ratio: [1, 1], width: 900 },
] as const;

/** Site path of one variant of a picture. */
export function variantPath(asset: Pick<ImageAsset, 'key'>, name: string): string {
  return imageVariantPath(asset.key, name);
}

/** Every file made from `asset`, each at most as wide as its crop of the source (no upscaling). */
export function planVariants(asset: ImageAsset): ImageVariant[] {
  const variants: ImageVariant[] = [];
  const add = (
    name: string,
    format: 'webp' | 'jpeg',
    ratio: readonly [number, number] | undefined,
    width: number,
  ): void => {
    const crop = cropFor(asset, ratio);
    const w = Math.min(width, crop.width);
    const h = Math.round((w * crop.height) / crop.width);
    if (variants.some((v) => v.name === name)) return;
    variants.push({ name, format, width: w, height: h, crop });
  };
  for (const slot of ROLE_SLOTS[asset.role]) {
    const spec = SLOTS[slot];
    for (const width of widthsFor(asset, spec.ratio, spec.webp))
      add(`${slot}-${width}.webp`, 'webp', spec.ratio, width);
    for (const width of widthsFor(asset, spec.ratio, spec.jpeg)) add(`${slot}-${width}.jpg`, 'jpeg', spec.ratio, width);
  }
  if (asset.role === 'lead')
    for (const extra of EXTRA_CROPS) add(`${extra.name}.jpg`, 'jpeg', extra.ratio, extra.width);
  return variants;
}

/**
 * The widths of `wanted` a crop of `asset` can fill: those no wider than the crop, and the crop's own
 * width when it is narrower than some of them, so a small photo still gets one sharp file.
 */
function widthsFor(
  asset: ImageAsset,
  ratio: readonly [number, number] | undefined,
  wanted: readonly number[],
): number[] {
  const available = cropFor(asset, ratio).width;
  const fit = wanted.filter((w) => w <= available);
  if (fit.length < wanted.length && !fit.includes(available)) fit.push(available);
  return fit;
}

/**
 * The largest region of `asset` with the given ratio, centred on the focal point as far as the edges
 * allow; the whole picture when there is no ratio.
 */
export function cropFor(
  asset: Pick<ImageAsset, 'width' | 'height' | 'focus'>,
  ratio: readonly [number, number] | undefined,
): ImageVariant['crop'] {
  if (!ratio) return { left: 0, top: 0, width: asset.width, height: asset.height };
  const [rw, rh] = ratio;
  const width = Math.min(asset.width, Math.floor((asset.height * rw) / rh));
  const height = Math.min(asset.height, Math.floor((width * rh) / rw));
  const focus = asset.focus ?? { x: 0.5, y: 0.5 };
  const left = clamp(Math.round(focus.x * asset.width - width / 2), 0, asset.width - width);
  const top = clamp(Math.round(focus.y * asset.height - height / 2), 0, asset.height - height);
  return { left, top, width, height };
}

function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(max, value));
}

/** What a `<picture>` for one slot needs: WebP sources, the JPEG fallback, and the size to reserve. */
export interface PictureData {
  readonly webpSrcset: string;
  readonly jpegSrcset: string;
  /** The fallback `<img src>`: the smallest JPEG. */
  readonly src: string;
  /** Intrinsic size of the crop's largest file: reserves the box, so nothing shifts while it loads. */
  readonly width: number;
  readonly height: number;
}

/** The `<picture>` data of `asset` in `slot`. */
export function pictureFor(asset: ImageAsset, slot: ImageSlot): PictureData {
  const inSlot = planVariants(asset).filter((v) => v.name.startsWith(`${slot}-`));
  const of = (format: 'webp' | 'jpeg') => inSlot.filter((v) => v.format === format);
  const srcset = (variants: readonly ImageVariant[]) =>
    variants.map((v) => `${variantPath(asset, v.name)} ${v.width}w`).join(', ');
  const jpeg = of('jpeg');
  const webp = of('webp');
  const largest = [...webp, ...jpeg].reduce((a, b) => (b.width > a.width ? b : a));
  const smallestJpeg = jpeg.reduce((a, b) => (b.width < a.width ? b : a));
  return {
    webpSrcset: srcset(webp),
    jpegSrcset: srcset(jpeg),
    src: variantPath(asset, smallestJpeg.name),
    width: largest.width,
    height: largest.height,
  };
}

/** A JPEG for sharing or structured data, with its size. */
export interface ShareImage {
  readonly path: string;
  readonly width: number;
  readonly height: number;
}

/** The Open Graph image: the hero's largest JPEG, 16:9, 1200 px wide when the photo allows. */
export function shareImageFor(asset: ImageAsset): ShareImage {
  const jpeg = planVariants(asset).filter((v) => v.name.startsWith('hero-') && v.format === 'jpeg');
  const largest = jpeg.reduce((a, b) => (b.width > a.width ? b : a));
  return { path: variantPath(asset, largest.name), width: largest.width, height: largest.height };
}

/** NewsArticle's `image`: 16:9, 4:3 and 1:1 crops, largest first as Google lists them. */
export function structuredDataImages(asset: ImageAsset): ShareImage[] {
  const byName = new Map(planVariants(asset).map((v) => [v.name, v]));
  const crops = [shareImageFor(asset)];
  for (const extra of EXTRA_CROPS) {
    const v = byName.get(`${extra.name}.jpg`);
    if (v) crops.push({ path: variantPath(asset, v.name), width: v.width, height: v.height });
  }
  return crops;
}
