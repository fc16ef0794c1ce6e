import fs from 'node:fs';
import path from 'node:path';
import { ContentErrors, createError, type SourcePosition, type WartaError } from '../errors/index.ts';
import { readFocalPoint, readImageRef } from '../images/image-source.ts';
import type { ImageAsset, ImageRole } from '../images/variants.ts';
import type { ImageOptions } from '../markdown/processor.ts';
import type { ParsedArticle } from './parse-article.ts';
import type { ArticleFields } from './resolve-links.ts';
import { probeImage, type ImageDependency } from '../storage/image-probe.ts';
import { remoteImageFile } from '../storage/remote-images.ts';

/**
 * The lead picture of a parsed article as pages and lists receive it: the front matter's fields and,
 * for a file, the checked asset. Absent when the article has no picture.
 */
export function leadImage(article: ParsedArticle): ArticleFields['image'] {
  const image = article.frontMatter.image;
  if (!image) return undefined;
  return {
    src: image.src,
    alt: image.alt,
    ...(image.caption === undefined ? {} : { caption: image.caption }),
    ...(image.credit === undefined ? {} : { credit: image.credit }),
    ...(article.imageAsset ? { asset: article.imageAsset } : {}),
  };
}

/** What {@link resolveImage} found for one picture. */
export type ImageResolution =
  | {
      readonly ok: true;
      /** The file to publish variants of (for a remote picture, its downloaded copy). */
      readonly asset: ImageAsset;
      readonly dependency: ImageDependency;
    }
  | {
      readonly ok: false;
      readonly error: WartaError;
      /** A remote picture's URL when the only problem is that it is not downloaded yet. */
      readonly download?: string;
    };

/**
 * Finds and checks the picture `value` names, for the article at `articlePath` (relative to the
 * content folder). Every problem is an error at `position`: the line that names the picture.
 */
export function resolveImage(
  value: string,
  focusText: string | undefined,
  articlePath: string,
  options: ImageOptions,
  position: SourcePosition,
  role: ImageRole = 'lead',
): ImageResolution {
  const checked = readImageRef(value, options.hosts);
  if (!checked.ok)
    return { ok: false, error: createError(ContentErrors.ImageInvalid, { value, reason: checked.reason }, position) };
  const { ref } = checked;
  if (ref.kind === 'remote') return resolveRemote(value, ref.url, focusText, options, position, role);
  const root = ref.kind === 'relative' ? options.contentDirectory : options.publicDirectory;
  const file =
    ref.kind === 'relative'
      ? path.resolve(options.contentDirectory, path.dirname(articlePath), ref.path)
      : path.resolve(options.publicDirectory, ref.path);
  if (file !== root && !file.startsWith(root + path.sep))
    return {
      ok: false,
      error: createError(
        ContentErrors.ImageInvalid,
        { value, reason: `points outside the ${ref.kind === 'relative' ? 'content' : 'public/'} folder` },
        position,
      ),
    };
  // A symbolic link next to the article must not publish a file from elsewhere on the machine, as
  // read-sources.ts refuses such links for articles.
  const real = realPath(file);
  const realRoot = realPath(root) ?? root;
  if (real !== undefined && real !== realRoot && !real.startsWith(realRoot + path.sep))
    return {
      ok: false,
      error: createError(
        ContentErrors.ImageInvalid,
        {
          value,
          reason: `is a link to ${real}, outside the ${ref.kind === 'relative' ? 'content' : 'public/'} folder`,
        },
        position,
      ),
    };
  const probe = probeImage(file, focusText === undefined ? undefined : readFocalPoint(focusText), role);
  if (probe.ok) return { ok: true, asset: probe.asset, dependency: probe.dependency };
  if (probe.problem === 'missing')
    return { ok: false, error: createError(ContentErrors.ImageNotFound, { value, file: shown(file) }, position) };
  return { ok: false, error: createError(ContentErrors.ImageUnsupported, { value, reason: probe.reason }, position) };
}

/**
 * A picture on an allowed host, from its downloaded copy (src/lib/storage/remote-images.ts). Parsing
 * is synchronous and runs on worker threads, so it cannot download: a picture not downloaded yet is
 * an error carrying its URL, which the loader downloads before it parses the file again.
 */
function resolveRemote(
  value: string,
  url: string,
  focusText: string | undefined,
  options: ImageOptions,
  position: SourcePosition,
  role: ImageRole,
): ImageResolution {
  const failure = options.remoteFailures?.get(url);
  if (failure !== undefined)
    return { ok: false, error: createError(ContentErrors.ImageDownloadFailed, { value, reason: failure }, position) };
  const file = remoteImageFile(options.remoteDirectory, url);
  const probe = probeImage(file, focusText === undefined ? undefined : readFocalPoint(focusText), role);
  if (probe.ok) return { ok: true, asset: probe.asset, dependency: probe.dependency };
  if (probe.problem === 'missing')
    return { ok: false, error: createError(ContentErrors.ImageNotDownloaded, { value }, position), download: url };
  return { ok: false, error: createError(ContentErrors.ImageUnsupported, { value, reason: probe.reason }, position) };
}

/** The path with every symbolic link resolved, or undefined when it does not exist. */
function realPath(file: string): string | undefined {
  try {
    return fs.realpathSync(file);
  } catch {
    return undefined;
  }
}

/** A path as messages show it: relative to the working folder when inside it. */
function shown(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}
