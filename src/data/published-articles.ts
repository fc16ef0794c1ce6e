import type { Article } from '../lib/content/article.ts';
import type { BodyLocation } from '../lib/content/body-store.ts';

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
 * Keyed by digest, so that pages always follow Astro's entries: on the dev server Astro picks up a
 * reload a moment after the loader, and until then its entries name the previous digests, which
 * stay here. Each digest also has where its rendered body is on disk (body-store.ts).
 */
const BY_DIGEST = Symbol.for('warta.articles-by-digest');

interface Published {
  readonly article: Article;
  readonly body: BodyLocation;
}

function table(): Map<string, Published> {
  const global = globalThis as Record<symbol, Map<string, Published> | undefined>;
  return (global[BY_DIGEST] ??= new Map());
}

/** Called by the content loader for every article of a successful load, once its body is on disk. */
export function publishArticle(digest: string, article: Article, body: BodyLocation): void {
  table().set(digest, { article, body });
}

/** The data of the content entry `id` with `digest`; throws when the loader did not publish it in this process. */
export function publishedArticle(id: string, digest: string | number | undefined): Article {
  return published(id, digest).article;
}

/** Where the rendered body of the entry `id` with `digest` is stored; throws like {@link publishedArticle}. */
export function publishedBody(id: string, digest: string | number | undefined): BodyLocation {
  return published(id, digest).body;
}

/**
 * The published articles that `match`, one per slug (the latest load's), for error reports that
 * know only a page's URL. Goes through every article: not for the pages' own use.
 */
export function findPublishedArticles(match: (article: Article) => boolean): Article[] {
  const bySlug = new Map<string, Article>();
  for (const { article } of table().values()) if (match(article)) bySlug.set(article.slug, article);
  return [...bySlug.values()];
}

function published(id: string, digest: string | number | undefined): Published {
  const entry = digest === undefined ? undefined : table().get(String(digest));
  if (entry) return entry;
  const error = new Error(
    `Warta: no data for the article entry "${id}" (digest ${String(digest)}). Pages take article data from ` +
      'the content loader (src/loaders/warta-loader.ts), which must run in the same process: build with ' +
      '`astro build` or preview with `astro dev`.',
  );
  error.stack = '';
  throw error;
}
