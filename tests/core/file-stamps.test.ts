import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseArticle } from '../../src/lib/content/parse-article.ts';
import { fileStamp, readStamps, SETTLE_MS, writeStamps } from '../../src/lib/storage/file-stamps.ts';
import { openParseCache } from '../../src/lib/storage/parse-cache.ts';
import { parseChanged } from '../../src/lib/storage/parse-changed.ts';
import { listContentDirectory, readContentDirectory } from '../../src/lib/storage/read-sources.ts';
import { stampFiles, stampFilesInWorker } from '../../src/lib/storage/stamp-files.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

const articleText = (title: string, body = 'JAKARTA - Isi berita.'): string =>
  `---\ntitle: "${title}"\ndate: 2024-12-20T10:00:00+07:00\ncategory: Nasional\n---\n\n${body}\n`;

/** A content folder of `count` articles, and a cache file beside it. */
function contentFolder(count: number): { dir: string; cacheFile: string } {
  const root = makeTempDir('warta-stamps-');
  const dir = path.join(root, 'content');
  fs.mkdirSync(dir);
  for (let i = 0; i < count; i++) fs.writeFileSync(path.join(dir, `berita-${i}.md`), articleText(`Judul ${i}`));
  return { dir, cacheFile: path.join(root, 'cache', 'parse.bin') };
}

/** One build's content step as the loader runs it: the cache, the read, the parse, the save. */
async function build(dir: string, cacheFile: string) {
  const cache = openParseCache(cacheFile, 'v1');
  const { sources, errors } = readContentDirectory(dir, dir, {
    unchanged: (file, shown, stamp) => cache.isUnchanged(file, shown, stamp),
  });
  const { results } = await parseChanged(sources, { cache });
  cache.save();
  const titles = results.map((r) => (r?.ok ? r.article.frontMatter.title : r?.errors.map((e) => e.message).join()));
  return { cache, titles, errors };
}

/** The content files this process opens for reading while `run` runs (the content reader opens each file it reads). */
async function filesOpened<T>(dir: string, run: () => Promise<T>): Promise<{ result: T; opened: string[] }> {
  const opened: string[] = [];
  const note = (file: unknown): void => {
    if (typeof file === 'string' && file.startsWith(dir)) opened.push(path.basename(file));
  };
  const open = fs.openSync.bind(fs);
  const readFile = fs.readFileSync.bind(fs);
  const spyOpen = vi.spyOn(fs, 'openSync').mockImplementation((...args: Parameters<typeof fs.openSync>) => {
    note(args[0]);
    return open(...args);
  });
  const spyRead = vi.spyOn(fs, 'readFileSync').mockImplementation((...args: Parameters<typeof fs.readFileSync>) => {
    note(args[0]);
    return readFile(...args);
  });
  try {
    return { result: await run(), opened: opened.sort() };
  } finally {
    spyOpen.mockRestore();
    spyRead.mockRestore();
  }
}

