import { describe, expect, it } from 'vitest';
import { foldLabel, foldText, INDONESIAN_STOPWORDS, tokenize } from '../../src/lib/related/index.ts';

describe('tokenize', () => {
  it('drops Indonesian stopwords and keeps content words in order', () => {
    expect(
      tokenize('Presiden mengatakan bahwa harga beras yang mahal adalah tantangan bagi pemerintah dan warga.'),
    ).toEqual(['presiden', 'harga', 'beras', 'mahal', 'tantangan', 'pemerintah', 'warga']);
    for (const word of ['yang', 'dan', 'adalah', 'bahwa', 'mengatakan'])
      expect(INDONESIAN_STOPWORDS.has(word)).toBe(true);
  });

  it('lowercases and folds diacritics', () => {
    expect(tokenize('KAFÉ Sèrentak Ñusantara')).toEqual(['kafe', 'serentak', 'nusantara']);
    expect(tokenize('Kafe')).toEqual(tokenize('kafé'));
    expect(foldText('Élite Ümmat')).toBe('elite ummat');
    expect(foldLabel('  Pemilu   Sèrentak ')).toBe('pemilu serentak');
  });

  it('drops pure numbers, short tokens and punctuation', () => {
    expect(tokenize('Pada 2024, 1.000 warga (RT 05) ke TPS-nya: ok!')).toEqual(['warga', 'tps']);
    expect(tokenize('Rp 2,5 triliun 3.000.000 50%')).toEqual(['triliun']);
    expect(tokenize('ab abc', { minTokenLength: 3 })).toEqual(['abc']);
    expect(tokenize('ab abc', { minTokenLength: 2 })).toEqual(['ab', 'abc']);
  });

  it('handles hyphenated words sensibly', () => {
    // Reduplication is the plural: counts as the base word.
    expect(tokenize('anak-anak')).toEqual(['anak']);
    // A name keeps its parts and, since "un" alone would be lost, the whole form.
    expect(tokenize('Kim Jong-un')).toEqual(['kim', 'jong', 'jong-un']);
    expect(tokenize('Covid-19 dan KTT G-20')).toEqual(['covid', 'covid-19', 'ktt', 'g-20']);
    // Plain compounds give their parts only; reduplicated stopwords vanish.
    expect(tokenize('sosial-ekonomi')).toEqual(['sosial', 'ekonomi']);
    expect(tokenize('masing-masing ke-3')).toEqual([]);
  });

  it('merges apostrophes inside words and handles non-ASCII text', () => {
    expect(tokenize("Qur'an")).toEqual(['quran']);
    expect(tokenize('Al‑Qur’an di Bandung')).toEqual(['quran', 'al-quran', 'bandung']);
  });
});
