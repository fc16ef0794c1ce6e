import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { textComparer } from '../../src/integrations/sitemap-integration.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

// A sitemap the live site already holds byte for byte is kept there (sitemap-integration.ts); the
// comparer reads and encodes into buffers it reuses, so a stale byte left from a longer file must
// never make two different texts equal.
describe('textComparer', () => {
  const directory = makeTempDir('warta-text-comparer-');
  const file = (name: string, text: string): string => {
    const at = path.join(directory, name);
    fs.writeFileSync(at, text);
    return at;
  };

  it('is true only for a file holding exactly the text, in UTF-8', () => {
    const same = textComparer();
    const long = `<urlset>${'<url><loc>https://warta.example/berita/a/</loc></url>'.repeat(5000)}</urlset>`;
    expect(same(file('panjang.xml', long), long)).toBe(true);
    // Same length, one byte different, after a longer file filled the buffers.
    const short = '<urlset><loc>Berita “Jakarta” — 27 Desember</loc></urlset>';
    const other = short.replace('Jakarta', 'Jakartb');
    expect(same(file('pendek.xml', short), short)).toBe(true);
    expect(same(path.join(directory, 'pendek.xml'), other)).toBe(false);
    expect(same(path.join(directory, 'pendek.xml'), `${short} `)).toBe(false);
    expect(same(path.join(directory, 'pendek.xml'), short.slice(0, -1))).toBe(false);
    expect(same(path.join(directory, 'tidak-ada.xml'), short)).toBe(false);
    expect(same(path.join(directory, 'panjang.xml'), long)).toBe(true);
  });
});
