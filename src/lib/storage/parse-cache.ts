import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import type { ArticleSource, ParsedArticle, ParseResult } from '../content/parse-article.ts';
import { readStamps, writeStamps, type FileStamp, type Stamped } from './file-stamps.ts';
import { dependencyUnchanged } from './image-probe.ts';
import { fileIdentity } from './same-file.ts';
import { removeAbandonedTemporaries, writeFully, writeReplacing } from './write-fully.ts';

/**
 * Parsed articles from the previous build, keyed by a digest of each file's path and bytes (and
 * of the code that parsed it), so a rebuild parses and renders only the files that changed.
 * Failed parses are not cached: their errors must be reported every time.
 */
export interface ParseCache {
  /**
   * Whether the file at `path`, shown as `displayPath`, has the stamp it had when an entry the cache
   * holds was made from it (see file-stamps.ts): then {@link get} finds that entry without its bytes.
   */
  isUnchanged(path: string, displayPath: string, stamp: FileStamp): boolean;
  /**
   * The stamp this process saw the file at `path` with when its last build saved the cache, when the
   * cache is that save's, kept in memory (the publish server); otherwise undefined. A build may use it
   * instead of stat'ing the file when the server's watcher has not reported the file since (see
   * reported-changes.ts).
   */
  rememberedStamp(path: string, displayPath: string): FileStamp | undefined;
  /**
   * The cached result for `source`, if its file is unchanged since it was remembered: by its stamp
   * when it has the one remembered, otherwise by its bytes' digest.
   */
  get(source: ArticleSource): ParseResult | undefined;
  /**
   * Remembers a fresh result for `source` (failed parses are not kept), and returns the result to
   * use instead of it: the same article with its three long strings moved out of memory into this
   * build's new entries on disk, read back when asked (see {@link SpillFile}).
   */
  put(source: ArticleSource, result: ParseResult): ParseResult;
  /**
   * What the previous build left: `warm` with its records, or why there is nothing to reuse, so the
   * build can say whether it is a publish (warm) or a full build, and why.
   */
  readonly state: { readonly kind: 'warm'; readonly records: number } | { readonly kind: 'full'; readonly why: string };
  /** Cache hits and misses of this build. */
  readonly counts: { hits: number; misses: number };
  /**
   * Stores the entries used in this build: appends the fresh ones to the file, or rewrites it with
   * only the used ones once unused entries have piled up; then the stamps of their files.
   */
  save(): void;
}

/**
 * The file: a header record `{ version, format }`, then one entry per article. A record is a 4-byte
 * length and a v8-serialized value; an article's entry is an 8-byte header (the two parts' lengths)
 * and two parts: `[key, article]` without its three long strings (the body HTML, the plain text and
 * the front matter's text), then those three. Written and read an entry at a time: serializing the
 * whole map at once needed one buffer the size of the file (1.2 GB for 100,000 articles) on top of
 * the entries themselves.
 *
 * Opening the cache reads the first parts only and skips the second: the long strings are most of
 * the file's 880 MB at 100,000 articles, and a publish needs them for the few articles whose body,
 * text or search shard it builds anew; it compares the other articles by their digests
 * (`htmlDigest`, `textDigest`). An article from the cache reads its strings from the file when asked
 * (see {@link storedArticle}), through a descriptor the cache keeps open, so that a file replaced by a
 * rewrite still serves the articles read from it.
 *
 * A rebuild appends the entries of the files it parsed and leaves the rest of the file alone:
 * rewriting every record took about 1 s of each 10,000-article rebuild, on its critical path. The
 * entries nothing uses any more (edited and deleted files) are dropped by rewriting the file once
 * they outnumber a quarter of those in use.
 */
const READ_CHUNK = 4 * 1024 * 1024;
const MAX_UNUSED_SHARE = 0.25;
/** Identifies the entry layout above in the header, whatever version string the caller passes. */
const FORMAT = 2;

