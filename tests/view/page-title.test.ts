import { describe, expect, it } from 'vitest';
import { pageTitle } from '../../src/lib/view/page-title.ts';

const site = { name: 'Warta', tagline: 'Berita terkini dari Indonesia dan dunia' };

describe('pageTitle', () => {
  it('follows the headline with " - " and the site name', () => {
    expect(pageTitle('Banjir Rob Genangi Jakarta Utara', site)).toBe('Banjir Rob Genangi Jakarta Utara - Warta');
  });

  it('says what the site is on the front page', () => {
    expect(pageTitle(undefined, site)).toBe('Berita terkini dari Indonesia dan dunia - Warta');
  });

  it('keeps a long headline whole, the site name included', () => {
    const title = 'Kirim Pesan Tahun Baru ke Kim Jong-un, Presiden Putin Harapkan Kerja Sama Berkelanjutan Rusia-Korut';
    expect(pageTitle(title, site)).toBe(`${title} - Warta`);
  });
});
