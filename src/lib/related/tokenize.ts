// Indonesian tokeniser for related-article matching: folded words, no
// stopwords, no numbers, no crumbs. Streams tokens to a callback because the
// index tokenises hundreds of megabytes and must not build arrays per field.
import { foldText } from './fold.ts';
import { INDONESIAN_STOPWORDS } from './stopwords.ts';

const NON_ASCII = /[^\u0000-\u007f]/;
// A word may be joined by hyphens ("jong-un", "anak-anak") or apostrophes ("jum'at").
const ASCII_WORD = /[a-z0-9]+(?:['-][a-z0-9]+)*/g;
const UNICODE_WORD = /[\p{L}\p{N}]+(?:['\u2019\u02bc\u002d\u2010\u2011][\p{L}\p{N}]+)*/gu;
const JOINER = /['\u2019\u02bc\u002d\u2010\u2011]/;
const APOSTROPHES = /['\u2019\u02bc]/g;
const HYPHENS = /[\u002d\u2010\u2011]/;
const ALL_DIGITS = /^\p{N}+$/u;
const HAS_LETTER = /\p{L}/u;

/** Receives each token of a text in order. */
export type TokenVisitor = (token: string) => void;

/** Options for {@link tokenize}. */
export interface TokenizeOptions {
  /** Shortest token kept (characters; default 3). */
  readonly minTokenLength?: number;
}

function isNumber(token: string): boolean {
  const first = token.charCodeAt(0);
  // Cheap reject for the common case of a word starting with an ASCII letter.
  if (first >= 97 && first <= 122) return false;
  return ALL_DIGITS.test(token);
}

function isContent(token: string, minLength: number): boolean {
  return token.length >= minLength && !isNumber(token) && !INDONESIAN_STOPWORDS.has(token);
}

// Reduplication ("anak-anak") means plural, so it counts as its base word;
// other compounds give their parts, and are kept whole only when splitting
// would lose a piece ("jong-un", "covid-19", "g-20"), never for particles ("ke-3").
function visitCompound(word: string, minLength: number, visit: TokenVisitor): void {
  const merged = word.replace(APOSTROPHES, '');
  const parts = merged.split(HYPHENS);
  const first = parts[0] ?? '';
  if (parts.length === 1) {
    if (isContent(merged, minLength)) visit(merged);
    return;
  }
  const joined = parts.join('-');
  if (INDONESIAN_STOPWORDS.has(joined)) return;
  if (parts.every((part) => part === first)) {
    if (isContent(first, minLength)) visit(first);
    return;
  }
  let lostPiece = false;
  for (const part of parts) {
    if (isContent(part, minLength)) visit(part);
    else if (!INDONESIAN_STOPWORDS.has(part)) lostPiece = true;
  }
  if (lostPiece && !INDONESIAN_STOPWORDS.has(first) && HAS_LETTER.test(joined)) visit(joined);
}

/** Streams the folded content tokens of `text` to `visit` (stopwords, numbers and short tokens dropped). */
export function forEachToken(text: string, minLength: number, visit: TokenVisitor): void {
  const folded = foldText(text);
  const ascii = !NON_ASCII.test(folded);
  const pattern = ascii ? ASCII_WORD : UNICODE_WORD;
  for (const match of folded.matchAll(pattern)) {
    const word = match[0];
    const joined = ascii ? word.includes('-') || word.includes("'") : JOINER.test(word);
    if (joined) visitCompound(word, minLength, visit);
    else if (isContent(word, minLength)) visit(word);
  }
}

/** Splits `text` into folded Indonesian content tokens, in order, duplicates kept. */
export function tokenize(text: string, options: TokenizeOptions = {}): string[] {
  const tokens: string[] = [];
  forEachToken(text, options.minTokenLength ?? 3, (token) => tokens.push(token));
  return tokens;
}
