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

/** Smoothed IDF, ln(1 + N/df): stays positive, so a term in every article still links them weakly. */
export function inverseDocumentFrequency(documents: number, frequency: number): number {
  return Math.log(1 + documents / frequency);
}

/** Builds each document's top-`termsPerDocument` TF-IDF vector from the raw counts. */
export function buildTermVectors(raw: RawCorpus, termsPerDocument: number): TermVectors {
  const documents = raw.slugs.length;
  const df = raw.termDocFrequency;
  const idf = new Float64Array(df.length);
  for (let t = 0; t < df.length; t++) {
    const frequency = df[t] ?? 0;
    // A term in a single article can link it to nothing; leaving it out also
    // keeps names and typos from diluting the vector's norm.
    idf[t] = frequency >= 2 ? inverseDocumentFrequency(documents, frequency) : 0;
  }
  const start = new Uint32Array(documents + 1);
  const terms = new Uint32Array(documents * termsPerDocument);
  const weights = new Float32Array(documents * termsPerDocument);
  const best = new TopK(termsPerDocument);
  let out = 0;
  for (let d = 0; d < documents; d++) {
    best.clear();
    const end = raw.termStart[d + 1] ?? 0;
    for (let i = raw.termStart[d] ?? 0; i < end; i++) {
      const term = raw.termIds[i] ?? 0;
      const termIdf = idf[term] ?? 0;
      if (termIdf === 0) continue;
      // log1p: sublinear like 1 + ln(tf) but positive for fractional field-weighted counts.
      best.offer(term, Math.log1p(raw.termCounts[i] ?? 0) * termIdf, term);
    }
    let norm = 0;
    for (let k = 0; k < best.size; k++) norm += (best.keys[k] ?? 0) ** 2;
    norm = Math.sqrt(norm);
    start[d] = out;
    for (let k = 0; k < best.size; k++) {
      terms[out] = best.ids[k] ?? 0;
      weights[out] = (best.keys[k] ?? 0) / norm;
      out++;
    }
  }
  start[documents] = out;
  return { start, terms: terms.slice(0, out), weights: weights.slice(0, out) };
}
