import { hash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import { Worker } from 'node:worker_threads';
import * as pagefind from 'pagefind';
import { calendarDateOf, isoDate, wibDayNumber } from '../dates/wib-day.ts';
import {
  DEFAULT_RECENT_SEARCH_ARTICLES,
  SEARCH_LANGUAGE,
  SEARCH_SCRIPT,
  SHARD_ENTRY_FILE,
  SHARD_MANIFEST,
  VOCABULARY_FILE,
  type ShardManifest,
} from './fields.ts';
import { keptAcrossBuilds, oncePerObject, type KeptBox } from '../once-per-object.ts';
import { searchSource, type SearchRecord, type SearchSource } from './record.ts';
import { shardRecords, splitIntoShards, type ShardArticle } from './shards.ts';
import { isSameFile } from '../storage/same-file.ts';
import { releaseBytes } from '../storage/release-bytes.ts';
import {
  countArticleTerms,
  mergeTermCounts,
  serializeVocabulary,
  vocabularyWords,
  type TermCounts,
} from './vocabulary.ts';

// A new Pagefind writes different bundles: cached shards of the old one must not be reused. (Its
// package.json is not exported, so it is read next to the resolved entry point.)
const PAGEFIND_VERSION = (
  JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.resolve('pagefind')), 'utf8')) as {
    version: string;
  }
).version;

/** What {@link writeSearchIndex} did, for the build log. */
export interface SearchIndexReport {
  /** Articles indexed. */
  readonly records: number;
  /** Pagefind indexes the articles were split into, and how many of them came unchanged from the cache. */
  readonly shards: number;
  readonly reused: number;
  /** Bytes written under the bundle folder. */
  readonly bytes: number;
  /** Files written under the bundle folder. */
  readonly files: number;
  /** Words in the vocabulary file (vocabulary.ts) and its size in bytes. */
  readonly vocabularyWords: number;
  readonly vocabularyBytes: number;
  /** Wall time of indexing and writing, in milliseconds. */
  readonly milliseconds: number;
  /** Of which: handing the records to Pagefind, and Pagefind building and writing the bundles. */
  readonly addMilliseconds: number;
  readonly writeMilliseconds: number;
  /** Shards left in the live site's search folder ({@link SearchIndexOptions.liveDirectory}), by name: not in the bundle. */
  readonly kept: readonly string[];
}

/**
 * What the index is built from: a published article (only its search fields are read), its plain
 * body text, and optionally that text's digest. With the digest, the text is read only for the
 * shards that are built: an article from the parse cache reads it from disk when asked.
 */
export interface IndexedArticle extends ShardArticle {
  readonly textDigest?: string | undefined;
}

/** Options of {@link writeSearchIndex}. */
export interface SearchIndexOptions {
  /** Articles per Pagefind index (see shards.ts). */
  readonly shardSize?: number;
  /** Articles in the newest shards the search page reads first (see {@link DEFAULT_RECENT_SEARCH_ARTICLES}). */
  readonly recentArticles?: number;
  /** Folder where built shards are kept by digest, so a rebuild re-indexes only the shards that changed. */
  readonly cacheDirectory?: string;
  /**
   * Identifies the code that turns articles into records (a digest of its source): part of each
   * cached shard's key, so a change to that code re-indexes every shard.
   */
  readonly codeVersion?: string;
  /**
   * The live site's search folder. A cached shard whose files are already there (the same files, hard
   * links of the cache entry) is left there and not put in the bundle: a publish at 100,000 articles
   * then links, moves and deletes one shard's files instead of 103,000 (issue #20).
   */
  readonly liveDirectory?: string | undefined;
  readonly clock?: () => number;
}

/**
 * Files of Pagefind's ready-made UIs and highlighter. The search page uses only the JS API
 * (`pagefind.js`, its worker, the WebAssembly and the index), so these are not published.
 */
const UNUSED_BUNDLE_FILE = /^pagefind-(ui|modular-ui|component-ui|highlight)\.(js|css)$/;

/**
 * A cached shard's document frequencies (vocabulary.ts), kept in its cache folder but not published:
 * the archive's vocabulary is summed from every shard's, and a reused shard's articles are never read.
 */
const SHARD_TERMS_FILE = 'warta-terms.json';

