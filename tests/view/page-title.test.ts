import { describe, expect, it } from 'vitest';
import { MAX_TITLE_LENGTH, pageTitle } from '../../src/lib/view/page-title.ts';

describe('pageTitle', () => {
  it('adds the site name when it fits', () => {
    expect(pageTitle('Banjir Rob Genangi Jakarta Utara', 'Warta')).toBe('Banjir Rob Genangi Jakarta Utara | Warta');
    expect(pageTitle(undefined, 'Warta')).toBe('Warta: Berita Terkini');
  });

  it('keeps a long headline whole without the site name when it fits alone', () => {
    const title = 'Startup Lokal Luncurkan Asisten AI Berbahasa Indonesia untuk UMKM';
    expect(title.length).toBeLessThanOrEqual(MAX_TITLE_LENGTH);
    expect(pageTitle(title, 'Warta')).toBe(title);
  });

  it('cuts a longer headline on a word boundary', () => {
    const title = 'Kirim Pesan Tahun Baru ke Kim Jong-un, Presiden Putin Harapkan Kerja Sama Berkelanjutan Rusia-Korut';
    const result = pageTitle(title, 'Warta');
    expect(result).toBe('Kirim Pesan Tahun Baru ke Kim Jong-un, Presiden Putin Harapkan Kerja…');
    expect(result.length).toBeLessThanOrEqual(MAX_TITLE_LENGTH);
  });
});
