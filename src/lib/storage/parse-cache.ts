import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import type { ArticleSource, ParsedArticle, ParseResult } from '../content/parse-article.ts';
import { dependencyUnchanged } from './image-probe.ts';
import { writeFully } from './write-fully.ts';

/**
 * Parsed articles from the previous build, keyed by a digest of each file's path and bytes (and
 * of the code that parsed it), so a rebuild parses and renders only the files that changed.
 * Failed parses are not cached: their errors must be reported every time.
 */
export interface ParseCache {
  /** The cached result for `source`, if its file is unchanged since it was remembered. */
  get(source: ArticleSource): ParseResult | undefined;
  /** Remembers a fresh result for `source` (failed parses are not kept). */
  put(source: ArticleSource, result: ParseResult): void;
  /**
   * What the previous build left: `warm` with its records, or why there is nothing to reuse, so the
   * build can say whether it is a publish (warm) or a full build, and why.
   */
  readonly state: { readonly kind: 'warm'; readonly records: number } | { readonly kind: 'full'; readonly why: string };
  /** Cache hits and misses of this build. */
  readonly counts: { hits: number; misses: number };
  /**
   * Stores the entries used in this build: appends the fresh ones to the file, or rewrites it with
   * only the used ones once unused entries have piled up.
   */
  save(): void;
}

/**
 * The file: a header record `{ version }`, then one record `[key, article]` per article, each a
 * 4-byte length and a v8-serialized value. Written and read a record at a time: serializing the
 * whole map at once needed one buffer the size of the file (1.2 GB for 100,000 articles) on top
 * of the entries themselves.
 *
 * A rebuild appends the records of the files it parsed and leaves the rest of the file alone:
 * rewriting every record took about 1 s of each 10,000-article rebuild, on its critical path. The
 * records nothing uses any more (edited and deleted files) are dropped by rewriting the file once
 * they outnumber a quarter of those in use.
 */
const READ_CHUNK = 4 * 1024 * 1024;
const MAX_UNUSED_SHARE = 0.25;

/** Opens the cache at `file`; `version` identifies the parsing code, and any change empties the cache. */
export function openParseCache(file: string, version: string): ParseCache {
  const stored = readEntries(file, version);
  const previous = stored.entries;
  const used = new Map<string, ParsedArticle>();
  const fresh: [string, ParsedArticle][] = [];
  const counts = { hits: 0, misses: 0 };
  const keyOf = (source: ArticleSource): string =>
    createHash('sha1')
      .update(source.path)
      .update('\0')
      .update(source.displayPath)
      .update('\0')
      .update(source.bytes)
      .digest('base64');
  const cache: ParseCache = {
    state: stored.why === undefined ? { kind: 'warm', records: stored.records } : { kind: 'full', why: stored.why },
    counts,
    get(source) {
      const key = keyOf(source);
      const hit = previous.get(key);
      // A picture the article names was replaced or removed: parse again, to measure or report it.
      if (!hit || !(hit.dependencies ?? []).every(dependencyUnchanged)) return undefined;
      counts.hits++;
      used.set(key, hit);
      return { ok: true, article: hit };
    },
    put(source, result) {
      counts.misses++;
      if (!result.ok) return;
      const key = keyOf(source);
      if (!used.has(key)) fresh.push([key, result.article]);
      used.set(key, result.article);
    },
    save() {
      const kept = used.size - fresh.length;
      const unused = stored.records - kept;
      if (stored.end > 0 && unused <= kept * MAX_UNUSED_SHARE) appendRecords(file, stored.end, fresh);
      else rewrite(file, version, used);
    },
  };
  return cache;
}

/** Writes a new file holding `entries`, under a temporary name renamed into place when complete. */
function rewrite(file: string, version: string, entries: Map<string, ParsedArticle>): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  const fd = fs.openSync(temporary, 'w');
  try {
    let position = writeRecord(fd, { version }, 0);
    for (const entry of entries) position += writeRecord(fd, entry, position);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temporary, file);
}

/**
 * Appends `entries` after the file's last whole record at `end`, first cutting off whatever follows
 * it: a record torn by a crash or a full disk in an earlier append.
 */
function appendRecords(file: string, end: number, entries: readonly [string, ParsedArticle][]): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.ftruncateSync(fd, end);
    let position = end;
    for (const entry of entries) position += writeRecord(fd, entry, position);
  } finally {
    fs.closeSync(fd);
  }
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

interface StoredEntries {
  readonly entries: Map<string, ParsedArticle>;
  /** Article records in the file. */
  readonly records: number;
  /** Byte offset just past the last whole record; 0 when the file is missing, unreadable or of another version. */
  readonly end: number;
  /** Why nothing could be read, when nothing could. */
  readonly why?: string;
}

const NOTHING_STORED = (why: string): StoredEntries => ({ entries: new Map(), records: 0, end: 0, why });
const NO_FILE = 'no cache of a previous build (the first build here, or its cache folder was emptied)';
const OTHER_VERSION =
  'the cache is of another version of Warta, Node or the site settings, or of another content folder';
const UNREADABLE = 'the cache could not be read (damaged, or written by an older format)';

/** The entries of a cache file written for `version`; none when there is no file, or it is of another version or unreadable. */
function readEntries(file: string, version: string): StoredEntries {
  const entries = new Map<string, ParsedArticle>();
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return NOTHING_STORED(NO_FILE);
  }
  try {
    const size = fs.fstatSync(fd).size;
    let buffer = Buffer.alloc(READ_CHUNK);
    /** File offset of buffer[0]. */
    let bufferOffset = 0;
    let start = 0;
    let end = 0;
    let first = true;
    let records = 0;
    for (;;) {
      if (end - start >= 4) {
        const length = buffer.readUInt32LE(start);
        if (end - start >= 4 + length) {
          const value: unknown = v8.deserialize(buffer.subarray(start + 4, start + 4 + length));
          start += 4 + length;
          if (first) {
            if ((value as { version?: unknown }).version !== version) return NOTHING_STORED(OTHER_VERSION);
            first = false;
          } else {
            const [key, article] = value as [string, ParsedArticle];
            entries.set(key, article);
            records++;
          }
          continue;
        }
        // Not a record of this format (an older cache file): start empty.
        if (length > size) return NOTHING_STORED(UNREADABLE);
        // Make room for a record larger than the buffer.
        if (4 + length > buffer.length) {
          const larger = Buffer.alloc(4 + length);
          buffer.copy(larger, 0, start, end);
          bufferOffset += start;
          end -= start;
          start = 0;
          buffer = larger;
        }
      }
      if (start > 0) {
        buffer.copy(buffer, 0, start, end);
        bufferOffset += start;
        end -= start;
        start = 0;
      }
      const read = fs.readSync(fd, buffer, end, buffer.length - end, null);
      if (read === 0) break;
      end += read;
    }
    // A torn last record (a crash or a full disk while appending) is ignored, and cut off by the next append.
    return first ? NOTHING_STORED(NO_FILE) : { entries, records, end: bufferOffset + start };
  } catch {
    // Written by another version of Node, or damaged: start empty.
    return NOTHING_STORED(UNREADABLE);
  } finally {
    fs.closeSync(fd);
  }
}