/**
 * Indexes `articles` with Pagefind, in Indonesian, and writes the bundle to `outputPath` (e.g.
 * `dist/pagefind`), replacing whatever was there: one Pagefind bundle per shard of the archive
 * (`arsip-2023/`, `arsip-2024-12-01/`, …: see shards.ts) and `shards.json` listing them newest first. Only the records given are
 * indexed: the caller passes published articles only.
 */
export async function writeSearchIndex(
  articles: readonly IndexedArticle[],
  outputPath: string,
  options: SearchIndexOptions = {},
): Promise<SearchIndexReport> {
  return buildSearchIndex(prepareSearchIndex(articles, outputPath, options), outputPath, options);
}

/** One shard of a {@link SearchIndexPlan}. */
export interface PlannedShard {
  readonly name: string;
  /** Its articles, and the publication time of its oldest (ISO 8601), for the manifest. */
  readonly articles: number;
  readonly oldest: string;
  /** Where its bundle is kept in the cache (`<cacheDirectory>/<name>-<digest>`), when there is a cache. */
  readonly cached?: string;
  /** The file its articles were spooled to; absent when the cache already holds its bundle. */
  readonly articlesFile?: string;
}

/** What {@link buildSearchIndex} works from: small enough to hand to a worker thread. */
export interface SearchIndexPlan {
  /** The shards oldest first. */
  readonly shards: readonly PlannedShard[];
  readonly records: number;
  /** Folder of the spooled articles, deleted when the bundle is written. */
  readonly spoolDirectory: string;
  readonly prepareMilliseconds: number;
}

/**
 * First half of {@link writeSearchIndex}: splits the articles into shards and hashes each shard's
 * search fields and text. A shard whose digest names a bundle in the cache needs nothing more; the
 * others are serialized to a file of their own (`<outputPath>.articles/`) for the worker
 * that drives Pagefind, which then holds one shard at a time instead of a copy of every article's
 * text (about 1 GB for 100,000 articles), and never reads the unchanged ones (on a rebuild of
 * 10,000 articles, reading and digesting them took the worker about 3 s).
 */
export function prepareSearchIndex(
  articles: readonly IndexedArticle[],
  outputPath: string,
  options: SearchIndexOptions = {},
): SearchIndexPlan {
  const clock = options.clock ?? (() => performance.now());
  const started = clock();
  const spoolDirectory = `${outputPath}.articles`;
  fs.rmSync(spoolDirectory, { recursive: true, force: true });
  fs.mkdirSync(spoolDirectory, { recursive: true });
  // The shards' digests of the last build, in the publish server (see shardDigest).
  const kept = keptAcrossBuilds<Map<string, KeptShardDigest>>('search-shard-digests');
  // The text still unread where a digest stands for it.
  const sources = articles.map((article) => ({
    data: article.data,
    fields: searchFieldsOf(article.data),
    get text() {
      return article.text;
    },
    textDigest: article.textDigest,
  }));
  const shards = splitIntoShards(sources, options.shardSize).map((shard): PlannedShard => {
    const digest = shardDigest(shard.name, shard.articles, `${PAGEFIND_VERSION}\n${options.codeVersion ?? ''}\n`, kept);
    const cached = options.cacheDirectory ? path.join(options.cacheDirectory, `${shard.name}-${digest}`) : undefined;
    // (A shard cached before its terms were kept is built again.)
    const about = {
      name: shard.name,
      articles: shard.articles.length,
      oldest: shard.articles.at(-1)?.data.date.toISOString() ?? '',
    };
    if (cached && fs.existsSync(path.join(cached, SHARD_TERMS_FILE))) return { ...about, cached };
    const articlesFile = path.join(spoolDirectory, `${shard.name}.bin`);
    const spooled = shard.articles.map(({ data, text }): ShardArticle => ({ data: searchSource(data), text }));
    const bytes = v8.serialize(spooled);
    fs.writeFileSync(articlesFile, bytes);
    // A shard of 1,500 stories is about 5 MB, spooled on each publish that changes it.
    releaseBytes(bytes);
    return { ...about, articlesFile, ...(cached ? { cached } : {}) };
  });
  return { shards, records: articles.length, spoolDirectory, prepareMilliseconds: clock() - started };
}