describe('file stamps (issue #20)', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('stamps a file only once its times are older than the settling time, and changes with each of its parts', () => {
    const { dir } = contentFolder(1);
    const file = path.join(dir, 'berita-0.md');
    const stats = fs.statSync(file, { bigint: true });
    const later = Number(stats.ctimeMs) + SETTLE_MS + 10;
    expect(fileStamp(stats, Number(stats.mtimeMs))).toBeUndefined();
    expect(fileStamp(stats, Number(stats.ctimeMs) + SETTLE_MS - 50)).toBeUndefined();
    const stamp = fileStamp(stats, later);
    expect(stamp).toBe(`${stats.dev}:${stats.ino}:${stats.size}:${stats.mtimeNs}:${stats.ctimeNs}`);

    // The same size and modification time, by a new file renamed into place: another inode.
    const next = `${file}.baru`;
    fs.writeFileSync(next, articleText('Judul X'));
    fs.utimesSync(next, stats.atime, stats.mtime);
    fs.renameSync(next, file);
    const replaced = fs.statSync(file, { bigint: true });
    expect(replaced.size).toBe(stats.size);
    expect(fileStamp(replaced, Number(replaced.ctimeMs) + SETTLE_MS + 10)).not.toBe(stamp);
  });

  it('keeps stamps between builds for one version, and reads none of another, a damaged file or no file', () => {
    const file = path.join(makeTempDir('warta-stamps-file-'), 'parse.bin.stamps');
    expect(readStamps(file, 'v1').size).toBe(0);
    const stamps = new Map([
      ['a.md\0content/a.md', { stamp: '1:2:3:4:5', key: 'k1' }],
      ['b\tc.md\0content/b\tc.md', { stamp: '1:9:3:4:5', key: 'k2' }],
    ]);
    writeStamps(file, 'v1', stamps);
    expect(readStamps(file, 'v1')).toEqual(stamps);
    expect(readStamps(file, 'v2').size).toBe(0);
    fs.writeFileSync(file, 'bukan berkas cap');
    expect(readStamps(file, 'v1').size).toBe(0);
  });

  it('does not read the files a previous build read, and reads and parses again the ones changed since', async () => {
    const { dir, cacheFile } = contentFolder(4);
    // Every file settled: the clock an hour on.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 3_600_000 });
    const first = await filesOpened(dir, () => build(dir, cacheFile));
    expect(first.opened).toEqual(['berita-0.md', 'berita-1.md', 'berita-2.md', 'berita-3.md']);
    expect(first.result.cache.counts).toEqual({ hits: 0, misses: 4 });

    const second = await filesOpened(dir, () => build(dir, cacheFile));
    expect(second.opened).toEqual([]);
    expect(second.result.cache.counts).toEqual({ hits: 4, misses: 0 });
    expect(second.result.titles).toEqual(['Judul 0', 'Judul 1', 'Judul 2', 'Judul 3']);

    // Edited in place with the same size, and one more file.
    fs.writeFileSync(path.join(dir, 'berita-2.md'), articleText('Judul Z'));
    fs.writeFileSync(path.join(dir, 'berita-4.md'), articleText('Judul 4'));
    const third = await filesOpened(dir, () => build(dir, cacheFile));
    expect(third.opened).toEqual(['berita-2.md', 'berita-4.md']);
    expect(third.result.titles).toEqual(['Judul 0', 'Judul 1', 'Judul Z', 'Judul 3', 'Judul 4']);
    expect(third.result.cache.counts).toEqual({ hits: 3, misses: 2 });

    const fourth = await filesOpened(dir, () => build(dir, cacheFile));
    expect(fourth.opened).toEqual([]);
    expect(fourth.result.titles).toEqual(['Judul 0', 'Judul 1', 'Judul Z', 'Judul 3', 'Judul 4']);
  });

  it('reads a file changed less than the settling time before the build every time, so a change in the same clock tick is seen', async () => {
    const { dir, cacheFile } = contentFolder(2);
    await build(dir, cacheFile);
    // The real clock: the files were written a moment ago.
    const again = await filesOpened(dir, () => build(dir, cacheFile));
    expect(again.opened).toEqual(['berita-0.md', 'berita-1.md']);
    // Still found in the cache, by their bytes.
    expect(again.result.cache.counts).toEqual({ hits: 2, misses: 0 });
  });

  it('reads every file again when the cache is of another version, or its stamps are gone', async () => {
    const { dir, cacheFile } = contentFolder(2);
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 3_600_000 });
    await build(dir, cacheFile);
    fs.rmSync(`${cacheFile}.stamps`);
    const withoutStamps = await filesOpened(dir, () => build(dir, cacheFile));
    expect(withoutStamps.opened).toEqual(['berita-0.md', 'berita-1.md']);
    expect(withoutStamps.result.cache.counts).toEqual({ hits: 2, misses: 0 });

    const other = openParseCache(cacheFile, 'v2');
    expect(other.isUnchanged('berita-0.md', 'berita-0.md', 'x')).toBe(false);
    const opened = await filesOpened(dir, () =>
      Promise.resolve(readContentDirectory(dir, dir, { unchanged: (f, s, stamp) => other.isUnchanged(f, s, stamp) })),
    );
    expect(opened.opened).toEqual(['berita-0.md', 'berita-1.md']);
  });

  it('reports a file it did not read that is gone by the time a parse needs it, against that file', async () => {
    const { dir } = contentFolder(1);
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 3_600_000 });
    const { sources } = readContentDirectory(dir, dir, { unchanged: () => true });
    fs.rmSync(path.join(dir, 'berita-0.md'));
    const { results } = await parseChanged(sources);
    const result = results[0];
    expect(result?.ok).toBe(false);
    expect(result && !result.ok && result.errors.map((e) => [e.name, e.position?.file, e.message])).toEqual([
      ['FileUnreadable', 'berita-0.md', 'Reading the file failed: ENOENT.'],
    ]);
    // The same file read up front parses as ever.
    fs.writeFileSync(path.join(dir, 'berita-0.md'), articleText('Judul 0'));
    const [read] = readContentDirectory(dir, dir).sources;
    expect(read && parseArticle(read).ok).toBe(true);
  });

  it('takes the stamps on a worker thread as on this one, and a build given them reads only what they do not vouch for', async () => {
    const worker = path.resolve('src/lib/storage/stamp-files-worker.ts');
    const { dir, cacheFile } = contentFolder(3);
    const files = ['berita-0.md', 'berita-1.md', 'berita-2.md', 'hilang.md'];
    // Written a moment ago: no stamp yet (the worker has the real clock), so such a file is stat'ed again.
    expect(stampFiles(dir, files)).toEqual([null, null, null, null]);
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS + 200));
    const here = stampFiles(dir, files);
    expect(here.slice(0, 3).every((stamp) => typeof stamp === 'string')).toBe(true);
    expect(here[3]).toBeNull();
    expect(await stampFilesInWorker(dir, files, worker)).toEqual(here);
    await expect(stampFilesInWorker(dir, files, path.join(dir, 'no-worker.ts'))).rejects.toThrow();

    await build(dir, cacheFile);
    // As the loader reads: listed first, stamped on the worker, then read with those stamps. A stamp
    // the cache does not know (here made up for berita-1) gets its file read.
    const listing = listContentDirectory(dir, dir);
    const stamps = await stampFilesInWorker(dir, listing.files, worker);
    stamps[1] = 'bukan-stempel-ini';
    const cache = openParseCache(cacheFile, 'v1');
    const { opened, result } = await filesOpened(dir, () =>
      Promise.resolve(
        readContentDirectory(dir, dir, {
          unchanged: (file, shown, stamp) => cache.isUnchanged(file, shown, stamp),
          listing,
          stamps,
        }),
      ),
    );
    expect(opened).toEqual(['berita-1.md']);
    expect(result.sources.map((source) => source.path)).toEqual(['berita-0.md', 'berita-1.md', 'berita-2.md']);
  });
});
