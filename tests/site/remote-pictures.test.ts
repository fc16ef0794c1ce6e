import fs from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { parse } from 'node-html-parser';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSiteAsync, type SiteBuild } from '../helpers/build-site.ts';
import { makeTestCertificate } from '../helpers/certificate.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

// Issue #17, end to end: an article's picture on an allowed https host is downloaded by the build,
// published from the site in the same variants as a file next to the article, and never asked for
// again. The host is an https server on this machine with a certificate made for the test, which
// the build trusts through NODE_EXTRA_CA_CERTS, as a newsroom behind a company proxy would.
const NOW = '2025-01-10T12:00:00+07:00';

describe('remote pictures in a build', () => {
  let work: string;
  let server: https.Server;
  let host: string;
  const hits = new Map<string, number>();
  let cold: SiteBuild;
  let warm: SiteBuild;
  let env: Record<string, string>;

  const write = (folder: string, name: string, front: string, body = 'Air naik.'): void => {
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(
      path.join(folder, name),
      `---\ntitle: "Judul ${name}"\ndate: 2025-01-09T08:00:00+07:00\ncategory: Nasional\n${front}---\n\nJAKARTA - ${body}\n`,
    );
  };

  beforeAll(async () => {
    work = makeTempDir('warta-remote-build-');
    const { key, cert, certFile } = makeTestCertificate(work);
    const photo = (hue: number) =>
      sharp(
        Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="900">
          <rect width="100%" height="100%" fill="hsl(${hue},50%,55%)"/>
          <circle cx="500" cy="450" r="220" fill="hsl(${hue + 120},60%,40%)"/></svg>`),
      )
        .jpeg()
        .toBuffer();
    const files = new Map([
      ['/2025/banjir.jpg', await photo(200)],
      ['/2025/pasar.jpg', await photo(30)],
    ]);
    server = https.createServer({ key, cert }, (request, response) => {
      const url = request.url ?? '/';
      hits.set(url, (hits.get(url) ?? 0) + 1);
      const file = files.get(url);
      if (file) response.writeHead(200, { 'content-type': 'image/jpeg' }).end(file);
      // An agency's old address for the same picture: followed, since it stays on the host.
      else if (url === '/lama/banjir.jpg') response.writeHead(301, { location: '/2025/banjir.jpg' }).end();
      else response.writeHead(404, 'Not Found').end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
    env = {
      WARTA_NOW: NOW,
      WARTA_IMAGE_HOSTS: host,
      NODE_EXTRA_CA_CERTS: certFile,
      WARTA_CACHE_DIR: path.join(work, 'cache'),
    };

    const content = path.join(work, 'content');
    write(
      content,
      'banjir.md',
      `image:\n  src: https://${host}/lama/banjir.jpg\n  alt: Banjir di Jakarta\n`,
      `Air naik.\n\n![Pedagang di pasar](https://${host}/2025/pasar.jpg)\n`,
    );
    write(content, 'tanpa-foto.md', '');
    cold = await buildSiteAsync(content, { ...env, WARTA_OUT_DIR: path.join(work, 'cold') });
    fs.appendFileSync(path.join(content, 'banjir.md'), '\nParagraf tambahan.\n');
    warm = await buildSiteAsync(content, { ...env, WARTA_OUT_DIR: path.join(work, 'warm') });
  }, 300_000);

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('downloads each picture once, following a redirect on the host, and not again on a rebuild', () => {
    expect(cold.status, cold.output).toBe(0);
    expect(cold.output).toContain('Downloading 2 remote pictures');
    expect(warm.status, warm.output).toBe(0);
    expect(warm.output).not.toContain('Downloading');
    expect(Object.fromEntries(hits)).toEqual({ '/lama/banjir.jpg': 1, '/2025/banjir.jpg': 1, '/2025/pasar.jpg': 1 });
    // The edit re-parsed the article; its pictures came from the cache, and made no file again.
    expect(warm.output).toMatch(/\[warta-images\] 2 pictures: 0 processed \(0 files\), 2 from the cache/);
  });

  it('publishes the pictures from the site, in the same variants as a file next to the article', () => {
    const html = parse(cold.read('berita/banjir/index.html'));
    expect(cold.read('berita/banjir/index.html')).not.toContain(host);
    const hero = html.querySelector('main picture img');
    expect(hero?.getAttribute('src')).toMatch(/^\/gambar\/[0-9a-f]{20}\/hero-\d+\.jpg$/);
    // The 16:9 hero crop of the 1600×900 original, as for a local file.
    expect([hero?.getAttribute('width'), hero?.getAttribute('height')]).toEqual(['1200', '675']);
    expect(hero?.getAttribute('fetchpriority')).toBe('high');
    const body = html.querySelector('.prose picture img');
    expect(body?.getAttribute('alt')).toBe('Pedagang di pasar');
    expect(body?.getAttribute('loading')).toBe('lazy');
    for (const img of [hero, body]) {
      const src = img?.getAttribute('src') ?? '';
      expect(fs.existsSync(path.join(cold.outDir, src)), src).toBe(true);
    }
    const og = html.querySelector('meta[property="og:image"]')?.getAttribute('content') ?? '';
    expect(og).toMatch(/\/gambar\/[0-9a-f]{20}\/hero-1200\.jpg$/);
    // The front page lists the story with its thumbnail.
    expect(parse(cold.read('index.html')).querySelector('picture img')?.getAttribute('src')).toMatch(/^\/gambar\//);
  });

  it('fails the build at the line of a picture the host does not have, with its answer', async () => {
    const broken = path.join(work, 'broken');
    write(broken, 'hilang.md', `image:\n  src: https://${host}/2025/hilang.jpg\n  alt: x\n`);
    write(broken, 'lain.md', '', `Isi.\n\n![Foto](https://${host}/2025/juga-hilang.jpg)\n`);
    const run = await buildSiteAsync(broken, { ...env, WARTA_OUT_DIR: path.join(work, 'broken-out') });
    expect(run.status).not.toBe(0);
    expect(run.output).toMatch(/hilang\.md:6:\d+ +Picture could not be downloaded \[ImageDownloadFailed\]/);
    expect(run.output).toMatch(/lain\.md:9:\d+ +Picture could not be downloaded \[ImageDownloadFailed\]/);
    expect(run.output).toContain(
      `The picture "https://${host}/2025/hilang.jpg" could not be downloaded: the server answered HTTP 404 Not Found.`,
    );
    expect(fs.existsSync(path.join(work, 'broken-out'))).toBe(false);
  }, 120_000);
});
