import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArticle, type ArticleSource, type ParseResult } from '../../src/lib/content/parse-article.ts';
import { openParseCache, type ParseCache } from '../../src/lib/content/parse-cache.ts';
import { article, source } from '../helpers/article-source.ts';

describe('parse cache', () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'warta-cache-')), 'cache.bin');
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
});
