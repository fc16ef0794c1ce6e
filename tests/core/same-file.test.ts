import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isSameFile, isStillLinked, sharedInode } from '../../src/lib/storage/same-file.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

describe('isSameFile', () => {
  const work = makeTempDir('warta-same-file-');
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

describe('sharedInode and isStillLinked', () => {
  const work = makeTempDir('warta-still-linked-');
  /** A live page and its build cache copy, hard links of one file, and the inode they share. */
  const linkedPair = (name: string) => {
    const live = path.join(work, `${name}-live.html`);
    const cached = path.join(work, `${name}-cache.html`);
    fs.writeFileSync(cached, '<p>isi</p>');
    fs.linkSync(cached, live);
    const ino = sharedInode(cached, live);
    if (ino === undefined) throw new Error('not linked');
    return { live, cached, ino };
  };

  it('gives the inode two links share, and nothing for a copy', () => {
    const { live, cached, ino } = linkedPair('a');
    expect(ino).toBe(fs.statSync(live).ino);
    fs.copyFileSync(cached, path.join(work, 'a-copy.html'));
    expect(sharedInode(cached, path.join(work, 'a-copy.html'))).toBeUndefined();
    expect(sharedInode(cached, path.join(work, 'tidak-ada.html'))).toBeUndefined();
  });

  it('is true while the live file is that inode and the cache copy still links it', () => {
    const { live, ino } = linkedPair('b');
    expect(isStillLinked(live, ino)).toBe(true);
  });

  it('is false for a live page replaced by hand, even with the same bytes', () => {
    const { live, ino } = linkedPair('c');
    const bytes = fs.readFileSync(live);
    fs.rmSync(live);
    fs.writeFileSync(live, bytes);
    expect(isStillLinked(live, ino)).toBe(false);
  });

  it('is false once the cache copy is deleted or replaced, or the live page is gone', () => {
    const deleted = linkedPair('d');
    fs.rmSync(deleted.cached);
    expect(isStillLinked(deleted.live, deleted.ino)).toBe(false);
    const replaced = linkedPair('e');
    fs.writeFileSync(`${replaced.cached}.new`, '<p>lain</p>');
    fs.renameSync(`${replaced.cached}.new`, replaced.cached);
    expect(isStillLinked(replaced.live, replaced.ino)).toBe(false);
    const gone = linkedPair('f');
    fs.rmSync(gone.live);
    expect(isStillLinked(gone.live, gone.ino)).toBe(false);
    expect(isStillLinked(path.join(gone.live, 'index.html'), gone.ino)).toBe(false);
  });
});
