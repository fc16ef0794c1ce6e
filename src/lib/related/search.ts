// One search: walk the focused article's posting lists accumulating partial
// dot products (score-at-a-time) and shared-term counts, keep the candidates
// whose topical similarity (text and tags) reaches the minimum and that share
// enough terms or a tag, and rank those by the full score, where category and
// recency join in. Touching only listed articles is what keeps the whole run
// near-linear in the archive size.
import type { RelatedConfig } from './config.ts';
import type { TagIndex, TermPostings } from './postings.ts';
import type { Scorer } from './score.ts';
import { TopK } from './top-k.ts';
import type { TermVectors } from './vectors.ts';

/** Finalized tables a search reads. */
export interface SearchTables {
  readonly vectors: TermVectors;
  readonly termPostings: TermPostings;
  readonly tags: TagIndex;
  readonly tieRanks: Uint32Array;
  readonly scorer: Scorer;
}

/** The config fields a search reads (see config.ts). */
export type SearchSettings = Pick<RelatedConfig, 'rescoreDepth' | 'minSimilarity' | 'minSharedTerms'>;

/** Runs searches over one finalized index, reusing its scratch buffers (not re-entrant). */
export class Searcher {
  readonly #tables: SearchTables;
  readonly #rescoreDepth: number;
  readonly #minSimilarity: number;
  readonly #minSharedTerms: number;
  // seen[d] === stamp: d was met (or excluded) in the current search, so its
  // accumulators are live; stamps avoid clearing n-sized arrays per search.
  readonly #seen: Uint32Array;
  readonly #textDot: Float64Array;
  readonly #tagDot: Float64Array;
  // Posting lists of the focused article's terms that listed the candidate: on complete lists, the
  // number of indexed terms the two share (at most termsPerDocument <= 1000).
  readonly #termHits: Uint16Array;
  readonly #candidates: Uint32Array;
  #stamp = 0;
  #shortlist: TopK;

  /**
   * `minSimilarity`: candidates whose topical similarity (weighted text + tag cosines, before the
   * category and recency boosts) is below it are never offered, whatever their score. `minSharedTerms`:
   * nor are candidates sharing fewer of the focused article's indexed terms and no tag (see config.ts).
   */
  constructor(tables: SearchTables, documents: number, settings: SearchSettings) {
    this.#tables = tables;
    this.#rescoreDepth = settings.rescoreDepth;
    this.#minSimilarity = settings.minSimilarity;
    this.#minSharedTerms = settings.minSharedTerms;
    this.#seen = new Uint32Array(documents);
    this.#textDot = new Float64Array(documents);
    this.#tagDot = new Float64Array(documents);
    this.#termHits = new Uint16Array(documents);
    this.#candidates = new Uint32Array(documents);
    this.#shortlist = new TopK(Math.max(1, settings.rescoreDepth));
  }

  /**
   * Fills `best` with the best-scoring related documents of `doc` among those whose topical
   * similarity is at least `minSimilarity` and that share at least `minSharedTerms` indexed terms or
   * a tag with it, never `doc` or an `excluded` id; `best` may stay short, even empty.
   */
  search(doc: number, excluded: Iterable<number>, best: TopK): void {
    const { vectors, termPostings, tags, scorer } = this.#tables;
    const seen = this.#seen;
    const textDot = this.#textDot;
    const tagDot = this.#tagDot;
    const termHits = this.#termHits;
    const candidates = this.#candidates;
    const stamp = this.#nextStamp();
    seen[doc] = stamp;
    for (const id of excluded) seen[id] = stamp;
    let count = 0;
    // Partial sums are exact unless a list this article uses was capped or dropped.
    let approximate = false;

    for (let i = vectors.start[doc] ?? 0; i < (vectors.start[doc + 1] ?? 0); i++) {
      const term = vectors.terms[i] ?? 0;
      const queryWeight = vectors.weights[i] ?? 0;
      if (termPostings.limited[term] === 1) approximate = true;
      for (let p = termPostings.start[term] ?? 0; p < (termPostings.start[term + 1] ?? 0); p++) {
        const candidate = termPostings.docs[p] ?? 0;
        const product = queryWeight * (termPostings.weights[p] ?? 0);
        if (seen[candidate] === stamp) {
          textDot[candidate] = (textDot[candidate] ?? 0) + product;
          termHits[candidate] = (termHits[candidate] ?? 0) + 1;
        } else {
          seen[candidate] = stamp;
          textDot[candidate] = product;
          tagDot[candidate] = 0;
          termHits[candidate] = 1;
          candidates[count++] = candidate;
        }
      }
    }
    for (let i = tags.start[doc] ?? 0; i < (tags.start[doc + 1] ?? 0); i++) {
      const tag = tags.tags[i] ?? 0;
      if (tags.postings.limited[tag] === 1) approximate = true;
      const squared = (tags.idf[tag] ?? 0) ** 2;
      for (let p = tags.postings.start[tag] ?? 0; p < (tags.postings.start[tag + 1] ?? 0); p++) {
        const candidate = tags.postings.docs[p] ?? 0;
        if (seen[candidate] === stamp) {
          tagDot[candidate] = (tagDot[candidate] ?? 0) + squared;
        } else {
          seen[candidate] = stamp;
          textDot[candidate] = 0;
          tagDot[candidate] = squared;
          termHits[candidate] = 0;
          candidates[count++] = candidate;
        }
      }
    }

    scorer.focus(doc);
    try {
      if (approximate) this.#rankApproximate(count, best);
      else this.#rankExact(count, best);
    } finally {
      scorer.release();
    }
  }

