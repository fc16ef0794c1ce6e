import slugifyLibrary from '@sindresorhus/slugify';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidSlug, slugify, titleKey } from '../../src/lib/slug.ts';

// What src/lib/slug.ts asks of the library, for comparing its ASCII shortcut with the library itself.
const library = (text: string): string =>
  slugifyLibrary(text, { decamelize: false, customReplacements: [['&', ' dan ']] });

describe('slugify', () => {
  it('gives what the library gives, on printable ASCII and the characters it treats apart', () => {
    // Every printable ASCII character, weighted towards letters and the specially treated ones.
    const ascii = fc.oneof(
      fc.constantFrom(...Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i))),
      fc.constantFrom('a', 'B', '1', ' ', '-', '&', "'", 't', 's', '^', '`', '\\', '_', '\u2019', 'é'),
    );
    fc.assert(
      fc.property(fc.array(ascii, { maxLength: 40 }), (chars) => {
        const text = chars.join('');
        expect(slugify(text)).toBe(library(text));
      }),
      { numRuns: 2000 },
    );
    for (const text of ["Conway's Law", 'A & B', 'Naik^2', 'x`y', 'Harga BBM: Naik 10%!', '  --Judul--  ', '']) {
      expect(slugify(text)).toBe(library(text));
    }
  });

  it('lowercases, folds diacritics and drops punctuation', () => {
    expect(slugify('Kirim Pesan ke Kim Jong-un, Presiden Putin')).toBe('kirim-pesan-ke-kim-jong-un-presiden-putin');
    expect(slugify('Ékonomi & Bisnis')).toBe('ekonomi-dan-bisnis');
    expect(slugify('KOrea utara (Korut)')).toBe('korea-utara-korut');
  });

  it('caps on a word boundary', () => {
    const slug = slugify(
      'Sebut Gencatan Senjata Jalan Buntu, Menlu Lavrov: Kita Butuh Perjanjian Final yang Mengikat',
      { maxLength: 80 },
    );
    expect(slug).toBe('sebut-gencatan-senjata-jalan-buntu-menlu-lavrov-kita-butuh-perjanjian-final-yang');
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slugify('a'.repeat(100), { maxLength: 10 })).toBe('aaaaaaaaaa');
  });

  it('accepts only safe slugs', () => {
    for (const ok of ['putin', 'a-b-c', '2024-banjir']) expect(isValidSlug(ok)).toBe(true);
    for (const bad of ['', 'A', 'a--b', '-a', 'a-', '../x', 'a/b', 'a\\b', '%2e%2e', 'a b', 'é'])
      expect(isValidSlug(bad)).toBe(false);
  });

  it('matches headlines regardless of case, quotes and punctuation', () => {
    expect(titleKey('Menlu Lavrov: “Kita Butuh” Perjanjian')).toBe(titleKey('menlu lavrov  "kita butuh" perjanjian'));
    expect(titleKey('Perangkat Mata-mata Israel')).not.toBe(titleKey('Perangkat Mata Israel'));
  });
});
