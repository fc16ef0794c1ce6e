import fc from 'fast-check';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import { describe, expect, it, vi } from 'vitest';
import { createRelatedIndex, defaultRelatedConfig, parseRelatedConfig } from '../../src/lib/related/index.ts';
import type { RelatedConfig, RelatedDocument, TermCacheOptions } from '../../src/lib/related/index.ts';
import { loadFixture, makeDoc } from './helpers.ts';
import { createRelatedRanker } from '../../src/lib/content/related-ranker.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

/** Every article's list with its scores, and the index's figures: what a build publishes of it. */
function index(
  docs: readonly RelatedDocument[],
  termCache?: TermCacheOptions,
  config: RelatedConfig = defaultRelatedConfig,
) {
  const related = createRelatedIndex(config, { termCache });
  for (const doc of docs) related.add(doc);
  related.finalize();
  const lists = docs.map((doc) => [doc.slug, related.search(doc.slug)] as const);
  return { lists, stats: related.stats() };
}

/** The same figures without `termsKept`, which is the only one the cache may change. */
const withoutKept = (stats: ReturnType<typeof index>['stats']) => ({ ...stats, termsKept: undefined });

describe('the related terms kept between builds', () => {
  const work = makeTempDir('warta-term-cache-');
  let files = 0;
  const cache = (version = 'v1'): TermCacheOptions => ({ file: path.join(work, `terms-${files++}.bin`), version });
  const fixture = loadFixture();

  it('gives the lists and scores of counting every article, and counts none the second time', () => {
    const fresh = index(fixture);
    const options = cache();
    const first = index(fixture, options);
    expect(fs.existsSync(options.file)).toBe(true);
    expect(first.stats.termsKept).toBe(0);
    const second = index(fixture, options);
    expect(second.stats.termsKept).toBe(fixture.length);
    expect(second.lists).toEqual(fresh.lists);
    expect(withoutKept(second.stats)).toEqual(withoutKept(fresh.stats));
    // (Not a vacuous comparison: the fixture's articles do have related lists.)
    expect(fresh.lists.filter(([, list]) => list.length > 0).length).toBeGreaterThan(fixture.length / 2);
  });

  it('counts only what changed after an edit, a new story, a deletion and a headline change, with the same result', () => {
    const options = cache();
    index(fixture, options);
    const [first, second, third, ...rest] = fixture;
    const changed = [
      // A new story first, as a publish adds it; it shares words with the archive and brings new ones.
      makeDoc('baru', {
        title: `${first!.title} kembali memanas`,
        body: `${second!.body} Warga Cikarang mengungsi ke posko darurat.`,
        tags: first!.tags,
        category: first!.category,
        day: 400,
      }),
      { ...first!, body: `${first!.body} Pembaruan: korban bertambah.` },
      { ...second!, title: `${second!.title} (diperbarui)` },
      // third deleted
      ...rest,
    ];
    const fresh = index(changed);
    const kept = index(changed, options);
    expect(kept.stats.termsKept).toBe(rest.length);
    expect(kept.lists).toEqual(fresh.lists);
    expect(withoutKept(kept.stats)).toEqual(withoutKept(fresh.stats));
    expect(third).toBeDefined();
  });

  it("keys a story by its body's digest when it has one, and then reads the body only to count it", () => {
    const options = cache();
    const withDigest = (doc: RelatedDocument, digest: string, readable: boolean): RelatedDocument => ({
      slug: doc.slug,
      title: doc.title,
      summary: doc.summary,
      tags: doc.tags,
      category: doc.category,
      date: doc.date,
      get body() {
        if (!readable) throw new Error(`the body of ${doc.slug} was read`);
        return doc.body;
      },
      bodyDigest: digest,
    });
    const first = index(
      fixture.map((doc) => withDigest(doc, `d-${doc.slug}`, true)),
      options,
    );
    // The next build: every body unreadable, every digest the same, so every story keeps its terms.
    const second = index(
      fixture.map((doc) => withDigest(doc, `d-${doc.slug}`, false)),
      options,
    );
    expect(second.stats.termsKept).toBe(fixture.length);
    expect(second.lists).toEqual(first.lists);
    // A changed digest is a changed body: that story is counted again, and only it.
    const [changed, ...rest] = fixture;
    const third = index(
      [withDigest(changed!, 'd-other', true), ...rest.map((d) => withDigest(d, `d-${d.slug}`, false))],
      options,
    );
    expect(third.stats.termsKept).toBe(fixture.length - 1);
  });

  it('is read when the build ranker is prepared, before the articles are known, and gives the same lists', () => {
    const options = cache();
    const withDigest = (doc: RelatedDocument, readable: boolean): RelatedDocument => ({
      ...doc,
      get body() {
        if (!readable) throw new Error(`the body of ${doc.slug} was read`);
        return doc.body;
      },
      bodyDigest: `d-${doc.slug}`,
    });
    const requests = fixture.map((doc) => ({ slug: doc.slug, exclude: new Set([doc.slug]) }));
    const first = createRelatedRanker(defaultRelatedConfig, { termCache: options })(
      fixture.map((doc) => withDigest(doc, true)),
    )(requests);
    expect(first.some((list) => list.length > 0)).toBe(true);
    // The next build prepares its ranker first; the file is gone by the time the articles come, so
    // only terms read at prepare() spare every body from being read.
    const ranker = createRelatedRanker(defaultRelatedConfig, { termCache: options });
    ranker.prepare?.();
    fs.rmSync(options.file);
    expect(ranker(fixture.map((doc) => withDigest(doc, false)))(requests)).toEqual(first);
    // Unprepared, the same ranker reads the file when called, as before: the one just written.
    expect(ranker(fixture.map((doc) => withDigest(doc, false)))(requests)).toEqual(first);
  });

  it('is the same index whatever was kept, for any sequence of publishes, edits and deletions (property)', () => {
    const words = ['banjir', 'jakarta', 'pemilu', 'presiden', 'harga', 'beras', 'gempa', 'sekolah', 'vaksin', 'kereta'];
    const text = fc.array(fc.constantFrom(...words), { minLength: 0, maxLength: 12 }).map((w) => w.join(' '));
    const doc = fc.record({
      title: text,
      summary: text,
      body: text,
      tag: fc.constantFrom('a', 'b', 'c'),
      day: fc.nat(30),
    });
    const change = fc.oneof(
      fc.record({ kind: fc.constant('publish' as const), at: fc.nat(), doc }),
      fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('edit' as const), at: fc.nat(), body: text }),
      fc.record({ kind: fc.constant('headline' as const), at: fc.nat(), title: text }),
    );
    // Every candidate listed, so that any difference in a weight shows in some score.
    const listAll = parseRelatedConfig({ minSimilarity: 0, minSharedTerms: 1, limit: 20 });
    let listed = 0;
    let kept = 0;
    let next = 0;
    const toDoc = ({ tag, ...d }: { title: string; summary: string; body: string; tag: string; day: number }) =>
      makeDoc(`d${next++}`, { ...d, tags: [tag], category: tag });
    fc.assert(
      fc.property(
        fc.array(doc, { maxLength: 12 }),
        fc.array(change, { minLength: 1, maxLength: 6 }),
        (start, changes) => {
          const options = cache();
          let docs = start.map(toDoc);
          index(docs, options, listAll);
          for (const c of changes) {
            const at = docs.length === 0 ? 0 : c.at % docs.length;
            const target = docs[at];
            if (c.kind === 'publish') docs = [...docs.slice(0, at), toDoc(c.doc), ...docs.slice(at)];
            else if (target === undefined) continue;
            else if (c.kind === 'delete') docs = docs.filter((d) => d !== target);
            else if (c.kind === 'edit') docs = docs.map((d) => (d === target ? { ...d, body: c.body } : d));
            else docs = docs.map((d) => (d === target ? { ...d, title: c.title } : d));
            const withCache = index(docs, options, listAll);
            const fresh = index(docs, undefined, listAll);
            expect(withCache.lists).toEqual(fresh.lists);
            expect(withoutKept(withCache.stats)).toEqual(withoutKept(fresh.stats));
            listed += fresh.lists.reduce((sum, [, list]) => sum + list.length, 0);
            kept += withCache.stats.termsKept;
          }
        },
      ),
      { numRuns: 80 },
    );
    // Not vacuous: lists were compared, and most articles' terms came from the cache.
    expect(listed).toBeGreaterThan(100);
    expect(kept).toBeGreaterThan(100);
  });

  it('counts everything again when the code version or the counting settings changed, or the file is damaged', () => {
    const options = cache('v1');
    index(fixture, options);
    expect(index(fixture, { ...options, version: 'v2' }).stats.termsKept).toBe(0);
    // (v2 is now what the file holds.)
    expect(index(fixture, { ...options, version: 'v2' }).stats.termsKept).toBe(fixture.length);
    const heavierTitles = parseRelatedConfig({ titleWeight: 5 });
    const reweighted = index(fixture, { ...options, version: 'v2' }, heavierTitles);
    expect(reweighted.stats.termsKept).toBe(0);
    expect(reweighted.lists).toEqual(index(fixture, undefined, heavierTitles).lists);
    fs.writeFileSync(options.file, fs.readFileSync(options.file).subarray(0, 1000));
    const damaged = index(fixture, { ...options, version: 'v2' }, heavierTitles);
    expect(damaged.stats.termsKept).toBe(0);
    expect(damaged.lists).toEqual(reweighted.lists);
  });

  it('counts everything again from a file of the earlier format, or whose header does not match its contents', () => {
    const options = cache('v1');
    index(fixture, options);
    const good = fs.readFileSync(options.file);
    expect(index(fixture, options).stats.termsKept).toBe(fixture.length);
    const rewritten = (edit: (header: Record<string, unknown>) => void): Buffer => {
      const length = good.readUInt32LE(8);
      const header = JSON.parse(good.toString('utf8', 12, 12 + length)) as Record<string, unknown>;
      edit(header);
      const json = JSON.stringify(header).padEnd(length, ' ');
      expect(Buffer.byteLength(json)).toBe(length);
      return Buffer.concat([good.subarray(0, 12), Buffer.from(json), good.subarray(12 + length)]);
    };
    const broken = [
      // The format before 2026-12-02: one v8.serialize'd object.
      v8.serialize({
        version: 'v1',
        keys: [],
        vocabulary: [],
        start: new Uint32Array(1),
        ids: new Uint32Array(0),
        counts: new Float32Array(0),
      }),
      // One word fewer than the vocabulary holds: the lines no longer match the count.
      rewritten((h) => {
        h['words'] = (h['words'] as number) - 1;
      }),
      // Bytes moved from the keys to the words: the sizes still add up, the counts do not.
      rewritten((h) => {
        h['wordBytes'] = (h['wordBytes'] as number) + 29;
        h['keyBytes'] = (h['keyBytes'] as number) - 29;
      }),
      // A byte more at the end than the header accounts for.
      Buffer.concat([good, Buffer.from([0])]),
    ];
    for (const bytes of broken) {
      fs.writeFileSync(options.file, bytes);
      const again = index(fixture, options);
      expect(again.stats.termsKept).toBe(0);
    }
    // And the file each of those builds wrote in its place is read again.
    expect(index(fixture, options).stats.termsKept).toBe(fixture.length);
  });

  it('is written in the background when asked, whole, and the next build reads it', async () => {
    const options = { ...cache(), inBackground: true };
    const requests = fixture.map((doc) => ({ slug: doc.slug, exclude: new Set([doc.slug]) }));
    const ranker = createRelatedRanker(defaultRelatedConfig, { termCache: options });
    const lists = ranker(fixture)(requests);
    await ranker.written?.();
    expect(fs.readdirSync(path.dirname(options.file)).filter((f) => f.includes('.tmp'))).toEqual([]);
    // Read back by a build that writes on its own thread: every story's terms, and the same lists.
    const next = index(fixture, { file: options.file, version: options.version });
    expect(next.stats.termsKept).toBe(fixture.length);
    expect(next.lists.map(([, list]) => list.map((m) => m.slug))).toEqual(lists);
  });

  it("orders one file's background writes across copies of the module, as each of the server's builds loads its own", async () => {
    const options = { ...cache(), inBackground: true };
    // A second copy of the module, as Vite gives each build of the publish server (a query makes another module).
    const modulePath = '../../src/lib/related/term-cache.ts';
    const first = (await import(/* @vite-ignore */ modulePath)) as typeof import('../../src/lib/related/term-cache.ts');
    const second = (await import(/* @vite-ignore */ `${modulePath}?another-build`)) as typeof first;
    expect(second).not.toBe(first);
    const ranker = createRelatedRanker(defaultRelatedConfig, { termCache: options });
    ranker(fixture)([]);
    // The write the first copy started is the one the second copy's next write of the file waits for.
    expect(second.termCacheWritten(options)).toBe(first.termCacheWritten(options));
    await ranker.written?.();
  });

  it("is kept in memory for the publish server's next build, while the file is still the one written", async () => {
    const options = { ...cache(), inBackground: true, keepInMemory: true };
    const requests = fixture.map((doc) => ({ slug: doc.slug, exclude: new Set([doc.slug]) }));
    const ranker = createRelatedRanker(defaultRelatedConfig, { termCache: options });
    const lists = ranker(fixture)(requests);
    await ranker.written?.();
    // The builds below write on their own thread, and keep what they wrote as well.
    const onThread = { file: options.file, version: options.version, keepInMemory: true };
    const opened = vi.spyOn(fs, 'openSync');
    const reads = (): number => opened.mock.calls.filter(([file]) => file === options.file).length;
    try {
      // Taken from memory: every story's terms, the same lists, and the file not opened.
      const next = index(fixture, onThread);
      expect(next.stats.termsKept).toBe(fixture.length);
      expect(next.lists.map(([, list]) => list.map((m) => m.slug))).toEqual(lists);
      expect(reads()).toBe(0);
      // That build kept what it wrote (on its own thread) in turn; a file changed since is read instead.
      const touched = new Date(Date.now() + 5000);
      fs.utimesSync(options.file, touched, touched);
      expect(index(fixture, onThread).stats.termsKept).toBe(fixture.length);
      expect(reads()).toBe(1);
      // Another process's write (as an `npm run build` between two publishes) is read from the file.
      index(fixture.slice(1), { file: options.file, version: options.version });
      expect(index(fixture, onThread).stats.termsKept).toBe(fixture.length - 1);
      expect(reads()).toBe(2);
      // Kept terms of another version are not used, from memory or from the file.
      expect(index(fixture, { ...onThread, version: 'v2' }).stats.termsKept).toBe(0);
    } finally {
      opened.mockRestore();
    }
  });

  it('says why a background write failed, keeps the previous file and leaves no temporary file', async () => {
    const options = { ...cache(), inBackground: true };
    const ranker = createRelatedRanker(defaultRelatedConfig, { termCache: options });
    ranker(fixture)([]);
    await ranker.written?.();
    const before = fs.readFileSync(options.file);
    // A folder where the temporary file would go: opening it for writing fails.
    const blocker = `${options.file}.${process.pid}.background.tmp`;
    fs.mkdirSync(blocker);
    try {
      ranker(fixture.slice(1))([]);
      // The write's own error, not one from tidying up (the folder cannot be removed as a file).
      await expect(ranker.written?.()).rejects.toThrow(/^EISDIR/);
    } finally {
      fs.rmSync(blocker, { recursive: true });
    }
    expect(fs.readFileSync(options.file).equals(before)).toBe(true);
    // A write that fails once its temporary file is written (the file's name is a folder that is not
    // empty, so the rename fails) removes that file.
    const folder = { ...cache(), inBackground: true };
    fs.mkdirSync(path.join(folder.file, 'inside'), { recursive: true });
    const other = createRelatedRanker(defaultRelatedConfig, { termCache: folder });
    other(fixture)([]);
    await expect(other.written?.()).rejects.toThrow(/EISDIR|ENOTEMPTY|EEXIST/);
    expect(fs.readdirSync(work).filter((f) => f.includes('background'))).toEqual([]);
    // A later write is not held up by the failed one.
    ranker(fixture.slice(1))([]);
    await ranker.written?.();
    expect(index(fixture.slice(1), { file: options.file, version: options.version }).stats.termsKept).toBe(
      fixture.length - 1,
    );
  });

  it("removes the temporary files of builds stopped while writing it, and not a running process's", () => {
    const options = cache();
    // A process that has exited, as a build stopped with Ctrl-C in the middle of the write.
    const dead = spawnSync(process.execPath, ['-e', '0']).pid;
    const running = process.ppid;
    const name = (pid: number, kind: string) => `${path.basename(options.file)}.${pid}.${kind}`;
    const left = [name(dead, 'tmp'), name(dead, 'background.tmp')];
    const kept = [name(running, 'background.tmp'), `${path.basename(options.file)}.notes.tmp`];
    for (const file of [...left, ...kept]) fs.writeFileSync(path.join(work, file), 'x');
    index(fixture, options);
    const after = fs.readdirSync(work);
    for (const file of left) expect(after).not.toContain(file);
    for (const file of kept) expect(after).toContain(file);
    for (const file of kept) fs.rmSync(path.join(work, file));
  });

  it('works without a previous file and leaves no temporary file behind', () => {
    const options = { file: path.join(work, 'nested', 'folder', 'terms.bin'), version: 'v1' };
    expect(index(fixture, options).stats.termsKept).toBe(0);
    expect(fs.readdirSync(path.dirname(options.file))).toEqual(['terms.bin']);
  });
});
