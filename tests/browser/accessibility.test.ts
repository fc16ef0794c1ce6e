import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/chromium.ts';
import { buildAndServe, type StaticServer } from '../helpers/serve.ts';

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const PAGES = [
  ['front page', '/'],
  ['front page archive', '/halaman/1/'],
  ['category', '/kategori/internasional/'],
  ['tag', '/tag/rusia/'],
  ['tag index', '/tag/'],
  ['article with image and Baca juga', '/berita/banjir-rob-genangi-pesisir-utara-jakarta-warga-mengungsi/'],
  ['seed article', '/berita/kirim-pesan-tahun-baru-ke-kim-jong-un-presiden-putin-harapkan-kerja-sama/'],
  ['author page', '/penulis/bambang-sutrisno/'],
  ['people', '/penulis/'],
  ['"Terkini" fragment', '/sematan/terkini/'],
  ['Indeks (latest day)', '/indeks/'],
  ['Indeks day', '/indeks/2024/12/27/'],
  ['Indeks month', '/indeks/2024/12/'],
  ['Indeks year', '/indeks/2024/'],
  ['newsroom page', '/halaman/pedoman-media-siber/'],
  ['search, empty', '/cari/'],
  ['search, nothing found', '/cari/?q=xyzzyplugh'],
  ['search with results', '/cari/?q=Kim%20Jong-un'],
  ['404', '/halaman-yang-tidak-ada/'],
] as const;

describe('axe-core, WCAG 2.2 AA, in light and dark', () => {
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    ({ server } = await buildAndServe('content', { WARTA_PAGE_SIZE: '5' }));
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`finds no violations (${scheme})`, { timeout: 120_000 }, async () => {
      // axe is injected as a script, which the site's CSP would rightly refuse.
      const context = await browser!.newContext({
        colorScheme: scheme,
        bypassCSP: true,
        viewport: { width: 1280, height: 900 },
      });
      const violations: string[] = [];
      for (const [name, path] of PAGES) {
        const page = await context.newPage();
        await page.goto(server!.url + path);
        // Wait for what the search page shows: results, or the help for a search that found nothing.
        if (path === '/cari/?q=xyzzyplugh') await page.waitForSelector('[data-search-help]:not([hidden])');
        else if (path.startsWith('/cari/?')) await page.waitForSelector('[data-search-results] li');
        await page.evaluate(axeSource);
        const result = (await page.evaluate(
          (tags) =>
            (globalThis as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<unknown> } }).axe.run(
              document,
              { runOnly: { type: 'tag', values: tags } },
            ),
          WCAG_22_AA,
        )) as { violations: { id: string; help: string; nodes: { target: string[] }[] }[] };
        for (const v of result.violations)
          violations.push(
            `${name} (${path}): ${v.id} ${v.help} at ${v.nodes
              .map((n) => n.target.join(' '))
              .slice(0, 3)
              .join(', ')}`,
          );
        await page.close();
      }
      await context.close();
      expect(violations).toEqual([]);
    });
  }
});
