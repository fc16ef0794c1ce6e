/** Names shared by the index (built in Node) and the search page (in the browser). */

/** The language of the search index: Indonesian, so Pagefind stems `bekerja` and `pekerja` to `kerja`. */
export const SEARCH_LANGUAGE = 'id';

/**
 * Filter names in the index: the category name, which the search page narrows by and counts. Only
 * what the page uses: Pagefind sends every filter's file of each shard with its first search, and the
 * tag names' file, which nothing read, was about 4.5 KB a shard (18 KB of the first search at
 * 100,000 articles, 340 KB of the whole archive's).
 */
export const SEARCH_FILTERS = { category: 'kategori' } as const;

/** The sort key: the publication time as ISO 8601 in WIB, so text order is time order. */
export const SEARCH_SORT_DATE = 'date';

/** Where the Pagefind bundle is published, relative to the site root. */
export const SEARCH_BUNDLE_DIR = 'pagefind';

/**
 * Pagefind's script, in the bundle folder: every shard's copy is the same (one Pagefind version
 * writes them all), so one at a fixed URL opens them all, and the search page can ask for it in its
 * head, before it knows the shards.
 */
export const SEARCH_SCRIPT = 'pagefind.js';

/** The list of shard folders the search page loads, newest first, in the bundle folder. */
export const SHARD_MANIFEST = 'shards.json';

/**
 * The archive's most frequent words, one a line (vocabulary.ts), in the bundle folder: the search
 * page fetches it only to suggest a correction when a search finds (almost) nothing.
 */
export const VOCABULARY_FILE = 'kosakata.txt';

/**
 * Articles per Pagefind index. Pagefind holds a whole index in memory while it writes it, about
 * 170 KB per 4 KB article (1.7 GB for 10,000; a single index of 30,000 pages is reported to run out
 * of memory: Pagefind issue #842), so the archive is split into indexes of this many articles,
 * built one after another, which the search page queries together.
 *
 * The size is also what an edit or a deletion of an older story waits for: its shard is indexed
 * again, at about 3 ms a story on this 2-core machine, and at 10,000 articles that re-index was
 * most of such a publish's time (issue #20). Measured side by side (`npm run bench -- 10000
 * --publish` and `npm run bench:search -- <dist> pemerintah --http2 --archive`, 2026-12-02), 3,000,
 * 1,500 and 1,000 stories a shard: an edit's re-index 12.5, 7.2 and 3.7 s (wall 20.6, 13.8 and
 * 11.4 s); a first search 321, 267 and 247 KB (smaller shards make the newest ones searched first
 * fit 1,500 stories more closely); pressing "Cari di seluruh arsip" then 390, 537 and 601 KB more in
 * 24, 43 and 62 requests (each shard its own metadata, filters and word chunk), in about the same
 * 6–7 s. 1,500 halves the edit's wait for a quarter more bytes on the rarer whole-archive search.
 */
export const DEFAULT_SHARD_SIZE = 1500;

/**
 * Articles per shard in the newest month (shards.ts), the shards a publish re-indexes: Pagefind
 * indexes about 330 articles a second here, so a publish spends at most about 1.5 s on search.
 */
export const DEFAULT_RECENT_SHARD_SIZE = 500;

/**
 * The search page first searches the newest shards holding at least this many articles, and the
 * rest of the archive when they find fewer than a page of results or when the reader asks: at
 * 100,000 articles, searching every shard cost a first search on a phone megabytes (each shard its
 * index chunk, metadata and filters), against the 300 KB budget of issue #20. Measured with
 * `npm run bench:search` on 100,000 articles, `pemerintah`: the newest 2, 3, 4 and 7 shards (about
 * 470 stories each, the last a month of 2,800) cost 192, 239, 280 and 522 KB.
 *
 * 1,000, not the 1,500 of before (4 such shards), since a word typed into the page costs more than
 * the same word from a link: each pause in the typing searches the letters so far, and a word's
 * first letters often fall in the index chunk before the whole word's, one more chunk a shard.
 * Side by side on 2026-12-04 (HTTP/2, `--typed`: a key every 250 ms, median of 5; from a link,
 * median of 3): 1,500 stories, 324 KB typed (0.38 s after the last key) and 256 KB from a link
 * (4.89 s); 1,000 stories (3 shards), 266 KB typed (0.41 s) and 220 KB from a link (4.63 s),
 * against the 300 KB. 1,000 stories are three days of a large portal's news, ten of a
 * regional newsroom's; a word they hold fewer than ten results for is searched in the whole archive.
 */
export const DEFAULT_RECENT_SEARCH_ARTICLES = 1000;

/** `shards.json`: the shards newest first, how many of them the first search reads, and from when. */
export interface ShardManifest {
  readonly shards: readonly string[];
  /** The newest `recent` shards are searched first; the others on demand. */
  readonly recent: number;
  /** WIB date (`2024-11-01`) of the oldest story in the recent shards; absent when they are the whole archive. */
  readonly since?: string;
  /**
   * Each shard's Pagefind `metaCacheTag`, in the order of `shards`: its index's language hashes,
   * which change whenever its index does. Pagefind asks for `pagefind-entry.json?ts=<tag>`, and
   * without a tag for `?ts=<the time>`, a URL nobody can fetch ahead of it.
   */
  readonly tags: readonly string[];
  /**
   * The files, relative to the bundle folder, that the recent shards read before their first
   * search: the WebAssembly, and each shard's entry, metadata and filters. The search page asks for
   * them all at once (`<link rel="preload">`) instead of in Pagefind's chain of round trips.
   */
  readonly preload: readonly string[];
}

/** Pagefind's file naming a shard's index: its languages, their metadata files and WebAssembly. */
export const SHARD_ENTRY_FILE = 'pagefind-entry.json';
