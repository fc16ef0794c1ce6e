import fs from 'node:fs';

/**
 * Whether `a` and `b` are one file: both exist, and share device and inode (hard links of each
 * other). A publish keeps a page or a search shard in the live site when its file there is the build
 * cache's own (kept-pages.ts, search/build-index.ts). Synchronous on purpose: it is asked once per
 * page, 125,000 times at 100,000 articles, and two `fs.promises.stat` calls a page (a round trip
 * through libuv's threads each) took 6.2 s of such a build's CPU profile; a local stat does not block.
 */
export function isSameFile(a: string, b: string): boolean {
  try {
    const x = fs.statSync(a, { throwIfNoEntry: false });
    if (!x) return false;
    const y = fs.statSync(b, { throwIfNoEntry: false });
    return y?.ino === x.ino && y.dev === x.dev && y.isFile();
  } catch {
    // A path through a file (ENOTDIR), or unreadable: not the same file.
    return false;
  }
}