interface ShardSource {
  readonly data: object;
  readonly fields: string;
  readonly text: string;
  readonly textDigest?: string | undefined;
}

/** A shard's digest as the last build made it, with the stories it was made of. */
interface KeptShardDigest {
  readonly head: string;
  readonly data: readonly object[];
  readonly textDigests: readonly (string | undefined)[];
  readonly digest: string;
}

/**
 * The digest of a shard's search fields and texts (`head` first: Pagefind's version and the code's).
 * Hashed as text, not as the v8.serialize bytes spooled: those depend on how V8 happens to store each
 * string, and gave the same articles other digests from build to build. The text's digest stands for
 * the text where there is one (`t` and `d` keep the two kinds apart). Joined and hashed in one call,
 * with the dates as numbers (see `fieldsText`): four hash updates an article and the dates' JSON were
 * about half of this step's 1.4 s at 100,000 articles.
 *
 * In the publish server (`kept`), a shard whose stories are the last build's data objects, in the
 * same order and with the same text digests, has the last build's digest without joining and hashing
 * its text again: an unchanged story keeps its data object from one publish to the next (see
 * `acrossBuilds`), and a publish changes one shard or two of 76 at 100,000 articles, whose joining
 * and hashing took about 0.2 s of each publish (issue #20).
 */
function shardDigest(
  name: string,
  articles: readonly ShardSource[],
  head: string,
  kept: KeptBox<Map<string, KeptShardDigest>> | undefined,
): string {
  const before = kept?.value?.get(name);
  if (
    before?.head === head &&
    before.data.length === articles.length &&
    articles.every(
      (article, i) =>
        article.textDigest !== undefined &&
        article.data === before.data[i] &&
        article.textDigest === before.textDigests[i],
    )
  )
    return before.digest;
  let text = head;
  for (const article of articles)
    text += `${article.fields}\n${article.textDigest === undefined ? `t${article.text}` : `d${article.textDigest}`}\n`;
  const digest = hash('sha256', text, 'hex').slice(0, 20);
  if (kept !== undefined) {
    kept.value ??= new Map();
    kept.value.set(name, {
      head,
      data: articles.map((a) => a.data),
      textDigests: articles.map((a) => a.textDigest),
      digest,
    });
  }
  return digest;
}

/**
 * The text of an article's search fields for its shard's digest, once per article data object:
 * in the publish server an unchanged story's data is the previous build's object (see `acrossBuilds`),
 * and copying and serializing the fields of 100,000 articles was about 0.5 s of each publish (issue #20).
 */
const searchFieldsOf = oncePerObject((data: SearchSource): string => fieldsText(searchSource(data)), 'search-fields');

/**
 * An article's search fields as its shard's digest reads them: their JSON with the two dates as
 * numbers (the same instants). `JSON.stringify` writes a `Date` through its `toJSON`, about three
 * times as slow as the rest of the object (0.33 against 0.10 s for 100,000 such records).
 */
function fieldsText(data: SearchSource): string {
  return JSON.stringify({ ...data, date: data.date.getTime(), modified: data.modified.getTime() });
}

/**
 * Second half of {@link writeSearchIndex}: links each cached shard of `plan` into the output and has
 * Pagefind build the others (keeping them in the cache for the next build); then writes the shard
 * list and empties the cache of shards no longer used.
 */
