import fs from 'node:fs';
import http from 'node:http';
import http2 from 'node:http2';
import type { AddressInfo } from 'node:net';
import compression from 'compression';
import sirv from 'sirv';
import { makeTestCertificate } from './certificate.ts';
import { buildSite, type SiteBuild } from './build-site.ts';
import { makeTempDir } from './temp-dir.ts';

/** A static server for a built site on 127.0.0.1, on a free port. */
export interface StaticServer {
  readonly url: string;
  close(): Promise<void>;
}

/** A request handler serving `dir` like a static host (see {@link serveStatic}). */
function staticHandler(dir: string): http.RequestListener {
  const gzip = compression();
  const assets = sirv(dir, {
    dev: false,
    etag: true,
    setHeaders: (res, pathname) => {
      if (pathname.startsWith('/_astro/')) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
    },
  });
  return (req, res) =>
    gzip(req as Parameters<typeof gzip>[0], res as Parameters<typeof gzip>[1], () =>
      assets(req, res, () => {
        res.statusCode = 404;
        req.url = '/404.html';
        assets(req, res, () => {
          res.end('Not found');
        });
      }),
    );
}

/**
 * Serves `dir` like a static host: gzip, long caching for Astro's hashed assets, `/x/` →
 * `x/index.html`, unknown paths → 404.html with status 404.
 */
export async function serveStatic(dir: string): Promise<StaticServer> {
  return listen(http.createServer(staticHandler(dir)), 'http');
}

/**
 * {@link serveStatic} over HTTPS with HTTP/2, as the static hosts a newsroom deploys to serve a site
 * (HTTP/1.1 for a client that does not offer h2). The certificate is a throwaway self-signed one made
 * with the openssl command; a browser must be told to accept it, by its public key (`spki`).
 */
export async function serveStaticHttp2(dir: string): Promise<StaticServer & { readonly spki: string }> {
  const folder = makeTempDir('warta-tls-');
  const { key, cert, spki } = makeTestCertificate(folder, 1);
  fs.rmSync(folder, { recursive: true, force: true });
  const handler = staticHandler(dir);
  // The compatibility API gives the connect-style middleware the request and response shapes it uses.
  const server = http2.createSecureServer({ key, cert, allowHTTP1: true }, (req, res) =>
    handler(req as unknown as http.IncomingMessage, res as unknown as http.ServerResponse),
  );
  return { ...(await listen(server, 'https')), spki };
}

async function listen(server: http.Server | http2.Http2SecureServer, scheme: string): Promise<StaticServer> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${scheme}://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}

/** Builds `contentDir` (see buildSite) and serves the result; throws with the build log if it fails. */
export async function buildAndServe(
  contentDir: string,
  env: Record<string, string> = {},
): Promise<{ site: SiteBuild; server: StaticServer }> {
  const site = buildSite(contentDir, env);
  if (site.status !== 0) throw new Error(`build of ${contentDir} failed:\n${site.output}`);
  return { site, server: await serveStatic(site.outDir) };
}
