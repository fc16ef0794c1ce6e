import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildContent } from '../../src/lib/content/build-content.ts';
import { formatError } from '../../src/lib/errors/index.ts';
import type { ShardManifest } from '../../src/lib/search/fields.ts';
import {
  buildSearchIndex,
  formatSearchIndexReport,
  prepareSearchIndex,
  pagefindIndexFor,
  shardManifest,
  type ShardBundle,
  writeSearchIndex,
  type SearchIndexReport,
  type IndexedArticle,
} from '../../src/lib/search/build-index.ts';
import { article, source } from '../helpers/article-source.ts';
import { digestFiles } from '../helpers/build-site.ts';
import { serveStatic, type StaticServer } from '../helpers/serve.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { openPagefind, type LoadedResult } from './pagefind-client.ts';

// A small archive indexed by the real Pagefind binary and searched by Pagefind's own client code.
const sources = [
  source(
    'internasional/putin.md',
    [
      '---',
      'title: "Putin Harapkan Kerja Sama Berkelanjutan dengan Korut"',
      'date: 2024-12-27T10:15:00+07:00',
      'category: Internasional',
      'tags: [Rusia, Korea Utara]',
      '---',
      '',
      'JAKARTA - Presiden Vladimir Putin mengharapkan kerja sama dengan Pyongyang terus berlanjut.',
      '',
      'Baca juga:',
      '',
      '- [x](../nasional/banjir.md)',
      '',
      'Hubungan kedua negara disebut kemitraan strategis, kata juru bicara < Kremlin >.',
    ].join('\n'),
  ),
  article('nasional/banjir.md', {
    title: 'Banjir Rob Genangi Pesisir Utara Jakarta',
    body: 'JAKARTA - Ratusan warga mengungsi setelah air laut pasang menggenangi permukiman. Para pengungsi ditampung di masjid.',
  }),
  article('ekonomi/pekerja.md', {
    title: 'Upah Minimum Naik, Pekerja Pabrik Menyambut Baik',
    body: 'BEKASI - Serikat pekerja menyambut kenaikan upah. Mereka tetap bekerja seperti biasa. Kabar serupa datang dari Korut.',
  }),
];

const urls = (results: readonly LoadedResult[]) => results.map((r) => new URL(r.url, 'http://x').pathname);

/** Serves `work` over HTTP and opens `work/pagefind` as the search page does. */
async function openServed(
  work: string,
): Promise<{ pagefind: Awaited<ReturnType<typeof openPagefind>>; close(): Promise<void> }> {
  const server: StaticServer = await serveStatic(work);
  const pagefind = await openPagefind(path.join(work, 'pagefind'), server.url);
  return {
    pagefind,
    close: async () => {
      await pagefind.close();
      await server.close();
    },
  };
}

