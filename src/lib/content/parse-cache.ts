import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import type { ArticleSource, ParsedArticle, ParseResult } from './parse-article.ts';

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
  /** Cache hits and misses of this build. */
  readonly counts: { hits: number; misses: number };
  /** Writes the entries used in this build to disk, dropping the rest. */
  save(): void;
}

/**
 * The file: a header record `{ version }`, then one record `[key, article]` per article, each a
 * 4-byte length and a v8-serialized value. Written and read a record at a time: serializing the
 * whole map at once needed one buffer the size of the file (1.2 GB for 100,000 articles) on top
 * of the entries themselves.
 */
const READ_CHUNK = 4 * 1024 * 1024;

/** Opens the cache at `file`; `version` identifies the parsing code, and any change empties the cache. */
export function openParseCache(file: string, version: string): ParseCache {
  const previous = readEntries(file, version);
  const used = new Map<string, ParsedArticle>();
  const counts = { hits: 0, misses: 0 };
  const keyOf = (source: ArticleSource): string =>
    createHash('sha1').update(source.path).update('\0').update(source.displayPath).update('\0').update(source.bytes).digest('base64');
  const cache: ParseCache = {
    counts,
    get(source) {
      const key = keyOf(source);
      const hit = previous.get(key);
      if (!hit) return undefined;
      counts.hits++;
      used.set(key, hit);
      return { ok: true, article: hit };
    },
    put(source, result) {
      counts.misses++;
      if (result.ok) used.set(keyOf(source), result.article);
    },
    save() {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      const temporary = `${file}.${process.pid}.tmp`;
      const fd = fs.openSync(temporary, 'w');
      try {
        writeRecord(fd, { version });
        for (const entry of used) writeRecord(fd, entry);
      } finally {
        fs.closeSync(fd);
      }
      fs.renameSync(temporary, file);
    },
  };
  return cache;
}

function writeRecord(fd: number, value: unknown): void {
  const body = v8.serialize(value);
  const length = Buffer.alloc(4);
  length.writeUInt32LE(body.length);
  fs.writeSync(fd, length);
  fs.writeSync(fd, body);
}

/** The entries of a cache file written for `version`; empty when there is none, or it is of another version or unreadable. */
function readEntries(file: string, version: string): Map<string, ParsedArticle> {
  const entries = new Map<string, ParsedArticle>();
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return entries;
  }
  try {
    const size = fs.fstatSync(fd).size;
    let buffer = Buffer.alloc(READ_CHUNK);
    let start = 0;
    let end = 0;
    let first = true;
    for (;;) {
      if (end - start >= 4) {
        const length = buffer.readUInt32LE(start);
        if (end - start >= 4 + length) {
          const value: unknown = v8.deserialize(buffer.subarray(start + 4, start + 4 + length));
          start += 4 + length;
          if (first) {
            if ((value as { version?: unknown }).version !== version) return new Map();
            first = false;
          } else {
            const [key, article] = value as [string, ParsedArticle];
            entries.set(key, article);
          }
          continue;
        }
        // Not a record of this format (an older cache file): start empty.
        if (length > size) return new Map();
        // Make room for a record larger than the buffer.
        if (4 + length > buffer.length) {
          const larger = Buffer.alloc(4 + length);
          buffer.copy(larger, 0, start, end);
          end -= start;
          start = 0;
          buffer = larger;
        }
      }
      if (start > 0) {
        buffer.copy(buffer, 0, start, end);
        end -= start;
        start = 0;
      }
      const read = fs.readSync(fd, buffer, end, buffer.length - end, null);
      if (read === 0) break;
      end += read;
    }
    // A truncated last record (a crash while writing is ruled out by the rename, but a full disk is not) is ignored.
    return entries;
  } catch {
    // Written by another version of Node, or damaged: start empty.
    return new Map();
  } finally {
    fs.closeSync(fd);
  }
}

/** A digest of every file under `paths` (files or folders), naming the code version that parsed cached entries. */
export function digestCode(paths: readonly string[], salt = ''): string {
  const hash = createHash('sha1').update(salt);
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) hash.update(entry.name).update(fs.readFileSync(full));
    }
  };
  for (const p of paths) {
    if (fs.statSync(p).isDirectory()) walk(p);
    else hash.update(path.basename(p)).update(fs.readFileSync(p));
  }
  return hash.digest('hex');
}
