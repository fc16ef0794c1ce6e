/**
 * The archive's search index is several Pagefind bundles (shards.ts); this joins them into one
 * object with the Pagefind API the search page uses. Runs in the browser and in tests.
 *
 * Pagefind's own `mergeIndex` is not used: it orders merged results by score even when a sort is
 * asked for, which would break "Terbaru" across shards. Shards hold adjacent date ranges and are
 * listed newest first, so for a date sort their results, each already sorted, are concatenated.
 */

/** Counts per value of each filter, e.g. `{ kategori: { Nasional: 3 } }`. */
export type FilterCounts = Record<string, Record<string, number> | undefined>;

/** Search options as the search page passes them to Pagefind. */
export interface SearchOptions {
  readonly filters?: Record<string, string>;
  readonly sort?: Record<string, 'asc' | 'desc'>;
}

/** One result, with its data loaded on demand. */
export interface PagefindResult<Data = unknown> {
  readonly id: string;
  readonly score: number;
  data(): Promise<Data>;
}

export interface PagefindResponse<Data = unknown> {
  readonly results: readonly PagefindResult<Data>[];
  /** Counts per filter value for this query without the filters applied. */
  readonly totalFilters: FilterCounts;
  readonly unfilteredResultCount: number;
}

/** The parts of Pagefind's browser API (pagefind.js, which has no published types) the search page uses. */
export interface PagefindApi<Data = unknown> {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  /** Loads the filter index (so searches report counts per filter) and returns the counts over all articles. */
  filters(): Promise<FilterCounts>;
  /** `null` when a newer search superseded this one. */
  search(term: string, options?: SearchOptions): Promise<PagefindResponse<Data> | null>;
}

/**
 * Pagefind's `createInstance`: an independent index at `basePath`. `metaCacheTag` replaces the
 * time in its entry file's URL (`pagefind-entry.json?ts=`), so that the URL can be fetched ahead.
 */
export type CreateInstance<Data> = (options: {
  basePath: string;
  metaCacheTag?: string;
  noWorker?: boolean;
}) => PagefindApi<Data>;

/** Where a shard's bundle is, and its cache tag (shards.json). */
export interface ShardSource {
  readonly basePath: string;
  readonly metaCacheTag?: string | undefined;
}

/**
 * Opens the shard bundles `shards` (newest first) with one Pagefind module's `createInstance`
 * and joins them. The instances share the module's WebAssembly instance; a module per shard meant
 * 34 scripts, workers and WebAssembly instances at 100,000 articles.
 *
 * They run on the page's thread, not in Pagefind's web worker: the search page asks for the files
 * the newest shards read ahead with `<link rel="preload">` (issue #20: Pagefind's loading is a chain
 * of round trips, 15 of them on a slow phone network), and only the page's own requests can use
 * what it preloaded. The worker's script, one more round trip, is never fetched. What moves to the
 * page's thread is decompressing the index chunks and the WebAssembly's search; the search page's
 * benchmark in the README measures both, on a phone profile.
 *
 * Instances that start loading the shared WebAssembly at the same moment each instantiate it and
 * corrupt one another ("unreachable", "memory access out of bounds" in Chromium), so the newest
 * shard loads it first (reading its filter index needs it) and the others then reuse it.
 */
export async function openShards<Data>(
  createInstance: CreateInstance<Data>,
  shards: readonly ShardSource[],
): Promise<PagefindApi<Data>> {
  return (await openStagedShards(createInstance, shards, shards.length)).recent;
}

/** The archive's shards opened in two stages: the newest first, the others when first asked for. */
export interface StagedShards<Data> {
  /** The `recent` newest shards as one index. */
  readonly recent: PagefindApi<Data>;
  /** Whether `recent` is every shard. */
  readonly complete: boolean;
  /**
   * Every shard as one index. The first call opens the older shards and hands them to `prepare`
   * (options, init, filters, as the page did to the recent ones) before joining them; later calls
   * return the same index.
   */
  all(prepare: (older: PagefindApi<Data>) => Promise<void>): Promise<PagefindApi<Data>>;
}

/** {@link openShards} for the newest `recent` of `shards` (newest first); the others are opened only when {@link StagedShards.all} is called. */
export async function openStagedShards<Data>(
  createInstance: CreateInstance<Data>,
  shards: readonly ShardSource[],
  recent: number,
): Promise<StagedShards<Data>> {
  const [newest, ...others] = shards;
  if (newest === undefined) {
    const none = joinShards<Data>([]);
    return { recent: none, complete: true, all: () => Promise.resolve(none) };
  }
  const open = ({ basePath, metaCacheTag }: ShardSource) =>
    createInstance({ basePath, ...(metaCacheTag === undefined ? {} : { metaCacheTag }), noWorker: true });
  const first = open(newest);
  await first.filters();
  const split = Math.max(0, recent - 1);
  const newer = [first, ...others.slice(0, split).map(open)];
  const older = others.slice(split);
  const recentIndex = joinShards(newer);
  let everything: Promise<PagefindApi<Data>> | undefined;
  return {
    recent: recentIndex,
    complete: older.length === 0,
    all(prepare) {
      if (older.length === 0) return Promise.resolve(recentIndex);
      everything ??= (async () => {
        const opened = older.map(open);
        await prepare(joinShards(opened));
        return joinShards([...newer, ...opened]);
      })();
      // A failed opening may be tried again by the next search.
      everything.catch(() => (everything = undefined));
      return everything;
    },
  };
}

/** Searches `shards` (newest first) as one index; with none (a site with no articles yet) nothing is found. */
export function joinShards<Data>(shards: readonly PagefindApi<Data>[]): PagefindApi<Data> {
  return {
    async options(options) {
      await Promise.all(shards.map((s) => s.options(options)));
    },
    async init() {
      await Promise.all(shards.map((s) => s.init()));
    },
    async filters() {
      return sumCounts(await Promise.all(shards.map((s) => s.filters())));
    },
    async search(term, options = {}) {
      const responses = await Promise.all(shards.map((s) => s.search(term, options)));
      if (responses.some((r) => r === null)) return null;
      const direction = options.sort ? Object.values(options.sort)[0] : undefined;
      const ordered = responses as PagefindResponse<Data>[];
      // Oldest first: the shards' order reversed (each shard already sorts its own results).
      return mergeResponses(direction === 'asc' ? [...ordered].reverse() : ordered, direction !== undefined);
    },
  };
}

/**
 * Joins the shards' answers to one search: sorted by date, the shards' own orders one after
 * another, in the order given; by relevance, all results by score, ties in the order given.
 */
export function mergeResponses<Data>(
  responses: readonly PagefindResponse<Data>[],
  sortedByDate: boolean,
): PagefindResponse<Data> {
  const results = responses.flatMap((r) => r.results);
  if (!sortedByDate) {
    const position = new Map(results.map((r, i) => [r, i]));
    results.sort((a, b) => b.score - a.score || (position.get(a) ?? 0) - (position.get(b) ?? 0));
  }
  return {
    results,
    totalFilters: sumCounts(responses.map((r) => r.totalFilters)),
    unfilteredResultCount: responses.reduce((sum, r) => sum + r.unfilteredResultCount, 0),
  };
}

/** Adds up counts per filter value. */
export function sumCounts(all: readonly FilterCounts[]): FilterCounts {
  const total: Record<string, Record<string, number>> = {};
  for (const counts of all) {
    for (const [filter, values] of Object.entries(counts)) {
      const into = (total[filter] ??= {});
      for (const [value, count] of Object.entries(values ?? {})) into[value] = (into[value] ?? 0) + count;
    }
  }
  return total;
}
