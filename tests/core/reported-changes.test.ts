import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openParseCache, hasKeptParseCache } from '../../src/lib/storage/parse-cache.ts';
import { parseChanged } from '../../src/lib/storage/parse-changed.ts';
import { listContentDirectory, readContentDirectory } from '../../src/lib/storage/read-sources.ts';
import {
  changedSinceStamps,
  checkRememberedStamps,
  markBuildStart,
  reportBlind,
  reportChange,
  setStampCheck,
  stampCheck,
  stampsSaved,
  startReporting,
  stopReporting,
  trustedStamps,
} from '../../src/lib/storage/reported-changes.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

// Issue #20: in the publish server a build stats only the files the watcher reported since the
// stamps it compares with were taken (src/lib/storage/reported-changes.ts), and a check after each
// publish finds what the watcher missed. These run the steps the loader runs (warta-loader.ts,
// `readAndParse` and the cache's save), in the order it runs them.

const articleText = (title: string): string =>
  `---\ntitle: "${title}"\ndate: 2024-12-20T10:00:00+07:00\ncategory: Nasional\n---\n\nJAKARTA - Isi berita.\n`;

/**
 * A content folder of `count` stories and one in a subfolder, and a cache file beside it. Twenty, not
 * fewer: the cache is kept in memory only after a save that appended to it, and one whose unused
 * entries (each edit leaves one) outnumber a quarter of those in use is rewritten instead.
 */
function contentFolder(count: number): { dir: string; cacheFile: string } {
  const root = makeTempDir('warta-reported-');
  const dir = path.join(root, 'content');
  fs.mkdirSync(path.join(dir, 'daerah'), { recursive: true });
  for (let i = 0; i < count; i++) fs.writeFileSync(path.join(dir, `berita-${i}.md`), articleText(`Judul ${i}`));
  fs.writeFileSync(path.join(dir, 'daerah/berita-daerah.md'), articleText('Judul Daerah'));
  return { dir, cacheFile: path.join(root, 'cache', 'parse.bin') };
}

/**
 * One publish's content step as the loader runs it, with the content files it stat'ed; `during` runs
 * once the files are read, before the cache is saved (a save while the publish runs).
 */
async function build(dir: string, cacheFile: string, during?: () => void) {
  markBuildStart();
  const listing = listContentDirectory(dir, dir);
  const changed = hasKeptParseCache(cacheFile, 'v1') ? changedSinceStamps() : undefined;
  const cache = openParseCache(cacheFile, 'v1');
  const statted: string[] = [];
  const statSync = fs.statSync.bind(fs) as (file: fs.PathLike, options?: fs.StatSyncOptions) => unknown;
  const spy = vi.spyOn(fs, 'statSync').mockImplementation(((file: fs.PathLike, options?: fs.StatSyncOptions) => {
    if (typeof file === 'string' && file.startsWith(dir + path.sep)) statted.push(path.relative(dir, file));
    return statSync(file, options);
  }) as typeof fs.statSync);
  try {
    const { sources } = readContentDirectory(dir, dir, {
      unchanged: (file, shown, stamp) => cache.isUnchanged(file, shown, stamp),
      listing,
      remembered: trustedStamps(cache, changed, listing.links),
    });
    const { results } = await parseChanged(sources, { cache });
    during?.();
    cache.save();
    stampsSaved();
    setStampCheck(stampCheck(dir, listing.files, { cacheFile, version: 'v1', displayBase: dir }));
    const titles = new Map(
      results.map((r, i) => [sources[i]?.path ?? '', r?.ok ? r.article.frontMatter.title : 'gagal']),
    );
    return { titles, statted: statted.sort(), trusted: changed !== undefined };
  } finally {
    spy.mockRestore();
  }
}

/** The builds before the first that can trust the watcher: the one that writes the cache, the one that keeps it. */
async function warm(dir: string, cacheFile: string): Promise<void> {
  await build(dir, cacheFile);
  await build(dir, cacheFile);
}

