/**
 * The archive's own vocabulary for "Mungkin maksud Anda" on the search page (issue #19): the words
 * that occur in the most articles, written next to the Pagefind bundle as one word a line, most
 * frequent first. The page fetches it only when a search finds nothing or almost nothing, and
 * suggests the closest of these words to each word typed (suggest.ts). Built in Node, from the same
 * text Pagefind indexes; no file I/O here.
 */
import { foldText } from '../related/fold.ts';

/**
 * How many words the file holds: the most frequent by document frequency. 8,000 words of real
 * Indonesian news copy are about 32 KB gzipped (scripts/bench-vocabulary.ts, docs/search.md), under the page's 50 KB
 * budget for a file it loads only when a search fails; less frequent words are rarely what a reader
 * meant to type, and a bigger list would also offer more wrong near-matches.
 */
export const VOCABULARY_SIZE = 8000;

/** Shortest word kept: shorter words have too many neighbours within one or two edits to correct. */
export const VOCABULARY_MIN_LENGTH = 4;

/** Longest word kept: longer runs of letters are URLs, hashtags or run-together text, not words to suggest. */
const VOCABULARY_MAX_LENGTH = 24;

/** Runs of ASCII letters in folded text: what a reader types and what a suggestion may replace. */
const WORD = /[a-z]+/g;

/** Document frequencies: in how many articles each word occurs. */
export type TermCounts = Map<string, number>;

/**
 * Adds one article's words to `counts`, once per word however often it occurs: headline, summary
 * and body (pass them together). Words are folded ("Kafé" → "kafe") and only runs of letters of
 * {@link VOCABULARY_MIN_LENGTH} to 24 count. Stopwords count too, unlike the related-articles
 * tokenizer's: the vocabulary is also the list of words the page knows, and a stopword it did not
 * know ("utara", "desember") would be "corrected" to some other word.
 */
export function countArticleTerms(text: string, counts: TermCounts): void {
  const seen = new Set<string>();
  for (const [word] of foldText(text).matchAll(WORD))
    if (word.length >= VOCABULARY_MIN_LENGTH && word.length <= VOCABULARY_MAX_LENGTH) seen.add(word);
  for (const word of seen) counts.set(word, (counts.get(word) ?? 0) + 1);
}

/** Adds the counts of one shard to the archive's. */
export function mergeTermCounts(into: TermCounts, from: Iterable<readonly [string, number]>): TermCounts {
  for (const [word, count] of from) into.set(word, (into.get(word) ?? 0) + count);
  return into;
}

/**
 * The `size` words in the most articles, most frequent first; ties in alphabetical order, so the
 * same archive always gives the same file.
 */
export function vocabularyWords(counts: TermCounts, size: number = VOCABULARY_SIZE): string[] {
  return [...counts]
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, size)
    .map(([word]) => word);
}

/** The file's text: one word a line, in the order given (most frequent first). */
export function serializeVocabulary(words: readonly string[]): string {
  return words.length === 0 ? '' : `${words.join('\n')}\n`;
}
