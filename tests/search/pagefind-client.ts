import { pathToFileURL } from 'node:url';
import fs from 'node:fs';
import path from 'node:path';
import { SEARCH_SCRIPT, SHARD_MANIFEST, type ShardManifest } from '../../src/lib/search/fields.ts';
import { openShards, type CreateInstance, type PagefindApi } from '../../src/lib/search/sharded-search.ts';

/** A search result as Pagefind's browser API returns it, with its data loaded. */
export interface LoadedResult {
  readonly url: string;
  readonly excerpt: string;
  readonly content: string;
  readonly meta: Record<string, string>;
  readonly filters: Record<string, string[]>;
}

interface PagefindInstance {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(
    term: string | null,
    o?: Record<string, unknown>,
  ): Promise<{ results: { data(): Promise<LoadedResult> }[]; totalFilters: Record<string, Record<string, number>> }>;
  filters(): Promise<Record<string, Record<string, number>>>;
  destroy(): Promise<void>;
}

interface PagefindModule {
  createInstance(options: Record<string, unknown>): PagefindInstance;
}

/**
 * Pagefind's own browser code (the bundle's `pagefind.js`, with an instance for each shard
 * listed in `shards.json`) run in Node, on the main thread, fetching their indexes over HTTP from
 * `baseUrl` (a static server of the bundle folder's parent), and joined as the search page joins
 * them. The same code the search page runs, without a browser.
 */
export async function openPagefind(
  bundleDir: string,
  baseUrl: string,
): Promise<{
  search(
    term: string,
    options?: Record<string, unknown>,
  ): Promise<{ results: LoadedResult[]; totalFilters: Record<string, Record<string, number>> }>;
  close(): Promise<void>;
}> {
  const { shards, tags } = JSON.parse(fs.readFileSync(path.join(bundleDir, SHARD_MANIFEST), 'utf8')) as ShardManifest;
  // As the search page does: the bundle's one pagefind.js opens every shard (openShards), here on
  // the main thread.
  const [newest] = shards;
  const modules: PagefindInstance[] = [];
  const module =
    newest === undefined
      ? undefined
      : ((await import(
          /* @vite-ignore */ `${pathToFileURL(path.join(bundleDir, SEARCH_SCRIPT)).href}?t=${Date.now()}`
        )) as PagefindModule);
  const createInstance: CreateInstance<LoadedResult> = (options) => {
    const instance = module!.createInstance({ ...options, noWorker: true });
    modules.push(instance);
    return instance as unknown as PagefindApi<LoadedResult>;
  };
  const pagefind = await openShards(
    createInstance,
    shards.map((name, i) => ({
      basePath: `${baseUrl}/${path.basename(bundleDir)}/${name}/`,
      metaCacheTag: tags[i],
    })),
  );
  await pagefind.init();
  // As the search page does: load the filter index, so every search counts results per filter.
  await pagefind.filters();
  return {
    async search(term, options = {}) {
      const response = await pagefind.search(term, options);
      if (!response) throw new Error(`search for "${term}" was superseded`);
      return {
        results: await Promise.all(response.results.map((r) => r.data())),
        totalFilters: response.totalFilters as Record<string, Record<string, number>>,
      };
    },
    close: async () => {
      await Promise.all(modules.map((m) => m.destroy()));
    },
  };
}