/** Opens the cache at `file`; `version` identifies the parsing code, and any change empties the cache. */
export function openParseCache(file: string, version: string): ParseCache {
  const kept = keptFor(file, version);
  const stored = kept?.stored ?? readEntries(file, version);
  const previous = stored.entries;
  const used = new Map<string, ParsedArticle>();
  const fresh: [string, ParsedArticle][] = [];
  const counts = { hits: 0, misses: 0 };
  let spill: SpillFile | undefined;
  // The files' stamps: read only with entries to key into, and saved beside the file.
  const stampFile = `${file}.stamps`;
  const stamps =
    kept?.stamps ?? (stored.why === undefined ? readStamps(stampFile, version) : new Map<string, Stamped>());
  const nextStamps = new Map<string, Stamped>();
  // The stamp's name and what is remembered under it, for the file asked about last: a build asks
  // for each file two or three times in a row (its stamp, whether it is unchanged; its entry, then
  // noting its stamp), and making the name and looking it up for each ask was about 0.3 s of a
  // 100,000-article publish in a CPU profile (issue #20).
  let lastPath = '';
  let lastDisplayPath = '';
  let lastName = '';
  let lastKnown: Stamped | undefined;
  const remembered = (path: string, displayPath: string): Stamped | undefined => {
    if (path !== lastPath || displayPath !== lastDisplayPath || lastName === '') {
      lastPath = path;
      lastDisplayPath = displayPath;
      lastName = stampName(path, displayPath);
      lastKnown = stamps.get(lastName);
    }
    return lastKnown;
  };
  /** The key `stamp` stands for, when it is the stamp remembered for the file at `path`. */
  const knownKey = (path: string, displayPath: string, stamp: FileStamp | undefined): string | undefined => {
    if (stamp === undefined) return undefined;
    const known = remembered(path, displayPath);
    return known?.stamp === stamp ? known.key : undefined;
  };
  const keyOf = (source: ArticleSource): string =>
    knownKey(source.path, source.displayPath, source.stamp) ??
    createHash('sha1')
      .update(source.path)
      .update('\0')
      .update(source.displayPath)
      .update('\0')
      .update(source.bytes)
      .digest('base64');
  /** Notes `source`'s entry under `key`, and its stamp for the next build. */
  const use = (source: ArticleSource, key: string, article: ParsedArticle): void => {
    used.set(key, article);
    if (source.stamp === undefined) return;
    const known = remembered(source.path, source.displayPath);
    // The same stamp and key as remembered: the same record, not a new one for each file and publish.
    nextStamps.set(lastName, known?.stamp === source.stamp && known.key === key ? known : { stamp: source.stamp, key });
  };
  const cache: ParseCache = {
    state: stored.why === undefined ? { kind: 'warm', records: stored.records } : { kind: 'full', why: stored.why },
    counts,
    isUnchanged(path, displayPath, stamp) {
      const key = knownKey(path, displayPath, stamp);
      return key !== undefined && previous.has(key);
    },
    rememberedStamp(path, displayPath) {
      return kept ? remembered(path, displayPath)?.stamp : undefined;
    },
    get(source) {
      const key = keyOf(source);
      const hit = previous.get(key);
      // A picture the article names was replaced or removed: parse again, to measure or report it.
      if (!hit || !(hit.dependencies ?? []).every(dependencyUnchanged)) return undefined;
      counts.hits++;
      use(source, key, hit);
      return { ok: true, article: hit };
    },
    put(source, result) {
      counts.misses++;
      if (!result.ok) return result;
      const key = keyOf(source);
      spill ??= new SpillFile(file);
      const article = spill.keep(key, result.article);
      if (!used.has(key)) fresh.push([key, article]);
      use(source, key, article);
      return { ok: true, article };
    },
    save() {
      // Every build, not only when the file is rewritten (a build may append for months).
      removeAbandonedTemporaries(file);
      const reused = used.size - fresh.length;
      const unused = stored.records - reused;
      processState.kept = undefined;
      let appended: ReturnType<typeof appendRecords> | undefined;
      if (stored.end > 0 && stored.open && unused <= reused * MAX_UNUSED_SHARE)
        appended = appendRecords(file, stored, stored.open, fresh);
      else rewrite(file, version, used);
      // After the entries they key into: a build stopped in between leaves stamps of the previous
      // entries, and a stamp whose entry is gone is not trusted (see isUnchanged).
      writeStamps(stampFile, version, nextStamps);
      if (appended) keepInMemory(file, version, appended, nextStamps);
    },
  };
  return cache;
}

