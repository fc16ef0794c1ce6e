// The related index's life cycle, after Hugo's related.InvertedIndex: add every
// article, finalize once (IDF, signatures, bounded posting lists), then search
// each article. Search generates candidates only from shared strong terms and
// shared tags, then ranks them with the full weighted score.
import type { RelatedConfig } from './config.ts';
import { defaultRelatedConfig } from './config.ts';
import { DocumentIntake } from './intake.ts';
import { buildTieRanks } from './order.ts';
import type { Postings, TagIndex } from './postings.ts';
import { buildTagIndex, buildTermPostings } from './postings.ts';
import type { Scorer } from './score.ts';
import { createScorer } from './score.ts';
import { TopK } from './top-k.ts';
import type { RelatedIndex, RelatedIndexStats, RelatedMatch, RelatedSearchOptions } from './types.ts';
import type { TermVectors } from './vectors.ts';
import { buildTermVectors } from './vectors.ts';

interface FinalIndex {
  readonly slugs: readonly string[];
  readonly slugToId: ReadonlyMap<string, number>;
  readonly vectors: TermVectors;
  readonly termPostings: Postings;
  readonly tags: TagIndex;
  readonly tieRanks: Uint32Array;
  readonly scorer: Scorer;
  readonly stats: RelatedIndexStats;
  /** seen[d] === stamp marks d as already scored or excluded in the current search. */
  readonly seen: Uint32Array;
  stamp: number;
}

function finalizeIndex(intake: DocumentIntake, config: RelatedConfig): FinalIndex {
  const raw = intake.finish();
  const termCount = raw.termDocFrequency.length;
  const tieRanks = buildTieRanks(raw.slugs, raw.times);
  const vectors = buildTermVectors(raw, config.termsPerDocument);
  const termPostings = buildTermPostings(vectors, termCount, config.maxPostingsPerTerm, tieRanks);
  const tags = buildTagIndex(raw, config.maxPostingsPerTag);
  const scorer = createScorer(config, { vectors, tags, categories: raw.categories, times: raw.times, termCount });
  const stats: RelatedIndexStats = {
    documents: raw.slugs.length,
    terms: termCount,
    cappedTerms: termPostings.overLimit,
    tags: raw.tagCount,
    droppedTags: tags.postings.overLimit,
    postings: termPostings.docs.length + tags.postings.docs.length,
  };
  const seen = new Uint32Array(raw.slugs.length);
  return { slugs: raw.slugs, slugToId: raw.slugToId, vectors, termPostings, tags, tieRanks, scorer, stats, seen, stamp: 0 };
}

function nextStamp(index: FinalIndex): number {
  if (index.stamp === 0xffffffff) {
    index.seen.fill(0);
    index.stamp = 0;
  }
  return ++index.stamp;
}

function resolveLimit(limit: number | undefined, fallback: number): number {
  const value = limit ?? fallback;
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`related: limit must be a non-negative integer, got ${value}`);
  return value;
}

function searchIndex(index: FinalIndex, doc: number, exclude: ReadonlySet<string> | undefined, best: TopK): void {
  const { vectors, termPostings, tags, tieRanks, scorer, seen, slugToId } = index;
  const stamp = nextStamp(index);
  seen[doc] = stamp;
  if (exclude !== undefined) {
    // Unknown slugs are ignored: a "Baca juga" target may be unpublished.
    for (const slug of exclude) {
      const id = slugToId.get(slug);
      if (id !== undefined) seen[id] = stamp;
    }
  }
  const visit = (postings: Postings, key: number): void => {
    for (let p = postings.start[key] ?? 0; p < (postings.start[key + 1] ?? 0); p++) {
      const candidate = postings.docs[p] ?? 0;
      if (seen[candidate] === stamp) continue;
      seen[candidate] = stamp;
      best.offer(candidate, scorer.score(candidate), tieRanks[candidate] ?? 0);
    }
  };
  scorer.focus(doc);
  try {
    for (let i = vectors.start[doc] ?? 0; i < (vectors.start[doc + 1] ?? 0); i++) visit(termPostings, vectors.terms[i] ?? 0);
    for (let i = tags.start[doc] ?? 0; i < (tags.start[doc + 1] ?? 0); i++) visit(tags.postings, tags.tags[i] ?? 0);
  } finally {
    scorer.release();
  }
}

/** Creates an empty related index for an already validated config (see parseRelatedConfig). */
export function createRelatedIndex(config: RelatedConfig = defaultRelatedConfig): RelatedIndex {
  let intake: DocumentIntake | undefined = new DocumentIntake(config);
  let final: FinalIndex | undefined;
  const defaultBest = new TopK(Math.max(1, config.limit));

  const finalized = (): FinalIndex => {
    if (final === undefined) throw new Error('related: call finalize() before search() or stats()');
    return final;
  };

  return {
    add(doc) {
      if (intake === undefined) throw new Error('related: cannot add articles after finalize()');
      intake.add(doc);
    },
    finalize() {
      if (intake === undefined) throw new Error('related: finalize() was already called');
      final = finalizeIndex(intake, config);
      intake = undefined;
    },
    search(slug: string, options: RelatedSearchOptions = {}): RelatedMatch[] {
      const index = finalized();
      const doc = index.slugToId.get(slug);
      if (doc === undefined) throw new Error(`related: unknown article "${slug}"`);
      const limit = resolveLimit(options.limit, config.limit);
      if (limit === 0) return [];
      // The common case reuses one buffer; only a custom limit allocates.
      const best = limit === config.limit ? defaultBest : new TopK(limit);
      best.clear();
      searchIndex(index, doc, options.exclude, best);
      const matches: RelatedMatch[] = [];
      for (let k = 0; k < best.size; k++) {
        matches.push({ slug: index.slugs[best.ids[k] ?? 0] ?? '', score: best.keys[k] ?? 0 });
      }
      return matches;
    },
    has(slug) {
      return intake !== undefined ? intake.has(slug) : finalized().slugToId.has(slug);
    },
    stats() {
      return finalized().stats;
    },
  };
}
