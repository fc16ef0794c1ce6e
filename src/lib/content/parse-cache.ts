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

interface CacheFile {
  readonly version: string;
  readonly entries: Map<string, ParsedArticle>;
}

/** Opens the cache at `file`; `version` identifies the parsing code, and any change empties the cache. */
export function openParseCache(file: string, version: string): ParseCache {
  let previous = new Map<string, ParsedArticle>();
  try {
    const stored = v8.deserialize(fs.readFileSync(file)) as CacheFile;
    if (stored.version === version) previous = stored.entries;
  } catch {
    // No cache yet, or one written by another version of Node: start empty.
  }
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
      fs.writeFileSync(temporary, v8.serialize({ version, entries: used } satisfies CacheFile));
      fs.renameSync(temporary, file);
    },
  };
  return cache;
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
