/** Names shared by the index (built in Node) and the search page (in the browser). */

/** The language of the search index: Indonesian, so Pagefind stems `bekerja` and `pekerja` to `kerja`. */
export const SEARCH_LANGUAGE = 'id';

/** Filter names in the index: the category name, and the tag names. */
export const SEARCH_FILTERS = { category: 'kategori', tag: 'tag' } as const;

/** The sort key: the publication time as ISO 8601 in WIB, so text order is time order. */
export const SEARCH_SORT_DATE = 'date';

/** Where the Pagefind bundle is published, relative to the site root. */
export const SEARCH_BUNDLE_DIR = 'pagefind';
