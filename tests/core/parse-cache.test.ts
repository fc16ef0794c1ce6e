import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { parseArticle, type ArticleSource, type ParseResult } from '../../src/lib/content/parse-article.ts';
import { openParseCache, parseCacheVersionOf, type ParseCache } from '../../src/lib/storage/parse-cache.ts';
import { article, source } from '../helpers/article-source.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

describe('parse cache', () => {
  const file = path.join(makeTempDir('warta-cache-'), 'cache.bin');
  const good = article('a.md', { body: 'JAKARTA - Isi.\n\nBaca juga:\n\n- Lain\n' });
  const bad = source('b.md', 'tanpa front matter\n');
  let calls = 0;
  /** What the loader does: a cached result, else a fresh parse that is remembered. */
  const parseThrough = (cache: ParseCache, s: ArticleSource): ParseResult => {
    const hit = cache.get(s);
    if (hit) return hit;
    calls++;
    const result = parseArticle(s);
    cache.put(s, result);
    return result;
  };

  it('returns the same result from disk on the next build, without parsing again', () => {
    const first = openParseCache(file, 'v1');
    const fresh = parseThrough(first, good);
    parseThrough(first, bad);
    first.save();
    expect(calls).toBe(2);

    const second = openParseCache(file, 'v1');
    const cached = parseThrough(second, good);
    expect(calls).toBe(2);
    expect(second.counts).toEqual({ hits: 1, misses: 0 });
    expect(cached).toEqual(fresh);
    expect(cached.ok && cached.article.frontMatter.date).toBeInstanceOf(Date);
  });

  it('removes the half-written copies that stopped builds left of it and of its stamps, on every save', () => {
    const folder = path.dirname(file);
    const first = openParseCache(file, 'v1');
    parseThrough(first, good);
    first.save();
    // The next build only appends (nothing to rewrite), and still removes them.
    const dead = spawnSync(process.execPath, ['-e', '0']).pid;
    const left = [`cache.bin.${dead}.tmp`, `cache.bin.stamps.${dead}.tmp`];
    const kept = `cache.bin.${process.ppid}.tmp`;
    for (const name of [...left, kept]) fs.writeFileSync(path.join(folder, name), 'x');
    const second = openParseCache(file, 'v1');
    parseThrough(second, good);
    second.save();
    const after = fs.readdirSync(folder);
    for (const name of left) expect(after).not.toContain(name);
    expect(after).toContain(kept);
    fs.rmSync(path.join(folder, kept));
  });

  it('never caches a failed parse, so its errors are reported again', () => {
    const cache = openParseCache(file, 'v1');
    expect(parseThrough(cache, bad).ok).toBe(false);
    expect(cache.counts.misses).toBe(1);
  });

  it('parses again when the file or the code changes', () => {
    const edited = article('a.md', { body: 'JAKARTA - Isi yang diubah.\n' });
    const cache = openParseCache(file, 'v1');
    const result = parseThrough(cache, edited);
    expect(result.ok && result.article.html).toContain('Isi yang diubah.');
    expect(cache.counts).toEqual({ hits: 0, misses: 1 });
    const newCode = openParseCache(file, 'v2');
    parseThrough(newCode, good);
    expect(newCode.counts).toEqual({ hits: 0, misses: 1 });
  });

  it('says whether the build is warm, and why it is a full one', () => {
    const dir = makeTempDir('warta-cache-state-');
    const at = path.join(dir, 'cache.bin');
    const first = openParseCache(at, 'v1');
    expect(first.state).toEqual({
      kind: 'full',
      why: 'no cache of a previous build (the first build here, or its cache folder was emptied)',
    });
    parseThrough(first, good);
    first.save();
    expect(openParseCache(at, 'v1').state).toEqual({ kind: 'warm', records: 1 });
    expect(openParseCache(at, 'v2').state).toEqual({
      kind: 'full',
      why: 'the cache is of another version of Warta, Node or the site settings, or of another content folder',
    });
    fs.writeFileSync(at, Buffer.from([0xff, 0xff, 0xff, 0x7f, 1, 2]));
    const damaged = openParseCache(at, 'v1').state;
    expect(damaged.kind === 'full' && damaged.why).toMatch(/could not be read/);
  });
});

