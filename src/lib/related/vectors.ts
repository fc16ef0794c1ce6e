// Turns raw term counts into each document's signature: its strongest TF-IDF
// terms, L2-normalised. The same short vector drives candidate generation
// (index keys) and scoring (cosine), so a score costs ~termsPerDocument
// multiply-adds whatever the article's length.
import type { RawCorpus } from './intake.ts';
import { TopK } from './top-k.ts';

/** Per-document sparse unit vectors: document d owns entries start[d] .. start[d+1]. */
export interface TermVectors {
  readonly start: Uint32Array;
  readonly terms: Uint32Array;
  readonly weights: Float32Array;
}

/**
 * Builds each document's top-`termsPerDocument` TF-IDF vector from the raw counts, with `idf` per
 * term id (see frozen.ts).
 */
export function buildTermVectors(raw: RawCorpus, termsPerDocument: number, idf: Float64Array): TermVectors {
  const documents = raw.slugs.length;
  const start = new Uint32Array(documents + 1);
  const terms = new Uint32Array(documents * termsPerDocument);
  const weights = new Float32Array(documents * termsPerDocument);
  const best = new TopK(termsPerDocument);
  let out = 0;
  for (let d = 0; d < documents; d++) {
    start[d] = out;
    const from = raw.termStart[d] ?? 0;
    const to = raw.termStart[d + 1] ?? 0;
    out += termVector(raw.termIds, raw.termCounts, from, to, idf, best, terms, weights, out);
  }
  start[documents] = out;
  return { start, terms: terms.slice(0, out), weights: weights.slice(0, out) };
}

/**
 * One document's vector, from its distinct terms ids[from..to) (in order of first sight in the story)
 * and their counts: written to `terms`/`weights` at `at`; returns its length. Terms of equal weight
 * are ordered by where the story first uses them, earlier first (a story says what matters first),
 * and so are those that tie for the last place: the vector is then the same whatever ids the terms
 * have, so a story counted after the archive (the publish server's update, incremental.ts) gets the
 * vector a clean build gives it.
 */
export function termVector(
  ids: Uint32Array,
  counts: Float32Array,
  from: number,
  to: number,
  idf: Float64Array,
  best: TopK,
  terms: Uint32Array,
  weights: Float32Array,
  at: number,
): number {
  best.clear();
  for (let i = from; i < to; i++) {
    const term = ids[i] ?? 0;
    const termIdf = idf[term] ?? 0;
    if (termIdf === 0) continue;
    // log1p: sublinear like 1 + ln(tf) but positive for fractional field-weighted counts.
    best.offer(term, Math.log1p(counts[i] ?? 0) * termIdf, i - from);
  }
  let norm = 0;
  for (let k = 0; k < best.size; k++) norm += (best.keys[k] ?? 0) ** 2;
  norm = Math.sqrt(norm);
  for (let k = 0; k < best.size; k++) {
    terms[at + k] = best.ids[k] ?? 0;
    weights[at + k] = (best.keys[k] ?? 0) / norm;
  }
  return best.size;
}
