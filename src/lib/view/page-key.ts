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
 * What one value adds to a key, written once per object for the objects many pages share: list
 * pages repeat the same item views (an article is on its section's, its tags', its writers' and the
 * front page's lists) and share one sidebar, so at 100,000 articles the same views were serialized
 * about six times each, on every build (issue #20). Those views are frozen where they are made
 * (`toListView`, `linkTo`, `listSidebar`), and a frozen object's JSON is kept with it (by identity):
 * its fields cannot change, and nested objects in views are never written to either (every view
 * type is readonly). Other objects, such as an entry's own fields, are seen once a build: they are
 * serialized directly, since keeping their JSON cost more than it saved (1.5 s of entry digests at
 * 100,000 articles).
 */
const serializeShared = oncePerObject((value: object): string => JSON.stringify(value));

function serialize(value: unknown): string {
  // JSON.stringify gives undefined (typed as a string) for undefined.
  if (value === undefined) return '';
  return typeof value === 'object' && value !== null && Object.isFrozen(value)
    ? serializeShared(value)
    : JSON.stringify(value);
}

/**
 * Key of a page built from `props` (an object of JSON-able values; dates count by their time). Each
 * top-level field is serialized apart, and an array field item by item, so that views shared between
 * pages are serialized once (see `serializeShared`); two props with the same JSON get the same key.
 *
 * The parts are joined into one string and hashed with one call: the SHA-1 of the parts fed one by
 * one is the SHA-1 of their concatenation, and the hundred or so calls into the hash an article's
 * entry made took 2 s of a 100,000-article build (issue #20).
 */
export function pageCacheKey(props: object, navigation: string): string {
  let text = `${navigation}\0`;
  for (const [field, value] of Object.entries(props)) {
    if (value === undefined) continue;
    text += `${JSON.stringify(field)}:`;
    if (Array.isArray(value)) {
      text += '[';
      for (const item of value as unknown[]) text += `${serialize(item ?? null)},`;
      text += ']';
    } else text += serialize(value);
    text += '\0';
  }
  return createHash('sha1').update(text).digest('base64url');
}