/** The name a file's stamp is kept under: its path and its shown path (see {@link ParseCache.isUnchanged}). */
function stampName(path: string, displayPath: string): string {
  return `${path}\0${displayPath}`;
}

/** Writes a new file holding `entries`, under a temporary name renamed into place when complete. */
function rewrite(file: string, version: string, entries: Map<string, ParsedArticle>): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  writeReplacing(file, (fd) => {
    let position = writeRecord(fd, { version, format: FORMAT }, 0);
    for (const entry of entries) position += writeEntry(fd, entry, position);
  });
}

/**
 * Appends `entries` after the file's last whole entry (`stored.end`), first cutting off whatever
 * follows it: an entry torn by a crash or a full disk in an earlier append. Returns what the file
 * now holds, as {@link readEntries} would read it: the stored entries and the appended ones, these
 * reading their long strings from the file, where they now are.
 */
function appendRecords(
  file: string,
  stored: StoredEntries,
  open: OpenCacheFile,
  entries: readonly [string, ParsedArticle][],
): StoredEntries & { readonly open: OpenCacheFile } {
  const all = new Map(stored.entries);
  const fd = fs.openSync(file, 'r+');
  let position = stored.end;
  try {
    fs.ftruncateSync(fd, position);
    for (const entry of entries) {
      const placed = placeEntry(fd, entry, position);
      all.set(entry[0], storedArticle(placed.short, { file: open, ...placed.strings }));
      position += placed.size;
    }
  } finally {
    fs.closeSync(fd);
  }
  return { entries: all, records: stored.records + entries.length, end: position, open };
}

/**
 * The entries and stamps the last save of this process left, while the files on disk are the ones
 * it wrote: the publish server (scripts/publish.ts) runs every publish in one process, and reading
 * the 100,000-article cache back, 100,000 records deserialized and their objects copied by the
 * garbage collector, took 2 to 4 s of the main thread in each publish (beside the folder's stats on
 * a worker thread, which now take most of that time instead). Another process that writes the cache (an
 * `npm run build` of the same checkout between two publishes) changes a file's identity, and the
 * next open reads the files again. Only after an append: a rewrite, rare, moves every entry.
 */
interface KeptInMemory {
  readonly file: string;
  readonly version: string;
  readonly identity: string;
  readonly stored: StoredEntries & { readonly open: OpenCacheFile };
  readonly stamps: Map<string, Stamped>;
}

/**
 * What this module keeps for the whole process: the cache a save left ({@link keepInMemory}) and the
 * files held open ({@link OpenCacheFile}). On `globalThis`, not in module variables: Astro loads the
 * content config, and with it the loader and this module, anew through Vite for each build, so each
 * of the publish server's builds ran its own copy of this module. Module variables kept nothing from
 * one build to the next, and each copy's list of open files started empty, so no build closed the
 * files an earlier one had left open. The server now loads the loader once from Node's own cache
 * (src/content.config.ts); the state stays here so that it holds whichever way the module was loaded.
 */
interface ProcessState {
  kept: KeptInMemory | undefined;
  readonly openFiles: OpenCacheFile[];
}

const processState: ProcessState = ((globalThis as Record<symbol, ProcessState | undefined>)[
  Symbol.for('warta.parse-cache')
] ??= { kept: undefined, openFiles: [] });