describe('changes reported by the publish server’s watcher (issue #20)', () => {
  beforeEach(() => {
    // Stamps are only taken of files whose times have settled (file-stamps.ts): an hour on.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 3_600_000 });
    startReporting();
  });
  afterEach(() => {
    stopReporting();
    vi.useRealTimers();
  });

  it('stats only the files the watcher named since the last build, and reads the one that changed', async () => {
    const { dir, cacheFile } = contentFolder(20);
    // Nothing remembered yet: every file is stat'ed. A first build writes the cache whole, and only a
    // build that appended to it keeps it in memory (parse-cache.ts), as in the server.
    for (let i = 0; i < 2; i++) {
      const first = await build(dir, cacheFile);
      expect(first.trusted).toBe(false);
      expect(first.statted).toHaveLength(21);
    }

    fs.writeFileSync(path.join(dir, 'berita-2.md'), articleText('Judul Baru'));
    reportChange('berita-2.md');
    const second = await build(dir, cacheFile);
    expect(second.trusted).toBe(true);
    expect(second.statted).toEqual(['berita-2.md']);
    expect(second.titles.get('berita-2.md')).toBe('Judul Baru');

    // A file saved while a build runs, after its read: that build keeps the old text, and the next
    // one stats the file, though the event came before the first one saved its stamps.
    const during = await build(dir, cacheFile, () => {
      fs.writeFileSync(path.join(dir, 'berita-3.md'), articleText('Disimpan Saat Terbit'));
      reportChange('berita-3.md');
    });
    expect(during.titles.get('berita-3.md')).toBe('Judul 3');
    const third = await build(dir, cacheFile);
    expect(third.statted).toEqual(['berita-3.md']);
    expect(third.titles.get('berita-3.md')).toBe('Disimpan Saat Terbit');

    // Nothing reported: nothing stat'ed, and the stamps carried over stay trusted.
    expect((await build(dir, cacheFile)).statted).toEqual([]);
    expect(await checkRememberedStamps()).toEqual([]);
  });

  it('takes a reported folder for everything below it, and stats everything once the watcher went blind', async () => {
    const { dir, cacheFile } = contentFolder(20);
    await warm(dir, cacheFile);
    // A folder replaced whole (removed, then copied back in): one event, for the folder.
    fs.rmSync(path.join(dir, 'daerah'), { recursive: true });
    fs.mkdirSync(path.join(dir, 'daerah'));
    fs.writeFileSync(path.join(dir, 'daerah/berita-daerah.md'), articleText('Daerah Diganti'));
    reportChange('daerah');
    const replaced = await build(dir, cacheFile);
    expect(replaced.statted).toEqual(['daerah/berita-daerah.md']);
    expect(replaced.titles.get('daerah/berita-daerah.md')).toBe('Daerah Diganti');

    // A name-less event, or a folder that could not be watched: every file, for good.
    reportChange(undefined);
    expect((await build(dir, cacheFile)).statted).toHaveLength(21);
    expect((await build(dir, cacheFile)).trusted).toBe(false);
    stopReporting();
    startReporting();
    await warm(dir, cacheFile);
    expect((await build(dir, cacheFile)).statted).toEqual([]);
    reportBlind();
    expect((await build(dir, cacheFile)).statted).toHaveLength(21);
  });

  it('keeps a change the watcher missed from the build, and the check after it names the file', async () => {
    const { dir, cacheFile } = contentFolder(20);
    await warm(dir, cacheFile);
    // Saved unreported (as through a hard link outside the folder: the folder's watch gets no event).
    fs.writeFileSync(path.join(dir, 'berita-1.md'), articleText('Tak Terlihat'));
    fs.writeFileSync(path.join(dir, 'berita-baru.md'), articleText('Berita Baru'));
    fs.rmSync(path.join(dir, 'berita-0.md'));
    const missed = await build(dir, cacheFile);
    // The listing still finds the new and the deleted story; the edit is left as it was.
    expect(missed.titles.get('berita-baru.md')).toBe('Berita Baru');
    expect(missed.titles.has('berita-0.md')).toBe(false);
    expect(missed.titles.get('berita-1.md')).toBe('Judul 1');
    const found = await checkRememberedStamps();
    expect(found).toEqual(['berita-1.md']);
    // What the server does with it: reports it, and publishes again.
    for (const file of found ?? []) reportChange(file);
    const fixed = await build(dir, cacheFile);
    expect(fixed.statted).toEqual(['berita-1.md']);
    expect(fixed.titles.get('berita-1.md')).toBe('Tak Terlihat');
    expect(await checkRememberedStamps()).toEqual([]);

    // Added or removed since the last build listed the folder, unseen: named too.
    fs.writeFileSync(path.join(dir, 'berita-lain.md'), articleText('Lain'));
    fs.rmSync(path.join(dir, 'berita-2.md'));
    expect(await checkRememberedStamps()).toEqual(['berita-lain.md', 'berita-2.md']);
  });

  it('stats a symbolic link every time: a change to the file it names is reported under that name', async () => {
    const { dir, cacheFile } = contentFolder(20);
    fs.symlinkSync('berita-0.md', path.join(dir, 'tautan.md'));
    await warm(dir, cacheFile);
    const next = await build(dir, cacheFile);
    expect(next.statted).toEqual(['tautan.md']);
  });

  it('trusts nothing outside the publish server', async () => {
    stopReporting();
    const { dir, cacheFile } = contentFolder(20);
    await warm(dir, cacheFile);
    reportChange('berita-0.md');
    const again = await build(dir, cacheFile);
    expect(again.trusted).toBe(false);
    expect(again.statted).toHaveLength(21);
    expect(await checkRememberedStamps()).toBeUndefined();
  });
});
