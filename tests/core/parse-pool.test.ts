import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/lib/content/parse-article.ts';
import { parseInWorkers } from '../../src/lib/storage/parse-pool.ts';
import { WartaError } from '../../src/lib/errors/index.ts';
import { article, source } from '../helpers/article-source.ts';

const workerFile = path.resolve(import.meta.dirname, '../../src/lib/storage/parse-worker.ts');

describe('parsing on worker threads', () => {
  it('gives the same results as the main thread, in order, errors included', async () => {
    const sources = Array.from({ length: 450 }, (_, i) =>
      i % 50 === 7
        ? source(`rusak-${i}.md`, '---\ntitle: [\n---\n\nIsi.\n')
        : article(`berita-${i}.md`, {
            title: `Judul ${i}`,
            body: `KOTA - Isi ${i}.\n\nBaca juga:\n\n- Judul ${i + 1}\n`,
          }),
    );
    const results = await parseInWorkers(sources, 2, workerFile);
    expect(results).toHaveLength(sources.length);
    expect(results).toEqual(sources.map((s) => parseArticle(s)));
    const failed = results.find((r) => !r.ok);
    expect(failed?.errors[0]).toBeInstanceOf(WartaError);
    expect(failed?.errors[0]?.position).toMatchObject({
      file: 'content/rusak-7.md',
      line: expect.any(Number) as number,
    });
  });

  it('brings back the remote pictures a file waits for', async () => {
    const url = 'https://foto.example.id/2024/banjir.jpg';
    const images = {
      contentDirectory: path.join(os.tmpdir(), 'warta-pool-content'),
      publicDirectory: path.join(os.tmpdir(), 'warta-pool-public'),
      hosts: ['foto.example.id'],
      remoteDirectory: path.join(os.tmpdir(), 'warta-pool-no-downloads'),
    };
    const [result] = await parseInWorkers(
      [article('a.md', { front: `image:\n  src: ${url}\n  alt: Banjir\n` })],
      1,
      workerFile,
      { images },
    );
    expect(result).toMatchObject({ ok: false, downloads: [url] });
    expect(result?.ok === false && result.errors[0]?.name).toBe('ImageNotDownloaded');
  });
});
