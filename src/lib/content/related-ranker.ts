import { createRelatedIndex, type RelatedConfig } from '../related/index.ts';
import type { RelatedRanker } from './rank-related-articles.ts';

/** Adapts the related-articles index to the build: index every article once, then search per article. */
export function createRelatedRanker(config: RelatedConfig): RelatedRanker {
  return (documents) => {
    const index = createRelatedIndex(config);
    for (const document of documents) index.add(document);
    index.finalize();
    return (slug, exclude) => index.search(slug, { exclude, limit: config.limit }).map((match) => match.slug);
  };
}
