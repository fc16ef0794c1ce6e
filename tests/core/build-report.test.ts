import { describe, expect, it } from 'vitest';
import { countPages, formatBuildReport, missingArticlePages } from '../../src/lib/content/build-report.ts';

describe('end-of-build report', () => {
  it('counts pages by kind', () => {
    expect(
      countPages(['', 'halaman/2/', 'berita/a/', 'berita/b/', 'tag/x/', '404.html', 'halaman/tentang-kami/']),
    ).toEqual([
      ['404', 1],
      ['beranda', 2],
      ['berita', 2],
      ['halaman', 1],
      ['tag', 1],
    ]);
  });

  it('finds published articles without a page', () => {
    const written = new Set(['berita/a/index.html']);
    expect(missingArticlePages(['a', 'b'], (f) => written.has(f))).toEqual(['b']);
  });

  it('fits on one screen', () => {
    const report = formatBuildReport(
      {
        stats: {
          found: 6,
          published: 4,
          drafts: 1,
          scheduled: 1,
          bacaJugaLinks: 3,
          relatedLists: 4,
          unlistedNames: [],
        },
        slugs: ['a'],
      },
      [
        ['berita', 4],
        ['beranda', 1],
      ],
    );
    expect(report).toBe(
      'Articles: 6 found, 4 published, 1 draft, 1 scheduled\nPages: 5 written (berita 4, beranda 1)\n"Baca juga" links resolved: 3\n"Berita Terkait" lists computed: 4',
    );
  });

  it('lists the bylines that have no person file, most credited first, ten at most', () => {
    const names = Array.from({ length: 12 }, (_, i) => ({ name: `Nama ${i + 1}`, stories: 12 - i }));
    const report = formatBuildReport(
      {
        stats: {
          found: 1,
          published: 1,
          drafts: 0,
          scheduled: 0,
          bacaJugaLinks: 0,
          relatedLists: 0,
          unlistedNames: names,
        },
        slugs: ['a'],
      },
      [['berita', 1]],
    );
    expect(report.split('\n').at(-1)).toBe(
      'Bylines without a person file in content/penulis/: Nama 1 (12), Nama 2 (11), Nama 3 (10), Nama 4 (9), Nama 5 (8), Nama 6 (7), Nama 7 (6), Nama 8 (5), Nama 9 (4), Nama 10 (3), and 2 more',
    );
  });
});
