import { createRelatedIndex, type RelatedConfig, type RelatedIndexOptions } from '../related/index.ts';
import type { RelatedRanker } from './rank-related-articles.ts';

/**
 * Adapts the related-articles index to the build: index every article once, then search for every
 * article at once. `options.termCache` keeps the articles' counted terms between builds, and
 * `options.parallel` runs the searches on worker threads too.
 */
export function createRelatedRanker(config: RelatedConfig, options: RelatedIndexOptions = {}): RelatedRanker {
  return (documents) => {
    const index = createRelatedIndex(config, options);
    for (const document of documents) index.add(document);
    index.finalize();
    return (requests) => index.searchMany(requests, config.limit).map((matches) => matches.map((m) => m.slug));
  };
}
