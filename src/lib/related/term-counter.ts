// Per-document term counting: resolves tokens to dense integer term ids and
// sums field weights per id. State lives in closure locals rather than class
// fields because the visitors run once per token (tens of millions of times
// at archive scale) and V8 optimises locals best.
import type { GrowableFloat32Array, GrowableUint32Array } from './growable.ts';
import { scanAsciiTokens } from './scan-ascii.ts';
import { INDONESIAN_STOPWORDS } from './stopwords.ts';
import { forEachToken } from './tokenize.ts';
import { Vocabulary } from './vocabulary.ts';

/** Counts one document's terms at a time; see {@link createTermCounter}. */
export interface TermCounter {
  /** Adds `weight` per content-token occurrence in `text` to the current document. */
  count(text: string, weight: number): void;
  /** Appends the current document's distinct (term id, count) pairs and bumps document frequencies, then resets. */
  flush(ids: GrowableUint32Array, counts: GrowableFloat32Array, documentFrequency: GrowableUint32Array): void;
  /**
   * Appends a document's distinct terms as an earlier build counted them (term-cache.ts): `ids` and
   * `counts` from `from` to `to`, whose ids are positions in that build's `words`. `remap` (one slot
   * per word, -1 until the word is met) turns them into this counter's ids, giving each word not yet
   * seen the next one, as counting the text would have: the same ids, counts and frequencies.
   */
  replay(
    kept: { readonly words: readonly string[]; readonly ids: Uint32Array; readonly counts: Float32Array },
    from: number,
    to: number,
    remap: Int32Array,
    ids: GrowableUint32Array,
    counts: GrowableFloat32Array,
    documentFrequency: GrowableUint32Array,
  ): void;
  /** The words of the terms seen so far, by term id. */
  words(): string[];
  /** Distinct terms seen so far. */
  vocabularySize(): number;
}

/** Creates a counter with an empty vocabulary; tokens shorter than `minTokenLength` are ignored. */
export function createTermCounter(minTokenLength: number): TermCounter {
  // Both tokeniser paths have already dropped short words and numbers; only
  // stopwords remain to be told apart when a word is first seen.
  const vocabulary = new Vocabulary((word) => !INDONESIAN_STOPWORDS.has(word));
  // Counts by term id plus the ids touched, so a reset costs the document's
  // size rather than the vocabulary's.
  let scratch = new Float64Array(4096);
  const touched: number[] = [];
  let fieldWeight = 1;

  const visitCode = (code: number): void => {
    const id = code - 1;
    if (id >= scratch.length) {
      const bigger = new Float64Array(Math.max(scratch.length * 2, id + 1));
      bigger.set(scratch);
      scratch = bigger;
    }
    const previous = scratch[id] ?? 0;
    if (previous === 0) touched.push(id);
    scratch[id] = previous + fieldWeight;
  };
  const visitToken = (token: string): void => {
    const code = vocabulary.codeOfString(token);
    if (code !== 0) visitCode(code);
  };

  return {
    count(text, weight) {
      if (weight === 0 || text.length === 0) return;
      fieldWeight = weight;
      if (!scanAsciiTokens(text, minTokenLength, vocabulary, visitCode, visitToken))
        forEachToken(text, minTokenLength, visitToken);
    },
    flush(ids, counts, documentFrequency) {
      for (const id of touched) {
        ids.push(id);
        counts.push(scratch[id] ?? 0);
        documentFrequency.increment(id);
        scratch[id] = 0;
      }
      touched.length = 0;
    },
    replay(kept, from, to, remap, ids, counts, documentFrequency) {
      // Straight into the arrays' storage, reserved once for the story, and its counts in one copy: a
      // publish replays about 15 million terms at 100,000 articles. Against one push and increment
      // call per term, 675-680 ms instead of 740 ms for all of them, warm (scratch A/B, issue #20).
      const out = ids.reserve(to - from);
      let length = ids.length;
      for (let i = from; i < to; i++) {
        const old = kept.ids[i] ?? 0;
        let id = remap[old] ?? -1;
        if (id < 0) {
          const word = kept.words[old] ?? '';
          id = vocabulary.codeOfString(word) - 1;
          // The kept file is of this code's version, so its words are terms; anything else is a corrupt file.
          if (id < 0) throw new Error(`related: the kept term "${word}" is not a term; delete the related terms cache`);
          remap[old] = id;
          // A new term: its frequency's slot exists from here on, as increment() would make it.
          documentFrequency.increment(id, 0);
        }
        out[length++] = id;
        const frequency = documentFrequency.data;
        frequency[id] = (frequency[id] ?? 0) + 1;
      }
      ids.length = length;
      counts.pushAll(kept.counts.subarray(from, to));
    },
    words() {
      return vocabulary.words();
    },
    vocabularySize() {
      return vocabulary.size;
    },
  };
}
