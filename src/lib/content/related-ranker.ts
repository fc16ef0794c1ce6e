import { createRelatedIndex, type RelatedConfig, type RelatedIndexOptions } from '../related/index.ts';
import type { RelatedRanker } from './rank-related-articles.ts';

/**
 * Adapts the related-articles index to the build: index every article once, then search per
 * article. `options.termCache` keeps the articles' counted terms between builds.
 */
export function createRelatedRanker(config: RelatedConfig, options: RelatedIndexOptions = {}): RelatedRanker {
  return (documents) => {
    const index = createRelatedIndex(config, options);
    for (const document of documents) index.add(document);
    index.finalize();
    return (slug, exclude) => index.search(slug, { exclude, limit: config.limit }).map((match) => match.slug);
  };
}