export async function buildSearchIndex(
  plan: SearchIndexPlan,
  outputPath: string,
  options: SearchIndexOptions = {},
): Promise<SearchIndexReport> {
  const clock = options.clock ?? (() => performance.now());
  const started = clock();
  fs.rmSync(outputPath, { recursive: true, force: true });
  fs.mkdirSync(outputPath, { recursive: true });
  let addMilliseconds = 0;
  let writeMilliseconds = 0;
  let reused = 0;
  /** Where each shard's files are read from for the shared WebAssembly: the bundle, or the cache for a kept shard. */
  const folders: { name: string; folder: string; kept: boolean }[] = [];
  const terms: TermCounts = new Map();
  const live = options.liveDirectory;
  try {
    for (const { name, cached, articlesFile } of plan.shards) {
      const target = path.join(outputPath, name);
      if (!articlesFile) {
        if (!cached || !fs.existsSync(cached))
          throw new Error(
            `The search shard ${name} was planned from the cache, but ${cached ?? 'its cache entry'} is gone. Run the build again.`,
          );
        mergeTermCounts(terms, readShardTerms(cached));
        reused++;
        // The live shard's entry file is the cache's own: Pagefind names its other files by their
        // contents, and a cache entry is replaced, never written in place, when its shard changes.
        if (
          live !== undefined &&
          isSameFile(path.join(live, name, SHARD_ENTRY_FILE), path.join(cached, SHARD_ENTRY_FILE))
        ) {
          folders.push({ name, folder: cached, kept: true });
          continue;
        }
        linkTree(cached, target);
        folders.push({ name, folder: target, kept: false });
        continue;
      }
      folders.push({ name, folder: target, kept: false });
      const records = readShardRecords(name, articlesFile);
      const built = await writeShard(records, cached ? `${cached}.${process.pid}.tmp` : target, clock);
      addMilliseconds += built.addMilliseconds;
      writeMilliseconds += built.writeMilliseconds;
      const shardTerms = recordTerms(records);
      mergeTermCounts(terms, shardTerms);
      if (cached) {
        fs.writeFileSync(path.join(`${cached}.${process.pid}.tmp`, SHARD_TERMS_FILE), JSON.stringify([...shardTerms]));
        fs.rmSync(cached, { recursive: true, force: true });
        fs.renameSync(`${cached}.${process.pid}.tmp`, cached);
        linkTree(cached, target);
      }
    }
  } finally {
    await pagefind.close();
    fs.rmSync(plan.spoolDirectory, { recursive: true, force: true });
  }
  shareWebAssembly(outputPath, folders);
  const newest = folders.at(-1);
  if (newest !== undefined) writeSharedScript(outputPath, newest.folder);
  const bundles = new Map(folders.map(({ name, folder }) => [name, readShardBundle(folder)]));
  fs.writeFileSync(
    path.join(outputPath, SHARD_MANIFEST),
    `${JSON.stringify(shardManifest(plan.shards, options.recentArticles ?? DEFAULT_RECENT_SEARCH_ARTICLES, bundles))}\n`,
  );
  const vocabulary = vocabularyWords(terms);
  const vocabularyText = serializeVocabulary(vocabulary);
  fs.writeFileSync(path.join(outputPath, VOCABULARY_FILE), vocabularyText);
  const cache = options.cacheDirectory;
  if (cache) {
    const keep = new Set(plan.shards.flatMap((s) => (s.cached ? [path.basename(s.cached)] : [])));
    fs.mkdirSync(cache, { recursive: true });
    for (const name of fs.readdirSync(cache))
      if (!keep.has(name)) fs.rmSync(path.join(cache, name), { recursive: true, force: true });
  }
  const { bytes, files } = folderSize(outputPath);
  return {
    records: plan.records,
    shards: plan.shards.length,
    reused,
    bytes,
    files,
    vocabularyWords: vocabulary.length,
    vocabularyBytes: Buffer.byteLength(vocabularyText),
    milliseconds: plan.prepareMilliseconds + clock() - started,
    addMilliseconds,
    writeMilliseconds,
    kept: folders.filter((shard) => shard.kept).map((shard) => shard.name),
  };
}

/** The records of a spooled shard (its articles are garbage once this returns), removing its file. */
function readShardRecords(name: string, articlesFile: string): SearchRecord[] {
  const articles = v8.deserialize(fs.readFileSync(articlesFile)) as ShardArticle[];
  fs.rmSync(articlesFile);
  return shardRecords({ name, articles });
}

/** Document frequencies of a shard's words, from what Pagefind indexes of each article: headline and content. */
function recordTerms(records: readonly SearchRecord[]): TermCounts {
  const counts: TermCounts = new Map();
  for (const record of records) countArticleTerms(`${record.meta['title'] ?? ''}\n${record.content}`, counts);
  return counts;
}

/** The document frequencies kept with a cached shard. */
function readShardTerms(cached: string): [string, number][] {
  return JSON.parse(fs.readFileSync(path.join(cached, SHARD_TERMS_FILE), 'utf8')) as [string, number][];
}

/** Records sent to Pagefind before waiting for the oldest reply. */
const RECORDS_IN_FLIGHT = 16;

