import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fullPageScreenshot, launchChromium } from '../helpers/chromium.ts';
import { buildAndServe, type StaticServer } from '../helpers/serve.ts';
import type { ShardManifest } from '../../src/lib/search/fields.ts';

const SEED = '/berita/kirim-pesan-tahun-baru-ke-kim-jong-un-presiden-putin-harapkan-kerja-sama/';
const SHOTS = 'test-results/screenshots';

describe('search on the shipped site in Chromium', () => {
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  const problems: string[] = [];

  /** A page that records script errors and failed requests of the site's own files. */
  async function open(
    path: string,
    options: Parameters<Browser['newPage']>[0] = {},
    prepare?: (page: Page) => Promise<void>,
  ): Promise<Page> {
    const page = await browser!.newPage({ viewport: { width: 1280, height: 900 }, ...options });
    page.on('pageerror', (e) => problems.push(`pageerror ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) problems.push(`console ${m.text()}`);
      // Chromium warns of a preload nobody used, or one whose request did not match Pagefind's.
      if (m.type() === 'warning' && /preload/i.test(m.text())) problems.push(`console ${m.text()}`);
    });
    page.on('response', (r) => {
      if (r.status() >= 400 && /\/(pagefind|_astro)\//.test(r.url())) problems.push(`${r.status()} ${r.url()}`);
    });
    page.on('requestfailed', (r) => {
      // An article page's "Terkini" frame still loading when the test moves on is cancelled, not failed.
      if (r.resourceType() === 'document' && r.failure()?.errorText === 'net::ERR_ABORTED') return;
      problems.push(`failed ${r.url()} ${r.failure()?.errorText ?? ''}`);
    });
    await prepare?.(page);
    await page.goto(server!.url + path);
    return page;
  }
  const status = (page: Page) => page.locator('[data-search-status]');
  const results = (page: Page) => page.locator('[data-search-results] > li');
  const resultHrefs = (page: Page) =>
    page.locator('[data-search-results] h2 a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));

  beforeAll(async () => {
    // Shards of 4 articles: the page searches 13 articles in 4 Pagefind indexes joined in the browser.
    ({ server } = await buildAndServe('content', { WARTA_SEARCH_SHARD_SIZE: '4' }));
    browser = await launchChromium();
    fs.mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('lists the seed article first for "Kim Jong-un", as the reader types, with the match highlighted', async () => {
    const page = await open('/cari/');
    await expect(status(page).textContent()).resolves.toBe('Ketik kata kunci untuk mencari berita.');
    await page.getByLabel('Cari berita', { exact: true }).pressSequentially('Kim Jong-un', { delay: 30 });
    await page.waitForFunction(() =>
      document.querySelector('[data-search-status]')?.textContent.includes('hasil untuk "Kim Jong-un"'),
    );
    expect((await resultHrefs(page))[0]).toBe(SEED);
    const first = results(page).first();
    expect(await first.locator('h2').textContent()).toContain('Kirim Pesan Tahun Baru ke Kim Jong-un');
    expect(await first.locator('p').first().textContent()).toMatch(
      /^Internasional · \d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2} WIB$/,
    );
    expect((await first.locator('mark').allTextContents()).join(' ')).toMatch(/Kim/);
    expect(await status(page).textContent()).toMatch(
      new RegExp(`^${await results(page).count()} hasil untuk "Kim Jong-un"$`),
    );
    // The URL keeps the query, so the page can be shared or reloaded.
    expect(new URL(page.url()).search).toBe('?q=Kim+Jong-un');
    // The result opens the article.
    await first.locator('h2 a').click();
    await page.waitForURL((url) => url.pathname === SEED);
    await page.close();
  });

  it('finds the base form from an inflected Indonesian query: "bekerja" matches "kerja sama"', async () => {
    const page = await open('/cari/?q=bekerja');
    await page.waitForFunction(() =>
      /hasil untuk|Tidak ditemukan/.test(document.querySelector('[data-search-status]')?.textContent ?? ''),
    );
    expect(await resultHrefs(page)).toContain(SEED);
    const seed = results(page).filter({ has: page.locator(`a[href="${SEED}"]`) });
    const marked = await seed.locator('mark').allTextContents();
    // The highlighted words are forms of "kerja" other than the one typed (e.g. "Kerja" of "Kerja Sama").
    expect(marked.some((w) => /^kerja\W*$/i.test(w))).toBe(true);
    await page.close();
  });

  it("narrows the results with the category filter built from Pagefind's counts", async () => {
    const page = await open('/cari/?q=pemerintah');
    await page.waitForFunction(() =>
      document.querySelector('[data-search-status]')?.textContent.includes('hasil untuk'),
    );
    const total = await results(page).count();
    const options = await page.locator('select[name="kategori"] option').allTextContents();
    expect(options[0]).toBe('Semua kategori');
    const counted = options
      .slice(1)
      .map((o) => /^(.+) \((\d+)\)$/.exec(o))
      .map((m) => ({ name: m![1]!, count: Number(m![2]) }));
    expect(counted.reduce((n, c) => n + c.count, 0)).toBe(total);
    const narrower = counted.find((c) => c.count > 0 && c.count < total);
    expect(narrower, `a category with fewer than ${total} results`).toBeDefined();

    await page.locator('#cari-kategori').selectOption(narrower!.name);
    await page.waitForFunction(
      (name) => document.querySelector('[data-search-status]')?.textContent.includes(`di kategori ${name}`),
      narrower!.name,
    );
    expect(await results(page).count()).toBe(narrower!.count);
    const categories = await page.locator('[data-search-results] li p:first-child > :first-child').allTextContents();
    expect(new Set(categories)).toEqual(new Set([narrower!.name]));
    expect(await status(page).textContent()).toBe(
      `${narrower!.count} hasil untuk "pemerintah" di kategori ${narrower!.name}`,
    );
    expect(new URL(page.url()).searchParams.get('kategori')).toBe(narrower!.name);

    // Newest first keeps the same results.
    await page.locator('#cari-urut').selectOption('terbaru');
    await page.waitForURL((url) => url.searchParams.get('urut') === 'terbaru');
    await page.locator('[data-search-results]:not([aria-busy])').waitFor({ state: 'attached' });
    expect(await results(page).count()).toBe(narrower!.count);
    await page.close();
  });

  it('shows ten results at a time and more on request, moving focus to the first new one', async () => {
    // Every shipped article is dated December, and the Indonesian date is searchable metadata.
    const page = await open('/cari/?q=Desember');
    await page.waitForFunction(() =>
      document.querySelector('[data-search-status]')?.textContent.includes('hasil untuk'),
    );
    const total = Number(/^(\d+) hasil/.exec((await status(page).textContent()) ?? '')?.[1]);
    expect(total).toBeGreaterThan(10);
    expect(await results(page).count()).toBe(10);
    const more = page.locator('[data-search-more]');
    expect(await more.textContent()).toBe(`Tampilkan ${Math.min(10, total - 10)} hasil lagi`);
    await more.click();
    await page.waitForFunction(
      (n) => document.querySelectorAll('[data-search-results] > li').length === n,
      Math.min(20, total),
    );
    expect(
      await page.evaluate(
        () => document.activeElement?.closest('li') === document.querySelectorAll('[data-search-results] > li')[10],
      ),
    ).toBe(true);
    if (total <= 20) expect(await more.isVisible()).toBe(false);
    await page.close();
  });

  it('offers the latest headlines and the sections before anything is typed, and hides them under results', async () => {
    const page = await open('/cari/', { viewport: { width: 390, height: 844 } });
    const start = page.locator('[data-search-start]');
    expect(await start.isVisible()).toBe(true);
    const headlines = start.locator('section').first();
    expect(await headlines.locator('h2').textContent()).toContain('Berita Terbaru');
    const items = headlines.locator('ol > li');
    expect(await items.count()).toBe(8);
    const dates = await items.locator('time').allTextContents();
    for (const date of dates) expect(date).toMatch(/^\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2} WIB$/);
    const hrefs = await items.locator('a[href^="/berita/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs).toHaveLength(8);
    // The seed (27 Dec) is among the eight newest shipped stories.
    expect(hrefs).toContain(SEED);
    const sections = await start
      .locator('section')
      .nth(1)
      .locator('a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(sections).toContain('/kategori/internasional/');
    expect(sections.every((h) => /^\/kategori\/[a-z0-9-]+\/$/.test(h ?? ''))).toBe(true);
    await fullPageScreenshot(page, `${SHOTS}/search-empty-390-light.png`);

    await page.getByLabel('Cari berita', { exact: true }).fill('Putin');
    await page.waitForFunction(() =>
      document.querySelector('[data-search-status]')?.textContent.includes('hasil untuk'),
    );
    expect(await start.isVisible()).toBe(false);
    // Emptying the box brings them back.
    await page.getByLabel('Cari berita', { exact: true }).fill('');
    await page.waitForFunction(() =>
      document.querySelector('[data-search-status]')?.textContent.startsWith('Ketik kata kunci'),
    );
    expect(await start.isVisible()).toBe(true);
    expect(await results(page).count()).toBe(0);
    await page.close();
  });

  it('offers "Mungkin maksud Anda" for a misspelled word, from the vocabulary fetched only then, and its link finds results', async () => {
    const requested: string[] = [];
    const page = await open('/cari/?q=pemerintah', {}, (p) => {
      p.on('request', (r) => requested.push(new URL(r.url()).pathname));
      return Promise.resolve();
    });
    await page.waitForFunction(() =>
      document.querySelector('[data-search-status]')?.textContent.includes('hasil untuk'),
    );
    expect(requested.filter((p) => p.endsWith('/kosakata.txt'))).toEqual([]);
    await page.getByLabel('Cari berita', { exact: true }).fill('pyongyng');
    await page.waitForFunction(() =>
      document.querySelector('[data-search-status]')?.textContent.startsWith('Tidak ditemukan'),
    );
    const suggestion = page.locator('[data-search-suggestion]');
    await suggestion.waitFor({ state: 'visible' });
    expect(await suggestion.textContent()).toBe('Mungkin maksud Anda: pyongyang?');
    expect(requested.filter((p) => p.endsWith('/kosakata.txt'))).toEqual(['/pagefind/kosakata.txt']);
    const link = suggestion.locator('a');
    expect(await link.getAttribute('href')).toBe('/cari/?q=pyongyang');
    await link.click();
    await page.waitForFunction(() =>
      document.querySelector('[data-search-status]')?.textContent.includes('hasil untuk "pyongyang"'),
    );
    expect(await resultHrefs(page)).toContain(SEED);
    expect(await suggestion.isVisible()).toBe(false);
    expect(await page.locator('[data-search-help]').isVisible()).toBe(false);
    expect(new URL(page.url()).search).toBe('?q=pyongyang');
    await page.close();
  });

  it('says "Tidak ditemukan" when nothing matches', async () => {
    const page = await open('/cari/');
    await page.getByLabel('Cari berita', { exact: true }).fill('xyzzyplugh');
    await page.getByLabel('Cari berita', { exact: true }).press('Enter');
    await page.waitForFunction(() =>
      document.querySelector('[data-search-status]')?.textContent.startsWith('Tidak ditemukan'),
    );
    expect(await status(page).textContent()).toBe('Tidak ditemukan hasil untuk "xyzzyplugh".');
    expect(await results(page).count()).toBe(0);
    expect(await page.locator('[data-search-hint]').textContent()).toContain('lebih sedikit kata atau kata lain');
    // The help offers the sections and the Indeks; nothing is close enough to suggest.
    const help = page.locator('[data-search-help]');
    expect(await help.isVisible()).toBe(true);
    expect(await help.getByRole('link', { name: 'Internasional' }).getAttribute('href')).toBe(
      '/kategori/internasional/',
    );
    expect(await help.getByRole('link', { name: 'Indeks' }).getAttribute('href')).toBe('/indeks/');
    expect(await page.locator('[data-search-start]').isVisible()).toBe(false);
    expect(await page.locator('[data-search-suggestion]').isVisible()).toBe(false);
    await fullPageScreenshot(page, `${SHOTS}/search-none-390-light.png`);
    await page.close();
  });

  it('keeps and searches what a reader typed before the page’s script ran', async () => {
    // A slow link: the search box shows, the page's scripts are still on their way.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    let scripts = 0;
    const page = await browser!.newPage({ viewport: { width: 390, height: 844 } });
    page.on('pageerror', (e) => problems.push(`pageerror ${e.message}`));
    await page.route('**/_astro/**/*.js', async (route) => {
      scripts++;
      await held;
      await route.continue();
    });
    // Not until "load", which waits for the held scripts.
    await page.goto(`${server!.url}/cari/`, { waitUntil: 'commit' });
    const input = page.getByLabel('Cari berita', { exact: true });
    await input.pressSequentially('Pyongyang', { delay: 30 });
    // The scripts were asked for and are held, so nothing has searched yet.
    expect(scripts).toBeGreaterThan(0);
    expect(await status(page).textContent()).not.toContain('hasil untuk');
    release();
    // The script shows the filters once it has set the page up: by then the word must still be there.
    await page.locator('[data-search-controls]').waitFor({ state: 'visible' });
    expect(await input.inputValue()).toBe('Pyongyang');
    await page.waitForFunction(() =>
      document.querySelector('[data-search-status]')?.textContent.includes('hasil untuk "Pyongyang"'),
    );
    expect(await resultHrefs(page)).toContain(SEED);
    await page.close();
  });

  it('shows results for /cari/?q=Pyongyang without typing', async () => {
    const page = await open('/cari/?q=Pyongyang');
    await page.waitForFunction(() =>
      document.querySelector('[data-search-status]')?.textContent.includes('hasil untuk'),
    );
    expect(await page.getByLabel('Cari berita', { exact: true }).inputValue()).toBe('Pyongyang');
    expect(await resultHrefs(page)).toContain(SEED);
    expect(await page.locator('[data-search-results] mark', { hasText: 'Pyongyang' }).count()).toBeGreaterThan(0);
    await page.close();
  });

  it("searches all four shards with one copy of Pagefind's script, on the page's thread", async () => {
    const requested: string[] = [];
    const workers: string[] = [];
    const page = await browser!.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    page.on('worker', (w) => workers.push(new URL(w.url()).pathname));
    // The WebAssembly: every shard asks for the same file, so the bytes cross the network once.
    const wasmBodies: Promise<number>[] = [];
    page.on('requestfinished', (r) => {
      if (r.url().endsWith('.pagefind') && r.url().includes('wasm'))
        wasmBodies.push(r.sizes().then((s) => s.responseBodySize));
    });
    await page.goto(`${server!.url}/cari/?q=Putin`);
    await page.waitForFunction(() =>
      document.querySelector('[data-search-status]')?.textContent.includes('hasil untuk'),
    );
    expect(await resultHrefs(page)).toContain(SEED);
    const { shards } = (await (await fetch(`${server!.url}/pagefind/shards.json`)).json()) as { shards: string[] };
    expect(shards).toHaveLength(4);
    // Every shard's index was read (its entry file), but through one script and no web worker.
    for (const shard of shards)
      expect(requested.filter((p) => p.startsWith(`/pagefind/${shard}/pagefind-entry.json`))).toHaveLength(1);
    expect(requested.filter((p) => p.endsWith('/pagefind.js'))).toEqual(['/pagefind/pagefind.js']);
    expect(requested.filter((p) => p.endsWith('/pagefind-worker.js'))).toEqual([]);
    expect(workers).toEqual([]);
    expect(new Set(requested.filter((p) => /\/wasm\.[a-z]+\.pagefind$/.test(p)))).toEqual(
      new Set(['/pagefind/wasm.id.pagefind']),
    );
    const wasmFile = (await (await fetch(`${server!.url}/pagefind/wasm.id.pagefind`)).arrayBuffer()).byteLength;
    const wasmTransferred = (await Promise.all(wasmBodies)).reduce((a, b) => a + b, 0);
    expect(wasmTransferred).toBeGreaterThan(0);
    expect(wasmTransferred).toBeLessThan(1.5 * wasmFile);
    await page.close();
  });

  it('asks for what the newest shards read before a search at once, and Pagefind uses those answers', async () => {
    const manifest = (await (await fetch(`${server!.url}/pagefind/shards.json`)).json()) as ShardManifest;
    // The whole small site is recent: every shard is preloaded.
    expect(manifest.recent).toBe(manifest.shards.length);
    const urls: string[] = [];
    const page = await open('/cari/?q=Putin', {}, (p) => {
      p.on('request', (r) => {
        const url = new URL(r.url());
        urls.push(url.pathname + url.search);
      });
      return Promise.resolve();
    });
    await page.waitForFunction(() =>
      document.querySelector('[data-search-status]')?.textContent.includes('hasil untuk'),
    );
    // shards.json and Pagefind's script are asked for by the page's head, beside its script, not after it.
    const head = await page.locator('head link[rel="preload"][as="fetch"][crossorigin]').first().getAttribute('href');
    expect(head).toBe('/pagefind/shards.json');
    expect(await page.locator('head link[rel="modulepreload"]').getAttribute('href')).toBe('/pagefind/pagefind.js');
    expect(urls.filter((u) => u.endsWith('pagefind.js'))).toEqual(['/pagefind/pagefind.js']);
    expect(urls.filter((u) => u === '/pagefind/shards.json')).toHaveLength(1);
    // Each preloaded file crossed the network once: the preload's answer served Pagefind's own
    // request (a mismatch in URL or mode would have made it ask again, and Chromium warn).
    expect(manifest.preload.length).toBeGreaterThan(manifest.shards.length * 2);
    // (Every shard asks for the WebAssembly, the first from the preload, the others from the
    // browser's cache: the test above counts its bytes.)
    for (const file of manifest.preload.filter((f) => !f.startsWith('wasm.')))
      expect(urls.filter((u) => u === `/pagefind/${file}`)).toHaveLength(1);
    // The entry files' URLs are the tagged ones, not Pagefind's `?ts=<time>`.
    expect(urls.filter((u) => u.includes('pagefind-entry.json')).sort()).toEqual(
      manifest.shards.map((s, i) => `/pagefind/${s}/pagefind-entry.json?ts=${manifest.tags[i]!}`).sort(),
    );
    await page.close();
  });

  it('says so when the index cannot be loaded, and loads it on the next search once the network is back', async () => {
    // Its own page: the failed requests are the point here, not problems of the site.
    const page = await browser!.newPage({ viewport: { width: 390, height: 844 } });
    let failing = true;
    await page.route('**/pagefind/shards.json', (route) => (failing ? route.abort() : route.continue()));
    await page.goto(`${server!.url}/cari/?q=Putin`);
    await page.waitForFunction(() =>
      document.querySelector('[data-search-status]')?.textContent.includes('tidak dapat dimuat'),
    );
    failing = false;
    const input = page.getByLabel('Cari berita', { exact: true });
    await input.fill('Putin');
    await input.press('Enter');
    await page.waitForFunction(() =>
      document.querySelector('[data-search-status]')?.textContent.includes('hasil untuk'),
    );
    expect(await resultHrefs(page)).toContain(SEED);
    await page.close();
  });

  it('explains without JavaScript that search needs it, and still shows the form', async () => {
    const context = await browser!.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`${server!.url}/cari/?q=Pyongyang`);
    // (Playwright's text selectors skip <noscript>, so locate the element itself.)
    const note = page.locator('noscript p');
    expect(await note.isVisible()).toBe(true);
    expect(await note.textContent()).toContain('Pencarian memerlukan JavaScript');
    expect(await page.getByLabel('Cari berita', { exact: true }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Cari' }).isVisible()).toBe(true);
    // The latest headlines and the sections need no script.
    expect(await page.locator('[data-search-start]').isVisible()).toBe(true);
    // The filter controls do nothing without the script, so they stay hidden.
    expect(await page.locator('[data-search-controls]').isVisible()).toBe(false);
    // A plain shot: with JavaScript off the page cannot be scrolled from a script (fullPageScreenshot).
    await page.screenshot({ path: `${SHOTS}/search-nojs-390-light.png`, fullPage: true });
    await context.close();
  });

  it('reads well on a phone and in dark mode (screenshots for review)', async () => {
    for (const [width, scheme] of [
      [390, 'light'],
      [390, 'dark'],
      [1280, 'light'],
      [1280, 'dark'],
    ] as const) {
      const page = await open('/cari/?q=pemerintah', { viewport: { width, height: 844 }, colorScheme: scheme });
      await page.waitForFunction(() =>
        document.querySelector('[data-search-status]')?.textContent.includes('hasil untuk'),
      );
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBe(0);
      await fullPageScreenshot(page, `${SHOTS}/search-${width}-${scheme}.png`);
      await page.close();
    }
  });

  it('ran without script errors or failed requests', () => {
    expect(problems).toEqual([]);
  });
});
