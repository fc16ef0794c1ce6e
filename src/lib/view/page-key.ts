import { createHash } from 'node:crypto';
import { oncePerObject } from '../once-per-object.ts';

/**
 * Astro's incremental build copies a page from the previous build, instead of rendering it, while
 * its `cacheKey` is unchanged (a change of the page's code changes it too). The key must cover
 * everything the page shows from content: its own props, the category navigation in the header, and
 * the footer's links to the newsroom's pages.
 */
export function navigationKey(
  categories: readonly { readonly name: string; readonly slug: string }[],
  sitePages: readonly { readonly slug: string; readonly title: string }[] = [],
): string {
  // The footer links the newsroom's pages too (content/halaman/): renaming one changes every page.
  return [...categories.map((c) => `${c.slug}=${c.name}`), '', ...sitePages.map((p) => `${p.slug}=${p.title}`)].join(
    '|',
  );
}

/**
 * What one value adds to a key, written once per object: list pages repeat the same item views
 * (an article is on its section's, its tags', its writers' and the front page's lists) and share one
 * sidebar, so at 100,000 articles the same views were serialized about six times each, on every
 * build (issue #20). Keyed by identity, which is sound because views are immutable once made (every
 * view type is readonly, and nothing writes into one after `toListView` and its siblings return it).
 */
const serializeObject = oncePerObject((value: object): string => JSON.stringify(value));

function serialize(value: unknown): string {
  // JSON.stringify gives undefined (typed as a string) for undefined.
  if (value === undefined) return '';
  return typeof value === 'object' && value !== null ? serializeObject(value) : JSON.stringify(value);
}

/**
 * Key of a page built from `props` (an object of JSON-able values; dates count by their time). Each
 * top-level field is hashed apart, and an array field item by item, so that views shared between
 * pages are serialized once (see `serializeObject`); two props with the same JSON get the same key.
 */
export function pageCacheKey(props: object, navigation: string): string {
  const hash = createHash('sha1').update(navigation).update('\0');
  for (const [field, value] of Object.entries(props)) {
    if (value === undefined) continue;
    hash.update(JSON.stringify(field)).update(':');
    if (Array.isArray(value)) {
      hash.update('[');
      for (const item of value as unknown[]) hash.update(serialize(item ?? null)).update(',');
      hash.update(']');
    } else hash.update(serialize(value));
    hash.update('\0');
  }
  return hash.digest('base64url');
}
