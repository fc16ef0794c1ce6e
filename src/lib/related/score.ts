// The full weighted score of one candidate against the article being searched:
// text cosine + tag cosine (the topical similarity, which the minimum applies
// to) + same category + recency decay. Candidate generation decides who is
// scored; this decides who passes and the order.
import type { RelatedConfig } from './config.ts';
import type { TagIndex } from './postings.ts';
import type { TermVectors } from './vectors.ts';

const DAY_MS = 86_400_000;

/** Recency signal: 1 for the same instant, halving every `halfLifeDays` of |gap| (gap in ms). */
export function recencyDecay(gapMs: number, halfLifeDays: number): number {
  return Math.exp(-decayRate(halfLifeDays) * Math.abs(gapMs));
}

// One expression for the rate, shared with the scorer, so both round alike.
function decayRate(halfLifeDays: number): number {
  return Math.LN2 / (halfLifeDays * DAY_MS);
}

/** Finalized per-document data the scorer reads. */
export interface ScoringTables {
  readonly vectors: TermVectors;
  readonly tags: TagIndex;
  readonly categories: Int32Array;
  readonly times: Float64Array;
  readonly termCount: number;
}

/**
 * Scores candidates against one focused document at a time. A score is built in two stages, always
 * summed in this order so equal inputs give bit-equal results: the topical similarity (weighted text
 * cosine + weighted tag cosine, what `minSimilarity` is compared with), then the category and recency
 * boosts, which only order stories that already pass.
 */
export interface Scorer {
  /** Makes `doc` the article candidates are compared with. */
  focus(doc: number): void;
  /** Exact topical similarity of `candidate` (weighted text and tag cosines), from the full vectors. */
  similarity(candidate: number): number;
  /**
   * Topical similarity from partial sums gathered off posting lists: `textDot` (term weight products)
   * and `tagDot` (shared tags' squared IDF).
   */
  similarityFrom(candidate: number, textDot: number, tagDot: number): number;
  /**
   * Terms of the focused article's vector also in `candidate`'s, counted from the full vectors (a
   * shared term is a nonzero product), so exact even where a posting list was capped.
   */
  sharedTerms(candidate: number): number;
  /** Whether `candidate` carries one of the focused article's tags, from the full tag lists. */
  sharesTag(candidate: number): boolean;
  /** `similarity` plus the weighted same-category signal: the score without its recency term. */
  withCategory(candidate: number, similarity: number): number;
  /** The weighted recency term; at most `recencyWeight`, so a search can skip exp() for hopeless candidates. */
  recency(candidate: number): number;
  /** Upper bound of recency(). */
  readonly recencyWeight: number;
  /** Clears what focus() set up; call before focusing another article. */
  release(): void;
}

/** Creates a scorer over `tables`; it reuses dense scratch arrays, so it is not re-entrant. */
export function createScorer(config: RelatedConfig, tables: ScoringTables): Scorer {
  const { vectors, tags, categories, times } = tables;
  const { text: textWeight, tags: tagWeight, category: categoryWeight, recency: recencyWeight } = config.weights;
  const decayPerMs = decayRate(config.halfLifeDays);
  // The focused article's weights scattered by term/tag id make each candidate's
  // dot product a walk over its own short vector, with no merge or hashing.
  const termScratch = new Float32Array(tables.termCount);
  const tagScratch = new Float64Array(tags.idf.length);
  let focused = -1;
  let focusedTagNorm = 0;
  let focusedCategory = -1;
  let focusedTime = 0;

  const scatter = (doc: number, clear: boolean): void => {
    for (let i = vectors.start[doc] ?? 0; i < (vectors.start[doc + 1] ?? 0); i++) {
      termScratch[vectors.terms[i] ?? 0] = clear ? 0 : (vectors.weights[i] ?? 0);
    }
    for (let i = tags.start[doc] ?? 0; i < (tags.start[doc + 1] ?? 0); i++) {
      const tag = tags.tags[i] ?? 0;
      tagScratch[tag] = clear ? 0 : (tags.idf[tag] ?? 0);
    }
  };

  const similarityFrom = (candidate: number, textDot: number, tagDot: number): number => {
    const tagCosine = tagDot > 0 ? tagDot / (focusedTagNorm * (tags.norms[candidate] ?? 0)) : 0;
    return textWeight * textDot + tagWeight * tagCosine;
  };
  const withCategory = (candidate: number, similarity: number): number => {
    const sameCategory = focusedCategory >= 0 && categories[candidate] === focusedCategory ? 1 : 0;
    return similarity + categoryWeight * sameCategory;
  };
  const recency = (candidate: number): number =>
    recencyWeight * Math.exp(-decayPerMs * Math.abs((times[candidate] ?? 0) - focusedTime));

  return {
    focus(doc) {
      if (focused !== -1) throw new Error('related: scorer is already focused');
      focused = doc;
      focusedTagNorm = tags.norms[doc] ?? 0;
      focusedCategory = categories[doc] ?? -1;
      focusedTime = times[doc] ?? 0;
      scatter(doc, false);
    },
    similarity(candidate) {
      let textDot = 0;
      for (let i = vectors.start[candidate] ?? 0; i < (vectors.start[candidate + 1] ?? 0); i++) {
        textDot += (termScratch[vectors.terms[i] ?? 0] ?? 0) * (vectors.weights[i] ?? 0);
      }
      let tagDot = 0;
      for (let i = tags.start[candidate] ?? 0; i < (tags.start[candidate + 1] ?? 0); i++) {
        const tag = tags.tags[i] ?? 0;
        tagDot += (tagScratch[tag] ?? 0) * (tags.idf[tag] ?? 0);
      }
      return similarityFrom(candidate, textDot, tagDot);
    },
    similarityFrom,
    sharedTerms(candidate) {
      let shared = 0;
      for (let i = vectors.start[candidate] ?? 0; i < (vectors.start[candidate + 1] ?? 0); i++) {
        // Vector weights are positive, so only the focused article's terms are nonzero here.
        if ((termScratch[vectors.terms[i] ?? 0] ?? 0) * (vectors.weights[i] ?? 0) !== 0) shared++;
      }
      return shared;
    },
    sharesTag(candidate) {
      for (let i = tags.start[candidate] ?? 0; i < (tags.start[candidate + 1] ?? 0); i++) {
        // A shared tag is on two articles at least, so its IDF is positive.
        if ((tagScratch[tags.tags[i] ?? 0] ?? 0) !== 0) return true;
      }
      return false;
    },
    withCategory,
    recency,
    recencyWeight,
    release() {
      if (focused === -1) return;
      scatter(focused, true);
      focused = -1;
    },
  };
}
