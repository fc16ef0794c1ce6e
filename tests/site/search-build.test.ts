import { parse, type HTMLElement } from 'node-html-parser';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, listFiles, type SiteBuild } from '../helpers/build-site.ts';
import { serveStatic, type StaticServer } from '../helpers/serve.ts';
import { openPagefind } from '../search/pagefind-client.ts';

describe('search in a build of tests/fixtures/site-basic (one draft, one scheduled)', () => {
  let site: SiteBuild;
  let server: StaticServer | undefined;
  let pagefind: Awaited<ReturnType<typeof openPagefind>> | undefined;
  let cari: HTMLElement;
  const search = async (q: string) => (await pagefind!.search(q)).results.map((r) => new URL(r.url).pathname);

  beforeAll(async () => {
    site = buildSite('tests/fixtures/site-basic', { WARTA_NOW: '2025-01-01T00:00:00+07:00' });
    if (site.status !== 0) throw new Error(`build failed:\n${site.output}`);
    server = await serveStatic(site.outDir);
    pagefind = await openPagefind(path.join(site.outDir, 'pagefind'), server.url);
    cari = parse(site.read('cari/index.html'));
  });
  afterAll(async () => {
    await pagefind?.close();
    await server?.close();
  });

  it('writes the Pagefind bundle into the build output and logs what it cost', () => {
    expect(JSON.parse(site.read('pagefind/shards.json'))).toMatchObject({ shards: ['arsip-2024-12-01'], recent: 1 });
    expect(site.exists('pagefind/arsip-2024-12-01/pagefind.js')).toBe(true);
    expect(site.exists('pagefind/arsip-2024-12-01/pagefind-worker.js')).toBe(true);
    // One WebAssembly for every shard (shareWebAssembly), which each shard's scripts load.
    expect(site.exists('pagefind/wasm.id.pagefind')).toBe(true);
    expect(site.exists('pagefind/arsip-2024-12-01/wasm.id.pagefind')).toBe(false);
    expect(site.read('pagefind/arsip-2024-12-01/pagefind-worker.js')).toContain(
      '`${this.basePath}../wasm.${language}.pagefind`',
    );
    expect(JSON.parse(site.read('pagefind/arsip-2024-12-01/pagefind-entry.json'))).toMatchObject({
      languages: { id: { page_count: 4 } },
    });
    expect(site.output).toMatch(
      /Pagefind: indexed 4 articles in 1 shard \(0 reused\) in \d+\.\d\d s \(records \d+\.\d\d s, write \d+\.\d\d s\), \d+\.\d\d MB in \d+ files/,
    );
  });

  it('indexes the published articles and neither the draft nor the scheduled one', async () => {
    expect(await search('Putin')).toContain('/berita/putin-kirim-pesan/');
    for (const q of [
      'Konsep yang Belum Terbit',
      'Berita Terjadwal',
      'Konsep',
      'Terjadwal',
      'Belum siap',
      'Terbit nanti',
    ]) {
      expect(await search(q), q).toEqual([]);
    }
    expect(await search('Cianjur')).toEqual(['/berita/gempa-guncang-cianjur/']);
  });

  it("writes the archive's vocabulary from the published articles only, and lists on /cari/ only them", () => {
    const words = site.read('pagefind/kosakata.txt').split('\n');
    expect(words).toEqual(expect.arrayContaining(['cianjur', 'putin']));
    for (const word of ['konsep', 'terjadwal', 'terbit']) expect(words, word).not.toContain(word);
    const latest = cari
      .querySelectorAll('[data-search-start] ol a[href^="/berita/"]')
      .map((a) => a.getAttribute('href'));
    expect(latest).toHaveLength(4);
    expect(latest).toContain('/berita/putin-kirim-pesan/');
    expect(latest).toContain('/berita/gempa-guncang-cianjur/');
  });

  it('ships /cari/ with a labelled GET form, a live status, a no-JavaScript note and no inline script', () => {
    const form = cari.querySelector('main form[role="search"]');
    expect(form?.getAttribute('action')).toBe('/cari/');
    expect(form?.getAttribute('method')).toBe('get');
    const input = form?.querySelector('input[name="q"]');
    expect(input?.getAttribute('type')).toBe('search');
    expect(cari.querySelector(`label[for="${input!.getAttribute('id')!}"]`)?.text.trim()).toBe('Cari berita');
    expect(cari.querySelector('[data-search-status]')?.getAttribute('aria-live')).toBe('polite');
    expect(cari.querySelector('noscript')?.text).toContain('Pencarian memerlukan JavaScript');
    // Executable scripts only (JSON-LD data blocks are not scripts the CSP governs).
    const scripts = cari.querySelectorAll('script').filter((s) => s.getAttribute('type') !== 'application/ld+json');
    expect(scripts.length).toBe(1);
    expect(scripts[0]?.getAttribute('type')).toBe('module');
    expect(scripts[0]?.getAttribute('src')).toMatch(/^\/_astro\/[\w.-]+\.js$/);
    expect(scripts[0]?.text.trim()).toBe('');
    expect(site.exists(scripts[0]!.getAttribute('src')!.slice(1))).toBe(true);
    // The category options are the site's, in site order, with their pages.
    expect(
      cari
        .querySelectorAll('select[name="kategori"] option')
        .map((o) => [o.getAttribute('value'), o.getAttribute('data-href') ?? null]),
    ).toEqual([
      ['', null],
      ['Nasional', '/kategori/nasional/'],
      ['Internasional', '/kategori/internasional/'],
      ['Ekonomi', '/kategori/ekonomi/'],
    ]);
  });

  it('makes every search form on the site a plain GET to /cari/ with a labelled q (the header box too, once it is in)', () => {
    for (const file of ['index.html', 'cari/index.html', 'berita/putin-kirim-pesan/index.html']) {
      const page = parse(site.read(file));
      for (const form of page.querySelectorAll('form[role="search"]')) {
        expect([form.getAttribute('action'), form.getAttribute('method')], file).toEqual(['/cari/', 'get']);
        const input = form.querySelector('input[name="q"]');
        expect(input, file).not.toBeNull();
        expect(page.querySelector(`label[for="${input!.getAttribute('id')!}"]`)?.text.trim(), file).toBe('Cari berita');
      }
      // Ids stay unique when the header box and the page form share /cari/.
      const ids = page.querySelectorAll('[id]').map((e) => e.getAttribute('id'));
      expect(new Set(ids).size, file).toBe(ids.length);
    }
  });

  it('loads search JavaScript on /cari/ only', () => {
    const pages = listFiles(site.outDir).filter((f) => f.endsWith('.html') && f !== 'cari/index.html');
    expect(pages.length).toBeGreaterThan(5);
    for (const file of pages) {
      const page = parse(site.read(file));
      const scripts = page.querySelectorAll('script').filter((s) => s.getAttribute('type') !== 'application/ld+json');
      expect(
        scripts.map((s) => s.toString()),
        file,
      ).toEqual([]);
      expect(site.read(file), file).not.toContain('pagefind');
    }
  });
});
