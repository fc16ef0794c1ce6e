import fs from 'node:fs';
import path from 'node:path';
import sharp, { type Sharp } from 'sharp';
import { IMAGE_FOLDER } from '../routes.ts';
import { planVariants, type ImageAsset, type ImageVariant } from '../images/variants.ts';

/**
 * Makes and publishes the files of every picture (issue #17). Each picture's variants are made once
 * in its lifetime, into `<cache>/<key>/`, where the key is a digest of the source file's bytes, the
 * focal point and the variant plan (src/lib/storage/image-probe.ts): a rebuild re-makes nothing that
 * did not change, and a new article costs only its own pictures. The output folder gets hard links
 * to the cached files (a copy where links are not possible), so publishing 100,000 files moves no
 * bytes.
 *
 * Written with sharp directly rather than Astro's image service (`getImage`, `<Picture>`), for three
 * reasons:
 * - Astro's service decodes the source once per file it makes; this decodes it once per picture and
 *   cuts every file from the decoded pixels. Measured with `npm run bench:image-service` (12 grainy
 *   1600×900 photos, the same ten files, widths and encoder settings; 2 cores, 2026-12-01): 197 and
 *   212 ms a photo here against 259 and 252 ms through Astro's service, 1.2 to 1.3 times as long,
 *   about ten more minutes of a cold 10,000-photo build.
 * - Its crops take sharp's gravities (`position`), not an editor's focal point (`focus: "30% 20%"`).
 * - Astro's content layer turns each picture into an import that Vite resolves on every build,
 *   10,000 of them for a 10,000-photo archive, where this keeps the picture as data and touches only
 *   pictures that changed.
 */

/** Encoder settings: visually clean at phone sizes, about a third of a camera JPEG's bytes. */
const WEBP = { quality: 72, effort: 2 } as const;
const JPEG = { quality: 78, progressive: true } as const;
/**
 * Written last into a picture's cache folder, one per role (a lead picture's crops, a body picture's
 * whole frame): a folder without it was cut short, and is made again.
 */
const complete = (asset: ImageAsset): string => `.complete-${asset.role}`;

/** Counts for the build log: "processes zero images" on a warm rebuild is read from these. */
export interface ImageCounts {
  /** Pictures whose files were made in this build. */
  processed: number;
  /** Pictures whose files came from the cache. */
  reused: number;
  /** Files made. */
  files: number;
}

/** The cache folder of one picture. */
function folderOf(cacheRoot: string, key: string): string {
  return path.join(cacheRoot, key);
}

/** Whether every variant of `asset` is in the cache. */
export function isCached(cacheRoot: string, asset: ImageAsset): boolean {
  return fs.existsSync(path.join(folderOf(cacheRoot, asset.key), complete(asset)));
}

/**
 * Makes the variants of `asset` into the cache unless they are there; returns how many files were
 * made (0 when cached). The source is decoded and turned upright once; each variant is cut from it.
 */
export async function makeVariants(cacheRoot: string, asset: ImageAsset): Promise<number> {
  if (isCached(cacheRoot, asset)) return 0;
  const folder = folderOf(cacheRoot, asset.key);
  fs.mkdirSync(folder, { recursive: true });
  const { data, info } = await sharp(asset.file, { failOn: 'error' })
    .rotate()
    .toColourspace('srgb')
    // A transparent PNG is laid on white, as the page shows it: dropping the alpha channel alone
    // showed whatever colour the transparent pixels held, often black.
    .flatten({ background: '#ffffff' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const variants = planVariants(asset);
  for (const variant of variants) {
    const target = path.join(folder, variant.name);
    const temporary = `${target}.${process.pid}.tmp`;
    await encode(
      sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } }),
      variant,
    ).toFile(temporary);
    fs.renameSync(temporary, target);
  }
  fs.writeFileSync(path.join(folder, complete(asset)), '');
  return variants.length;
}

function encode(image: Sharp, variant: ImageVariant): Sharp {
  const cut = image.extract(variant.crop).resize(variant.width, variant.height, { fit: 'fill' });
  return variant.format === 'webp' ? cut.webp(WEBP) : cut.jpeg(JPEG);
}

/**
 * Makes the variants of every picture in `assets`, a few at a time (sharp's own threads share the
 * cores). Each key is handled once however many articles share the picture.
 */
export async function makeAllVariants(
  cacheRoot: string,
  assets: Iterable<ImageAsset>,
  concurrency = 2,
): Promise<ImageCounts> {
  const unique = new Map<string, ImageAsset>();
  for (const asset of assets) unique.set(`${asset.key}|${asset.role}`, asset);
  const counts: ImageCounts = { processed: 0, reused: 0, files: 0 };
  const queue = [...unique.values()];
  const worker = async (): Promise<void> => {
    for (let asset = queue.shift(); asset; asset = queue.shift()) {
      const made = await makeVariants(cacheRoot, asset);
      if (made > 0) {
        counts.processed++;
        counts.files += made;
      } else counts.reused++;
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  return counts;
}

/**
 * Puts the cached files of `keys` into the output folder as `<out>/gambar/<key>/<name>`. Returns the
 * number of files placed.
 */
export function publishVariants(cacheRoot: string, keys: Iterable<string>, outDir: string): number {
  let placed = 0;
  for (const key of new Set(keys)) {
    const from = folderOf(cacheRoot, key);
    const to = path.join(outDir, IMAGE_FOLDER, key);
    fs.mkdirSync(to, { recursive: true });
    for (const name of fs.readdirSync(from)) {
      if (name.startsWith('.') || name.endsWith('.tmp')) continue;
      placeFile(path.join(from, name), path.join(to, name));
      placed++;
    }
  }
  return placed;
}

/** Hard-links `from` at `to`, or copies it when the two are on different file systems. */
export function placeFile(from: string, to: string): void {
  fs.rmSync(to, { force: true });
  try {
    fs.linkSync(from, to);
  } catch {
    fs.copyFileSync(from, to);
  }
}