  // Every list was complete, so the partial sums are the exact dot products, the hit counts the
  // exact numbers of shared terms, and a positive tag sum a shared tag.
  #rankExact(count: number, best: TopK): void {
    const { tieRanks, scorer } = this.#tables;
    const candidates = this.#candidates;
    const textDot = this.#textDot;
    const tagDot = this.#tagDot;
    const termHits = this.#termHits;
    const recencyBound = scorer.recencyWeight;
    const minSimilarity = this.#minSimilarity;
    const minSharedTerms = this.#minSharedTerms;
    for (let k = 0; k < count; k++) {
      const candidate = candidates[k] ?? 0;
      // One shared word and no tag: too little evidence, however rare the word.
      if ((termHits[candidate] ?? 0) < minSharedTerms && (tagDot[candidate] ?? 0) === 0) continue;
      const similarity = scorer.similarityFrom(candidate, textDot[candidate] ?? 0, tagDot[candidate] ?? 0);
      // Not on the topic: no category or recency boost can make up for it.
      if (similarity < minSimilarity) continue;
      const base = scorer.withCategory(candidate, similarity);
      // Cannot reach the kept set even with full recency: skip the exp().
      if (base + recencyBound < best.threshold) continue;
      best.offer(candidate, base + scorer.recency(candidate), tieRanks[candidate] ?? 0);
    }
  }

  // A capped or dropped list made the partial sums undercount: shortlist by the
  // partial score without recency (text, tags, category), then check the exact
  // similarity and shared terms and tags from the full vectors against the
  // minimums and rank the survivors by the exact score, where recency re-ranks.
  #rankApproximate(count: number, best: TopK): void {
    const { tieRanks, scorer } = this.#tables;
    const candidates = this.#candidates;
    const textDot = this.#textDot;
    const tagDot = this.#tagDot;
    const shortlist = this.#shortlistFor(best.ids.length);
    for (let k = 0; k < count; k++) {
      const candidate = candidates[k] ?? 0;
      const similarity = scorer.similarityFrom(candidate, textDot[candidate] ?? 0, tagDot[candidate] ?? 0);
      const base = scorer.withCategory(candidate, similarity);
      if (base >= shortlist.threshold) shortlist.offer(candidate, base, tieRanks[candidate] ?? 0);
    }
    // The minimums apply to exact values only: partial sums and hit counts undercount (a capped list
    // may leave the candidate out), so they cannot rule a candidate out of the shortlist.
    for (let k = 0; k < shortlist.size; k++) {
      const candidate = shortlist.ids[k] ?? 0;
      const similarity = scorer.similarity(candidate);
      if (similarity < this.#minSimilarity) continue;
      if (scorer.sharedTerms(candidate) < this.#minSharedTerms && !scorer.sharesTag(candidate)) continue;
      const score = scorer.withCategory(candidate, similarity) + scorer.recency(candidate);
      best.offer(candidate, score, tieRanks[candidate] ?? 0);
    }
  }

  #shortlistFor(limit: number): TopK {
    const capacity = Math.max(limit, this.#rescoreDepth);
    if (this.#shortlist.ids.length !== capacity) this.#shortlist = new TopK(capacity);
    this.#shortlist.clear();
    return this.#shortlist;
  }

  #nextStamp(): number {
    if (this.#stamp === 0xffffffff) {
      this.#seen.fill(0);
      this.#stamp = 0;
    }
    return ++this.#stamp;
  }
}
