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
    // The default is measured on the labelled fixture tests/fixtures/related/articles.json (48
    // articles, 6 topics; `npm run bench:related -- N` prints the table). With the default weights a
    // story of the same section published the same day gets 0.2 before any word in common
    // (category 0.1 + recency up to 0.1), and the wrong-topic stories that padded lists sat just
    // above that: 27 of the 240 computed entries were wrong, scoring 0.15 to 0.26, most 0.20 to 0.23.
    //   minScore   0     0.20  0.21  0.215 0.22  0.23  0.25  0.30
    //   precision  0.89  0.90  0.92  0.94  0.97  0.98  0.99  1.00
    //   recall     0.89  0.83  0.80  0.80  0.78  0.73  0.65  0.47
    // (recall counts a list of 5 same-topic stories as complete; see evaluate.ts.) 0.22 is the lowest
    // threshold with precision above 0.95 and the best F0.5 (0.92; precision weighs twice): it drops
    // 21 of the 27 wrong entries for 26 of the 213 right ones and leaves one list of 48 empty. Higher
    // thresholds buy little precision with a lot of recall: 0.25 cuts the wrong entries further
    // (6 to 1) but loses 32 more right ones and empties 2 lists.
    /**
     * Computed matches scoring below this are left out, even when the list ends up shorter than
     * `limit`; hand-picked `related:` entries are never subject to it (score units, the weighted sum
     * of the signals; default 0.22). Absolute, not relative to the weights: change it with them.
     */
    minScore: z.number().min(0).default(0.22),
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
