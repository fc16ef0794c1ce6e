import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readContentDirectory } from '../../src/lib/storage/read-sources.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

describe('reading the content folder', () => {
  it('reads every file whole, small files sharing a few large buffers (issue #20)', () => {
    const dir = makeTempDir('warta-read-');
    const files = new Map<string, Buffer>();
    // Enough 40 KB files to fill more than one 8 MB buffer, an empty one and one larger than a buffer.
    for (let i = 0; i < 260; i++)
      files.set(`berita-${String(i).padStart(3, '0')}.md`, Buffer.alloc(40_000, 97 + (i % 26)));
    files.set('kosong.md', Buffer.alloc(0));
    files.set('panjang.md', Buffer.alloc(9 * 1024 * 1024, 'x'));
    for (const [name, bytes] of files) fs.writeFileSync(path.join(dir, name), bytes);

    const { sources, errors } = readContentDirectory(dir, dir);
    expect(errors).toEqual([]);
    expect(sources).toHaveLength(files.size);
    for (const source of sources)
      expect(Buffer.from(source.bytes).equals(files.get(source.path) ?? Buffer.alloc(1))).toBe(true);
    // Read one buffer per file, the bytes of 100,000 articles stayed in the process's heap after
    // they were freed; here 10.4 MB of small files take six buffers, from 256 KB doubling to 8 MB
    // (a publish reads a few changed files, and needs no 8 MB buffer for them).
    const buffers = new Set(sources.filter((s) => s.path.startsWith('berita-')).map((s) => s.bytes.buffer));
    expect([...buffers].map((b) => b.byteLength / 1024)).toEqual([256, 512, 1024, 2048, 4096, 8192]);
  });
});