async function writeShard(
  records: readonly SearchRecord[],
  outputPath: string,
  clock: () => number,
): Promise<{ addMilliseconds: number; writeMilliseconds: number }> {
  const started = clock();
  const created = await pagefind.createIndex({ forceLanguage: SEARCH_LANGUAGE });
  const index = created.index;
  if (!index || created.errors.length > 0) throw pagefindError('create the index', created.errors);
  let added: number;
  try {
    // Pagefind's service handles its messages one at a time, in the order they arrive, so records
    // sent ahead of the replies keep the page order, and the bundle's bytes, of sending them one by
    // one (the reproducibility test holds this; Pagefind notes a wish to handle messages
    // concurrently, which that test would catch). Meanwhile the pipe's round trips overlap
    // Pagefind's work: 3,000 records took 2.6 s instead of 3.2 s, with identical bundles.
    const add = ({ url, content, language, meta, filters, sort }: SearchRecord): Promise<Error | undefined> =>
      index.addCustomRecord({ url, content, language, meta, filters, sort }).then(
        (response) => (response.errors.length > 0 ? pagefindError(`index ${url}`, response.errors) : undefined),
        (error: unknown) => (error instanceof Error ? error : new Error(String(error))),
      );
    const sent: Promise<Error | undefined>[] = [];
    for (const record of records) {
      sent.push(add(record));
      if (sent.length >= RECORDS_IN_FLIGHT) {
        const failed = await sent.shift();
        if (failed) throw failed;
      }
    }
    for (const failed of await Promise.all(sent)) if (failed) throw failed;
    added = clock();
    fs.rmSync(outputPath, { recursive: true, force: true });
    const response = await index.writeFiles({ outputPath });
    if (response.errors.length > 0) throw pagefindError(`write ${outputPath}`, response.errors);
  } finally {
    // Frees the index in Pagefind's process before the next shard is built.
    await index.deleteIndex();
  }
  for (const name of fs.readdirSync(outputPath))
    if (UNUSED_BUNDLE_FILE.test(name)) fs.rmSync(path.join(outputPath, name));
  return { addMilliseconds: added - started, writeMilliseconds: clock() - added };
}

/** What {@link shardManifest} reads of a shard's bundle: Pagefind's entry file, and its filter files. */
export interface ShardBundle {
  readonly entry: ShardEntry;
  /** The names of the files in its `filter/` folder. */
  readonly filters: readonly string[];
}

/** The part of Pagefind's `pagefind-entry.json` read here: an index per language. */
export interface ShardEntry {
  readonly languages: Readonly<
    Record<string, { readonly hash: string; readonly wasm?: string | null; readonly page_count: number }>
  >;
}

/** Reads the {@link ShardBundle} of the shard bundle in `folder`. */
export function readShardBundle(folder: string): ShardBundle {
  const filterFolder = path.join(folder, 'filter');
  return {
    entry: JSON.parse(fs.readFileSync(path.join(folder, SHARD_ENTRY_FILE), 'utf8')) as ShardEntry,
    filters: fs.existsSync(filterFolder) ? fs.readdirSync(filterFolder).sort() : [],
  };
}

/**
 * The manifest of `shards` (oldest first): names newest first, and the newest shards that together
 * hold at least `recentArticles` articles, which the search page reads first, with the cache tag of
 * every shard and the files the recent ones read before their first search (see
 * {@link ShardManifest}), from each shard's bundle in `bundles`.
 */
export function shardManifest(
  shards: readonly PlannedShard[],
  recentArticles: number,
  bundles: ReadonlyMap<string, ShardBundle>,
): ShardManifest {
  const newestFirst = [...shards].reverse();
  let recent = 0;
  for (let held = 0; recent < newestFirst.length && held < recentArticles; recent++)
    held += newestFirst[recent]?.articles ?? 0;
  const oldestRecent = newestFirst[recent - 1];
  const bundleOf = (name: string): ShardBundle => {
    const bundle = bundles.get(name);
    if (bundle === undefined) throw new Error(`The search shard ${name} has no bundle to list in ${SHARD_MANIFEST}.`);
    return bundle;
  };
  const preload = new Set<string>();
  for (const { name } of newestFirst.slice(0, recent)) {
    const { entry, filters } = bundleOf(name);
    const index = pagefindIndexFor(entry, SEARCH_LANGUAGE);
    if (index.wasm) preload.add(`wasm.${index.wasm}.pagefind`);
    preload.add(`${name}/${SHARD_ENTRY_FILE}?ts=${metaCacheTag(entry)}`);
    preload.add(`${name}/pagefind.${index.hash}.pf_meta`);
    for (const filter of filters) preload.add(`${name}/filter/${filter}`);
  }
  return {
    shards: newestFirst.map((s) => s.name),
    recent,
    ...(recent < newestFirst.length && oldestRecent
      ? { since: isoDate(calendarDateOf(wibDayNumber(new Date(oldestRecent.oldest)))) }
      : {}),
    tags: newestFirst.map((s) => metaCacheTag(bundleOf(s.name).entry)),
    preload: [...preload],
  };
}

