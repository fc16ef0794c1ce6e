import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import {
  defaultRelatedConfig,
  parseRelatedConfig,
  recencyDecay,
  relatedConfigSchema,
} from '../../src/lib/related/index.ts';

describe('related config', () => {
  it('fills every default', () => {
    expect(parseRelatedConfig()).toEqual({
      limit: 5,
      weights: { text: 1, tags: 0.5, category: 0.1, recency: 0.1 },
      minSimilarity: 0.22,
      titleWeight: 3,
      summaryWeight: 1.5,
      halfLifeDays: 30,
      termsPerDocument: 25,
      minSharedTerms: 3,
      maxPostingsPerTerm: 32,
      maxPostingsPerTag: 100,
      rescoreDepth: 25,
      minTokenLength: 3,
    });
    expect(defaultRelatedConfig).toEqual(parseRelatedConfig({}));
    expect(Object.isFrozen(defaultRelatedConfig.weights)).toBe(true);
  });

  it('merges a partial weights object with the defaults', () => {
    const config = parseRelatedConfig({ limit: 8, weights: { tags: 2 } });
    expect(config.limit).toBe(8);
    expect(config.weights).toEqual({ text: 1, tags: 2, category: 0.1, recency: 0.1 });
  });

  it.each([
    ['limit 0', { limit: 0 }, 'limit'],
    ['fractional limit', { limit: 2.5 }, 'limit'],
    ['negative weight', { weights: { text: -1 } }, 'weights.text'],
    ['zero half-life', { halfLifeDays: 0 }, 'halfLifeDays'],
    ['negative minSimilarity', { minSimilarity: -0.1 }, 'minSimilarity'],
    ['fractional termsPerDocument', { termsPerDocument: 2.5 }, 'termsPerDocument'],
    ['zero postings bound', { maxPostingsPerTerm: 0 }, 'maxPostingsPerTerm'],
    ['zero minSharedTerms', { minSharedTerms: 0 }, 'minSharedTerms'],
    ['fractional minSharedTerms', { minSharedTerms: 1.5 }, 'minSharedTerms'],
    ['minSharedTerms over termsPerDocument', { termsPerDocument: 4, minSharedTerms: 5 }, 'minSharedTerms'],
    ['all weights zero', { weights: { text: 0, tags: 0, category: 0, recency: 0 } }, 'weights'],
  ])('rejects %s', (_name, input, pathText) => {
    const result = relatedConfigSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toContain(pathText);
  });

  it('rejects unknown keys so typos do not pass silently', () => {
    expect(() => parseRelatedConfig({ limt: 3 } as never)).toThrow(ZodError);
    expect(() => parseRelatedConfig({ weights: { txt: 1 } } as never)).toThrow(ZodError);
    // The old minimum on the final score, in other units: a site config still setting it must say so.
    expect(() => parseRelatedConfig({ minScore: 0.22 } as never)).toThrow(ZodError);
  });
});

describe('recencyDecay', () => {
  it('halves every half-life and ignores the sign of the gap', () => {
    const day = 86_400_000;
    expect(recencyDecay(0, 30)).toBe(1);
    expect(recencyDecay(30 * day, 30)).toBeCloseTo(0.5, 12);
    expect(recencyDecay(-60 * day, 30)).toBeCloseTo(0.25, 12);
    expect(recencyDecay(-7 * day, 14)).toBe(recencyDecay(7 * day, 14));
  });
});