describe('parse cache file', () => {
  const dir = makeTempDir('warta-cache-file-');

  it('reads back many entries, including ones larger than its read buffer', () => {
    const file = path.join(dir, 'many.bin');
    const sources = Array.from({ length: 300 }, (_, i) =>
      article(`a${i}.md`, { body: `JAKARTA - Isi ${i}. ${'kata '.repeat(i === 7 ? 1_000_000 : 50)}` }),
    );
    const cache = openParseCache(file, 'v1');
    const fresh = sources.map((s) => {
      const result = parseArticle(s);
      cache.put(s, result);
      return result;
    });
    cache.save();
    expect(fs.statSync(file).size).toBeGreaterThan(5 * 1024 * 1024);
    const again = openParseCache(file, 'v1');
    expect(sources.map((s) => again.get(s))).toEqual(fresh);
    expect(again.counts).toEqual({ hits: 300, misses: 0 });
    // Parsing a 5 MB paragraph takes most of it: 5 s alone, over 30 s beside a build with coverage on.
  }, 120_000);

  const s = article('a.md', { body: 'JAKARTA - Isi.\n' });
  /** A cache file at `name` in `dir` holding `s` alone, written for `version`. */
  const writeOne = (name: string, version: string): string => {
    const file = path.join(dir, name);
    const cache = openParseCache(file, version);
    cache.put(s, parseArticle(s));
    cache.save();
    return file;
  };

  it('starts empty from a file of another format, a truncated file or garbage', () => {
    const file = writeOne('odd.bin', 'v1');
    const whole = fs.readFileSync(file);
    for (const bytes of [
      whole.subarray(0, whole.length - 3),
      Buffer.from([0xff, 0xff, 0xff, 0x7f, 1, 2]),
      Buffer.from('bukan cache'),
    ]) {
      fs.writeFileSync(file, bytes);
      expect(openParseCache(file, 'v1').get(s)).toBeUndefined();
    }
  });

  it('names the code version a file was written for, from its header alone', () => {
    const file = writeOne('version.bin', 'kode-7f3a');
    expect(parseCacheVersionOf(file)).toBe('kode-7f3a');
    // Cut after the header: the entries are not read.
    const headerLength = 4 + fs.readFileSync(file).readUInt32LE(0);
    fs.truncateSync(file, headerLength);
    expect(parseCacheVersionOf(file)).toBe('kode-7f3a');
    fs.writeFileSync(file, 'bukan cache');
    expect(parseCacheVersionOf(file)).toBeUndefined();
    expect(parseCacheVersionOf(path.join(dir, 'tidak-ada.bin'))).toBeUndefined();
  });
});

describe('parse cache file across rebuilds', () => {
  const dir = makeTempDir('warta-cache-log-');
  const sources = (n: number, edited = -1): ArticleSource[] =>
    Array.from({ length: n }, (_, i) =>
      article(`a${i}.md`, { body: `JAKARTA - Isi ${i}${i === edited ? ' yang diubah' : ''}. ${'kata '.repeat(40)}` }),
    );
  /** One build: every source through the cache, then saved. */
  const build = (file: string, all: readonly ArticleSource[]): ParseCache => {
    const cache = openParseCache(file, 'v1');
    for (const s of all) if (!cache.get(s)) cache.put(s, parseArticle(s));
    cache.save();
    return cache;
  };

  it('appends only the edited article, leaving the records already written as they were', () => {
    const file = path.join(dir, 'append.bin');
    build(file, sources(10));
    const before = fs.readFileSync(file);
    expect(build(file, sources(10, 3)).counts).toEqual({ hits: 9, misses: 1 });
    const after = fs.readFileSync(file);
    expect(after.length).toBeGreaterThan(before.length);
    expect(after.subarray(0, before.length).equals(before)).toBe(true);
    // Both versions of a3.md are on file now: the next build finds either.
    expect(build(file, sources(10, 3)).counts).toEqual({ hits: 10, misses: 0 });
    expect(build(file, sources(10)).counts).toEqual({ hits: 10, misses: 0 });
  });

  it('rewrites the file without unused entries once they outnumber a quarter of the used ones', () => {
    const file = path.join(dir, 'compact.bin');
    build(file, sources(12));
    const full = fs.statSync(file).size;
    build(file, sources(10)); // 2 unused of 10 used: appended to (nothing new), not rewritten
    expect(fs.statSync(file).size).toBe(full);
    build(file, sources(6)); // 6 unused of 6 used: rewritten
    const compacted = fs.statSync(file).size;
    expect(compacted).toBeLessThan(full * 0.6);
    expect(build(file, sources(6)).counts).toEqual({ hits: 6, misses: 0 });
    expect(build(file, sources(8)).counts).toEqual({ hits: 6, misses: 2 });
  });

  it('cuts off a record torn by a crash before appending, and keeps every whole one', () => {
    const file = path.join(dir, 'torn.bin');
    build(file, sources(5));
    const torn = Buffer.alloc(4 + 10);
    torn.writeUInt32LE(5000); // a record said to be 5,000 bytes long, cut after 10
    fs.appendFileSync(file, torn);
    expect(build(file, sources(6)).counts).toEqual({ hits: 5, misses: 1 });
    const again = openParseCache(file, 'v1');
    expect(sources(6).every((s) => again.get(s)?.ok)).toBe(true);
    expect(again.counts).toEqual({ hits: 6, misses: 0 });
  });
});

