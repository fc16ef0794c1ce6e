import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fullPageScreenshot, launchChromium } from '../helpers/chromium.ts';
import { buildAndServe, type StaticServer } from '../helpers/serve.ts';

const SEED = '/berita/kirim-pesan-tahun-baru-ke-kim-jong-un-presiden-putin-harapkan-kerja-sama/';
const SEED_LINKS = [
  'Pemimpin Houthi Klaim Peluncuran Rudal Hipersonik ke Israel Mengejutkan Musuh',
  'NATO Serukan Penyelidikan Menyeluruh Jatuhnya Pesawat Azerbaijan Airlines',
  'Sebut Gencatan Senjata Jalan Buntu, Menlu Lavrov: Kita Butuh Perjanjian Final yang Mengikat',
  'Perangkat Mata-mata Israel Ditemukan di RS Gaza: Bisa Mengambil Foto dan Merekam Video',
];
const SHOTS = 'test-results/screenshots';

describe('the shipped site in Chromium', () => {
  let server: StaticServer | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    ({ server } = await buildAndServe('content'));
    browser = await launchChromium();
    fs.mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the seed article with its four "Baca juga" links, each opening the right article', async () => {
    const page = await browser!.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(server!.url + SEED);
    await expect(page.locator('h1').textContent()).resolves.toContain('Kirim Pesan Tahun Baru ke Kim Jong-un');
    const links = page.locator('aside[data-related="baca-juga"] a');
    expect(await links.allTextContents()).toEqual(SEED_LINKS);
    await fullPageScreenshot(page, `${SHOTS}/seed-1280-light.png`);

    for (const [i, title] of SEED_LINKS.entries()) {
      await page.goto(server!.url + SEED);
      await page.locator('aside[data-related="baca-juga"] a').nth(i).click();
      await page.waitForURL((url) => url.pathname !== SEED);
      expect(await page.locator('h1').textContent()).toBe(title);
      expect(new URL(page.url()).pathname).toMatch(/^\/berita\/[a-z0-9-]+\/$/);
    }
    await page.close();
  });

  it('runs no script and loads nothing that fails on article pages', async () => {
    const page = await browser!.newPage();
    const failures: string[] = [];
    page.on('requestfailed', (r) => failures.push(r.url()));
    page.on('response', (r) => {
      if (r.status() >= 400) failures.push(`${r.status()} ${r.url()}`);
    });
    page.on('pageerror', (e) => failures.push(e.message));
    await page.goto(server!.url + SEED);
    expect(await page.locator('script:not([type="application/ld+json"])').count()).toBe(0);
    expect(failures).toEqual([]);
    await page.close();
  });

  it('reads well on a phone and in dark mode (screenshots for review)', async () => {
    for (const [width, scheme] of [
      [390, 'light'],
      [390, 'dark'],
      [1280, 'dark'],
    ] as const) {
      const page = await browser!.newPage({ viewport: { width, height: 844 }, colorScheme: scheme });
      await page.goto(server!.url + SEED);
      // Nothing may overflow the viewport sideways (the category bar scrolls inside itself).
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBe(0);
      await fullPageScreenshot(page, `${SHOTS}/seed-${width}-${scheme}.png`);
      await page.goto(server!.url + '/');
      await page.screenshot({ path: `${SHOTS}/home-${width}-${scheme}.png` });
      await page.close();
    }
  });
});