function keepInMemory(
  file: string,
  version: string,
  stored: StoredEntries & { readonly open: OpenCacheFile },
  stamps: Map<string, Stamped>,
): void {
  const identity = filesIdentity(file);
  processState.kept = identity === undefined ? undefined : { file, version, identity, stored, stamps };
}

/**
 * Whether the next {@link openParseCache} of `file` and `version` will find the cache a save of this
 * process kept in memory (see {@link keptFor}), without taking it: a build asks before it decides how to
 * stamp the folder's files (reported-changes.ts).
 */
export function hasKeptParseCache(file: string, version: string): boolean {
  const kept = processState.kept;
  return (
    kept?.file === file &&
    kept.version === version &&
    filesIdentity(file) === kept.identity &&
    // Closed meanwhile by the limit on open files: its entries could no longer read their strings.
    kept.stored.open.isOpen()
  );
}

/**
 * The stamps the cache a save of this process kept in memory remembers, between builds: a lookup by
 * a file's path and shown path; undefined when nothing is kept or the files are no longer the ones it
 * wrote. What the publish server's check after a publish compares the folder with (reported-changes.ts).
 */
export function keptStamps(
  file: string,
  version: string,
): ((path: string, displayPath: string) => FileStamp | undefined) | undefined {
  const stamps = hasKeptParseCache(file, version) ? processState.kept?.stamps : undefined;
  return stamps && ((path, displayPath) => stamps.get(stampName(path, displayPath))?.stamp);
}

/** What {@link keepInMemory} kept for `file` and `version`, if the files are still the ones it saw. */
function keptFor(
  file: string,
  version: string,
): { readonly stored: StoredEntries; readonly stamps: Map<string, Stamped> } | undefined {
  const kept = hasKeptParseCache(file, version) ? processState.kept : undefined;
  processState.kept = undefined;
  if (kept === undefined) return undefined;
  // Its descriptor must outlive the opens that follow, as a file read anew would.
  kept.stored.open.renew();
  return kept;
}

/** The cache file's and its stamps file's identities (see `fileIdentity`). */
function filesIdentity(file: string): string | undefined {
  const cache = fileIdentity(file);
  const stamps = fileIdentity(`${file}.stamps`);
  return cache === undefined || stamps === undefined ? undefined : `${cache}/${stamps}`;
}

/** Writes one record at `position`; returns its size in bytes. */
function writeRecord(fd: number, value: unknown, position: number): number {
  const body = v8.serialize(value);
  const length = Buffer.alloc(4);
  length.writeUInt32LE(body.length);
  writeFully(fd, length, position);
  writeFully(fd, body, position + 4);
  return 4 + body.length;
}

/** The three long strings of an article, stored apart from the rest of it (see the file's layout above). */
type LongStrings = readonly [html: string, text: string, frontMatterText: string];

/** Writes one article's entry at `position`; returns its size in bytes. */
function writeEntry(fd: number, entry: readonly [string, ParsedArticle], position: number): number {
  return placeEntry(fd, entry, position).size;
}

/** What {@link placeEntry} wrote: the entry's size, the article without its long strings, and where those went. */
interface PlacedEntry {
  readonly size: number;
  readonly short: Omit<ParsedArticle, keyof LongStringFields>;
  readonly strings: { readonly offset: number; readonly length: number };
}

/** Writes one article's entry at `position` (see {@link writeEntry}), saying where its parts went. */
function placeEntry(fd: number, [key, article]: readonly [string, ParsedArticle], position: number): PlacedEntry {
  // Field by field, not by destructuring, which would call a stored article's getters: an article read
  // from a cache file has its strings' bytes copied as they are, without reading them into strings.
  const short: Record<string, unknown> = {};
  for (const field of Object.keys(article) as (keyof ParsedArticle)[])
    if (!Object.hasOwn(LONG_STRING_GETTERS, field)) short[field] = article[field];
  const first = v8.serialize([key, short]);
  const second =
    longStringBytes(article) ??
    v8.serialize([article.html, article.text, article.frontMatterText] satisfies LongStrings);
  const header = Buffer.alloc(8);
  header.writeUInt32LE(first.length, 0);
  header.writeUInt32LE(second.length, 4);
  writeFully(fd, header, position);
  writeFully(fd, first, position + 8);
  writeFully(fd, second, position + 8 + first.length);
  return {
    size: 8 + first.length + second.length,
    short: short as Omit<ParsedArticle, keyof LongStringFields>,
    strings: { offset: position + 8 + first.length, length: second.length },
  };
}

