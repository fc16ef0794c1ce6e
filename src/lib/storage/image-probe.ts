import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { imageSize } from 'image-size';
import type { FocalPoint } from '../images/image-source.ts';
import { VARIANTS_VERSION, type ImageAsset, type ImageRole } from '../images/variants.ts';

/**
 * Checks a picture's file while its article is parsed (issue #17): that it exists, can be read, is
 * a photo format the image pipeline encodes from, and is of a sane size. Synchronous, because
 * parsing is (it runs on worker threads); `image-size` reads the size from the header without
 * decoding, so the cost is one read and one digest of the file.
 */

/** The formats sharp reads and a browser could also show: everything else is refused. */
export const SUPPORTED_IMAGE_TYPES: ReadonlySet<string> = new Set(['jpg', 'png', 'webp', 'avif']);
/** Larger files are refused: a camera original is 5 to 15 MB; 40 MB is a mistake or an attack. */
export const MAX_IMAGE_BYTES = 40 * 1024 * 1024;
/** Smaller pictures are refused: a thumbnail or 1:1 crop of a 1,000×1 strip has no pixels. */
export const MIN_IMAGE_SIDE = 100;
/** Larger pictures are refused: decoding them would take gigabytes of memory. */
export const MAX_IMAGE_PIXELS = 100_000_000;

/** What {@link probeImage} found: the picture, or what is wrong with the file. */
export type ImageProbe =
  | { readonly ok: true; readonly asset: ImageAsset; readonly dependency: ImageDependency }
  | { readonly ok: false; readonly problem: 'missing' | 'unreadable' | 'unsupported'; readonly reason: string };

/** A file a parsed article depends on, as it was when it was read: the parse cache re-checks it. */
export interface ImageDependency {
  readonly file: string;
  readonly size: number;
  readonly mtimeMs: number;
}

// Files already probed by this process, by path, size and time: an archive's front pages and its
// articles name the same photos, and a dev server re-parses on every save.
const probed = new Map<
  string,
  { readonly dependency: ImageDependency; readonly digest: string; readonly size: { width: number; height: number } }
>();

/** Probes the picture at the absolute path `file`. */
export function probeImage(file: string, focus: FocalPoint | undefined, role: ImageRole): ImageProbe {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR'
      ? { ok: false, problem: 'missing', reason: 'no such file' }
      : { ok: false, problem: 'unreadable', reason: (error as Error).message };
  }
  if (!stat.isFile()) return { ok: false, problem: 'unreadable', reason: 'it is not a file' };
  if (stat.size > MAX_IMAGE_BYTES)
    return {
      ok: false,
      problem: 'unsupported',
      reason: `it is ${megabytes(stat.size)}; the limit is ${megabytes(MAX_IMAGE_BYTES)}`,
    };
  const dependency = { file, size: stat.size, mtimeMs: stat.mtimeMs };
  const memoKey = `${file}\0${stat.size}\0${stat.mtimeMs}`;
  let known = probed.get(memoKey);
  if (!known) {
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(file);
    } catch (error) {
      return { ok: false, problem: 'unreadable', reason: (error as Error).message };
    }
    let info: ReturnType<typeof imageSize>;
    try {
      info = imageSize(bytes);
    } catch {
      return { ok: false, problem: 'unsupported', reason: 'it is not a picture in a known format' };
    }
    if (info.type === undefined || !SUPPORTED_IMAGE_TYPES.has(info.type))
      return {
        ok: false,
        problem: 'unsupported',
        reason: `it is ${info.type === undefined ? 'in an unknown format' : `in ${info.type.toUpperCase()} format`}; pictures must be JPEG, PNG, WebP or AVIF`,
      };
    // EXIF orientations 5 to 8 turn the picture a quarter: the published files are turned upright.
    const turned = (info.orientation ?? 1) >= 5;
    const size = turned ? { width: info.height, height: info.width } : { width: info.width, height: info.height };
    if (size.width < MIN_IMAGE_SIDE || size.height < MIN_IMAGE_SIDE)
      return {
        ok: false,
        problem: 'unsupported',
        reason: `it is ${size.width}×${size.height} pixels; a picture needs at least ${MIN_IMAGE_SIDE} on each side to be cropped for thumbnails and sharing`,
      };
    if (size.width * size.height > MAX_IMAGE_PIXELS)
      return {
        ok: false,
        problem: 'unsupported',
        reason: `it is ${size.width}×${size.height} pixels; the limit is ${MAX_IMAGE_PIXELS / 1_000_000} megapixels`,
      };
    known = { dependency, digest: createHash('sha256').update(bytes).digest('hex'), size };
    probed.set(memoKey, known);
  }
  const key = createHash('sha256')
    .update(`${known.digest}|${focus ? `${focus.x},${focus.y}` : ''}|${VARIANTS_VERSION}`)
    .digest('hex')
    .slice(0, 20);
  return { ok: true, asset: { key, file, ...known.size, ...(focus ? { focus } : {}), role }, dependency };
}

/** Whether a file is as it was when an article was parsed. */
export function dependencyUnchanged(dependency: ImageDependency): boolean {
  try {
    const stat = fs.statSync(dependency.file);
    return stat.size === dependency.size && stat.mtimeMs === dependency.mtimeMs;
  } catch {
    return false;
  }
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
