import {
  createRelatedIndex,
  type RelatedConfig,
  type RelatedIndex,
  type RelatedIndexOptions,
  termCacheWritten,
} from '../related/index.ts';
import type { RelatedRanker } from './rank-related-articles.ts';

/**
 * Adapts the related-articles index to the build: index every article once, then search for every
 * article at once. `options.termCache` keeps the articles' counted terms between builds, and
 * `options.parallel` runs the searches on worker threads too.
 *
 * `prepare()` creates the index ahead, which reads the kept terms and sizes the arrays for them: at
 * 100,000 articles that is about 250 MB of typed arrays, which V8 counts as external memory, and every
 * 64 MB of it starts a full garbage collection. Done when the index was needed, after parsing and
 * resolving, each of those collections walked a 700 MB heap for most of a second and freed next to
 * nothing; done before the articles are read, the heap is a tenth of that.
 */
export function createRelatedRanker(config: RelatedConfig, options: RelatedIndexOptions = {}): RelatedRanker {
  let prepared: RelatedIndex | undefined;
  const ranker = (documents: Parameters<RelatedRanker>[0]): ReturnType<RelatedRanker> => {
    const index = prepared ?? createRelatedIndex(config, options);
    prepared = undefined;
    for (const document of documents) index.add(document);
    index.finalize();
    return (requests) => index.searchMany(requests, config.limit).map((matches) => matches.map((m) => m.slug));
  };
  return Object.assign(ranker, {
    prepare: () => {
      prepared = createRelatedIndex(config, options);
    },
    written: async () => {
      if (options.termCache) await termCacheWritten(options.termCache);
    },
  });
}
