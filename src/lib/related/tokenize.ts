// Indonesian tokeniser for related-article matching: folded words, no
// stopwords, no numbers, no crumbs. Streams tokens to a callback because the
// index tokenises hundreds of megabytes and must not build arrays per field.
import { foldText } from './fold.ts';
import { INDONESIAN_STOPWORDS } from './stopwords.ts';

// eslint-disable-next-line no-control-regex -- the ASCII range starts at U+0000, a control character
const NON_ASCII = /[^\u0000-\u007f]/;
// A word may be joined by hyphens ("jong-un", "anak-anak") or apostrophes ("jum'at").
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
/** Tokens of one folded word joined by hyphens or apostrophes; shared with the byte scanner. */
export function visitCompound(word: string, minLength: number, visit: TokenVisitor): void {
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
  const lower = text.toLowerCase();
  if (NON_ASCII.test(lower)) {
    forEachUnicodeToken(foldText(lower), minLength, visit);
    return;
  }
  // ASCII fast path, most news copy: a char-code scanner that slices a string
  // only for tokens long enough to keep (regex matching cost 2x more here).
  const end = lower.length;
  let i = 0;
  while (i < end) {
    if (!isAsciiWordChar(lower.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    let joined = false;
    let hasLetter = false;
    for (;;) {
      let code = lower.charCodeAt(i);
      while (isAsciiWordChar(code)) {
        if (code >= 97) hasLetter = true;
        code = lower.charCodeAt(++i);
      }
      if ((code === 45 || code === 39) && isAsciiWordChar(lower.charCodeAt(i + 1))) {
        joined = true;
        i++;
        continue;
      }
      break;
    }
    if (joined) visitCompound(lower.slice(start, i), minLength, visit);
    else if (hasLetter && i - start >= minLength) {
      const word = lower.slice(start, i);
      if (!INDONESIAN_STOPWORDS.has(word)) visit(word);
    }
  }
}

function isAsciiWordChar(code: number): boolean {
  // Lowercased input: a-z or 0-9 (NaN past the end compares false).
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57);
}

function forEachUnicodeToken(folded: string, minLength: number, visit: TokenVisitor): void {
  for (const match of folded.matchAll(UNICODE_WORD)) {
    const word = match[0];
    if (JOINER.test(word)) visitCompound(word, minLength, visit);
    else if (isContent(word, minLength)) visit(word);
  }
}

/** Splits `text` into folded Indonesian content tokens, in order, duplicates kept. */
export function tokenize(text: string, options: TokenizeOptions = {}): string[] {
  const tokens: string[] = [];
  forEachToken(text, options.minTokenLength ?? 3, (token) => tokens.push(token));
  return tokens;
}