/** Where an article read from a cache file keeps its long strings: that file, open, and their bytes' place in it. */
interface LongStringsAt {
  readonly file: OpenCacheFile;
  readonly offset: number;
  readonly length: number;
}

// Shared by every copy of this module (see processState): an article a build kept in memory is read by the next build's copy.
const LONG_STRINGS = Symbol.for('warta.parse-cache.long-strings');

type StoredArticle = ParsedArticle & { readonly [LONG_STRINGS]: LongStringsAt };

/**
 * An article read from a cache file: `short`, its fields but the long strings, with `html`, `text`
 * and `frontMatterText` read from the file when asked (and not kept: a build asks for a few
 * articles' strings, most of them once). Own enumerable getters, so that the article compares,
 * spreads and serializes like a parsed one; the getters are shared by every stored article.
 */
function storedArticle(short: Omit<ParsedArticle, keyof LongStringFields>, at: LongStringsAt): ParsedArticle {
  Object.defineProperty(short, LONG_STRINGS, { value: at });
  return Object.defineProperties(short, LONG_STRING_GETTERS) as ParsedArticle;
}

type LongStringFields = Pick<ParsedArticle, 'html' | 'text' | 'frontMatterText'>;

const LONG_STRING_GETTERS: { [K in keyof LongStringFields]: PropertyDescriptor } = {
  html: longStringGetter(0),
  text: longStringGetter(1),
  frontMatterText: longStringGetter(2),
};

function longStringGetter(index: 0 | 1 | 2): PropertyDescriptor {
  return {
    enumerable: true,
    get(this: StoredArticle): string {
      const at = this[LONG_STRINGS];
      const strings = v8.deserialize(at.file.read(at.offset, at.length, this.slug)) as LongStrings;
      return strings[index];
    },
  };
}

function longStringBytes(article: ParsedArticle): Buffer | undefined {
  const at = (article as Partial<StoredArticle>)[LONG_STRINGS];
  return at?.file.read(at.offset, at.length, article.slug);
}

/**
 * Cache files kept open for their articles' long strings. A load opens two: the cache file and its
 * new entries ({@link SpillFile}); the dev server's pages may still read the two loads before the
 * newest.
 */
const OPEN_FILES = 6;
const { openFiles } = processState;

/**
 * A cache file held open while its articles may be asked for their strings: by descriptor, since a
 * rewrite replaces the file under its name and the descriptor keeps reading the old one. The
 * {@link OPEN_FILES} newest stay open; an article of an older one can no longer read its strings.
 */
class OpenCacheFile {
  readonly #path: string;
  #fd: number | undefined;

  constructor(file: string, fd: number) {
    this.#path = file;
    this.#fd = fd;
    openFiles.push(this);
    while (openFiles.length > OPEN_FILES) openFiles.shift()?.close();
  }

  /** Whether its entries can still read their strings from it. */
  isOpen(): boolean {
    return this.#fd !== undefined;
  }

