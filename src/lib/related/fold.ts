// Case and diacritic folding shared by terms, tags and categories, so that
// "Kafé", "kafe" and "KAFE" are one key everywhere in the related index.

// eslint-disable-next-line no-control-regex -- the ASCII range starts at U+0000, a control character
const NON_ASCII = /[^\u0000-\u007f]/;
const COMBINING_MARKS = /\p{M}+/gu;

/** Lowercases and strips diacritics ("Pemilu Sèrentak" → "pemilu serentak"). */
export function foldText(text: string): string {
  const lower = text.toLowerCase();
  // Almost all copy is plain ASCII; skipping NFD there keeps tokenising cheap.
  if (!NON_ASCII.test(lower)) return lower;
  return lower.normalize('NFD').replace(COMBINING_MARKS, '').normalize('NFC');
}

/** Folds a tag or category label to its comparison key: folded, trimmed, inner whitespace collapsed. */
export function foldLabel(label: string): string {
  return foldText(label).trim().replace(/\s+/g, ' ');
}