describe('parse cache long strings', () => {
  const dir = makeTempDir('warta-cache-lazy-');
  const sources = Array.from({ length: 4 }, (_, i) =>
    article(`a${i}.md`, { body: `JAKARTA - Isi ${i}.\n\n${'Paragraf kedua yang panjang. '.repeat(40)}\n` }),
  );
  const fresh = sources.map((s) => parseArticle(s));
  const write = (file: string): void => {
    const cache = openParseCache(file, 'v1');
    sources.forEach((s, i) => cache.put(s, fresh[i] ?? parseArticle(s)));
    cache.save();
  };
  const parsed = (result: ParseResult | undefined) => {
    if (!result?.ok) throw new Error('expected a cached article');
    return result.article;
  };

  it("reads an article's body HTML, text and front matter from the file only when asked", () => {
    const file = path.join(dir, 'lazy.bin');
    write(file);
    const cache = openParseCache(file, 'v1');
    const cached = parsed(cache.get(sources[0] ?? source('x.md', '')));
    const original = parsed(fresh[0]);
    // The digests are in memory; the strings are still on disk.
    expect(cached.htmlDigest).toBe(original.htmlDigest);
    expect(cached.textDigest).toBe(original.textDigest);
    // Emptying the file under the open cache: the strings it did not read are gone with it.
    fs.truncateSync(file, 0);
    expect(cached.slug).toBe(original.slug);
    expect(() => cached.html).toThrow(/parse cache .* ends before the text of article "a0"/);
  });

  it('still gives the strings of articles read before the file was rewritten under them', () => {
    const file = path.join(dir, 'rewritten.bin');
    write(file);
    const cache = openParseCache(file, 'v1');
    const cached = sources.map((s) => parsed(cache.get(s)));
    // Another build replaces the file with one of a single, other article.
    const other = openParseCache(file, 'v2');
    other.put(source('z.md', ''), parseArticle(article('z.md', { body: 'Lain.\n' })));
    other.save();
    cached.forEach((c, i) => {
      const original = parsed(fresh[i]);
      expect([c.html, c.text, c.frontMatterText]).toEqual([original.html, original.text, original.frontMatterText]);
    });
  });

  it('copies the strings of kept articles into a compacted file', () => {
    const file = path.join(dir, 'compacted.bin');
    write(file);
    // A build that keeps one article of four: the three unused ones make it rewrite the file.
    const keep = openParseCache(file, 'v1');
    const kept = parsed(keep.get(sources[2] ?? source('x.md', '')));
    keep.save();
    const after = openParseCache(file, 'v1');
    expect(after.state).toEqual({ kind: 'warm', records: 1 });
    const again = parsed(after.get(sources[2] ?? source('x.md', '')));
    expect(again).toEqual(parsed(fresh[2]));
    expect(again.html).toBe(kept.html);
  });
});

