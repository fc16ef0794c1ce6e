// Posting lists for candidate generation. Both are bounded so that one search
// visits at most termsPerDocument × maxPostingsPerTerm + tags × maxPostingsPerTag
// articles, however large the archive: no pass is ever O(n) per article.
import { TopK } from './top-k.ts';
import { releaseBytes } from '../storage/release-bytes.ts';
import type { TermVectors } from './vectors.ts';

/** Documents listed per key: key k owns docs[start[k] .. start[k+1]). */
export interface Postings {
  readonly start: Uint32Array;
  readonly docs: Uint32Array;
  /** 1 for a key whose list was cut or dropped because it exceeded the bound. */
  readonly limited: Uint8Array;
  /** How many keys are limited. */
  readonly limitedCount: number;
}

/** Term postings also carry the document's (unit-vector) weight for the term. */
export interface TermPostings extends Postings {
  readonly weights: Float32Array;
}

/** Tag data for scoring and candidate generation. */
export interface TagIndex {
  /** Document d's distinct tag ids are tags[start[d] .. start[d+1]). */
  readonly start: Uint32Array;
  readonly tags: Uint32Array;
  /** IDF per tag id; 0 for a tag on a single article. */
  readonly idf: Float64Array;
  /** Euclidean norm of each document's IDF-weighted tag vector. */
  readonly norms: Float64Array;
  readonly postings: Postings;
}

/**
 * Inverts the term vectors, keeping per term only the `maxPostings` documents in which it
 * weighs most (a "champion list"), ties by `tieRanks`.
 */
export function buildTermPostings(
  vectors: TermVectors,
  termCount: number,
  maxPostings: number,
  tieRanks: Uint32Array,
): TermPostings {
  const fullStart = new Uint32Array(termCount + 1);
  for (const term of vectors.terms) fullStart[term + 1] = (fullStart[term + 1] ?? 0) + 1;
  for (let t = 0; t < termCount; t++) fullStart[t + 1] = (fullStart[t + 1] ?? 0) + (fullStart[t] ?? 0);
  const fill = fullStart.slice(0, termCount);
  const fullDocs = new Uint32Array(vectors.terms.length);
  const fullWeights = new Float32Array(vectors.terms.length);
  const documents = vectors.start.length - 1;
  for (let d = 0; d < documents; d++) {
    for (let i = vectors.start[d] ?? 0; i < (vectors.start[d + 1] ?? 0); i++) {
      const term = vectors.terms[i] ?? 0;
      const at = fill[term] ?? 0;
      fullDocs[at] = d;
      fullWeights[at] = vectors.weights[i] ?? 0;
      fill[term] = at + 1;
    }
  }
  // Over-common terms keep their champions rather than being dropped outright,
  // so an article whose every strong term is common still finds neighbours.
  const start = new Uint32Array(termCount + 1);
  const kept = Math.min(fullDocs.length, termCount * maxPostings);
  const docs = new Uint32Array(kept);
  const weights = new Float32Array(kept);
  const limited = new Uint8Array(termCount);
  const champions = new TopK(maxPostings);
  let out = 0;
  let limitedCount = 0;
  for (let t = 0; t < termCount; t++) {
    start[t] = out;
    const from = fullStart[t] ?? 0;
    const to = fullStart[t + 1] ?? 0;
    if (to - from <= maxPostings) {
      docs.set(fullDocs.subarray(from, to), out);
      weights.set(fullWeights.subarray(from, to), out);
      out += to - from;
      continue;
    }
    limited[t] = 1;
    limitedCount++;
    champions.clear();
    for (let i = from; i < to; i++) {
      const doc = fullDocs[i] ?? 0;
      champions.offer(doc, fullWeights[i] ?? 0, tieRanks[doc] ?? 0);
    }
    for (let k = 0; k < champions.size; k++) {
      docs[out] = champions.ids[k] ?? 0;
      weights[out] = champions.keys[k] ?? 0;
      out++;
    }
  }
  start[termCount] = out;
  // Every posting of every term, 19 MB at 100,000 articles, copied from on every publish.
  releaseBytes(fullDocs);
  releaseBytes(fullWeights);
  return { start, docs: docs.slice(0, out), weights: weights.slice(0, out), limited, limitedCount };
}

/** Each document's distinct tags: document d's are tags[start[d] .. start[d+1]). */
export interface DocumentTags {
  readonly start: Uint32Array;
  readonly tags: Uint32Array;
  readonly tagCount: number;
}

/**
 * Lists, per tag, the documents carrying it, and weighs each document's tags by `idf` (per tag id,
 * see frozen.ts). A tag on more than `maxPostings` articles is too common to propose candidates (as
 * with Hugo's cardinality threshold) but still counts when scoring.
 */
export function buildTagIndex(documentTags: DocumentTags, maxPostings: number, idf: Float64Array): TagIndex {
  const { start, tags, tagCount } = documentTags;
  const documents = start.length - 1;
  const frequency = new Uint32Array(tagCount);
  for (const tag of tags) frequency[tag] = (frequency[tag] ?? 0) + 1;
  const postingStart = new Uint32Array(tagCount + 1);
  const limited = new Uint8Array(tagCount);
  let limitedCount = 0;
  for (let g = 0; g < tagCount; g++) {
    const f = frequency[g] ?? 0;
    const listed = f >= 2 && f <= maxPostings;
    if (f > maxPostings) {
      limited[g] = 1;
      limitedCount++;
    }
    postingStart[g + 1] = (postingStart[g] ?? 0) + (listed ? f : 0);
  }
  const fill = postingStart.slice(0, tagCount);
  const docs = new Uint32Array(postingStart[tagCount] ?? 0);
  const norms = new Float64Array(documents);
  for (let d = 0; d < documents; d++) {
    let norm = 0;
    for (let i = start[d] ?? 0; i < (start[d + 1] ?? 0); i++) {
      const tag = tags[i] ?? 0;
      norm += (idf[tag] ?? 0) ** 2;
      const at = fill[tag] ?? 0;
      if (at < (postingStart[tag + 1] ?? 0)) {
        docs[at] = d;
        fill[tag] = at + 1;
      }
    }
    norms[d] = Math.sqrt(norm);
  }
  return {
    start: start.slice(),
    tags: tags.slice(),
    idf,
    norms,
    postings: { start: postingStart, docs, limited, limitedCount },
  };
}
