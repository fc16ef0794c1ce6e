import type { Article } from '../lib/content/article.ts';

/**
 * Article data by entry digest, handed from the content loader to the pages in memory.
 *
 * Astro's content entries carry only the article's id and digest. Astro serializes its data store
 * into one JavaScript module that every build bundles, compiles and hydrates into a second copy of
 * the data: measured on 100,000 articles, 121 MB of entry data took the Vite step to 29 s and the
 * build's peak to 7 GB. The loader and the pages of a static build (and of the dev server) run in the
 * same Node process, so the loader's own objects are shared instead. `Symbol.for` because the loader
 * and the pages load this module into different module graphs.
 *
 * Keyed by digest, like the bodies on disk, so that pages always follow Astro's entries: on the dev
 * server Astro picks up a reload a moment after the loader, and until then its entries name the
 * previous digests, which stay here.
 */
const BY_DIGEST = Symbol.for('warta.articles-by-digest');

function table(): Map<string, Article> {
  const global = globalThis as Record<symbol, Map<string, Article> | undefined>;
  return (global[BY_DIGEST] ??= new Map());
}

/** Called by the content loader for every article of a successful load. */
export function publishArticle(digest: string, article: Article): void {
  table().set(digest, article);
}

/** The data of the content entry `id` with `digest`; throws when the loader did not publish it in this process. */
export function publishedArticle(id: string, digest: string | number | undefined): Article {
  const article = digest === undefined ? undefined : table().get(String(digest));
  if (article) return article;
  const error = new Error(
    `Warta: no data for the article entry "${id}" (digest ${String(digest)}). Pages take article data from ` +
      'the content loader (src/loaders/warta-loader.ts), which must run in the same process: build with ' +
      '`astro build` or preview with `astro dev`.',
  );
  error.stack = '';
  throw error;
}
