import { digestOf } from '../digest.ts';
import { keptAcrossBuilds, oncePerObject } from '../once-per-object.ts';

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
 * What a shared view adds to a key, made once per object: list pages repeat the same item views (an
 * article is on its section's, its tags', its writers' and the front page's lists) and share one
 * sidebar, and every article's entry repeats the links of its related lists, so at 100,000 articles
 * the same views were serialized about six times each, on every build (issue #20). Those views are
 * frozen where they are made (`toListView`, `linkTo`, `listSidebar`), and a frozen object's part is
 * kept with it (by identity): its fields cannot change, and nested objects in views are never written
 * to either (every view type is readonly).
 *
 * The part is the digest of the object's JSON, not the JSON: a link's JSON (about 350 bytes with its
 * picture) was otherwise copied into, and hashed again with, every key that names it. It starts with
 * a NUL and `#`, which no field of a page's data holds where a view stands (the positions of views
 * hold objects, whose JSON starts with `{`).
 */
const sharedPart = oncePerObject((value: object): string => `\0#${digestOf(JSON.stringify(value))}`, 'shared-part');

/**
 * `value`, or its part when it is a shared (frozen) view, or its time when it is a date: `JSON.stringify`
 * writes a `Date` through its `toJSON`, about three times as slow as the rest of an object, and an
 * entry's own fields hold three (`date`, `modified`, `updated`). A field holds a date or a number by
 * its type, never either, so the two cannot be mistaken for each other.
 */
function shared(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (value instanceof Date) return value.getTime();
  return Object.isFrozen(value) ? sharedPart(value) : value;
}

/**
 * Key of a page built from `props` (an object of JSON-able values; dates count by their time): the
 * SHA-1 of the navigation and the props' JSON, in which each shared view, top-level or an item of a
 * top-level array, stands as its part (see `sharedPart`). Two props with the same JSON get the same
 * key when the same of their objects are frozen, as they are from build to build (a frozen copy of an
 * object gives another key than the object: one needless re-render, never a missed one).
 *
 * One `JSON.stringify` of a shallow copy, not one call per field and item joined by hand as before:
 * V8 writes a whole object's JSON in one pass, and the 25 or so calls an article's entry made, with
 * the string joined from them, were most of its digest's time. Keys of 100,000 synthetic article
 * entries with ten shared links each took 2.1 s that way and 1.4 s this way on their first pass (the
 * one a build makes), 1.45 and 0.77 s on the next (issue #20).
 */
export function pageCacheKey(props: object, navigation: string): string {
  const parts: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(props))
    parts[field] = Array.isArray(value) ? (value as unknown[]).map(shared) : shared(value);
  return digestOf(`${navigation}\0${JSON.stringify(parts)}`);
}

/** Keys of one route's pages, kept across the publish server's builds: see {@link keptPageKeys}. */
export interface PageKeys {
  /** {@link pageCacheKey} of the page at `path` built from `props`. */
  key(path: string, props: object, navigation: string): string;
}

/** A page's props as the next build compares them: each field's name, kind and value (see `fingerprint`). */
type Fingerprint = readonly unknown[];

interface KeptKey {
  readonly navigation: string;
  readonly print: Fingerprint;
  readonly key: string;
}

/**
 * The keys of a route's list pages, kept across the publish server's builds (see `acrossBuilds`) by
 * each page's path: a page whose props are the same as the last build's gets the last build's key
 * without its props being serialized and hashed again. A 100,000-article archive has about 26,500
 * list pages (sections, tags, writers, the front page's archive), and keying them all took about
 * 0.6 s of every publish, which changes a few of them (issue #20).
 *
 * "The same" is what `pageCacheKey` would see: each field of the props holds the same primitive,
 * the same time, the same shared (frozen) view's part, the same JSON (any other object: serialized,
 * as it may have been changed in place), or an array of the very same frozen views, item by item
 * (a view is made once per article and kept across builds, see `toListView`; a new view of the same
 * content only costs a key made again). Props with an array of anything else are keyed every time.
 *
 * `route` names the route, one call per route and build (its `getStaticPaths`): the call starts
 * the route's new table, and the last build's pages that this one does not make are dropped with
 * the old one. Outside the publish server every key is made.
 */
export function keptPageKeys(route: string): PageKeys {
  const box = keptAcrossBuilds<Map<string, KeptKey>>(`page-keys:${route}`);
  if (box === undefined) return { key: (_path, props, navigation) => pageCacheKey(props, navigation) };
  const previous = box.value ?? new Map<string, KeptKey>();
  const next = new Map<string, KeptKey>();
  box.value = next;
  return {
    key(path, props, navigation) {
      const print = fingerprint(props);
      const kept = previous.get(path) ?? next.get(path);
      if (print !== undefined && kept?.navigation === navigation && samePrint(kept.print, print)) {
        next.set(path, kept);
        return kept.key;
      }
      const key = pageCacheKey(props, navigation);
      if (print !== undefined) next.set(path, { navigation, print, key });
      return key;
    },
  };
}

/**
 * What {@link keptPageKeys} compares of `props`: each field's part as `pageCacheKey` takes it (see
 * `shared`), with any other object as its JSON (it may have been changed in place), or a copy of its
 * array; undefined when an array holds anything but primitives and frozen views (a `Date`'s time can
 * be set even when it is frozen).
 */
function fingerprint(props: object): Fingerprint | undefined {
  const print: unknown[] = [];
  for (const [field, value] of Object.entries(props) as [string, unknown][]) {
    if (Array.isArray(value)) {
      const items = value as unknown[];
      if (
        items.some(
          (item) => typeof item === 'object' && item !== null && (!Object.isFrozen(item) || item instanceof Date),
        )
      )
        return undefined;
      // A copy: the caller's array could be changed in place after this build.
      print.push(field, 'items', [...items]);
      continue;
    }
    const part = shared(value);
    if (typeof part === 'object' && part !== null) print.push(field, 'json', JSON.stringify(part));
    else print.push(field, 'value', part);
  }
  return print;
}

function samePrint(a: Fingerprint, b: Fingerprint): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    // An array of views ('items'): the same views, in the same order.
    if (!Array.isArray(x) || !Array.isArray(y) || x.length !== y.length) return false;
    for (let j = 0; j < x.length; j++) if (x[j] !== y[j]) return false;
  }
  return true;
}
