import { describe, expect, it } from 'vitest';
import { countPages, formatBuildReport, missingArticlePages } from '../../src/lib/content/build-report.ts';

describe('end-of-build report', () => {
  it('counts pages by kind', () => {
    expect(countPages(['', 'halaman/2/', 'berita/a/', 'berita/b/', 'tag/x/', '404.html'])).toEqual([
      ['404', 1],
      ['beranda', 2],
      ['berita', 2],
      ['tag', 1],
    ]);
  });

  it('finds published articles without a page', () => {
    const written = new Set(['berita/a/index.html']);
    expect(missingArticlePages(['a', 'b'], (f) => written.has(f))).toEqual(['b']);
  });

  it('fits on one screen', () => {
    const report = formatBuildReport(
      { stats: { found: 6, published: 4, drafts: 1, scheduled: 1, bacaJugaLinks: 3, relatedLists: 4 }, slugs: ['a'] },
      [
        ['berita', 4],
        ['beranda', 1],
      ],
    );
    expect(report).toBe(
      'Articles: 6 found, 4 published, 1 draft, 1 scheduled\nPages: 5 written (berita 4, beranda 1)\n"Baca juga" links resolved: 3\n"Berita Terkait" lists computed: 4',
    );
  });
});
