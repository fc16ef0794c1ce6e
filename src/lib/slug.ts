import slugifyLibrary from '@sindresorhus/slugify';
import { trimEndMatching } from './text/trim.ts';

/** A valid article, category or tag slug: lowercase ASCII words joined by single hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Options for {@link slugify}. */
export interface SlugifyOptions {
  /** Longest slug in characters, cut on a word boundary. Default: no limit. */
  readonly maxLength?: number;
}

// decamelize off: wire copy writes "KOrea" and "DKI" and those must not split into "k-orea".
const LIBRARY_OPTIONS = { decamelize: false, customReplacements: [['&', ' dan ']] as [string, string][] };

/**
 * Printable ASCII without the characters the library treats apart: `&` becomes "dan", an apostrophe
 * joins a contraction ("Conway's" to "conways"), and `^` and `` ` `` are dropped as diacritics. In
 * such a text (most headlines) the library's transliteration finds nothing to do, and what is left is
 * lowercasing and joining the runs of letters and digits with hyphens, which {@link plainSlug} does
 * directly. The build slugifies every headline and every "Baca juga" text to match them (titleKey):
 * the library took 2.3 s of a 100,000-article build for that, where this takes a tenth of it
 * (issue #20). tests/core/slug.test.ts checks the two agree on any such text.
 */
const PLAIN_ASCII = /^[\x20-\x25\x28-\x5d\x5f\x61-\x7e]*$/;

function plainSlug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/**
 * Turns an Indonesian title or name into a slug: lowercase ASCII, diacritics folded,
 * punctuation dropped, words joined by hyphens, optionally capped on a word boundary.
 */
export function slugify(text: string, options: SlugifyOptions = {}): string {
  const slug = PLAIN_ASCII.test(text) ? plainSlug(text) : slugifyLibrary(text, LIBRARY_OPTIONS);
  const { maxLength } = options;
  if (maxLength === undefined || slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength + 1);
  const boundary = cut.lastIndexOf('-');
  // A single word longer than the cap is cut mid-word rather than dropped.
  return trimEndMatching(boundary > 0 ? cut.slice(0, boundary) : slug.slice(0, maxLength), /-/);
}

/** Longest article slug in characters: a URL path segment and a folder name in `dist/` (file systems allow 255 bytes). */
export const MAX_ARTICLE_SLUG_LENGTH = 100;
/** Longest category or tag slug in characters; longer names are cut on a word boundary. */
export const MAX_TERM_SLUG_LENGTH = 80;

/**
 * Slugs of the category and tag names seen so far. A site has few names and every article repeats
 * them: at 100,000 articles the build slugified about a million names, 13 s of a CPU profile
 * (the library transliterates and runs a dozen regular expressions per call). Cleared when it
 * grows past {@link TERM_SLUG_CACHE_SIZE}, so a corpus of unique tags cannot grow it without bound.
 */
const termSlugs = new Map<string, string>();
const TERM_SLUG_CACHE_SIZE = 50_000;

/** The slug of a category or tag name, at most {@link MAX_TERM_SLUG_LENGTH} characters; empty when the name has no letter or digit. */
export function termSlug(name: string): string {
  let slug = termSlugs.get(name);
  if (slug === undefined) {
    slug = slugify(name, { maxLength: MAX_TERM_SLUG_LENGTH });
    if (termSlugs.size >= TERM_SLUG_CACHE_SIZE) termSlugs.clear();
    termSlugs.set(name, slug);
  }
  return slug;
}

/** Whether `value` is a valid slug (see {@link SLUG_PATTERN}). */
export function isValidSlug(value: string): boolean {
  return SLUG_PATTERN.test(value);
}

/**
 * The key under which a headline is matched to an article title: case, whitespace,
 * quotes, diacritics and punctuation are normalised away.
 */
export function titleKey(title: string): string {
  return slugify(title);
}
