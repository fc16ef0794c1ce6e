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

describe('parse cache file', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'warta-cache-file-'));

  it('reads back many entries, including ones larger than its read buffer', () => {
    const file = path.join(dir, 'many.bin');
    const sources = Array.from({ length: 300 }, (_, i) => article(`a${i}.md`, { body: `JAKARTA - Isi ${i}. ${'kata '.repeat(i === 7 ? 1_000_000 : 50)}` }));
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
  });

  it('starts empty from a file of another format, a truncated file or garbage', () => {
    const s = article('a.md', { body: 'JAKARTA - Isi.\n' });
    const file = path.join(dir, 'odd.bin');
    const cache = openParseCache(file, 'v1');
    cache.put(s, parseArticle(s));
    cache.save();
    const whole = fs.readFileSync(file);
    for (const bytes of [whole.subarray(0, whole.length - 3), Buffer.from([0xff, 0xff, 0xff, 0x7f, 1, 2]), Buffer.from('bukan cache')]) {
      fs.writeFileSync(file, bytes);
      expect(openParseCache(file, 'v1').get(s)).toBeUndefined();
    }
  });
});
