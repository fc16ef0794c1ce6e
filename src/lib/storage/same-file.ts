import fs from 'node:fs';

/**
 * Whether `a` and `b` are one file: both exist, and share device and inode (hard links of each
 * other). A publish keeps a page or a search shard in the live site when its file there is the build
 * cache's own (kept-pages.ts, search/build-index.ts). Synchronous on purpose: it is asked once per
 * page, 125,000 times at 100,000 articles, and two `fs.promises.stat` calls a page (a round trip
 * through libuv's threads each) took 6.2 s of such a build's CPU profile; a local stat does not block.
 */
export function isSameFile(a: string, b: string): boolean {
  return sharedInode(a, b) !== undefined;
}

/** The inode `a` and `b` share when they are one file (see {@link isSameFile}); otherwise undefined. */
export function sharedInode(a: string, b: string): number | undefined {
  try {
    const x = fs.statSync(a, { throwIfNoEntry: false });
    if (!x) return undefined;
    const y = fs.statSync(b, { throwIfNoEntry: false });
    return y?.ino === x.ino && y.dev === x.dev && y.isFile() ? x.ino : undefined;
  } catch {
    // A path through a file (ENOTDIR), or unreadable: not the same file.
    return undefined;
  }
}

/**
 * Whether `file` is still the file with inode `ino` that an earlier check found linked from two
 * places (see {@link sharedInode}), asked with one stat instead of two: it exists, is that inode,
 * and still has another link. A page replaced in the live site is a new inode with one link; a
 * page whose build cache copy was deleted or replaced is left with one link. Inode numbers are only
 * reused once a file is gone, and a new file starts with one link, so neither passes. At 100,000
 * articles a publish asks this for 125,000 pages, and the second stat was 1 s of it (issue #20).
 */
export function isStillLinked(file: string, ino: number): boolean {
  try {
    const stats = fs.lstatSync(file, { throwIfNoEntry: false });
    return stats?.ino === ino && stats.nlink >= 2 && stats.isFile();
  } catch {
    return false;
  }
}

/**
 * A file's device, inode, size and change times, in nanoseconds; undefined when it cannot be read.
 * What the publish server compares to know that a file is still the one it wrote, and so that what
 * it kept in memory of that file is still what the file holds (another process's build replaces the
 * file, which changes its identity).
 */
export function fileIdentity(file: string): string | undefined {
  try {
    const stats = fs.statSync(file, { bigint: true });
    return `${stats.dev}:${stats.ino}:${stats.size}:${stats.mtimeNs}:${stats.ctimeNs}`;
  } catch {
    return undefined;
  }
}
