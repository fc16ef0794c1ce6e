/**
 * "Mungkin maksud Anda": a corrected query for a search that found nothing, from the archive's
 * vocabulary (vocabulary.ts builds the file, most frequent word first). Runs in the browser; pure.
 */
import { foldText } from '../related/fold.ts';

/** The vocabulary as the page holds it. */
export interface Vocabulary {
  /** Most frequent first. */
  readonly words: readonly string[];
  /** Each word's place in `words`: lower is more frequent. */
  readonly rank: ReadonlyMap<string, number>;
}

/** Reads the vocabulary file: one word a line, most frequent first. */
export function parseVocabulary(text: string): Vocabulary {
  const words = text.split('\n').filter((w) => w !== '');
  const rank = new Map<string, number>();
  words.forEach((word, i) => {
    if (!rank.has(word)) rank.set(word, i);
  });
  return { words, rank };
}

/** Shortest typed word the page tries to correct (the vocabulary has no shorter words). */
const MIN_CORRECTED_LENGTH = 4;

/**
 * Edits allowed between a typed word and its correction: one for words of up to five letters, two
 * for longer ones. Two edits on a short word reach too many unrelated words ("kota" → "data").
 */
export function maxEdits(length: number): number {
  return length <= 5 ? 1 : 2;
}

/**
 * Damerau–Levenshtein distance (optimal string alignment: insertions, deletions, substitutions and
 * swaps of two neighbouring letters, each one edit) between `a` and `b`, or `max + 1` as soon as it
 * is known to exceed `max`.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  const width = b.length + 1;
  // Three rows of the table: two back (for swaps), the previous and the current. (Typed arrays
  // read past their end as undefined, hence the `?? 0`s the compiler asks for; no index here is.)
  let before = new Uint16Array(width);
  let previous = Uint16Array.from({ length: width }, (_, j) => j);
  let current = new Uint16Array(width);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, (before[j - 2] ?? 0) + 1);
      current[j] = d;
      if (d < rowMin) rowMin = d;
    }
    // No later row has a smaller minimum, so the distance already exceeds `max`.
    if (rowMin > max) return max + 1;
    [before, previous, current] = [previous, current, before];
  }
  const distance = previous[b.length] ?? 0;
  return distance > max ? max + 1 : distance;
}

/**
 * The vocabulary word a typed word most likely meant: itself when the vocabulary has it, otherwise
 * the word fewest edits away (at most {@link maxEdits}), the more frequent of equally close words;
 * undefined when none is that close, or the word is too short or not a plain word (numbers, names
 * with digits) to correct.
 */
export function closestWord(typed: string, vocabulary: Vocabulary): string | undefined {
  const word = foldText(typed);
  if (word.length < MIN_CORRECTED_LENGTH || !/^[a-z]+$/.test(word)) return undefined;
  if (vocabulary.rank.has(word)) return word;
  const max = maxEdits(word.length);
  let best: string | undefined;
  let bestDistance = max + 1;
  // Most frequent first, so the first word at the smallest distance is the most frequent of them.
  for (const candidate of vocabulary.words) {
    const distance = editDistance(word, candidate, bestDistance - 1);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
      if (distance === 1) break;
    }
  }
  return best;
}

/**
 * The query with each word the vocabulary does not know replaced by its closest word (see
 * {@link closestWord}), the other words as typed; undefined when no word changes.
 * `pyongyng kim` → `pyongyang kim`.
 */
export function suggestQuery(query: string, vocabulary: Vocabulary): string | undefined {
  let changed = false;
  const words: string[] = [];
  for (const typed of query.trim().split(/\s+/)) {
    const closest = closestWord(typed, vocabulary);
    const same = closest === undefined || closest === foldText(typed);
    words.push(same ? typed : closest);
    if (!same) changed = true;
  }
  return changed ? words.join(' ') : undefined;
}
