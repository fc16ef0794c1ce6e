import http from 'node:http';
import type { AddressInfo } from 'node:net';
import compression from 'compression';
import sirv from 'sirv';
import { buildSite, type SiteBuild } from './build-site.ts';

/** A static server for a built site on 127.0.0.1, on a free port. */
export interface StaticServer {
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Serves `dir` like a static host: gzip, long caching for Astro's hashed assets, `/x/` →
 * `x/index.html`, unknown paths → 404.html with status 404.
 */
export async function serveStatic(dir: string): Promise<StaticServer> {
  const gzip = compression();
  const assets = sirv(dir, {
    dev: false,
    etag: true,
    setHeaders: (res, pathname) => {
      if (pathname.startsWith('/_astro/')) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
    },
  });
  const server = http.createServer((req, res) =>
    gzip(req as Parameters<typeof gzip>[0], res as Parameters<typeof gzip>[1], () =>
      assets(req, res, () => {
        res.statusCode = 404;
        req.url = '/404.html';
        assets(req, res, () => {
          res.end('Not found');
        });
      }),
    ),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
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
