import { pathToFileURL } from 'node:url';
import path from 'node:path';

/** A search result as Pagefind's browser API returns it, with its data loaded. */
export interface LoadedResult {
  readonly url: string;
  readonly excerpt: string;
  readonly content: string;
  readonly meta: Record<string, string>;
  readonly filters: Record<string, string[]>;
}

interface PagefindModule {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(
    term: string | null,
    o?: Record<string, unknown>,
  ): Promise<{ results: { data(): Promise<LoadedResult> }[]; totalFilters: Record<string, Record<string, number>> }>;
  filters(): Promise<Record<string, Record<string, number>>>;
  destroy(): Promise<void>;
}

/**
 * Pagefind's own browser bundle (`pagefind.js` from a written bundle) run in Node, on the main
 * thread, fetching its index over HTTP from `baseUrl` (a static server of the bundle's parent).
 * The same code the search page runs, without a browser.
 */
export async function openPagefind(bundleDir: string, baseUrl: string): Promise<{
  search(term: string, options?: Record<string, unknown>): Promise<{ results: LoadedResult[]; totalFilters: Record<string, Record<string, number>> }>;
  close(): Promise<void>;
}> {
  const href = `${pathToFileURL(path.join(bundleDir, 'pagefind.js')).href}?t=${Date.now()}`;
  const pagefind = (await import(/* @vite-ignore */ href)) as PagefindModule;
  await pagefind.options({ basePath: `${baseUrl}/pagefind/`, noWorker: true });
  await pagefind.init();
  // As the search page does: load the filter index, so every search counts results per filter.
  await pagefind.filters();
  return {
    async search(term, options = {}) {
      const response = await pagefind.search(term, options);
      return { results: await Promise.all(response.results.map((r) => r.data())), totalFilters: response.totalFilters };
    },
    close: () => pagefind.destroy(),
  };
}
