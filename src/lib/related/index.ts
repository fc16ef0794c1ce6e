// "Berita Terkait": related articles from text, tags, category and time.
// Public surface of src/lib/related; everything else in the folder is internal.
export type { RelatedConfig, RelatedConfigInput } from './config.ts';
export { defaultRelatedConfig, parseRelatedConfig, relatedConfigSchema, relatedWeightsSchema } from './config.ts';
export { foldLabel, foldText } from './fold.ts';
export type { RelatedIndexOptions } from './inverted-index.ts';
export { createRelatedIndex } from './inverted-index.ts';
export type { RelatedState } from './incremental.ts';
export { lastRanking } from './incremental.ts';
export type { TermCacheOptions } from './term-cache.ts';
export { termCacheWritten } from './term-cache.ts';
export type { RankRelatedOptions } from './rank.ts';
export { rankRelated } from './rank.ts';
export { recencyDecay } from './score.ts';
export { INDONESIAN_STOPWORDS } from './stopwords.ts';
export type { TokenizeOptions, TokenVisitor } from './tokenize.ts';
export { forEachToken, tokenize } from './tokenize.ts';
export type { ParallelOptions } from './shared-search.ts';
export type {
  RelatedDocument,
  RelatedIndex,
  RelatedIndexStats,
  RelatedMatch,
  RelatedSearchOptions,
  RelatedSearchRequest,
} from './types.ts';
