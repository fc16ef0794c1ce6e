import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateArticles } from '../../scripts/generate-corpus.ts';
import { launchChromium } from '../helpers/chromium.ts';
import { buildAndServe, type StaticServer } from '../helpers/serve.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

// Issue #20: a large archive's first search reads only the newest shards (the 300 KB budget of a
// phone), says from when its results are, and reaches the whole archive on request, or by itself
// when the newest stories give less than a page of results. Sixty generated stories over three
// years, shards of at most 10 and a "recent" part of at least 20 stories stand in for 100,000.

describe('searching a large archive: the newest stories first, the whole archive on demand', () => {
  let work: string;
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  let manifest: { shards: string[]; recent: number; since: string };
  let oldest: { slug: string; number: string };

  beforeAll(async () => {
    work = makeTempDir('warta-archive-search-');
    const content = path.join(work, 'content');
    fs.mkdirSync(content);
    const articles = [...generateArticles(60, { seed: 11 })];
    for (const a of articles) fs.writeFileSync(path.join(content, a.fileName), a.source);
    // The oldest story's headline ends with its number, a word no recent story has in its text.
    const first = [...articles].sort((a, b) => a.date.getTime() - b.date.getTime())[0]!;
    oldest = { slug: first.slug, number: /(\d+)$/.exec(first.title)![1]! };
    let site;
    ({ site, server } = await buildAndServe(content, {
      WARTA_NOW: '2025-06-01T00:00:00+07:00',
      WARTA_SEARCH_SHARD_SIZE: '10',
      WARTA_SEARCH_RECENT: '20',
      WARTA_OUT_DIR: path.join(work, 'dist'),
      WARTA_CACHE_DIR: path.join(work, 'cache'),
    }));
    manifest = JSON.parse(site.read('pagefind/shards.json')) as typeof manifest;
    browser = await launchChromium();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** A new page, recording which shards' index entries it fetches. */
  async function newPage(): Promise<{ page: Page; shardsRead: Set<string> }> {
    const page = await browser!.newPage({ viewport: { width: 390, height: 844 } });
    const shardsRead = new Set<string>();
    page.on('request', (r) => {
      const m = /\/pagefind\/([^/]+)\/pagefind-entry\.json$/.exec(new URL(r.url()).pathname);
      if (m) shardsRead.add(m[1]!);
    });
    return { page, shardsRead };
  }

  /** Opens a search, recording which shards' index entries the page fetched. */
  async function open(query: string): Promise<{ page: Page; shardsRead: Set<string> }> {
    const { page, shardsRead } = await newPage();
    await page.goto(`${server!.url}/cari/?q=${encodeURIComponent(query)}`);
    await waitForResults(page);
    return { page, shardsRead };
  }
  const waitForResults = (page: Page) =>
    page.waitForFunction(
      () =>
        document.querySelector('[data-search-results]')?.getAttribute('aria-busy') !== 'true' &&
        (document.querySelector('[data-search-status]')?.textContent ?? '').includes('hasil untuk'),
    );
  const status = async (page: Page) => (await page.locator('[data-search-status]').textContent())?.trim();
  const count = async (page: Page) => Number((await status(page))?.split(' ')[0]?.replace(/\./g, ''));

  it('splits the test archive as intended', () => {
    expect(manifest.shards.length).toBeGreaterThan(manifest.recent + 2);
    expect(manifest.since).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('searches the newest shards first, says since when, and reaches the whole archive on request', async () => {
    const { page, shardsRead } = await open('pemerintah');
    const [year, month, day] = manifest.since.split('-').map(Number) as [number, number, number];
    const since = new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'long', year: 'numeric' }).format(
      new Date(Date.UTC(year, month - 1, day)),
    );
    expect(await status(page)).toMatch(new RegExp(`^\\d+ hasil untuk "pemerintah" sejak ${since}$`));
    expect([...shardsRead].sort()).toEqual(manifest.shards.slice(0, manifest.recent).sort());
    // The head lists what the newest shards read first (page-preloads.ts); the script adds none again.
    const preloads = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLLinkElement>('link[rel="preload"]')].map((link) => ({
        href: link.getAttribute('href'),
        inHead: link.hasAttribute('data-search-index'),
      })),
    );
    expect(preloads.filter((p) => p.inHead).length).toBeGreaterThan(manifest.recent);
    expect(new Set(preloads.map((p) => p.href)).size).toBe(preloads.length);
    const scope = page.locator('[data-search-scope]');
    expect(await scope.isVisible()).toBe(true);
    expect(await scope.textContent()).toContain(`Hanya berita sejak ${since} yang dicari.`);
    fs.mkdirSync('test-results/screenshots', { recursive: true });
    await page.screenshot({ path: 'test-results/screenshots/search-archive-390-light.png' });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: 'test-results/screenshots/search-archive-1280-dark.png' });
    const recentCount = await count(page);
    expect(recentCount).toBeGreaterThanOrEqual(10);

    await page.getByRole('button', { name: 'Cari di seluruh arsip' }).click();
    await page.waitForFunction(
      () => !(document.querySelector('[data-search-status]')?.textContent ?? '').includes('sejak'),
    );
    await waitForResults(page);
    expect(await status(page)).toMatch(/^\d+ hasil untuk "pemerintah"$/);
    expect(await count(page)).toBeGreaterThan(recentCount);
    expect([...shardsRead].sort()).toEqual([...manifest.shards].sort());
    expect(await scope.isVisible()).toBe(false);
    // The button went away with the narrower results: focus is on the first result, not lost.
    expect(await page.evaluate(() => document.activeElement?.closest('[data-search-results]') !== null)).toBe(true);
    await page.close();
  });

  it('keeps a word still being typed to the newest stories, and searches the whole archive once typing pauses', async () => {
    const { page, shardsRead } = await newPage();
    await page.goto(`${server!.url}/cari/`);
    // A key every 300 ms: each pause runs a search of the letters so far (after 150 ms), and none is
    // long enough (1 s) to take a word the newest stories do not have to the whole archive. Widening
    // at the first such search read every shard while the reader was still typing.
    const input = page.getByLabel('Cari berita', { exact: true });
    await input.fill('pemerintah');
    await waitForResults(page);
    await input.fill('');
    await input.pressSequentially('zqzqzq', { delay: 300 });
    expect(shardsRead.size).toBe(manifest.recent);
    // Not "Tidak ditemukan" while the rest of the archive is still to be searched, nor the results of
    // the word before under this one.
    expect(await status(page)).not.toMatch(/Tidak ditemukan/);
    expect(await page.locator('[data-search-results] > li').count()).toBe(0);
    await page.waitForFunction(() =>
      (document.querySelector('[data-search-status]')?.textContent ?? '').includes('Tidak ditemukan'),
    );
    expect(shardsRead.size).toBe(manifest.shards.length);
    await page.close();
  });

  it('drops a search a newer one replaced: an older word never goes on into the whole archive', async () => {
    const { page, shardsRead } = await newPage();
    // The newest shards' word chunks are held back until a newer word has been typed, so that the
    // address's word (which the newest stories give less than a page of results for, and which is
    // searched in the whole archive when it is the latest) is answered after it was replaced.
    const held: (() => void)[] = [];
    let holding = true;
    let firstHeld: () => void = () => undefined;
    const oneHeld = new Promise<void>((resolve) => (firstHeld = resolve));
    await page.route('**/pagefind/*/index/*.pf_index', async (route) => {
      if (holding) {
        await new Promise<void>((resolve) => {
          held.push(resolve);
          firstHeld();
        });
      }
      await route.continue();
    });
    await page.goto(`${server!.url}/cari/?q=${oldest.number}`);
    await oneHeld;
    await page.getByLabel('Cari berita', { exact: true }).fill('pemerintah');
    // The newer word's search has begun (it puts its word in the address before anything else).
    await page.waitForFunction(() => new URLSearchParams(location.search).get('q') === 'pemerintah');
    holding = false;
    for (const release of held) release();
    await page.waitForFunction(() =>
      (document.querySelector('[data-search-status]')?.textContent ?? '').includes('"pemerintah" sejak'),
    );
    // Time for the older word's search to widen, which it did at once before.
    await page.waitForTimeout(1500);
    expect(shardsRead.size).toBe(manifest.recent);
    expect(await status(page)).toMatch(/^\d+ hasil untuk "pemerintah" sejak /);
    await page.close();
  });

  it('searches the whole archive by itself when the newest stories give less than a page of results', async () => {
    const { page, shardsRead } = await open(oldest.number);
    expect(await status(page)).toMatch(new RegExp(`^\\d+ hasil untuk "${oldest.number}"$`));
    const hrefs = await page
      .locator('[data-search-results] h2 a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs).toContain(`/berita/${oldest.slug}/`);
    expect(shardsRead.size).toBe(manifest.shards.length);
    expect(await page.locator('[data-search-scope]').isVisible()).toBe(false);
    await page.close();
  });
});
