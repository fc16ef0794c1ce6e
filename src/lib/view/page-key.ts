import { createHash } from 'node:crypto';

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

/** Key of a page built from `props` (any JSON-able value; dates count by their time). */
export function pageCacheKey(props: unknown, navigation: string): string {
  return createHash('sha1').update(navigation).update('\0').update(JSON.stringify(props)).digest('base64url');
}