describe('the shard manifest', () => {
  // Oldest first, as planned; dates in UTC (the manifest's date is the WIB one).
  const shards = [
    { name: 'arsip-2023', articles: 900, oldest: '2023-01-02T03:00:00Z' },
    { name: 'arsip-2024-q4', articles: 700, oldest: '2024-10-01T08:00:00Z' },
    { name: 'arsip-2024-12-01', articles: 500, oldest: '2024-11-30T18:30:00Z' },
    { name: 'arsip-2024-12-02', articles: 120, oldest: '2024-12-20T08:00:00Z' },
  ];
  // Each shard's bundle as Pagefind writes it: one Indonesian index, two filter files.
  const bundle = (name: string): ShardBundle => ({
    entry: { languages: { id: { hash: `id_${name.slice(6)}`, wasm: 'id', page_count: 10 } } },
    filters: [`id_k${name.slice(-2)}.pf_filter`, `id_t${name.slice(-2)}.pf_filter`],
  });
  const bundles = new Map(shards.map((s) => [s.name, bundle(s.name)]));
  it('lists the shards newest first, and the newest that hold the recent articles, from their oldest WIB date', () => {
    expect(shardManifest(shards, 600, bundles)).toEqual({
      shards: ['arsip-2024-12-02', 'arsip-2024-12-01', 'arsip-2024-q4', 'arsip-2023'],
      recent: 2,
      // 30 November 18:30 UTC is 1 December 01:30 WIB.
      since: '2024-12-01',
      tags: ['id_2024-12-02', 'id_2024-12-01', 'id_2024-q4', 'id_2023'],
      // What the two recent shards read before a search: the WebAssembly once, each one's entry (at
      // the URL its tag makes), metadata and filters.
      preload: [
        'wasm.id.pagefind',
        'arsip-2024-12-02/pagefind-entry.json?ts=id_2024-12-02',
        'arsip-2024-12-02/pagefind.id_2024-12-02.pf_meta',
        'arsip-2024-12-02/filter/id_k02.pf_filter',
        'arsip-2024-12-02/filter/id_t02.pf_filter',
        'arsip-2024-12-01/pagefind-entry.json?ts=id_2024-12-01',
        'arsip-2024-12-01/pagefind.id_2024-12-01.pf_meta',
        'arsip-2024-12-01/filter/id_k01.pf_filter',
        'arsip-2024-12-01/filter/id_t01.pf_filter',
      ],
    });
    expect(shardManifest(shards, 621, bundles)).toMatchObject({ recent: 3, since: '2024-10-01' });
  });
  it('leaves out the date when the recent shards are the whole archive', () => {
    expect(shardManifest(shards, 3000, bundles)).toMatchObject({
      shards: ['arsip-2024-12-02', 'arsip-2024-12-01', 'arsip-2024-q4', 'arsip-2023'],
      recent: 4,
    });
    expect(shardManifest(shards, 3000, bundles)).not.toHaveProperty('since');
    expect(shardManifest([], 3000, new Map())).toEqual({ shards: [], recent: 0, tags: [], preload: [] });
  });
  it('tags a shard by all its languages, and preloads the index Pagefind picks for an Indonesian page', () => {
    const entry = {
      languages: {
        unknown: { hash: 'unknown_9', wasm: 'unknown', page_count: 50 },
        id: { hash: 'id_1', wasm: 'id', page_count: 3 },
      },
    };
    const manifest = shardManifest([shards[0]!], 10, new Map([['arsip-2023', { entry, filters: [] }]]));
    expect(manifest.tags).toEqual(['id_1.unknown_9']);
    expect(manifest.preload).toEqual([
      'wasm.id.pagefind',
      'arsip-2023/pagefind-entry.json?ts=id_1.unknown_9',
      'arsip-2023/pagefind.id_1.pf_meta',
    ]);
    // As Pagefind's findIndex: the base language of `id-ID`, else the index with the most pages.
    expect(pagefindIndexFor(entry, 'id-ID').hash).toBe('id_1');
    expect(pagefindIndexFor(entry, 'en').hash).toBe('unknown_9');
    expect(() => pagefindIndexFor({ languages: {} }, 'id')).toThrow(/lists no language index/);
  });
  it('refuses a shard without a bundle instead of writing a manifest the page cannot use', () => {
    expect(() => shardManifest(shards, 600, new Map())).toThrow(/arsip-2024-12-02 has no bundle/);
  });
});

