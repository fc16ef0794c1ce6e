import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_IMAGE_BYTES } from '../../src/lib/storage/image-probe.ts';
import { parseChanged } from '../../src/lib/storage/parse-changed.ts';
import { downloadRemoteImages, remoteImageFile } from '../../src/lib/storage/remote-images.ts';
import { article } from '../helpers/article-source.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

// Issue #17: pictures on an allowed host are downloaded once into the cache folder. These tests talk
// to a real HTTP server on this machine; tests/site/remote-pictures.test.ts builds a site against an
// https one.

let server: http.Server;
let base: string;
let root: string;
let photo: Buffer;
/** Requests the server received, by path. */
const hits = new Map<string, number>();
let flaky = 0;

beforeAll(async () => {
  root = makeTempDir('warta-remote-');
  photo = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#336699' } })
    .jpeg()
    .toBuffer();
  server = http.createServer((request, response) => {
    const url = request.url ?? '/';
    hits.set(url, (hits.get(url) ?? 0) + 1);
    if (url === '/foto.jpg') response.writeHead(200, { 'content-type': 'image/jpeg' }).end(photo);
    else if (url === '/sibuk.jpg' && flaky++ === 0) response.writeHead(503).end();
    else if (url === '/sibuk.jpg') response.writeHead(200).end(photo);
    else if (url === '/halaman.jpg')
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<p>Masuk</p>');
    else if (url === '/pindah.jpg') response.writeHead(302, { location: `${base}/foto.jpg` }).end();
    else if (url === '/keluar.jpg') response.writeHead(301, { location: 'https://lain.example/x.jpg' }).end();
    else if (url === '/besar.jpg') {
      // No length announced: the limit must hold while the body streams in.
      response.writeHead(200);
      const chunk = Buffer.alloc(1024 * 1024);
      let sent = 0;
      const more = (): void => {
        while (sent <= MAX_IMAGE_BYTES && response.write(chunk)) sent += chunk.length;
        if (sent <= MAX_IMAGE_BYTES) response.once('drain', more);
        else response.end();
      };
      more();
    } else if (url === '/diam.jpg') {
      // Never answers: the request must give up.
    } else response.writeHead(404, 'Not Found').end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const hosts = ['127.0.0.1'];
const folder = (name: string): string => path.join(root, name);

describe('downloadRemoteImages', () => {
  it('downloads a picture once, into a file named by its URL', async () => {
    const url = `${base}/foto.jpg`;
    expect(await downloadRemoteImages([url, url], folder('a'), { hosts })).toEqual(new Map());
    expect(fs.readFileSync(remoteImageFile(folder('a'), url))).toEqual(photo);
    expect(await downloadRemoteImages([url], folder('a'), { hosts })).toEqual(new Map());
    expect(hits.get('/foto.jpg')).toBe(1);
    // No temporary file is left beside it.
    expect(fs.readdirSync(folder('a'))).toEqual([path.basename(remoteImageFile(folder('a'), url))]);
  });

  it('says why each picture could not be downloaded, and keeps no file of it', async () => {
    const urls = ['hilang', 'keluar', 'besar', 'pindah', 'halaman'].map((name) => `${base}/${name}.jpg`);
    const failures = await downloadRemoteImages(urls, folder('b'), { hosts });
    expect(failures).toEqual(
      new Map([
        [urls[0], 'the server answered HTTP 404 Not Found'],
        [
          urls[1],
          'the server redirects to https://lain.example/x.jpg, which is not an https: URL on an allowed image host',
        ],
        [urls[2], 'the file is larger than 40 MB'],
        // Even to its own host: a redirect must stay on https.
        [urls[3], `the server redirects to ${base}/foto.jpg, which is not an https: URL on an allowed image host`],
        // An error or login page sent with 200 is not kept: the next build asks again.
        [urls[4], 'the server sent a file of type text/html that is not a JPEG, PNG, WebP or AVIF picture'],
      ]),
    );
    expect(fs.existsSync(folder('b')) ? fs.readdirSync(folder('b')) : []).toEqual([]);
    // None of these is worth a second try.
    expect(['/hilang.jpg', '/keluar.jpg', '/besar.jpg', '/pindah.jpg', '/halaman.jpg'].map((p) => hits.get(p))).toEqual(
      [1, 1, 1, 1, 1],
    );
  });

  it('tries a busy server once more', async () => {
    const url = `${base}/sibuk.jpg`;
    expect(await downloadRemoteImages([url], folder('c'), { hosts })).toEqual(new Map());
    expect(hits.get('/sibuk.jpg')).toBe(2);
    expect(fs.readFileSync(remoteImageFile(folder('c'), url))).toEqual(photo);
  });

  it('gives up on a server that does not answer, and on one that is not there', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const silent = `${base}/diam.jpg`;
    const refused = `http://127.0.0.1:${port}/foto.jpg`;
    const failures = await downloadRemoteImages([silent, refused], folder('d'), { hosts, timeoutMs: 200 });
    expect(failures.get(silent)).toBe('the server did not answer within 0.2 s');
    expect(failures.get(refused)).toMatch(/^the request failed \(ECONNREFUSED/);
    expect(hits.get('/diam.jpg')).toBe(2);
  });
});

describe('parseChanged with remote pictures', () => {
  // A function: the temporary folder is made in beforeAll.
  const images = () => ({
    contentDirectory: folder('content'),
    publicDirectory: folder('public'),
    hosts: ['foto.example.id'],
    remoteDirectory: folder('unduhan'),
  });
  const url = 'https://foto.example.id/2024/banjir.jpg';
  const front = `image:\n  src: ${url}\n  alt: "Banjir"\n`;

  it('downloads what a file names, then parses the file again with its copy', async () => {
    const asked: string[][] = [];
    const { results } = await parseChanged([article('a.md', { front })], {
      render: { images: images() },
      download: (urls) => {
        asked.push([...urls]);
        fs.mkdirSync(folder('unduhan'), { recursive: true });
        fs.writeFileSync(remoteImageFile(folder('unduhan'), url), photo);
        return Promise.resolve(new Map());
      },
    });
    expect(asked).toEqual([[url]]);
    const [result] = results;
    expect(result?.ok && result.article.imageAsset).toMatchObject({ width: 400, height: 300 });
  });

  it('reports the failed download at the line that names the picture', async () => {
    const other = 'https://foto.example.id/2024/hilang.jpg';
    const { results } = await parseChanged([article('b.md', { front: front.replace(url, other) })], {
      render: { images: images() },
      download: () => Promise.resolve(new Map([[other, 'the server answered HTTP 404 Not Found']])),
    });
    const [result] = results;
    expect(result?.ok).toBe(false);
    if (!result || result.ok) return;
    expect(result.errors.map((e) => [e.name, e.position?.line, e.message])).toEqual([
      [
        'ImageDownloadFailed',
        6,
        `The picture "${other}" could not be downloaded: the server answered HTTP 404 Not Found.`,
      ],
    ]);
  });
});
