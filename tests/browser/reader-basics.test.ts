import { gzipSync } from 'node:zlib';
import { parse } from 'node-html-parser';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SiteBuild } from '../helpers/build-site.ts';
import { launchChromium } from '../helpers/chromium.ts';
import { buildAndServe, type StaticServer } from '../helpers/serve.ts';

const ARTICLE = '/berita/banjir-rob-genangi-pesisir-utara-jakarta-warga-mengungsi/';
/** Issue 9's budget for an article page: HTML plus CSS, gzipped. */
const MAX_ARTICLE_BYTES = 35 * 1024;

describe('keyboard, print, page weight and layout stability', () => {
  let site: SiteBuild;
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    ({ site, server } = await buildAndServe('content'));
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('offers a visible skip link first and reaches every header link by keyboard', async () => {
    const page = await browser!.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(server!.url + ARTICLE);
    await page.keyboard.press('Tab');
    const skip = page.locator(':focus');
    expect(await skip.textContent()).toBe('Langsung ke konten');
    expect(
      await skip.evaluate((el) => el.getBoundingClientRect().width > 20 && getComputedStyle(el).position !== 'static'),
    ).toBe(true);
    await page.keyboard.press('Enter');
    // A fragment navigation settles after the key press returns; wait for it rather than race it
    // (CI once read the URL before the hash changed).
    await page.waitForURL((url) => url.hash === '#konten');
    expect(await page.evaluate(() => document.querySelector('#konten')?.getBoundingClientRect().top)).toBeLessThan(50);

    await page.goto(server!.url + ARTICLE);
    const navLinks = await page.locator('header nav a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    const reached: string[] = [];
    for (let i = 0; i < 40 && reached.length < navLinks.length; i++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el) return null;
        const style = getComputedStyle(el);
        return {
          href: el.getAttribute('href'),
          inNav: !!el.closest('header nav'),
          outline: style.outlineStyle,
          width: style.outlineWidth,
        };
      });
      if (focused?.inNav && focused.href) {
        reached.push(focused.href);
        // Focus must be visible: the site's :focus-visible outline.
        expect(focused.outline).not.toBe('none');
        expect(focused.width).not.toBe('0px');
      }
    }
    expect(reached).toEqual(navLinks);
    await page.close();
  });

  it('prints the article without header, navigation or footer', async () => {
    const page = await browser!.newPage();
    await page.goto(server!.url + ARTICLE);
    await page.emulateMedia({ media: 'print' });
    const shown = (selector: string) => page.locator(selector).first().isVisible();
    expect(await shown('body > header')).toBe(false);
    expect(await shown('nav[aria-label="Kategori"]')).toBe(false);
    expect(await shown('nav[aria-label="Breadcrumb"]')).toBe(false);
    expect(await shown('body > footer')).toBe(false);
    expect(await shown('nav[aria-label="Bagikan berita"]')).toBe(false);
    expect(await shown('nav[aria-label="Bagikan berita ini"]')).toBe(false);
    expect(await shown('article h1')).toBe(true);
    expect(await shown('article .prose')).toBe(true);
    await page.close();
  });

  it('offers share links with the encoded title and canonical URL, WhatsApp first, reachable by keyboard', async () => {
    const page = await browser!.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(server!.url + ARTICLE);
    const title = (await page.locator('article h1').textContent())?.trim() ?? '';
    const canonical = (await page.locator('link[rel="canonical"]').getAttribute('href')) ?? '';
    const bar = page.locator('nav[aria-label="Bagikan berita ini"] a');
    const links = await bar.evaluateAll((as) =>
      as.map((a) => ({
        label: a.getAttribute('aria-label'),
        href: a.getAttribute('href') ?? '',
        height: a.getBoundingClientRect().height,
      })),
    );
    expect(links.map((l) => l.label)).toEqual([
      'Bagikan ke WhatsApp',
      'Bagikan ke Facebook',
      'Bagikan ke X',
      'Bagikan ke Telegram',
      'Bagikan lewat email',
    ]);
    const [whatsapp, facebook, x, telegram, email] = links.map((l) => new URL(l.href));
    expect(whatsapp?.searchParams.get('text')).toBe(`${title}\n${canonical}`);
    expect(facebook?.searchParams.get('u')).toBe(canonical);
    expect([x?.searchParams.get('url'), x?.searchParams.get('text')]).toEqual([canonical, title]);
    expect([telegram?.searchParams.get('url'), telegram?.searchParams.get('text')]).toEqual([canonical, title]);
    expect([email?.searchParams.get('subject'), email?.searchParams.get('body')]).toEqual([title, canonical]);
    // Targets of at least 44 px (WCAG 2.5.5), and the first bar's WhatsApp link is reached by Tab.
    for (const link of links) expect(link.height).toBeGreaterThanOrEqual(44);
    let reached = false;
    for (let i = 0; i < 40 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.getAttribute('aria-label') === 'Bagikan ke WhatsApp');
    }
    expect(reached).toBe(true);
    await page.close();
  });

  it('announces the "Koreksi" box as a region, reached from the byline\'s "Dikoreksi" link', async () => {
    const page = await browser!.newPage();
    await page.goto(server!.url + ARTICLE);
    const region = page.getByRole('region', { name: 'Koreksi' });
    expect(await region.count()).toBe(1);
    expect(await region.locator('time').getAttribute('datetime')).toBe('2024-12-18T14:20:00+07:00');
    await page.getByRole('link', { name: 'Dikoreksi' }).click();
    await page.waitForURL((url) => url.hash === '#koreksi');
    await page.close();
  });

  it('frames the latest stories beside the story, and their links open in the whole tab', async () => {
    const page = await browser!.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(server!.url + ARTICLE);
    const aside = page.getByRole('complementary', { name: 'Berita lainnya' });
    const article = await page.locator('article').boundingBox();
    const column = await aside.boundingBox();
    // On a desktop the column sits to the right of the story, not under it.
    expect(column && article && column.x).toBeGreaterThanOrEqual((article?.x ?? 0) + (article?.width ?? 0));
    const frame = page.frameLocator('iframe[title="Berita terkini"]');
    const first = frame.locator('ol > li > a').first();
    await first.waitFor();
    const href = await first.getAttribute('href');
    await first.click();
    await page.waitForURL((url) => url.pathname === href);
    expect(new URL(page.url()).pathname).toBe(href);
    await page.close();
  });

  it('keeps an article page under 35 KB of HTML and CSS gzipped, with no JavaScript', () => {
    const html = site.read(`${ARTICLE.slice(1)}index.html`);
    const dom = parse(html);
    expect(dom.querySelectorAll('script').filter((s) => s.getAttribute('type') !== 'application/ld+json')).toEqual([]);
    const css = dom
      .querySelectorAll('link[rel="stylesheet"]')
      .map((l) => site.read(decodeURI(l.getAttribute('href') ?? '').slice(1)))
      .join('');
    const bytes = gzipSync(html).length + gzipSync(css).length;
    expect(bytes).toBeLessThanOrEqual(MAX_ARTICLE_BYTES);
  });

  it('does not shift its layout while loading (CLS 0)', async () => {
    const page = await browser!.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(server!.url + ARTICLE, { waitUntil: 'load' });
    const shift = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          let total = 0;
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries() as (PerformanceEntry & {
              value: number;
              hadRecentInput: boolean;
            })[]) {
              if (!entry.hadRecentInput) total += entry.value;
            }
          }).observe({ type: 'layout-shift', buffered: true });
          setTimeout(() => resolve(total), 1000);
        }),
    );
    expect(shift).toBe(0);
    await page.close();
  });
});
