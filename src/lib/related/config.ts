// Settings for "Berita Terkait". Validated here, apart from the index, so a bad
// site config fails once at load time with a readable zod error instead of deep
// inside a build.
import { z } from 'zod';

const weight = z.number().min(0);

/** Relative weight of each signal in the final score; all default values are unitless multipliers. */
export const relatedWeightsSchema = z.strictObject({
  /** TF-IDF cosine of title+summary+body, 0..1 before weighting (multiplier; default 1). */
  text: weight.default(1),
  /** IDF-weighted cosine of the shared tags, 0..1 before weighting (multiplier; default 0.5). */
  tags: weight.default(0.5),
  /** 1 when both articles sit in the same category, else 0 (multiplier; default 0.1). */
  category: weight.default(0.1),
  /** exp-decay of the publication gap, 1 for the same instant (multiplier; default 0.1). */
  recency: weight.default(0.1),
});

/** Zod schema of the related-articles config; every field is optional and defaulted. */
export const relatedConfigSchema = z
  .strictObject({
    /** Related articles returned per article when a search gives no limit (count; default 5). */
    limit: z.number().int().min(1).max(100).default(5),
    /** Signal weights (see relatedWeightsSchema; defaults text 1, tags 0.5, category 0.1, recency 0.1). */
    weights: relatedWeightsSchema.prefault({}),
    // PLACEHOLDER
    minSimilarity: z.number().min(0).default(0.1),
    /** Multiplier on term counts from the title (occurrence multiplier; default 3). */
    titleWeight: z.number().min(0).max(100).default(3),
    /** Multiplier on term counts from the summary/lead (occurrence multiplier; default 1.5). */
    summaryWeight: z.number().min(0).max(100).default(1.5),
    /** Publication gap at which the recency signal halves (days; default 30). */
    halfLifeDays: z.number().gt(0).default(30),
    /** Strongest TF-IDF terms kept per article, both for scoring and as index keys (count; default 25). */
    termsPerDocument: z.number().int().min(1).max(1000).default(25),
    /** Postings kept per term; only the articles where the term weighs most survive (count; default 32). */
    maxPostingsPerTerm: z.number().int().min(1).default(32),
    /** A tag on more articles than this no longer proposes candidates, it only scores (count; default 100). */
    maxPostingsPerTag: z.number().int().min(1).default(100),
    /** Candidates re-scored from full vectors when a posting list was capped (count; default 25). */
    rescoreDepth: z.number().int().min(1).max(10_000).default(25),
    /** Tokens shorter than this are ignored (characters; default 3). */
    minTokenLength: z.number().int().min(1).max(20).default(3),
  })
  .refine((c) => c.weights.text + c.weights.tags + c.weights.category + c.weights.recency > 0, {
    message: 'at least one weight must be positive',
    path: ['weights'],
  });

/** Config as written by a site owner: every field optional. */
export type RelatedConfigInput = z.input<typeof relatedConfigSchema>;

/** Config after validation and defaults: what the index consumes. */
export type RelatedConfig = z.output<typeof relatedConfigSchema>;

/** Validates `input` and fills defaults; throws a ZodError on invalid values or unknown keys. */
export function parseRelatedConfig(input: RelatedConfigInput = {}): RelatedConfig {
  return relatedConfigSchema.parse(input);
}

/** The fully defaulted config. */
export const defaultRelatedConfig: RelatedConfig = freezeConfig(parseRelatedConfig());

function freezeConfig(config: RelatedConfig): RelatedConfig {
  // Shared default object: freeze it so no caller can change another's defaults.
  return Object.freeze({ ...config, weights: Object.freeze({ ...config.weights }) });
}