  /** Counts as the newest open file again: a cache kept in memory (see keptFor) goes on reading it. */
  renew(): void {
    const index = openFiles.indexOf(this);
    if (index >= 0) openFiles.splice(index, 1);
    if (this.#fd !== undefined) openFiles.push(this);
  }

  read(offset: number, length: number, slug: string): Buffer {
    const bytes = Buffer.allocUnsafe(length);
    const read = fs.readSync(this.descriptor(slug), bytes, 0, length, offset);
    if (read !== length)
      throw new Error(`The parse cache ${this.#path} ends before the text of article "${slug}"; run the build again.`);
    return bytes;
  }

  /**
   * The open descriptor, for reading or writing `slug`'s strings. Throws once the file is closed:
   * its number may already name another file.
   */
  descriptor(slug: string): number {
    if (this.#fd === undefined)
      throw new Error(
        `The parse cache ${this.#path} was closed before the text of article "${slug}" was read from it: ` +
          'the content was loaded again meanwhile. Load it again.',
      );
    return this.#fd;
  }

  close(): void {
    if (this.#fd !== undefined) fs.closeSync(this.#fd);
    this.#fd = undefined;
  }
}

/**
 * This load's new entries, written to disk as each parse comes in, in the cache file's entry layout:
 * a freshly parsed article keeps its other fields in memory and reads its three long strings back
 * from here when asked, like an article from the cache file. Before, a full build held every
 * article's body HTML, plain text and front-matter text from its parse until the cache was saved at
 * the end of the load (about 740 MB at 100,000 articles, under the rest of the build's peak; issue
 * #20). Saving copies the entries' bytes into the cache file. The file is deleted as soon as it is
 * open, so a build that fails or is killed leaves nothing behind; where an open file cannot be
 * deleted, it goes when the process exits.
 */
class SpillFile {
  readonly #open: OpenCacheFile;
  #end = 0;

  constructor(cacheFile: string) {
    fs.mkdirSync(path.dirname(cacheFile), { recursive: true });
    const name = `${cacheFile}.${process.pid}.new`;
    const fd = fs.openSync(name, 'w+');
    try {
      fs.unlinkSync(name);
    } catch {
      process.once('exit', () => fs.rmSync(name, { force: true }));
    }
    this.#open = new OpenCacheFile(name, fd);
  }

  /** Writes `article`'s entry and returns the article that reads its long strings from it. */
  keep(key: string, article: ParsedArticle): ParsedArticle {
    const placed = placeEntry(this.#open.descriptor(article.slug), [key, article], this.#end);
    this.#end += placed.size;
    return storedArticle(placed.short, { file: this.#open, ...placed.strings });
  }
}

/**
 * The code version a cache file was written for (its header's `version`), or undefined when the file
 * is missing or not a cache file of this format. Reads the header only. For tools that open a
 * build's cache as that build did (scripts/bench-parse-cache.ts).
 */
export function parseCacheVersionOf(file: string): string | undefined {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return undefined;
  }
  try {
    const size = fs.fstatSync(fd).size;
    const header = readHeader(new ChunkReader(fd, size), size);
    return typeof header === 'object' && header.format === FORMAT && typeof header.version === 'string'
      ? header.version
      : undefined;
  } catch {
    return undefined;
  } finally {
    fs.closeSync(fd);
  }
}

interface StoredEntries {
  readonly entries: Map<string, ParsedArticle>;
  /** Article entries in the file. */
  readonly records: number;
  /** Byte offset just past the last whole entry; 0 when the file is missing, unreadable or of another version. */
  readonly end: number;
  /** Why nothing could be read, when nothing could. */
  readonly why?: string;
  /** The file, held open for its entries' long strings, when entries were read. */
  readonly open?: OpenCacheFile;
}

const NOTHING_STORED = (why: string): StoredEntries => ({ entries: new Map(), records: 0, end: 0, why });
const NO_FILE = 'no cache of a previous build (the first build here, or its cache folder was emptied)';
const OTHER_VERSION =
  'the cache is of another version of Warta, Node or the site settings, or of another content folder';
const UNREADABLE = 'the cache could not be read (damaged, or written by an older format)';

/**
 * The entries of a cache file written for `version`; none when there is no file, or it is of another
 * version or unreadable. Reads the file in chunks, the header record and then each entry's first
 * part, stepping over the long strings (see the layout above); the file stays open for them.
 */
function readEntries(file: string, version: string): StoredEntries {
  const entries = new Map<string, ParsedArticle>();
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return NOTHING_STORED(NO_FILE);
  }
  let keepOpen = false;
  try {
    const size = fs.fstatSync(fd).size;
    const reader = new ChunkReader(fd, size);
    const header = readHeader(reader, size);
    if (header === 'empty') return NOTHING_STORED(NO_FILE);
    if (header === 'torn') return NOTHING_STORED(UNREADABLE);
    if (header.version !== version || header.format !== FORMAT) return NOTHING_STORED(OTHER_VERSION);
    const open = new OpenCacheFile(file, fd);
    keepOpen = true;
    let position = header.end;
    let records = 0;
    for (;;) {
      const first = reader.uint32(position);
      const second = reader.uint32(position + 4);
      // A torn last entry (a crash or a full disk while appending) is ignored, and cut off by the next append.
      if (first === undefined || second === undefined || position + 8 + first + second > size) break;
      const [key, short] = v8.deserialize(reader.bytes(position + 8, first)) as [
        string,
        Omit<ParsedArticle, keyof LongStringFields>,
      ];
      entries.set(key, storedArticle(short, { file: open, offset: position + 8 + first, length: second }));
      records++;
      position += 8 + first + second;
    }
    return { entries, records, end: position, open };
  } catch {
    // Written by another version of Node, or damaged: start empty.
    return NOTHING_STORED(UNREADABLE);
  } finally {
    if (!keepOpen) fs.closeSync(fd);
  }
}

/**
 * The header record at the start of a cache file (see the layout above), with the offset just past
 * it; `empty` for an empty file, `torn` when the file ends inside the record. Throws when the record
 * does not deserialize.
 */
function readHeader(
  reader: ChunkReader,
  size: number,
): { readonly version?: unknown; readonly format?: unknown; readonly end: number } | 'empty' | 'torn' {
  const length = reader.uint32(0);
  if (length === undefined) return 'empty';
  if (4 + length > size) return 'torn';
  const header = v8.deserialize(reader.bytes(4, length)) as { version?: unknown; format?: unknown };
  return { version: header.version, format: header.format, end: 4 + length };
}

/**
 * Reads a file forward in chunks of {@link READ_CHUNK}, for the byte ranges asked in increasing
 * order: a range past the chunk in hand starts a new chunk there (a range larger than a chunk gets a
 * buffer of its own). Long strings stepped over are read with the records around them unless they
 * outrun a chunk, but never deserialized: reading all 880 MB of the 100,000-article file this way
 * took 0.44 s of the 4 s open in a CPU profile.
 */
class ChunkReader {
  readonly #fd: number;
  readonly #size: number;
  #buffer = Buffer.alloc(READ_CHUNK);
  /** File offset of the buffer's first byte, and how many bytes it holds. */
  #offset = 0;
  #filled = 0;

  constructor(fd: number, size: number) {
    this.#fd = fd;
    this.#size = size;
  }

  /** The little-endian 32-bit number at `position`; undefined past the end of the file. */
  uint32(position: number): number | undefined {
    if (position + 4 > this.#size) return undefined;
    return this.bytes(position, 4).readUInt32LE(0);
  }

  /** `length` bytes at `position` (a view valid until the next call); the range must be in the file. */
  bytes(position: number, length: number): Buffer {
    if (position < this.#offset || position + length > this.#offset + this.#filled) this.#fill(position, length);
    const start = position - this.#offset;
    return this.#buffer.subarray(start, start + length);
  }

  #fill(position: number, length: number): void {
    if (length > this.#buffer.length) this.#buffer = Buffer.alloc(length);
    const wanted = Math.min(this.#buffer.length, this.#size - position);
    let filled = 0;
    while (filled < wanted) {
      const read = fs.readSync(this.#fd, this.#buffer, filled, wanted - filled, position + filled);
      if (read === 0) break;
      filled += read;
    }
    if (filled < length) throw new Error('the cache file ended early');
    this.#offset = position;
    this.#filled = filled;
  }
}
