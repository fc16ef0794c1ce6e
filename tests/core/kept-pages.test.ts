import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  installKeptPages,
  keepInLiveSite,
  keepPagesOf,
  keptPages,
  removedPages,
  siteHasFile,
} from '../../src/integrations/kept-pages.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

// The publish keeps unchanged pages in the live site by replacing three methods of Astro's
// incremental build cache (src/integrations/kept-pages.ts). An Astro whose cache class changed would
// silently fall back to copying every page: this fails instead, so an upgrade is looked at.
describe("keeping unchanged pages through Astro's incremental build cache", () => {
  const work = makeTempDir('warta-kept-');

  it("finds the cache class it was written for in this project's Astro", async () => {
    expect(await installKeptPages()).toBe(true);
  });

  it('keeps a live page that is the cache copy itself, and links the cache copy into the new site otherwise', async () => {
    expect(await installKeptPages()).toBe(true);
    const astroRoot = path.dirname(createRequire(import.meta.url).resolve('astro/package.json'));
    const { IncrementalBuildCache } = (await import(
      pathToFileURL(path.join(astroRoot, 'dist/core/build/incremental.js')).href
    )) as {
      IncrementalBuildCache: {
        prototype: {
          restoreOutputFile(settings: unknown, outputFile: string, destination: URL): Promise<boolean>;
          writeOutputFile(settings: unknown, outputFile: string, body: string): Promise<void>;
          deleteOutputFile(settings: unknown, outputFile: string): Promise<void>;
        };
      };
    };
    const cache = Object.create(IncrementalBuildCache.prototype) as typeof IncrementalBuildCache.prototype;
    const live = path.join(work, 'dist');
    const staging = path.join(work, 'staging');
    const settings = {
      config: { cacheDir: pathToFileURL(`${work}/cache/`), outDir: pathToFileURL(`${staging}/`) },
    };
    keepPagesOf(live);
    // A page rendered into the staging folder: its cache copy is the same file.
    const page = 'berita/satu/index.html';
    fs.mkdirSync(path.join(staging, 'berita/satu'), { recursive: true });
    fs.writeFileSync(path.join(staging, page), '<p>satu</p>');
    await cache.writeOutputFile(settings, page, '<p>satu</p>');
    const cached = path.join(work, 'cache/dist', page);
    expect(fs.statSync(cached).ino).toBe(fs.statSync(path.join(staging, page)).ino);

    // Published: the staging folder becomes the live site.
    fs.renameSync(staging, live);
    expect(await cache.restoreOutputFile(settings, page, pathToFileURL(path.join(staging, page)))).toBe(true);
    expect(keptPages().has(page)).toBe(true);
    expect(fs.existsSync(path.join(staging, page))).toBe(false);
    expect(siteHasFile(staging, page)).toBe(true);

    // A live page that is another file (replaced by hand) is not kept: the cache copy is linked in.
    keepPagesOf(live);
    fs.rmSync(path.join(live, page));
    fs.writeFileSync(path.join(live, page), '<p>diubah</p>');
    expect(await cache.restoreOutputFile(settings, page, pathToFileURL(path.join(staging, page)))).toBe(true);
    expect(keptPages().has(page)).toBe(false);
    expect(fs.readFileSync(path.join(staging, page), 'utf8')).toBe('<p>satu</p>');
    // No cache copy: nothing to restore, so Astro renders the page.
    expect(await cache.restoreOutputFile(settings, 'berita/dua/index.html', pathToFileURL(`${staging}/x`))).toBe(false);

    // A page the new site no longer has is noted for removal.
    await cache.deleteOutputFile(settings, page);
    expect(removedPages().has(page)).toBe(true);
    expect(fs.existsSync(cached)).toBe(false);
  });

  it('keeps search shards only while a live site is set', () => {
    keepPagesOf(undefined);
    expect(() => {
      keepInLiveSite('pagefind/arsip-2024-12');
    }).toThrow(/no live site/);
    keepPagesOf(work);
    keepInLiveSite('pagefind/arsip-2024-12');
    expect(keptPages().has('pagefind/arsip-2024-12')).toBe(true);
  });
});