describe('the search index, searched with Pagefind in Node', () => {
  let built: ReturnType<typeof buildContent>;
  let work: string;
  let report: SearchIndexReport;
  let served: Awaited<ReturnType<typeof openServed>> | undefined;
  let pagefind: Awaited<ReturnType<typeof openPagefind>>;

  beforeAll(async () => {
    built = buildContent(sources, { now: new Date('2025-01-01T00:00:00Z') });
    expect(built.errors.map(formatError)).toEqual([]);
    work = makeTempDir('warta-search-');
    report = await writeSearchIndex(built.articles, path.join(work, 'pagefind'));
    served = await openServed(work);
    pagefind = served.pagefind;
  });
  afterAll(async () => {
    await served?.close();
  });

  it('writes the JS API, its worker, the Indonesian WebAssembly and the index, without the unused UIs', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(work, 'pagefind/shards.json'), 'utf8')) as ShardManifest;
    expect(manifest).toMatchObject({ shards: ['arsip-2024-12-01'], recent: 1 });
    // The files the page preloads are the bundle's: the shared WebAssembly, the shard's entry, metadata
    // and its one filter (the category's).
    expect(manifest.preload).toHaveLength(4);
    expect(manifest.preload.filter((file) => file.includes('/filter/'))).toHaveLength(1);
    expect(manifest.preload).toContain('wasm.id.pagefind');
    expect(manifest.preload).toContain(`arsip-2024-12-01/pagefind-entry.json?ts=${manifest.tags[0]!}`);
    for (const file of manifest.preload)
      expect(fs.existsSync(path.join(work, 'pagefind', file.replace(/\?.*$/, '')))).toBe(true);
    // One copy of Pagefind's script for every shard, at a URL the page knows before the manifest.
    expect(fs.readFileSync(path.join(work, 'pagefind/pagefind.js'), 'utf8')).toContain(
      '`${this.basePath}../wasm.${language}.pagefind`',
    );
    const files = fs.readdirSync(path.join(work, 'pagefind/arsip-2024-12-01'));
    expect(files).toEqual(
      expect.arrayContaining([
        'pagefind.js',
        'pagefind-worker.js',
        'pagefind-entry.json',
        'index',
        'fragment',
        'filter',
      ]),
    );
    expect(files.filter((f) => /ui|highlight/.test(f))).toEqual([]);
    // The WebAssembly is shared by every shard, one level up (shareWebAssembly).
    expect(files.filter((f) => f.startsWith('wasm'))).toEqual([]);
    expect(fs.existsSync(path.join(work, 'pagefind/wasm.id.pagefind'))).toBe(true);
    const entry = JSON.parse(
      fs.readFileSync(path.join(work, 'pagefind/arsip-2024-12-01/pagefind-entry.json'), 'utf8'),
    ) as {
      languages: Record<string, unknown>;
    };
    expect(Object.keys(entry.languages)).toEqual(['id']);
    expect(report.records).toBe(3);
    expect(report.shards).toBe(1);
    expect(report.bytes).toBeGreaterThan(50_000);
    expect(formatSearchIndexReport(report)).toMatch(
      /^Pagefind: indexed 3 articles in 1 shard \(0 reused\) in \d+\.\d\d s \(records \d+\.\d\d s, write \d+\.\d\d s\), \d+\.\d\d MB in \d+ files; vocabulary \d+ words, \d+\.\d KB$/,
    );
  });

  it('writes the same bytes for the same articles (reproducible builds)', async () => {
    const again = path.join(work, 'again');
    await writeSearchIndex(built.articles, again);
    expect(digestFiles(again)).toEqual(digestFiles(path.join(work, 'pagefind')));
    fs.rmSync(again, { recursive: true });
  });

  it('writes the same bytes for many more articles than it sends to Pagefind at once', async () => {
    const many = buildContent(
      Array.from({ length: 150 }, (_, i) =>
        article(`arsip/berita-${i}.md`, {
          title: `Berita Nomor ${i}`,
          body: `JAKARTA - Isi berita ${i} tentang ${['banjir', 'pasar', 'pemilu'][i % 3] ?? ''} dan kerja sama.`,
        }),
      ),
      { now: new Date('2025-01-01T00:00:00Z') },
    );
    expect(many.errors.map(formatError)).toEqual([]);
    const first = path.join(work, 'many-1');
    const second = path.join(work, 'many-2');
    await writeSearchIndex(many.articles, first);
    await writeSearchIndex(many.articles, second);
    expect(digestFiles(second)).toEqual(digestFiles(first));
  });

  it('finds words with the excerpt marking them, and shows the metadata', async () => {
    const { results } = await pagefind.search('Pyongyang');
    expect(urls(results)).toEqual(['/berita/putin/']);
    expect(results[0]!.excerpt).toContain('<mark>Pyongyang</mark>');
    expect(results[0]!.meta).toMatchObject({
      title: 'Putin Harapkan Kerja Sama Berkelanjutan dengan Korut',
      date: '27 Des 2024, 10:15 WIB',
      category: 'Internasional',
    });
    expect(results[0]!.filters).toEqual({ kategori: ['Internasional'] });
  });

  it('searches headlines (meta.title) and ranks a headline match above a mention in the body', async () => {
    // "Pabrik" is only in the pekerja headline; the excerpt then quotes the lead, not the headline.
    const { results } = await pagefind.search('pabrik');
    expect(urls(results)).toEqual(['/berita/pekerja/']);
    expect(results[0]!.excerpt).toMatch(/^BEKASI - Serikat pekerja/);
    // "Korut" is in the Putin headline and in the body of the pekerja article.
    expect(urls((await pagefind.search('korut')).results)).toEqual(['/berita/putin/', '/berita/pekerja/']);
  });

  it('stems Indonesian: bekerja, pekerja and kerja find each other; mengungsi finds pengungsi', async () => {
    for (const q of ['bekerja', 'pekerja', 'kerja']) {
      expect(urls((await pagefind.search(q)).results).sort(), q).toEqual(['/berita/pekerja/', '/berita/putin/']);
    }
    const { results } = await pagefind.search('pengungsi');
    expect(urls(results)).toEqual(['/berita/banjir/']);
    expect(results[0]!.excerpt).toContain('<mark>mengungsi</mark>');
  });

  it('narrows by category and counts every category for the query', async () => {
    const all = await pagefind.search('kerja');
    // (The fixture helper files every article without its own front matter under Nasional.)
    expect(all.totalFilters['kategori']).toEqual({ Internasional: 1, Nasional: 1 });
    const narrowed = await pagefind.search('kerja', { filters: { kategori: 'Nasional' } });
    expect(urls(narrowed.results)).toEqual(['/berita/pekerja/']);
  });

  it('sorts by publication date', async () => {
    // The fixture helper dates every article 2024-12-20 except Putin (27 Dec); ties keep any order.
    const newest = await pagefind.search('jakarta', { sort: { date: 'desc' } });
    expect(urls(newest.results)[0]).toBe('/berita/putin/');
    const oldest = await pagefind.search('jakarta', { sort: { date: 'asc' } });
    expect(urls(oldest.results).at(-1)).toBe('/berita/putin/');
  });

  it('indexes nothing but headline, body and metadata: a "Baca juga" link does not match its target\'s title', async () => {
    // The Putin article links the banjir article under "Baca juga", whose item text is its headline.
    expect(urls((await pagefind.search('genangi')).results)).toEqual(['/berita/banjir/']);
    expect((await pagefind.search('xyzzy')).results).toEqual([]);
  });

  it('escapes angle brackets of the text in excerpts', async () => {
    const { results } = await pagefind.search('Kremlin');
    expect(results[0]!.excerpt).toContain('juru bicara &lt; <mark>Kremlin</mark>');
    expect(results[0]!.excerpt).not.toMatch(/<(?!\/?mark>)/);
  });
});