/** A shard's cache tag: its languages' index hashes, each of which changes with the index. */
function metaCacheTag(entry: ShardEntry): string {
  return Object.values(entry.languages)
    .map((l) => l.hash)
    .sort()
    .join('.');
}

/**
 * The index Pagefind searches on a page in `language`, chosen as its `findIndex` does (Pagefind
 * 1.x): the language, then its base language, then the index with the most pages.
 */
export function pagefindIndexFor(entry: ShardEntry, language: string): ShardEntry['languages'][string] {
  const { languages } = entry;
  const chosen =
    languages[language] ??
    languages[language.split('-')[0] ?? language] ??
    Object.values(languages).sort((a, b) => b.page_count - a.page_count)[0];
  if (chosen === undefined) throw new Error(`A search shard's ${SHARD_ENTRY_FILE} lists no language index.`);
  return chosen;
}

/** Where Pagefind's script (main thread and worker alike) builds the URL of its WebAssembly. */
const WASM_URL_IN_SCRIPT = '`${this.basePath}wasm.${language}.pagefind`';
const SHARED_WASM_URL_IN_SCRIPT = '`${this.basePath}../wasm.${language}.pagefind`';

/**
 * Makes every shard load one WebAssembly file, `<bundle>/wasm.<language>.pagefind`, instead of the
 * identical copy in its own folder. Each Pagefind instance fetches the WebAssembly from its own
 * base path, so the browser fetched it once per shard (58 KB gzipped each, 39 times over at 40
 * shards: most of a first search's bytes at 100,000 articles). With one URL the browser's cache
 * serves every shard after the first.
 *
 * Pagefind has no option for this, so its two scripts are edited where they build the URL: an exact
 * string, and a Pagefind whose scripts lack it fails the build here (a test also checks one
 * WebAssembly request in Chromium). The output's files are hard links into the shard cache, so
 * each edited file is replaced, never written in place.
 */
function shareWebAssembly(
  outputPath: string,
  shards: readonly { name: string; folder: string; kept: boolean }[],
): void {
  for (const { name, folder, kept } of shards) {
    for (const entry of fs.readdirSync(folder)) {
      const file = path.join(folder, entry);
      if (/^wasm\.[a-z-]+\.pagefind$/.test(entry)) {
        const shared = path.join(outputPath, entry);
        if (!fs.existsSync(shared)) fs.copyFileSync(file, shared);
        else if (!fs.readFileSync(shared).equals(fs.readFileSync(file)))
          throw new Error(`The search shards ${name} and the others hold different Pagefind WebAssembly (${entry}).`);
        // A kept shard's folder is its cache entry, read here and never changed; its live copy was edited when it was published.
        if (!kept) fs.rmSync(file);
      } else if (!kept && (entry === 'pagefind.js' || entry === 'pagefind-worker.js')) {
        const script = withSharedWebAssembly(fs.readFileSync(file, 'utf8'), entry);
        fs.rmSync(file);
        fs.writeFileSync(file, script);
      }
    }
  }
}

/** Pagefind's script `entry` edited to load the shared WebAssembly; throws when it has not exactly one place to edit. */
function withSharedWebAssembly(script: string, entry: string): string {
  if (script.split(WASM_URL_IN_SCRIPT).length !== 2)
    throw new Error(
      `Pagefind's ${entry} (Pagefind ${PAGEFIND_VERSION}) no longer builds its WebAssembly URL as ${WASM_URL_IN_SCRIPT}; ` +
        'update shareWebAssembly in src/lib/search/build-index.ts for this version.',
    );
  return script.replace(WASM_URL_IN_SCRIPT, SHARED_WASM_URL_IN_SCRIPT);
}

