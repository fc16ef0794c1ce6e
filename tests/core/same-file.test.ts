import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isSameFile } from '../../src/lib/storage/same-file.ts';

describe('isSameFile', () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'warta-same-file-'));
  afterAll(() => {
    fs.rmSync(work, { recursive: true, force: true });
  });
  const file = (name: string, text = 'isi') => {
    const at = path.join(work, name);
    fs.writeFileSync(at, text);
    return at;
  };

  it('is true for hard links of one file, and false for a copy with the same bytes', () => {
    const a = file('a.html');
    fs.linkSync(a, path.join(work, 'b.html'));
    fs.copyFileSync(a, path.join(work, 'c.html'));
    expect(isSameFile(a, path.join(work, 'b.html'))).toBe(true);
    expect(isSameFile(a, path.join(work, 'c.html'))).toBe(false);
  });

  it('is false when either is missing, is a folder, or lies behind a file', () => {
    const a = file('d.html');
    expect(isSameFile(a, path.join(work, 'tidak-ada.html'))).toBe(false);
    expect(isSameFile(path.join(work, 'tidak-ada.html'), a)).toBe(false);
    expect(isSameFile(work, work)).toBe(false);
    expect(isSameFile(a, path.join(a, 'index.html'))).toBe(false);
  });
});