describe('the search index split into shards, searched as one', () => {
  let built: ReturnType<typeof buildContent>;
  let work: string;
  let served: Awaited<ReturnType<typeof openServed>> | undefined;
  let pagefind: Awaited<ReturnType<typeof openPagefind>>;
  let first: SearchIndexReport;
  const write = (articles: readonly IndexedArticle[]) =>
    writeSearchIndex(articles, path.join(work, 'pagefind'), { shardSize: 1, cacheDirectory: path.join(work, 'cache') });

  beforeAll(async () => {
    built = buildContent(sources, { now: new Date('2025-01-01T00:00:00Z') });
    work = makeTempDir('warta-shards-');
    first = await write(built.articles);
    served = await openServed(work);
    pagefind = served.pagefind;
  });
  afterAll(async () => {
    await served?.close();
  });

  it('writes one bundle per shard, listed newest first (banjir and pekerja 20 Dec, putin 27 Dec)', () => {
    expect(first).toMatchObject({ records: 3, shards: 3, reused: 0 });
    const manifest = JSON.parse(fs.readFileSync(path.join(work, 'pagefind/shards.json'), 'utf8')) as ShardManifest;
    expect(manifest).toMatchObject({ shards: ['arsip-2024-12-03', 'arsip-2024-12-02', 'arsip-2024-12-01'], recent: 3 });
    // A tag per shard, each its own index's.
    expect(new Set(manifest.tags).size).toBe(3);
    for (const file of manifest.preload)
      expect(fs.existsSync(path.join(work, 'pagefind', file.replace(/\?.*$/, '')))).toBe(true);
    const pageCount = (shard: string) =>
      (
        JSON.parse(fs.readFileSync(path.join(work, 'pagefind', shard, 'pagefind-entry.json'), 'utf8')) as {
          languages: { id: { page_count: number } };
        }
      ).languages.id.page_count;
    expect(['arsip-2024-12-01', 'arsip-2024-12-02', 'arsip-2024-12-03'].map(pageCount)).toEqual([1, 1, 1]);
  });

  it('finds across shards, adds up the category counts and filters', async () => {
    const all = await pagefind.search('kerja');
    expect(urls(all.results).sort()).toEqual(['/berita/pekerja/', '/berita/putin/']);
    expect(all.totalFilters['kategori']).toEqual({ Internasional: 1, Nasional: 1 });
    expect(urls((await pagefind.search('kerja', { filters: { kategori: 'Nasional' } })).results)).toEqual([
      '/berita/pekerja/',
    ]);
    expect(urls((await pagefind.search('pengungsi')).results)).toEqual(['/berita/banjir/']);
  });

  it('writes an empty shard list for a site with no published article', async () => {
    const empty = path.join(work, 'empty');
    expect(
      await writeSearchIndex([], path.join(empty, 'pagefind'), { cacheDirectory: path.join(empty, 'cache') }),
    ).toMatchObject({ records: 0, shards: 0 });
    expect(JSON.parse(fs.readFileSync(path.join(empty, 'pagefind/shards.json'), 'utf8'))).toEqual({
      shards: [],
      recent: 0,
      tags: [],
      preload: [],
    });
  });

  it('sorts by date across shards', async () => {
    expect(urls((await pagefind.search('jakarta', { sort: { date: 'desc' } })).results)[0]).toBe('/berita/putin/');
    expect(urls((await pagefind.search('jakarta', { sort: { date: 'asc' } })).results)[0]).not.toBe('/berita/putin/');
  });

  it("writes the archive's vocabulary next to the shards, the same from cached shards, and publishes no shard's term counts", async () => {
    const vocabulary = (): string[] =>
      fs.readFileSync(path.join(work, 'pagefind/kosakata.txt'), 'utf8').split('\n').filter(Boolean);
    const words = vocabulary();
    expect(words).toEqual(expect.arrayContaining(['banjir', 'pengungsi', 'jakarta', 'putin']));
    // "jakarta" is in every article; no short words, numbers or duplicates.
    expect(words.indexOf('jakarta')).toBeLessThan(words.indexOf('banjir'));
    expect(words.every((w) => /^[a-z]{4,}$/.test(w))).toBe(true);
    expect(new Set(words).size).toBe(words.length);
    expect(first.vocabularyWords).toBe(words.length);
    expect(await write(built.articles)).toMatchObject({ reused: 3 });
    expect(vocabulary()).toEqual(words);
    const published = fs.readdirSync(path.join(work, 'pagefind'), { recursive: true }).map(String);
    expect(published.filter((f) => f.includes('terms'))).toEqual([]);
  });

  it('reuses the cached shards, and re-indexes only the shard of an edited article', async () => {
    const again = await write(built.articles);
    expect(again).toMatchObject({ shards: 3, reused: 3 });
    const edited = built.articles.map((a) =>
      // An edited text without the parsed text's digest, which would stand for the old text.
      a.data.slug === 'banjir' ? { data: a.data, text: `${a.text} Tanggul jebol di Muara Baru.` } : a,
    );
    expect(await write(edited)).toMatchObject({ shards: 3, reused: 2 });
    // A new server: the static server lists the files once, when it starts.
    await served?.close();
    served = await openServed(work);
    pagefind = served.pagefind;
    expect(urls((await pagefind.search('tanggul')).results)).toEqual(['/berita/banjir/']);
    // Only the shards in use stay in the cache.
    expect(fs.readdirSync(path.join(work, 'cache')).length).toBe(3);
  });

  it('keys cached shards by their search fields: related lists do not count, a headline, a date or the record code does', async () => {
    await write(built.articles);
    const withRelated = built.articles.map((a) => ({
      ...a,
      data: { ...a.data, related: [], bacaJuga: [], readingMinutes: 99 },
    }));
    expect(await write(withRelated)).toMatchObject({ shards: 3, reused: 3 });
    const retitled = built.articles.map((a) =>
      a.data.slug === 'pekerja' ? { ...a, data: { ...a.data, title: 'Upah Naik' } } : a,
    );
    expect(await write(retitled)).toMatchObject({ shards: 3, reused: 2 });
    // The dates count to the millisecond (they are hashed as numbers): an update a second later, or
    // a story moved a second earlier, re-indexes its shard.
    const later = (field: 'date' | 'modified') =>
      built.articles.map((a) =>
        a.data.slug === 'pekerja'
          ? { ...a, data: { ...a.data, [field]: new Date(a.data[field].getTime() + 1000) } }
          : a,
      );
    for (const field of ['modified', 'date'] as const) {
      await write(built.articles);
      expect(await write(later(field))).toMatchObject({ shards: 3, reused: 2 });
    }
    const newCode = await writeSearchIndex(built.articles, path.join(work, 'pagefind'), {
      shardSize: 1,
      cacheDirectory: path.join(work, 'cache'),
      codeVersion: 'v2',
    });
    expect(newCode).toMatchObject({ shards: 3, reused: 0 });
    await write(built.articles);
  });

  it('spools only the shards the cache does not hold, and removes them once indexed', async () => {
    const output = path.join(work, 'planned');
    await write(built.articles);
    const edited = built.articles.map((a) =>
      a.data.slug === 'putin' ? { data: a.data, text: `${a.text} Kremlin menutup pernyataan.` } : a,
    );
    const plan = prepareSearchIndex(edited, output, { shardSize: 1, cacheDirectory: path.join(work, 'cache') });
    expect(plan.shards.map((s) => [s.name, s.articlesFile && path.basename(s.articlesFile)])).toEqual([
      ['arsip-2024-12-01', undefined],
      ['arsip-2024-12-02', undefined],
      ['arsip-2024-12-03', 'arsip-2024-12-03.bin'],
    ]);
    expect(fs.readdirSync(plan.spoolDirectory)).toEqual(['arsip-2024-12-03.bin']);
    expect(await buildSearchIndex(plan, output, { cacheDirectory: path.join(work, 'cache') })).toMatchObject({
      records: 3,
      shards: 3,
      reused: 2,
    });
    expect(fs.existsSync(plan.spoolDirectory)).toBe(false);
    expect(fs.readdirSync(path.join(output, 'arsip-2024-12-03'))).toContain('pagefind.js');
  });

  it("reads the text only of the shards it builds when articles bring their text's digest", async () => {
    const output = path.join(work, 'digests');
    const cacheDirectory = path.join(work, 'cache-digests');
    const withDigest = (readable: (slug: string) => boolean) =>
      built.articles.map((a) => ({
        data: a.data,
        get text() {
          if (!readable(a.data.slug)) throw new Error(`the text of ${a.data.slug} was read`);
          return a.text;
        },
        textDigest: a.textDigest,
      }));
    await writeSearchIndex(
      withDigest(() => true),
      output,
      { shardSize: 1, cacheDirectory },
    );
    expect(
      await writeSearchIndex(
        withDigest(() => false),
        output,
        { shardSize: 1, cacheDirectory },
      ),
    ).toMatchObject({
      shards: 3,
      reused: 3,
    });
    // A headline changed: that shard is built again, from its text; the others' texts stay unread.
    const retitled = withDigest((slug) => slug === 'pekerja').map((a) =>
      a.data.slug === 'pekerja' ? { ...a, data: { ...a.data, title: 'Upah Naik' } } : a,
    );
    expect(await writeSearchIndex(retitled, output, { shardSize: 1, cacheDirectory })).toMatchObject({
      shards: 3,
      reused: 2,
    });
  });

  it('fails with advice when a shard planned from the cache has left it before the build', async () => {
    await write(built.articles);
    const output = path.join(work, 'vanished');
    const plan = prepareSearchIndex(built.articles, output, { shardSize: 1, cacheDirectory: path.join(work, 'cache') });
    const gone = plan.shards[1]!.cached!;
    fs.rmSync(gone, { recursive: true });
    await expect(buildSearchIndex(plan, output, { cacheDirectory: path.join(work, 'cache') })).rejects.toThrow(
      `The search shard arsip-2024-12-02 was planned from the cache, but ${gone} is gone. Run the build again.`,
    );
    await write(built.articles);
  });
});
