import { describe, expect, it } from 'vitest';
import { findDateHint, readDateLine } from '../../src/lib/wire/date-hint.ts';
import { formatJakartaDate, parseIsoDate } from '../../src/lib/wire/date.ts';
import { readDateline } from '../../src/lib/wire/dateline.ts';
import { splitTags } from '../../src/lib/wire/import-options.ts';
import { readSourceName } from '../../src/lib/wire/source-name.ts';
import { placeStories } from '../../src/lib/wire/place-stories.ts';

describe('readDateline', () => {
  it.each([
    ['JAKARTA - Presiden', 'JAKARTA', undefined],
    ['JAKARTA, KOMPAS.com - Presiden', 'JAKARTA', 'KOMPAS.com'],
    ['Jakarta -Presiden', 'JAKARTA', undefined],
    ['JAKARTA (ANTARA) - Presiden', 'JAKARTA', 'ANTARA'],
    ['BANDA ACEH – Gubernur', 'BANDA ACEH', undefined],
    ['SEOUL—Badan', 'SEOUL', undefined],
  ])('reads %j', (lead, city, agency) => {
    expect(readDateline(lead)).toMatchObject({ city, agency });
  });

  it.each([
    'Presiden Putin mengatakan',
    'Korea Utara-Rusia sepakat',
    'Kim Jong-un menerima',
    'JAKARTA adalah ibu kota',
  ])('finds none in %j', (lead) => {
    expect(readDateline(lead)).toBeUndefined();
  });
});

describe('readSourceName', () => {
  it.each([
    ['seperti dilansir dari The Korea Times 27 Desember.', 'The Korea Times'],
    ['seperti dilansir dari The Korea Times, Jumat.', 'The Korea Times'],
    ['melansir Reuters, Jumat (27/12).', 'Reuters'],
    ['dikutip dari kompas.com pada Jumat.', 'kompas.com'],
    ['dilansir dari laman resmi WHO.', 'WHO'],
    ['seperti dilansir dari The Times of India.', 'The Times of India'],
    ['dilansir Al Jazeera pada Jumat', 'Al Jazeera'],
  ])('reads %j', (text, name) => {
    expect(readSourceName([text])).toBe(name);
  });

  it('finds none without the phrase or without a name', () => {
    expect(readSourceName(['Mengutip perjanjian pertahanan utama.'])).toBeUndefined();
    expect(readSourceName(['seperti dilansir dari sumber yang tidak disebutkan.'])).toBeUndefined();
  });
});

describe('dates', () => {
  it.each([
    ['2024-12-27T10:15:00+07:00', '2024-12-27T10:15:00+07:00'],
    ['2024-12-27T10:15', '2024-12-27T10:15:00+07:00'],
    ['2024-12-27', '2024-12-27T00:00:00+07:00'],
    ['2024-12-27T03:15:00Z', '2024-12-27T10:15:00+07:00'],
    ['2024-12-26T22:00:00-05:00', '2024-12-27T10:00:00+07:00'],
  ])('parses --date %j', (value, iso) => {
    const instant = parseIsoDate(value);
    expect(instant && formatJakartaDate(instant)).toBe(iso);
  });

  it.each(['27-12-2024', '2024-02-30', '2024-12-27T25:00', 'besok'])('rejects --date %j', (value) => {
    expect(parseIsoDate(value)).toBeUndefined();
  });

  it.each([
    ['Jumat, 27 Desember 2024', '2024-12-27T00:00:00+07:00'],
    ['pada 27 Desember 2024 lalu', '2024-12-27T00:00:00+07:00'],
    ['Jumat (27/12/2024)', '2024-12-27T00:00:00+07:00'],
    ['27/12/2024 pukul 14.30 WIB', '2024-12-27T14:30:00+07:00'],
    ['27 Des 2024, 10:15 WITA', '2024-12-27T09:15:00+07:00'],
    ['2024-12-27', '2024-12-27T00:00:00+07:00'],
  ])('finds the date in %j', (text, iso) => {
    expect(findDateHint([text])?.iso).toBe(iso);
  });

  it('ignores dates without a year, impossible dates and numbers', () => {
    expect(findDateHint(['pada tanggal 17 Desember, 11.000 tentara, 31/02/2024'])).toBeUndefined();
  });

  it('tells a date line from a sentence holding a date', () => {
    expect(readDateLine('Jumat, 27 Desember 2024', 2)?.line).toBe(2);
    expect(readDateLine('Jumat, 27 Desember 2024 10:15 WIB', 2)?.iso).toBe('2024-12-27T10:15:00+07:00');
    expect(readDateLine('Pada 27 Desember 2024 Putin berkata', 2)).toBeUndefined();
  });
});

describe('placeStories', () => {
  const existing = [
    { path: 'putin-kirim-pesan.md', slug: 'putin-kirim-pesan', title: 'Putin Kirim Pesan Natal' },
    { path: 'putin-kirim-pesan-2.md', slug: 'putin-kirim-pesan-2', title: 'Putin Kirim Pesan' },
  ];

  it('suffixes a slug taken by another article and by an earlier story of the run', () => {
    expect(placeStories(['Kim Balas Pesan', 'Kim Balas Pesan!'], existing, false)).toEqual([
      { kind: 'create', slug: 'kim-balas-pesan', path: 'kim-balas-pesan.md' },
      { kind: 'create', slug: 'kim-balas-pesan-2', path: 'kim-balas-pesan-2.md' },
    ]);
  });

  it('finds an earlier import of the same story behind a suffix', () => {
    expect(placeStories(['Putin Kirim “Pesan”'], existing, false)).toEqual([
      { kind: 'exists', slug: 'putin-kirim-pesan-2', path: 'putin-kirim-pesan-2.md' },
    ]);
    expect(placeStories(['Putin Kirim Pesan'], existing, true)).toEqual([
      { kind: 'overwrite', slug: 'putin-kirim-pesan-2', path: 'putin-kirim-pesan-2.md' },
    ]);
  });

  it('treats a file name taken by an article with another slug as taken', () => {
    const renamed = [{ path: 'kim-balas-pesan.md', slug: 'kim-lain', title: 'Kim Lain' }];
    expect(placeStories(['Kim Balas Pesan'], renamed, false)[0]?.path).toBe('kim-balas-pesan-2.md');
  });
});

describe('splitTags', () => {
  it('trims, drops blanks and repeats', () => {
    expect(splitTags(' Rusia, Korea  Utara,, rusia ,')).toEqual(['Rusia', 'Korea Utara']);
  });
});