// Issue #20: the publish server runs every publish in one process; reading the cache back from disk
// took 3 to 4 s of each 100,000-article publish. What a save wrote stays in memory for the next open,
// as long as nobody else wrote the files meanwhile.
describe('parse cache kept in memory between loads of one process', () => {
  const dir = makeTempDir('warta-cache-kept-');
  const story = (i: number) =>
    article(`k${i}.md`, { body: `JAKARTA - Isi ${i}.\n\n${'Paragraf yang cukup panjang. '.repeat(30)}\n` });
  const load = (file: string, sources: readonly ArticleSource[]) => {
    const cache = openParseCache(file, 'v1');
    const results = sources.map((s) => {
      const hit = cache.get(s);
      return hit ?? cache.put(s, parseArticle(s));
    });
    cache.save();
    return { cache, results };
  };
  /** The opens of `file` for reading while `run` runs. */
  const readsOf = (file: string, run: () => void): number => {
    const spy = vi.spyOn(fs, 'openSync');
    try {
      run();
      return spy.mock.calls.filter(([name, flags]) => name === file && flags === 'r').length;
    } finally {
      spy.mockRestore();
    }
  };
  const html = (result: ParseResult | undefined): string => (result?.ok ? result.article.html : '');

  it('opens without reading the file it saved, with every entry and its strings', () => {
    const file = path.join(dir, 'kept.bin');
    // The first save writes a new file; what the next one appends stays in memory.
    load(file, [story(1)]);
    const first = load(file, [story(1), story(2)]);
    let second: ParseCache | undefined;
    expect(readsOf(file, () => (second = openParseCache(file, 'v1')))).toBe(0);
    expect(second?.state).toEqual({ kind: 'warm', records: 2 });
    // The entries parsed by the first load now read their strings from the cache file.
    expect(html(second?.get(story(2)))).toBe(html(first.results[1]));
    expect(second?.counts).toEqual({ hits: 1, misses: 0 });
  });

  it('keeps it for another copy of the module: Astro loads the content config anew for each build', async () => {
    // A second copy, as a query makes a module's URL another one (a variable, so TypeScript does not look it up).
    const specifier = '../../src/lib/storage/parse-cache.ts?copy';
    const copy = (await import(/* @vite-ignore */ specifier)) as {
      openParseCache: typeof openParseCache;
    };
    expect(copy.openParseCache).not.toBe(openParseCache);
    const file = path.join(dir, 'copies.bin');
    load(file, [story(1)]);
    const first = load(file, [story(1), story(2)]);
    let second: ParseCache | undefined;
    expect(readsOf(file, () => (second = copy.openParseCache(file, 'v1')))).toBe(0);
    expect(html(second?.get(story(2)))).toBe(html(first.results[1]));
    expect(second?.get(story(1))?.ok).toBe(true);
    second?.save();
    // And back: the copy's save is kept for this one.
    expect(readsOf(file, () => openParseCache(file, 'v1'))).toBe(0);
  });

  it('reads the files again when another process wrote them meanwhile, or for another version', () => {
    const file = path.join(dir, 'replaced.bin');
    load(file, [story(1)]);
    // Another build of the same checkout wrote a copy of the same entries: a new file under the name.
    fs.copyFileSync(file, `${file}.copy`);
    fs.renameSync(`${file}.copy`, file);
    let again: ParseCache | undefined;
    expect(readsOf(file, () => (again = openParseCache(file, 'v1')))).toBe(1);
    expect(again?.get(story(1))?.ok).toBe(true);
    again?.save();
    expect(readsOf(file, () => openParseCache(file, 'v2'))).toBe(1);
  });

  it('keeps the entries of the first load readable through many loads, each with a new article', () => {
    const file = path.join(dir, 'many.bin');
    const sources = [story(0)];
    load(file, sources);
    // More loads than the cache keeps files open for (each opens a file for its new entries).
    for (let i = 1; i <= 10; i++) {
      sources.push(story(i));
      const { cache } = load(file, sources);
      expect(cache.counts).toEqual({ hits: i, misses: 1 });
    }
    const last = load(file, sources);
    expect(last.cache.counts).toEqual({ hits: 11, misses: 0 });
    expect(html(last.results[0])).toBe(html(parseArticle(story(0))));
    expect(html(last.results[5])).toContain('Isi 5.');
  });
});
