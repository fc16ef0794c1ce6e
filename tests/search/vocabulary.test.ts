import { describe, expect, it } from 'vitest';
import {
  VOCABULARY_SIZE,
  countArticleTerms,
  mergeTermCounts,
  serializeVocabulary,
  vocabularyWords,
  type TermCounts,
} from '../../src/lib/search/vocabulary.ts';

function counts(...articles: string[]): TermCounts {
  const terms: TermCounts = new Map();
  for (const text of articles) countArticleTerms(text, terms);
  return terms;
}

describe('countArticleTerms', () => {
  it('counts each word once per article, folded, of four letters or more', () => {
    const terms = counts('Banjir, banjir dan BANJIR di Jakarta.', 'Banjir rob di pesisir Jakarta Utara; kafé tutup.');
    expect(Object.fromEntries(terms)).toEqual({
      banjir: 2,
      jakarta: 2,
      pesisir: 1,
      utara: 1,
      kafe: 1,
      tutup: 1,
    });
  });

  it('keeps stopwords (the page must know them) but no numbers, short words or overlong runs', () => {
    const terms = counts(`Dengan 2024 orang di ${'x'.repeat(25)} covid-19 yang dalam Desember`);
    expect([...terms.keys()].sort()).toEqual(['covid', 'dalam', 'dengan', 'desember', 'orang', 'yang']);
  });

  it('splits words at hyphens and apostrophes, as a reader types them apart', () => {
    expect([...counts("Kim Jong-un jum'at anak-anak").keys()].sort()).toEqual(['anak', 'jong']);
  });
});

describe('vocabularyWords', () => {
  it('orders by document frequency, ties alphabetically, and keeps the most frequent', () => {
    const terms = counts('gempa banjir longsor', 'gempa banjir', 'gempa angin', 'zona');
    expect(vocabularyWords(terms)).toEqual(['gempa', 'banjir', 'angin', 'longsor', 'zona']);
    expect(vocabularyWords(terms, 2)).toEqual(['gempa', 'banjir']);
  });

  it('caps the file at VOCABULARY_SIZE words by default', () => {
    const terms: TermCounts = new Map(
      Array.from({ length: VOCABULARY_SIZE + 10 }, (_, i) => [`kata${String.fromCharCode(97 + (i % 26))}${i}`, i]),
    );
    expect(vocabularyWords(terms)).toHaveLength(VOCABULARY_SIZE);
  });

  it('sums shards to the same counts as the whole archive', () => {
    const whole = counts('gempa banjir', 'gempa angin', 'banjir bandang');
    const merged = mergeTermCounts(counts('gempa banjir'), counts('gempa angin', 'banjir bandang'));
    expect(merged).toEqual(whole);
    expect(vocabularyWords(merged)).toEqual(vocabularyWords(whole));
  });
});

describe('serializeVocabulary', () => {
  it('writes one word a line, in order', () => {
    expect(serializeVocabulary(['gempa', 'banjir'])).toBe('gempa\nbanjir\n');
    expect(serializeVocabulary([])).toBe('');
  });
});
