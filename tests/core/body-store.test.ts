import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openBodyStore, readBody } from '../../src/lib/content/body-store.ts';

describe('body store', () => {
  const directory = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'warta-bodies-')), 'bodies');

  it('reads back what it wrote, by digest, in a folder per digest prefix', () => {
    const store = openBodyStore(directory);
    store.write('ab12cd34ef56ab78', '<p>Isi berita.</p>');
    store.write('ff00000000000001', '<p>Lain.</p>');
    expect(readBody(directory, 'ab12cd34ef56ab78', 'a')).toBe('<p>Isi berita.</p>');
    expect(fs.readdirSync(directory).sort()).toEqual(['ab', 'ff']);
    // No temporary files are left behind.
    expect(fs.readdirSync(path.join(directory, 'ab'))).toEqual(['ab12cd34ef56ab78.html']);
  });

  it('keeps a body already stored under the same digest', () => {
    openBodyStore(directory).write('ab12cd34ef56ab78', '<p>Ditulis lagi.</p>');
    expect(readBody(directory, 'ab12cd34ef56ab78', 'a')).toBe('<p>Isi berita.</p>');
  });

  it('prunes the bodies no entry uses any more', () => {
    expect(openBodyStore(directory).prune(new Set(['ff00000000000001']))).toBe(1);
    expect(readBody(directory, 'ff00000000000001', 'b')).toBe('<p>Lain.</p>');
    expect(() => readBody(directory, 'ab12cd34ef56ab78', 'putin-kirim-pesan')).toThrow(
      /rendered body of article "putin-kirim-pesan" \(digest ab12cd34ef56ab78\) is missing from .*bodies\. .*run the build again/,
    );
  });

  it('refuses a digest that could name a path outside the store', () => {
    expect(() => openBodyStore(directory).write('../etc/passwd', 'x')).toThrow('Invalid body digest');
    expect(() => readBody(directory, 'a/b', 'x')).toThrow('Invalid body digest');
  });
});
