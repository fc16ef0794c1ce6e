import { SEARCH_BUNDLE_DIR } from './fields.ts';

/**
 * The attribute marking the search index's preloads in the search page's head, so that they can be
 * found and replaced (never added twice).
 */
export const INDEX_PRELOAD_ATTRIBUTE = 'data-search-index';

// One preload as this module writes it; its attributes are always in this order.
const INDEX_PRELOAD = new RegExp(
  `<link rel="preload" href="[^"]*" as="fetch" crossorigin="anonymous" ${INDEX_PRELOAD_ATTRIBUTE}>`,
  'g',
);

/**
 * The search page `html` with a `<link rel="preload">` in its head for each of `files` (relative to
 * the search bundle folder: the manifest's `preload`), replacing those an earlier call put there.
 *
 * Why in the HTML, and after the pages are rendered (issue #20): the page's script learns these
 * files from `shards.json` and only then asks for them, two round trips after the page and a
 * second of a slow phone's CPU later (`npm run bench:search -- <dist> --http2`: they began 0.7 s
 * after the scripts had arrived, at 3.2 s).
 * Listed in the head, they are asked for as soon as the browser reads it, beside the scripts. Their
 * names carry content hashes that exist only once Pagefind has written the shards, which it does
 * while Astro renders the pages, so the search integration writes them into the rendered page
 * afterwards. The script still preloads what the manifest names and the head does not (a page
 * kept in a reader's cache from an older build).
 *
 * Attribute values are escaped for a double-quoted attribute, though the manifest's names are
 * plain (`arsip-2024-12-06/filter/id_44c8d0e.pf_filter`, `…/pagefind-entry.json?ts=…`).
 */
export function withIndexPreloads(html: string, files: readonly string[]): string {
  const cleared = html.replace(INDEX_PRELOAD, '');
  const end = cleared.indexOf('</head>');
  if (end === -1) throw new Error('The search page has no </head> to put the search index preloads in.');
  const links = files
    .map(
      (file) =>
        `<link rel="preload" href="${escapeAttribute(indexFileUrl(file))}" as="fetch" crossorigin="anonymous" ${INDEX_PRELOAD_ATTRIBUTE}>`,
    )
    .join('');
  return `${cleared.slice(0, end)}${links}${cleared.slice(end)}`;
}

/** The URL of a file of the search bundle (`arsip-…/pagefind.x.pf_meta` → `/pagefind/arsip-…/pagefind.x.pf_meta`). */
export function indexFileUrl(file: string): string {
  return `/${SEARCH_BUNDLE_DIR}/${file}`;
}

function escapeAttribute(value: string): string {
  return value.replaceAll('&', '&amp;').replaceAll('"', '&quot;');
}
