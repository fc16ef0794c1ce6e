import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkIntactPages, checkIntactPagesInWorker, intactCheck } from '../../src/lib/storage/intact-pages.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

const WORKER = path.resolve('src/lib/storage/intact-pages-worker.ts');

describe('the intact check of a publish by the page plan', () => {
  const work = makeTempDir('warta-intact-');
  const live = path.join(work, 'dist');
  const cache = path.join(work, 'cache');
  /** A page as a build leaves it: the cache's copy and the live file, hard links of one file. */
  const published = (file: string): number => {
    fs.mkdirSync(path.dirname(path.join(cache, file)), { recursive: true });
    fs.mkdirSync(path.dirname(path.join(live, file)), { recursive: true });
    fs.writeFileSync(path.join(cache, file), `<p>${file}</p>`);
    fs.linkSync(path.join(cache, file), path.join(live, file));
    return fs.statSync(path.join(live, file)).ino;
  };
  const a = published('berita/a/index.html');
  const b = published('berita/b/index.html');
  const c = published('berita/c/index.html');
  const d = published('berita/d/index.html');
  // b replaced by hand with the same bytes; c's cache copy deleted; d's live page deleted.
  fs.rmSync(path.join(live, 'berita/b/index.html'));
  fs.writeFileSync(path.join(live, 'berita/b/index.html'), '<p>berita/b/index.html</p>');
  fs.rmSync(path.join(cache, 'berita/c/index.html'));
  fs.rmSync(path.join(live, 'berita/d/index.html'));
  const pages = (known: boolean) =>
    ['a', 'b', 'c', 'd', 'e'].map((slug, i) => ({
      file: `berita/${slug}/index.html`,
      ...(known ? { ino: [a, b, c, d, 12345][i] } : {}),
    }));

  it('gives the inode of each intact page and 0 for the others, whether the plan knows the inodes or not', () => {
    expect([...checkIntactPages(intactCheck(pages(true), live, cache))]).toEqual([a, 0, 0, 0, 0]);
    expect([...checkIntactPages(intactCheck(pages(false), live, cache))]).toEqual([a, 0, 0, 0, 0]);
  });

  it('gives the same answer on a worker thread', async () => {
    for (const known of [true, false])
      expect([...(await checkIntactPagesInWorker(intactCheck(pages(known), live, cache), WORKER))]).toEqual([
        ...checkIntactPages(intactCheck(pages(known), live, cache)),
      ]);
  });

  it('rejects when the worker cannot run, so the caller checks on its own thread', async () => {
    await expect(
      checkIntactPagesInWorker(intactCheck(pages(true), live, cache), path.join(work, 'no-worker.ts')),
    ).rejects.toThrow();
  });
});
