// The index tokenises ASCII text with a byte scanner; it must agree exactly
// with the string tokenizer that defines the behaviour.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanAsciiTokens } from '../../src/lib/related/scan-ascii.ts';
import { INDONESIAN_STOPWORDS } from '../../src/lib/related/stopwords.ts';
import { tokenize } from '../../src/lib/related/tokenize.ts';
import { Vocabulary } from '../../src/lib/related/vocabulary.ts';

function codesViaBytes(vocabulary: Vocabulary, text: string, minLength: number): number[] | undefined {
  const codes: number[] = [];
  const handled = scanAsciiTokens(
    text,
    minLength,
    vocabulary,
    (code) => codes.push(code),
    (token) => codes.push(vocabulary.codeOfString(token)),
  );
  return handled ? codes : undefined;
}

function codesViaStrings(vocabulary: Vocabulary, text: string, minLength: number): number[] {
  return tokenize(text, { minTokenLength: minLength }).map((token) => vocabulary.codeOfString(token));
}

const words = fc.constantFrom(
  'yang',
  'dan',
  'Anak-anak',
  'Jong-un',
  'COVID-19',
  'ke-3',
  'TPS-nya',
  "Qur'an",
  'masing-masing',
  'ab',
  '2024',
  '1.000',
  'Gempa',
  'gempa',
  'BMKG',
);
const noise = fc.stringMatching(/^[a-zA-Z0-9'\- .,;:()!?"\n]{0,14}$/);
const asciiText = fc.array(fc.oneof(words, noise), { maxLength: 30 }).map((parts) => parts.join(' '));

describe('scanAsciiTokens', () => {
  it('yields the same tokens as tokenize() on any ASCII text', () => {
    fc.assert(
      fc.property(asciiText, fc.integer({ min: 1, max: 5 }), (text, minLength) => {
        const vocabulary = new Vocabulary((word) => !INDONESIAN_STOPWORDS.has(word));
        const viaBytes = codesViaBytes(vocabulary, text, minLength);
        expect(viaBytes).toEqual(codesViaStrings(vocabulary, text, minLength));
        expect(viaBytes?.includes(0)).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('interns words to dense ids and declines non-ASCII text', () => {
    const vocabulary = new Vocabulary((word) => !INDONESIAN_STOPWORDS.has(word));
    expect(codesViaBytes(vocabulary, 'Gempa yang GEMPA guncang Kim Jong-un', 3)).toEqual([1, 1, 2, 3, 4, 5]);
    expect(vocabulary.size).toBe(5);
    expect(codesViaBytes(vocabulary, 'Kafé gempa', 3)).toBeUndefined();
  });

  it('keeps ids stable while its hash table grows', () => {
    const vocabulary = new Vocabulary(() => true);
    const text = Array.from({ length: 5000 }, (_, i) => `kata${i.toString(36)}x`).join(' ');
    const first = codesViaBytes(vocabulary, text, 3);
    expect(first).toEqual(Array.from({ length: 5000 }, (_, i) => i + 1));
    expect(codesViaBytes(vocabulary, text, 3)).toEqual(first);
  });
});
