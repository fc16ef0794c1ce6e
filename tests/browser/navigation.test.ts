import fs from 'node:fs';
import { parse } from 'node-html-parser';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listFiles, type SiteBuild } from '../helpers/build-site.ts';
import { fullPageScreenshot, launchChromium } from '../helpers/chromium.ts';
import { localUrls } from '../helpers/links.ts';
import { buildAndServe, type StaticServer } from '../helpers/serve.ts';

const SHOTS = 'test-results/screenshots';

describe('finding the way around the site in Chromium', () => {
  /** tests/fixtures/site-pagination, 3 articles a page (see tests/site/navigation.test.ts). */
  let fixture: SiteBuild;
  let fixtureServer: StaticServer | undefined;
  /** The shipped content/, for screenshots of what readers see. */
  let shippedServer: StaticServer | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    ({ site: fixture, server: fixtureServer } = await buildAndServe('tests/fixtures/site-pagination', {
      // Pages of 2: the front page's list and Olahraga (4 stories) both have archive pages.
      WARTA_PAGE_SIZE: '2',
      WARTA_NOW: '2025-01-10T12:00:00+07:00',
    }));
    ({ server: shippedServer } = await buildAndServe('content', { WARTA_NOW: '2025-01-01T00:00:00+07:00' }));
    browser = await launchChromium();
    fs.mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await fixtureServer?.close();
    await shippedServer?.close();
  });

  async function clickTo(page: Page, link: ReturnType<Page['locator']>, path: string): Promise<void> {
    await link.click();
    await page.waitForURL((url) => url.pathname === path);
  }

  it('goes front page → category → article → "Baca juga" → tag → front page by clicking, with JavaScript off', async () => {
    const context = await browser!.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const failures: string[] = [];
    page.on('response', (r) => {
      if (r.status() >= 400) failures.push(`${r.status()} ${r.url()}`);
    });
    await page.goto(`${fixtureServer!.url}/`);
    await expect(page.locator('main .lead-story h2').textContent()).resolves.toBe(
      'Rupiah Menguat ke Level Terkuat dalam Tiga Bulan',
    );

    await clickTo(
      page,
      page.locator('header nav[aria-label="Kategori"]').getByRole('link', { name: 'Olahraga', exact: true }),
      '/kategori/olahraga/',
    );
    expect(await page.locator('h1').textContent()).toBe('Olahraga');

    await clickTo(
      page,
      page.locator('main').getByRole('link', { name: 'Timnas Menang Tipis atas Vietnam di Laga Uji Coba' }),
      '/berita/timnas-menang/',
    );
    expect(await page.locator('h1').textContent()).toBe('Timnas Menang Tipis atas Vietnam di Laga Uji Coba');
    expect(await page.locator('nav[aria-label="Breadcrumb"] a').allTextContents()).toEqual([
      'Beranda',
      'Olahraga',
      'Timnas Menang Tipis atas Vietnam di Laga Uji Coba',
    ]);

    await clickTo(
      page,
      page.locator('aside[data-related="baca-juga"] a', { hasText: 'Liga 1 Putaran Kedua Resmi Dimulai' }),
      '/berita/liga-dimulai/',
    );
    expect(await page.locator('h1').textContent()).toBe('Liga 1 Putaran Kedua Resmi Dimulai');

    await clickTo(page, page.locator('article nav[aria-label="Tag"] a', { hasText: 'Sepak Bola' }), '/tag/sepak-bola/');
    expect(await page.locator('h1').textContent()).toBe('Sepak Bola');
    expect(await page.locator('main ol h2 a').allTextContents()).toContain('Liga 1 Putaran Kedua Resmi Dimulai');

    await clickTo(page, page.locator('header nav').getByRole('link', { name: 'Beranda' }), '/');
    await expect(page.locator('main .lead-story h2').textContent()).resolves.toBe(
      'Rupiah Menguat ke Level Terkuat dalam Tiga Bulan',
    );

    // Older stories, and back again. Archive pages are numbered from the oldest, named by their days.
    // Pages of 2 on average, cut where the stories' slugs pick (pagination.ts): the newest archive
    // page holds the two stories of 8 January.
    await clickTo(page, page.locator('nav[aria-label="Halaman"] a[rel="next"]'), '/halaman/5/');
    expect(await page.locator('nav[aria-label="Halaman"] p').textContent()).toBe('Berita 8 Januari 2025');
    await clickTo(
      page,
      page.locator('nav[aria-label="Halaman"]').getByRole('link', { name: 'Terlama' }),
      '/halaman/1/',
    );
    expect(await page.locator('main ol h2 a').allTextContents()).toEqual([
      'Skuad Garuda Bersiap Menuju Piala Asia',
      'Ganda Putri Melaju ke Final Malaysia Open',
    ]);
    await clickTo(page, page.locator('nav[aria-label="Halaman"] a[rel="prev"]'), '/halaman/2/');
    await clickTo(page, page.locator('nav[aria-label="Halaman"]').getByRole('link', { name: 'Terbaru' }), '/');
    await clickTo(page, page.locator('header a', { hasText: 'Warta' }).first(), '/');
    expect(failures).toEqual([]);
    await context.close();
  });

  it('goes front page → Indeks → a day → an article → footer → Pedoman Media Siber by clicking, with JavaScript off', async () => {
    const context = await browser!.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const failures: string[] = [];
    page.on('response', (r) => {
      if (r.status() >= 400) failures.push(`${r.status()} ${r.url()}`);
    });
    await page.goto(`${shippedServer!.url}/`);
    await clickTo(page, page.locator('footer').getByRole('link', { name: 'Indeks', exact: true }), '/indeks/');
    // The latest day with stories in the sample content is 27 December 2024.
    await clickTo(
      page,
      page.locator('main table').getByRole('link', { name: '18', exact: true }),
      '/indeks/2024/12/18/',
    );
    const story = page.locator('main').getByRole('link', { name: /^Banjir Rob Genangi Pesisir Utara Jakarta/ });
    await clickTo(page, story, '/berita/banjir-rob-genangi-pesisir-utara-jakarta-warga-mengungsi/');
    expect(await page.getByRole('region', { name: 'Koreksi' }).count()).toBe(1);
    await clickTo(
      page,
      page.locator('footer').getByRole('link', { name: 'Pedoman Media Siber' }),
      '/halaman/pedoman-media-siber/',
    );
    expect(await page.locator('h1').textContent()).toBe('Pedoman Media Siber');
    expect(failures).toEqual([]);
    await context.close();
  });

  it('lets a phone reach every category from the header without JavaScript, and nothing overflows sideways', async () => {
    const context = await browser!.newContext({
      javaScriptEnabled: false,
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    for (const path of [
      '/',
      '/halaman/2/',
      '/kategori/olahraga/',
      '/kategori/olahraga/halaman/1/',
      '/tag/',
      '/kategori/',
      '/berita/timnas-menang/',
      '/tidak-ada/',
    ]) {
      await page.goto(fixtureServer!.url + path);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, path).toBe(0);
    }
    await page.goto(`${fixtureServer!.url}/`);
    const bar = page.locator('header nav[aria-label="Kategori"] ul');
    // The bar is wider than the screen and scrolls inside itself.
    expect(await bar.evaluate((ul) => ul.scrollWidth > ul.clientWidth)).toBe(true);
    const names = await page.locator('header nav[aria-label="Kategori"] a').allTextContents();
    expect(names.map((n) => n.trim())).toEqual([
      'Beranda',
      'Nasional',
      'Ekonomi',
      'Olahraga',
      'Budaya',
      'Gaya Hidup',
      'Semua Tag',
      'Indeks',
    ]);
    for (const [name, path] of [
      ['Gaya Hidup', '/kategori/gaya-hidup/'],
      ['Semua Tag', '/tag/'],
    ] as const) {
      await page.goto(`${fixtureServer!.url}/`);
      await clickTo(
        page,
        page.locator('header nav[aria-label="Kategori"]').getByRole('link', { name, exact: true }),
        path,
      );
    }
    await context.close();
  });

  it('reaches every published article from the front page by following links over HTTP, none of them broken', async () => {
    const seen = new Set<string>();
    const broken: string[] = [];
    const queue = ['/'];
    while (queue.length > 0) {
      const path = queue.shift() as string;
      if (seen.has(path)) continue;
      seen.add(path);
      const res = await fetch(fixtureServer!.url + path);
      if (res.status !== 200) broken.push(`${res.status} ${path}`);
      if (!(res.headers.get('content-type') ?? '').includes('text/html')) continue;
      for (const url of localUrls(await res.text())) queue.push(url.split('#')[0] ?? url);
    }
    expect(broken).toEqual([]);
    const articles = listFiles(fixture.outDir)
      .filter((f) => f.startsWith('berita/'))
      .map((f) => `/${f.replace(/index\.html$/, '')}`);
    expect(articles).toHaveLength(11);
    expect(articles.filter((a) => !seen.has(a))).toEqual([]);
  });

  it('ships no script on article pages', async () => {
    const page = await browser!.newPage();
    await page.goto(`${fixtureServer!.url}/berita/rupiah-menguat/`);
    expect(await page.locator('script:not([type="application/ld+json"])').count()).toBe(0);
    const html = await page.content();
    const ld = parse(html)
      .querySelectorAll('script[type="application/ld+json"]')
      .map((s) => (JSON.parse(s.innerHTML) as { '@type'?: unknown })['@type']);
    expect(ld).toEqual(['NewsArticle', 'BreadcrumbList']);
    await page.close();
  });

  it('looks like a news site on a phone and a desktop, light and dark (screenshots for review)', async () => {
    const shots: [string, StaticServer, string][] = [
      ['beranda', shippedServer!, '/'],
      ['kategori', shippedServer!, '/kategori/internasional/'],
      ['semua-tag', shippedServer!, '/tag/'],
      ['kategori-halaman-1', fixtureServer!, '/kategori/olahraga/halaman/1/'],
      ['berita-foto', shippedServer!, '/berita/banjir-rob-genangi-pesisir-utara-jakarta-warga-mengungsi/'],
      [
        'berita-tanpa-foto',
        shippedServer!,
        '/berita/pemimpin-houthi-klaim-peluncuran-rudal-hipersonik-ke-israel-mengejutkan-musuh/',
      ],
      ['penulis', shippedServer!, '/penulis/dewi-lestari/'],
      ['indeks', shippedServer!, '/indeks/'],
    ];
    for (const [width, scheme] of [
      [390, 'light'],
      [390, 'dark'],
      [1280, 'light'],
      [1280, 'dark'],
    ] as const) {
      const page = await browser!.newPage({ viewport: { width, height: 900 }, colorScheme: scheme });
      for (const [name, server, path] of shots) {
        await page.goto(server.url + path);
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow, `${name} ${width}`).toBe(0);
        await fullPageScreenshot(page, `${SHOTS}/${name}-${width}-${scheme}.png`);
      }
      await page.close();
    }
    // 32 full-page screenshots: 18 to 24 s on a quiet machine, over 30 beside a build.
  }, 90_000);
});
