import { BLANK_OR_CONTROL, parseHostUrl, urlScheme } from '../text/safe-url.ts';

/**
 * Where an article's picture comes from (issue #17). Three forms are accepted, as editors write them:
 *
 * - a file next to the article, relative to the article file: `./banjir.jpg`, `foto/banjir.jpg`;
 * - a file under `public/`, written as a site path: `/images/banjir.jpg`;
 * - an `https://` URL whose host is on the site's allowlist (`imageHosts` in the site config), which
 *   the build downloads once (src/lib/storage/remote-images.ts) and then treats as a file.
 *
 * This module only reads the text; src/lib/storage/image-probe.ts checks the file itself.
 */

/** A picture's place, as written in `image.src` or in a body's `![alt](src)`. */
export type ImageRef =
  | { readonly kind: 'relative'; readonly path: string }
  | { readonly kind: 'public'; readonly path: string }
  | { readonly kind: 'remote'; readonly url: string; readonly host: string };

/** Result of {@link readImageRef}: the place, or why the text names none. */
export type ImageRefCheck =
  { readonly ok: true; readonly ref: ImageRef } | { readonly ok: false; readonly reason: string };

/** Reads `value` as an image place; `hosts` are the remote hosts allowed. */
export function readImageRef(value: string, hosts: readonly string[]): ImageRefCheck {
  if (value === '') return { ok: false, reason: 'is empty' };
  if (BLANK_OR_CONTROL.test(value))
    return { ok: false, reason: 'contains a space or a control character (rename the file without spaces)' };
  if (value.includes('\\')) return { ok: false, reason: 'contains a backslash (use / between folders)' };
  const scheme = urlScheme(value);
  if (scheme !== undefined) {
    if (scheme !== 'https')
      return {
        ok: false,
        reason: `uses the "${scheme}:" scheme; a picture is a file next to the article, a site path, or an https: URL`,
      };
    const parsed = parseHostUrl(value);
    if (!parsed.ok) return parsed;
    const { url } = parsed;
    if (!hosts.includes(url.host))
      return {
        ok: false,
        reason:
          hosts.length === 0
            ? `is on ${url.host}, and no remote image host is allowed (imageHosts in src/site.config.ts is empty)`
            : `is on ${url.host}, which is not among the allowed image hosts (imageHosts in src/site.config.ts: ${hosts.join(', ')})`,
      };
    return { ok: true, ref: { kind: 'remote', url: url.href, host: url.host } };
  }
  if (value.startsWith('//')) return { ok: false, reason: 'starts with // (a link to another host without https:)' };
  if (/[?#]/.test(value)) return { ok: false, reason: 'has a query or fragment (?, #); name the file itself' };
  let decoded: string;
  try {
    decoded = decodeURIComponent(value);
  } catch {
    return { ok: false, reason: 'has a malformed %-escape' };
  }
  if (decoded.split('/').includes('..') && value.startsWith('/'))
    return { ok: false, reason: 'climbs out of public/ with ..' };
  return value.startsWith('/')
    ? { ok: true, ref: { kind: 'public', path: decoded.slice(1) } }
    : { ok: true, ref: { kind: 'relative', path: decoded } };
}

/** A point of interest in a picture, as fractions of its width and height from the top left. */
export interface FocalPoint {
  readonly x: number;
  readonly y: number;
}

/**
 * Reads an editor's focal point, written like CSS's `object-position`: `50% 30%` (across, down).
 * Crops for thumbnails and share images keep this point in frame, so faces are not cut off.
 */
export function readFocalPoint(value: string): FocalPoint | undefined {
  const match = /^(\d{1,3}(?:\.\d+)?)% +(\d{1,3}(?:\.\d+)?)%$/.exec(value.trim());
  if (!match) return undefined;
  const x = Number(match[1]) / 100;
  const y = Number(match[2]) / 100;
  return x <= 1 && y <= 1 ? { x, y } : undefined;
}
