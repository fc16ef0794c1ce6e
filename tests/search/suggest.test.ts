import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closestWord, editDistance, maxEdits, parseVocabulary, suggestQuery } from '../../src/lib/search/suggest.ts';

// Most frequent first, as the build writes it.
const vocabulary = parseVocabulary(
  ['pemerintah', 'jakarta', 'harga', 'banjir', 'pyongyang', 'kerja', 'utara', 'bantuan', 'tahun', 'tuhan', ''].join(
    '\n',
  ),
);

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and swaps of neighbours as one edit each', () => {
    expect(editDistance('pyongyng', 'pyongyang', 2)).toBe(1);
    expect(editDistance('bajnir', 'banjir', 2)).toBe(1);
    expect(editDistance('banjr', 'banjir', 2)).toBe(1);
    expect(editDistance('banjiir', 'banjir', 2)).toBe(1);
    expect(editDistance('bamjir', 'banjir', 2)).toBe(1);
    expect(editDistance('pemrintha', 'pemerintah', 2)).toBe(2);
    expect(editDistance('banjir', 'banjir', 2)).toBe(0);
  });

  it('stops past the limit, answering limit + 1', () => {
    expect(editDistance('gempa', 'banjir', 2)).toBe(3);
    expect(editDistance('a', 'abcdef', 1)).toBe(2);
  });

  it('is symmetric and agrees with the full table within the limit', () => {
    const full = (a: string, b: string): number => editDistance(a, b, 100);
    fc.assert(
      fc.property(fc.stringMatching(/^[a-d]{0,7}$/), fc.stringMatching(/^[a-d]{0,7}$/), (a, b) => {
        const d = full(a, b);
        expect(full(b, a)).toBe(d);
        expect(editDistance(a, b, 2)).toBe(Math.min(d, 3));
      }),
    );
  });
});

describe('closestWord', () => {
  it('answers a known word with itself, folded', () => {
    expect(closestWord('Jakarta', vocabulary)).toBe('jakarta');
  });

  it('corrects a misspelling to the nearest vocabulary word', () => {
    expect(closestWord('Pyongyng', vocabulary)).toBe('pyongyang');
    expect(closestWord('pemrintah', vocabulary)).toBe('pemerintah');
    expect(closestWord('bantaun', vocabulary)).toBe('bantuan');
  });

  it('prefers the more frequent of equally close words', () => {
    // "tuhun" is one edit from both "tahun" and "tuhan"; "tahun" comes first in the file.
    expect(editDistance('tuhun', 'tahun', 1)).toBe(1);
    expect(editDistance('tuhun', 'tuhan', 1)).toBe(1);
    expect(closestWord('tuhun', vocabulary)).toBe('tahun');
  });

  it('allows one edit up to five letters and two beyond', () => {
    expect(maxEdits(5)).toBe(1);
    expect(maxEdits(6)).toBe(2);
    expect(closestWord('hxrgx', vocabulary)).toBeUndefined();
    expect(closestWord('bxnjxr', vocabulary)).toBe('banjir');
  });

  it('leaves short words, numbers and words with digits alone', () => {
    expect(closestWord('krj', vocabulary)).toBeUndefined();
    expect(closestWord('2024', vocabulary)).toBeUndefined();
    expect(closestWord('covid19', vocabulary)).toBeUndefined();
    expect(closestWord('xyzzyplugh', vocabulary)).toBeUndefined();
  });
});

describe('suggestQuery', () => {
  it('corrects the unknown words and keeps the others as typed', () => {
    expect(suggestQuery('Pyongyng', vocabulary)).toBe('pyongyang');
    expect(suggestQuery('  harga  cabia di Jakarta ', vocabulary)).toBeUndefined();
    expect(suggestQuery('bajnir Jakarta Utara', vocabulary)).toBe('banjir Jakarta Utara');
    expect(suggestQuery('bajnir di jkarta', vocabulary)).toBe('banjir di jakarta');
  });

  it('suggests nothing when every word is known or nothing is close', () => {
    expect(suggestQuery('Banjir Jakarta', vocabulary)).toBeUndefined();
    expect(suggestQuery('xyzzyplugh', vocabulary)).toBeUndefined();
    expect(suggestQuery('', vocabulary)).toBeUndefined();
  });

  it('works with an empty vocabulary (the file could not be read)', () => {
    expect(suggestQuery('pyongyng', parseVocabulary(''))).toBeUndefined();
  });
});
