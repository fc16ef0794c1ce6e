import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'node-html-parser';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { buildContent } from '../../src/lib/content/build-content.ts';
import { parseArticle } from '../../src/lib/content/parse-article.ts';
import { DEFAULT_EMBED_HOSTS } from '../../src/lib/markdown/sanitize-schema.ts';
import { article } from '../helpers/article-source.ts';
import { buildSite, listFiles } from '../helpers/build-site.ts';
import { findUnsafeMarkup } from '../helpers/unsafe-html.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

const payloads = JSON.parse(
  fs.readFileSync(new URL('../fixtures/xss/payloads.json', import.meta.url), 'utf8'),
) as string[];
const now = new Date('2025-01-01T00:00:00Z');

/** The payload as a block of its own and inline in a sentence. */
const bodyWith = (payload: string): string =>
  `JAKARTA - Paragraf pembuka.\n\n${payload}\n\nKalimat dengan ${payload} di tengah.\n`;

describe('sanitizing article bodies', () => {
  it('has a corpus of at least 30 payloads', () => {
    expect(payloads.length).toBeGreaterThanOrEqual(30);
  });

  it.each(payloads.map((p, i) => [i, p] as const))('payload %i leaves nothing unsafe: %s', (_, payload) => {
    const result = buildContent([article('uji.md', { body: bodyWith(payload) })], { now });
    expect(result.errors).toEqual([]);
    const html = result.articles[0]?.html ?? '';
    expect(html).toContain('Paragraf pembuka.');
    expect(findUnsafeMarkup(html, DEFAULT_EMBED_HOSTS)).toEqual([]);
  });

  it('keeps what news copy needs', () => {
    const body = [
      'Isi.',
      '',
      '<figure><img src="/images/a.jpg" alt="Foto"><figcaption>Keterangan</figcaption></figure>',
      '',
      '<blockquote>Kutipan</blockquote>',
      '',
      '<iframe src="https://www.youtube.com/embed/abc" title="Video"></iframe>',
      '',
      '| Kolom | Nilai |',
      '| --- | --- |',
      '| A | 1 |',
      '',
      '[Situs luar](https://contoh.example/berita) dan [dalam](/berita/uji/).',
    ].join('\n');
    const html = buildContent([article('uji.md', { body })], { now }).articles[0]?.html ?? '';
    expect(html).toContain('<figure><img src="/images/a.jpg" alt="Foto"><figcaption>Keterangan</figcaption></figure>');
    expect(html).toContain('<blockquote>Kutipan</blockquote>');
    expect(html).toMatch(
      /<iframe src="https:\/\/www\.youtube\.com\/embed\/abc" title="Video" loading="lazy" sandbox="allow-scripts allow-same-origin allow-popups allow-presentation"/,
    );
    expect(html).toContain('<table>');
    expect(html).toContain('<a href="https://contoh.example/berita" rel="noopener noreferrer">Situs luar</a>');
    expect(html).toContain('<a href="/berita/uji/">dalam</a>');
  });
});

describe('configurable embed hosts', () => {
  it('keeps iframes only from the configured hosts', () => {
    const body =
      'Isi.\n\n<iframe src="https://video.contoh.id/embed/1" title="A"></iframe>\n\n<iframe src="https://www.youtube.com/embed/abc" title="B"></iframe>\n';
    const result = parseArticle(article('uji.md', { body }), { embedHosts: ['video.contoh.id'] });
    expect(result.ok).toBe(true);
    const html = result.ok ? result.article.html : '';
    expect(html).toContain('src="https://video.contoh.id/embed/1"');
    expect(html).not.toContain('youtube.com');
  });
});

describe('the XSS corpus built into dist/', () => {
  it('leaves no payload alive in any emitted page', async () => {
    const dir = makeTempDir('warta-xss-');
    // Payloads load a picture called "x": it must exist, or the build rightly stops with ImageNotFound
    // (issue #17). A real one makes the pipeline replace the payload's <img> with its own <picture>.
    await sharp({ create: { width: 200, height: 200, channels: 3, background: '#888888' } })
      .jpeg()
      .toFile(path.join(dir, 'x'));
    payloads.forEach((payload, i) => {
      const file = article(`xss-${i}.md`, { title: `Uji ${i}`, body: bodyWith(payload) });
      fs.writeFileSync(path.join(dir, file.path), file.bytes);
    });
    const site = buildSite(dir, { WARTA_NOW: '2025-01-01T00:00:00+07:00' });
    expect(site.status, site.output).toBe(0);
    const pages = listFiles(site.outDir).filter((f) => f.startsWith('berita/'));
    expect(pages).toHaveLength(payloads.length);
    const problems = pages.flatMap((file) => {
      const body = parse(site.read(file)).querySelector('article')?.toString() ?? '';
      return findUnsafeMarkup(body, DEFAULT_EMBED_HOSTS).map((p) => `${file}: ${p}`);
    });
    expect(problems).toEqual([]);
  });
});
