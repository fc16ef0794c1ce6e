import { describe, expect, it } from 'vitest';
import { buildContent } from '../../src/lib/content/build-content.ts';
import { formatError } from '../../src/lib/errors/index.ts';
import { toSearchRecord } from '../../src/lib/search/record.ts';
import { article } from '../helpers/article-source.ts';

const now = new Date('2025-01-01T00:00:00Z');

function built(...sources: Parameters<typeof article>[]) {
  const result = buildContent(
    sources.map((s) => article(...s)),
    { now },
  );
  expect(result.errors.map(formatError)).toEqual([]);
  return result.articles;
}

describe('toSearchRecord', () => {
  const [putin] = built(
    [
      'internasional/putin.md',
      {
        title: 'Putin Harapkan Kerja Sama dengan Korut',
        front: 'tags: [Rusia, Korea Utara]\nimage:\n  src: /images/putin.jpg\n  alt: "Presiden Putin"\n',
        body: [
          'JAKARTA - Presiden Putin mengharapkan kerja sama.',
          '',
          'Baca juga:',
          '',
          '- [Lain](../lain.md)',
          '',
          'Kedua negara akan terus bekerja sama.',
        ].join('\n'),
      },
    ],
    ['lain.md', { title: 'Berita Lain' }],
  ).filter((a) => a.data.slug === 'putin');

  it('points at the article page and indexes in Indonesian', () => {
    const record = toSearchRecord(putin!.data, putin!.text);
    expect(record.url).toBe('/berita/putin/');
    expect(record.language).toBe('id');
  });

  it('indexes the body without "Baca juga", the headline as meta.title, and quotes the lead once', () => {
    const record = toSearchRecord(putin!.data, putin!.text);
    expect(record.content).toBe(
      ['JAKARTA - Presiden Putin mengharapkan kerja sama.', 'Kedua negara akan terus bekerja sama.'].join('\n'),
    );
    expect(record.content).not.toContain('Berita Lain');
    expect(record.meta['title']).toBe('Putin Harapkan Kerja Sama dengan Korut');
  });

  it('adds a front-matter summary that the body does not contain', () => {
    const [a] = built([
      'a.md',
      { title: 'Judul Berita!', front: 'summary: "Ringkasan khusus"\n', body: 'MEDAN - Isi.' },
    ]);
    expect(toSearchRecord(a!.data, a!.text).content).toBe('Ringkasan khusus.\nMEDAN - Isi.');
  });

  it('carries what a result prints, in Indonesian, and nothing machine-ish that would match every search', () => {
    const record = toSearchRecord(putin!.data, putin!.text);
    expect(record.meta).toEqual({
      title: 'Putin Harapkan Kerja Sama dengan Korut',
      date: '20 Des 2024, 10:00 WIB',
      category: 'Nasional',
      image: '/images/putin.jpg',
      image_alt: 'Presiden Putin',
    });
    const [plain] = built(['b.md', {}]);
    expect(Object.keys(toSearchRecord(plain!.data, plain!.text).meta).sort()).toEqual(['category', 'date', 'title']);
  });

  it('says when a story was corrected on a later day, but not for a change the same day', () => {
    const [later, sameDay] = built(
      [
        'later.md',
        {
          title: 'Dikoreksi Besok',
          front: 'koreksi:\n  - date: 2024-12-21T08:00:00+07:00\n    text: Angka diperbaiki.\n',
        },
      ],
      ['same.md', { title: 'Diperbarui Sore', front: 'updated: 2024-12-20T18:00:00+07:00\n' }],
    );
    expect(toSearchRecord(later!.data, later!.text).meta['updated']).toBe('21 Des 2024, 08:00 WIB');
    expect(toSearchRecord(sameDay!.data, sameDay!.text).meta).not.toHaveProperty('updated');
  });

  it('filters by category name only (the page narrows by nothing else) and sorts by the WIB publication time', () => {
    const record = toSearchRecord(putin!.data, putin!.text);
    expect(record.filters).toEqual({ kategori: ['Nasional'] });
    expect(record.sort).toEqual({ date: '2024-12-20T10:00:00+07:00' });
  });
});
