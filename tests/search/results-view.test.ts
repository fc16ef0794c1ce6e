import { describe, expect, it } from 'vitest';
import {
  categoryOptionText,
  excerptCuts,
  excerptParts,
  moreButtonText,
  notFoundText,
  pagefindOptions,
  readSearchState,
  resultCountText,
  scopeText,
  searchStateUrl,
} from '../../src/lib/search/results-view.ts';

describe('search page state', () => {
  it('reads the query, category and sort from the URL', () => {
    expect(readSearchState('?q=+Kim+Jong-un+&kategori=Internasional&urut=terbaru')).toEqual({
      query: 'Kim Jong-un',
      category: 'Internasional',
      newest: true,
    });
    expect(readSearchState('')).toEqual({ query: '', category: '', newest: false });
    expect(readSearchState('?urut=lama')).toMatchObject({ newest: false });
  });

  it('writes it back to a shareable URL and round-trips', () => {
    const state = { query: 'harga cabai & bawang', category: 'Ekonomi', newest: true };
    expect(searchStateUrl(state)).toBe('?q=harga+cabai+%26+bawang&kategori=Ekonomi&urut=terbaru');
    expect(readSearchState(searchStateUrl(state))).toEqual(state);
    expect(searchStateUrl({ query: '', category: '', newest: false })).toBe('');
  });

  it('asks Pagefind for the category filter and the date sort only when chosen', () => {
    expect(pagefindOptions({ query: 'x', category: '', newest: false })).toEqual({});
    expect(pagefindOptions({ query: 'x', category: 'Nasional', newest: true })).toEqual({
      filters: { kategori: 'Nasional' },
      sort: { date: 'desc' },
    });
  });
});

describe('search page wording', () => {
  const state = { query: 'kerja', category: '', newest: false };
  it('counts results in Indonesian', () => {
    expect(resultCountText(3, state)).toBe('3 hasil untuk "kerja"');
    expect(resultCountText(1234, { ...state, category: 'Nasional' })).toBe(
      '1.234 hasil untuk "kerja" di kategori Nasional',
    );
  });
  it('says from when the results are when only the newest stories were searched', () => {
    expect(resultCountText(12, state, '2024-11-01')).toBe('12 hasil untuk "kerja" sejak 1 November 2024');
    expect(scopeText('2025-01-09')).toBe('Hanya berita sejak 9 Januari 2025 yang dicari.');
  });
  it('says plainly when nothing matches', () => {
    expect(notFoundText({ ...state, query: 'xyz' })).toBe('Tidak ditemukan hasil untuk "xyz".');
    expect(notFoundText({ ...state, category: 'Olahraga' })).toBe(
      'Tidak ditemukan hasil untuk "kerja" di kategori Olahraga.',
    );
  });
  it('labels categories with counts and the "more" button with what is left', () => {
    expect(categoryOptionText('Internasional', 3)).toBe('Internasional (3)');
    expect(categoryOptionText('Internasional', undefined)).toBe('Internasional');
    expect(moreButtonText(10, 35)).toBe('Tampilkan 10 hasil lagi');
    expect(moreButtonText(30, 35)).toBe('Tampilkan 5 hasil lagi');
  });
});

describe('excerptParts', () => {
  it('splits a Pagefind excerpt into text runs and marked matches', () => {
    expect(
      excerptParts('Presiden Putin harapkan <mark>kerja</mark> sama, <mark>bekerja</mark> <mark>keras.</mark>'),
    ).toEqual([
      { text: 'Presiden Putin harapkan ', mark: false },
      { text: 'kerja', mark: true },
      { text: ' sama, ', mark: false },
      { text: 'bekerja', mark: true },
      { text: ' ', mark: false },
      { text: 'keras.', mark: true },
    ]);
  });

  it("turns Pagefind's escaped angle brackets back into text, never markup", () => {
    const parts = excerptParts('kode <mark>&lt;script&gt;alert(1)&lt;/script&gt;</mark> & "kutip" <b>');
    expect(parts).toEqual([
      { text: 'kode ', mark: false },
      { text: '<script>alert(1)</script>', mark: true },
      { text: ' & "kutip" <b>', mark: false },
    ]);
  });

  it('handles an excerpt without matches and an empty one', () => {
    expect(excerptParts('Tanpa sorotan.')).toEqual([{ text: 'Tanpa sorotan.', mark: false }]);
    expect(excerptParts('')).toEqual([]);
  });
});

describe('excerptCuts', () => {
  const content = 'Judul.\nJAKARTA - Kalimat satu. Kalimat dua. Kalimat tiga.';
  it('tells where the excerpt was cut from the content', () => {
    expect(excerptCuts('Judul. JAKARTA - <mark>Kalimat</mark> satu.', content)).toEqual({ before: false, after: true });
    expect(excerptCuts('Kalimat dua. <mark>Kalimat</mark> tiga.', content)).toEqual({ before: true, after: false });
    expect(excerptCuts('satu. Kalimat dua.', content)).toEqual({ before: true, after: true });
    expect(excerptCuts(content, content)).toEqual({ before: false, after: false });
  });
});
