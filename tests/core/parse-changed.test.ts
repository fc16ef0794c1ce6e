import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/lib/content/parse-article.ts';
import { openParseCache } from '../../src/lib/storage/parse-cache.ts';
import { parseChanged } from '../../src/lib/storage/parse-changed.ts';
import { article, source } from '../helpers/article-source.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

const workerFile = path.resolve(import.meta.dirname, '../../src/lib/storage/parse-worker.ts');

describe('parseChanged', () => {
  const file = path.join(makeTempDir('warta-changed-'), 'cache.bin');
  const a = article('a.md', { title: 'A' });
  const broken = source('rusak.md', 'tanpa front matter\n');
  const sources = [a, broken, article('b.md', { title: 'B' })];

  it('parses on this thread without a cache, one result per source in order', async () => {
    const { results, threads } = await parseChanged(sources);
    expect(threads).toBe(1);
    expect(results).toEqual(sources.map((s) => parseArticle(s)));
  });

  it('takes unchanged files from the cache and puts fresh results in it', async () => {
    const first = openParseCache(file, 'v1');
    await parseChanged(sources, { cache: first });
    expect(first.counts).toEqual({ hits: 0, misses: 3 });
    first.save();

    const edited = [a, broken, article('b.md', { title: 'B diubah' })];
    const second = openParseCache(file, 'v1');
    const { results } = await parseChanged(edited, { cache: second });
    // a.md from the cache; the failed parse is never cached, so it is parsed again like the edited b.md.
    expect(second.counts).toEqual({ hits: 1, misses: 2 });
    expect(results).toEqual(edited.map((s) => parseArticle(s)));
  });

  it('uses worker threads only for at least 400 changed files', async () => {
    const few = await parseChanged(sources, { threads: 2, workerFile });
    expect(few.threads).toBe(1);
    const many = Array.from({ length: 400 }, (_, i) => article(`berita-${i}.md`, { title: `Judul ${i}` }));
    const { results, threads } = await parseChanged(many, { threads: 2, workerFile });
    expect(threads).toBe(2);
    expect(results).toEqual(many.map((s) => parseArticle(s)));
  });

  it("keeps no fresh article's long strings in memory once it is in the cache, on workers or not", async () => {
    // A full build parses every file: holding each body's HTML, text and front matter until the
    // cache was saved put about 740 MB of a 100,000-article build in memory (issue #20).
    const dir = makeTempDir('warta-changed-spill-');
    const many = Array.from({ length: 400 }, (_, i) => article(`berita-${i}.md`, { title: `Judul ${i}` }));
    for (const [name, threads] of [
      ['workers', 2],
      ['this thread', 1],
    ] as const) {
      const cache = openParseCache(path.join(dir, `${name}.bin`), 'v1');
      const { results } = await parseChanged(many, { cache, threads, workerFile });
      for (const result of results) {
        if (!result?.ok) throw new Error('expected a parsed article');
        for (const field of ['html', 'text', 'frontMatterText'] as const) {
          const descriptor = Object.getOwnPropertyDescriptor(result.article, field);
          expect(descriptor, `${name}: ${result.article.slug}.${field}`).toHaveProperty('get', expect.any(Function));
          expect(descriptor).not.toHaveProperty('value');
        }
      }
      // Read back from disk, they equal a parse's; and the cache saves them for the next build.
      expect(results).toEqual(many.map((s) => parseArticle(s)));
      cache.save();
      const next = openParseCache(path.join(dir, `${name}.bin`), 'v1');
      expect(many.map((s) => next.get(s))).toEqual(results);
    }
  });
});