/**
 * Writes Pagefind's script to the bundle folder (`pagefind.js`, see SEARCH_SCRIPT), from the shard
 * bundle in `folder`, loading the shared WebAssembly as {@link shareWebAssembly} makes the shards'
 * own copies do. (A kept shard's folder is its cache entry, whose script was never edited.)
 */
function writeSharedScript(outputPath: string, folder: string): void {
  const script = fs.readFileSync(path.join(folder, 'pagefind.js'), 'utf8');
  // A shard built by this build has its script edited already.
  const shared = script.includes(SHARED_WASM_URL_IN_SCRIPT) ? script : withSharedWebAssembly(script, 'pagefind.js');
  fs.writeFileSync(path.join(outputPath, SEARCH_SCRIPT), shared);
}

/** Hard-links a cached bundle into the output (a copy where links are not possible): thousands of small files, no bytes copied. */
function linkTree(from: string, to: string): void {
  fs.mkdirSync(to, { recursive: true });
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    if (entry.name === SHARD_TERMS_FILE) continue;
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) linkTree(source, target);
    else {
      try {
        fs.linkSync(source, target);
      } catch {
        fs.copyFileSync(source, target);
      }
    }
  }
}

/**
 * {@link writeSearchIndex} with its second half, {@link buildSearchIndex}, on a worker thread
 * (`workerFile` is index-worker.ts, passed in because bundlers move this module away from it); the
 * spooling of {@link prepareSearchIndex} runs on the calling thread. Pagefind's records go over a
 * pipe one by one, and on the main thread of a build each round trip waits behind page rendering:
 * measured on 10,000 articles, handing over the records took 31 s there against 9 s on a thread of
 * its own.
 */
export function writeSearchIndexInWorker(
  articles: readonly IndexedArticle[],
  outputPath: string,
  workerFile: string,
  options: Omit<SearchIndexOptions, 'clock'> = {},
): Promise<SearchIndexReport> {
  let plan: SearchIndexPlan;
  try {
    plan = prepareSearchIndex(articles, outputPath, options);
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
  return new Promise((resolve, reject) => {
    // A small young generation: the worker's heap holds one shard and its records, and V8's default
    // young generation alone (33 MB of its 70 to 120 MB at 10,000 articles) counted in the build's peak.
    const worker = new Worker(workerFile, {
      workerData: { plan, outputPath, options },
      resourceLimits: { maxYoungGenerationSizeMb: 8 },
    });
    worker.once('message', (message: { ok: true; report: SearchIndexReport } | { ok: false; message: string }) => {
      if (message.ok) resolve(message.report);
      else reject(new Error(message.message));
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) =>
      reject(new Error(`The search index worker stopped (exit code ${code}) before it finished.`)),
    );
  });
}

/**
 * `Pagefind: indexed 13 articles in 1 shard (0 reused) in 0.21 s (records 0.05 s, write 0.15 s),
 * 0.20 MB in 22 files; vocabulary 2113 words, 17.9 KB`.
 */
export function formatSearchIndexReport(report: SearchIndexReport): string {
  const s = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
  const mb = (report.bytes / 1024 / 1024).toFixed(2);
  const n = report.kept.length;
  const kept = n > 0 ? `, ${n} shard${n === 1 ? '' : 's'} kept in the live site` : '';
  return (
    `Pagefind: indexed ${report.records} articles in ${report.shards} shard${report.shards === 1 ? '' : 's'} (${report.reused} reused) ` +
    `in ${s(report.milliseconds)} (records ${s(report.addMilliseconds)}, write ${s(report.writeMilliseconds)}), ${mb} MB in ${report.files} files${kept}; ` +
    `vocabulary ${report.vocabularyWords} words, ${(report.vocabularyBytes / 1024).toFixed(1)} KB`
  );
}

function folderSize(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    bytes += fs.statSync(path.join(entry.parentPath, entry.name)).size;
    files += 1;
  }
  return { bytes, files };
}

function pagefindError(what: string, errors: readonly string[]): Error {
  return new Error(`Pagefind could not ${what}: ${errors.join('; ') || 'no index returned'}`);
}
