import fs from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parse, type HTMLElement } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import { buildSite, listFiles, type SiteBuild } from '../helpers/build-site.ts';

// The article page of issue #18, built from the sample content: bylines with roles and author
// pages, corrections, "Berita Terkait" without filler, "Lainnya di …", and "Terkini".
const SITE = 'https://warta.example';
const SEED = 'berita/kirim-pesan-tahun-baru-ke-kim-jong-un-presiden-putin-harapkan-kerja-sama/index.html';
const FLOOD = 'berita/banjir-rob-genangi-pesisir-utara-jakarta-warga-mengungsi/index.html';

type Ld = Record<string, unknown>;

/** The JSON-LD objects of a page, by `@type`. */
function jsonLd(root: HTMLElement): Map<string, Ld> {
  const found = new Map<string, Ld>();
  for (const script of root.querySelectorAll('script[type="application/ld+json"]')) {
    const data = JSON.parse(script.text) as Ld;
    found.set(String(data['@type']), data);
  }
  return found;
}

describe('the article page and the people behind it', () => {
  let site: SiteBuild;
  const page = (file: string): HTMLElement => parse(site.read(file));
  /** The output file an absolute URL of the site is served from. */
  const fileOf = (url: string): string => `${new URL(url).pathname.slice(1)}index.html`;

  beforeAll(() => {
    site = buildSite('content', { WARTA_NOW: '2025-01-01T00:00:00+07:00' });
    if (site.status !== 0) throw new Error(`build failed:\n${site.output}`);
  });

  it('shows the seed story’s byline by role, linking the people who have a page', () => {
    const byline = page(SEED).querySelector('article header p.mb-1');
    expect(byline?.text.replace(/\s+/g, ' ').trim()).toBe('Penulis: Redaksi Warta · Editor: Bambang Sutrisno');
    const links = byline?.querySelectorAll('a').map((a) => a.getAttribute('href'));
    expect(links).toEqual(['/penulis/bambang-sutrisno/']);
    expect(site.exists('penulis/bambang-sutrisno/index.html')).toBe(true);
  });

  it('gives NewsArticle authors and editors whose url is a built page, and the newsroom as Organization', () => {
    const article = jsonLd(page(SEED)).get('NewsArticle');
    expect(article?.['author']).toEqual([{ '@type': 'Organization', name: 'Warta', url: `${SITE}/` }]);
    const editors = article?.['editor'] as Ld[];
    expect(editors).toEqual([
      { '@type': 'Person', name: 'Bambang Sutrisno', url: `${SITE}/penulis/bambang-sutrisno/` },
    ]);
    for (const person of editors) expect(site.exists(fileOf(String(person['url'])))).toBe(true);
  });

  it('makes an author page: profile, ProfilePage structured data, the stories, and an RSS feed', () => {
    const root = page('penulis/bambang-sutrisno/index.html');
    expect(root.querySelector('h1')?.text).toBe('Bambang Sutrisno');
    expect(root.querySelector('title')?.text).toBe('Bambang Sutrisno - Warta');
    expect(root.text).toContain('Editor desk Internasional Warta');
    expect(root.querySelector('a[rel~="me"]')?.getAttribute('href')).toBe(
      'https://www.linkedin.com/in/bambang-sutrisno',
    );
    const profile = jsonLd(root).get('ProfilePage');
    expect(profile?.['url']).toBe(`${SITE}/penulis/bambang-sutrisno/`);
    expect(profile?.['mainEntity']).toMatchObject({
      '@type': 'Person',
      name: 'Bambang Sutrisno',
      url: `${SITE}/penulis/bambang-sutrisno/`,
      jobTitle: 'Editor',
    });
    const stories = root.querySelectorAll('main ol a').map((a) => a.getAttribute('href'));
    expect(stories).toContain('/berita/kirim-pesan-tahun-baru-ke-kim-jong-un-presiden-putin-harapkan-kerja-sama/');
    const feed = new XMLParser().parse(site.read('penulis/bambang-sutrisno/rss.xml')) as {
      rss: { channel: { title: string; item: { link: string } | { link: string }[] } };
    };
    expect(feed.rss.channel.title).toBe('Warta: Bambang Sutrisno');
    expect([feed.rss.channel.item].flat().map((i) => i.link)).toEqual([
      `${SITE}/berita/kirim-pesan-tahun-baru-ke-kim-jong-un-presiden-putin-harapkan-kerja-sama/`,
    ]);
    // Every person file has its page, and the list of people links each one.
    const people = listFiles(site.outDir).filter((f) => /^penulis\/[^/]+\/index\.html$/.test(f));
    expect(people.length).toBe(7);
    const index = page('penulis/index.html');
    for (const file of people)
      expect(index.querySelector(`a[href="/${file.replace('index.html', '')}"]`)).not.toBeNull();
  });

  it('keeps a byline without a person file as text, and names it in the build report', () => {
    const imei = page('berita/pemerintah-wajibkan-registrasi-imei-ponsel-impor/index.html');
    const byline = imei.querySelector('article header p.mb-1');
    expect(byline?.text.replace(/\s+/g, ' ').trim()).toBe('Penulis: Rizky Hidayat');
    expect(byline?.querySelector('a')).toBeNull();
    expect(site.output).toContain('Bylines without a person file in content/penulis/: Rizky Hidayat (1)');
  });

  it('shows a correction in a dated "Koreksi" region, and dates the change in metadata and feeds', () => {
    const root = page(FLOOD);
    const box = root.querySelector('section#koreksi');
    expect(box?.getAttribute('aria-labelledby')).toBe('koreksi-judul');
    expect(root.querySelector('#koreksi-judul')?.text.trim()).toBe('Koreksi');
    expect(box?.querySelector('time')?.getAttribute('datetime')).toBe('2024-12-18T14:20:00+07:00');
    expect(box?.text).toContain('ketinggian air tertinggi 60 sentimeter');
    expect(root.querySelector('a[href="#koreksi"]')?.text.trim()).toBe('Dikoreksi');
    expect(jsonLd(root).get('NewsArticle')?.['dateModified']).toBe('2024-12-18T14:20:00+07:00');
    expect(root.querySelector('meta[property="article:modified_time"]')?.getAttribute('content')).toBe(
      '2024-12-18T14:20:00+07:00',
    );
    const rss = site.read('rss.xml');
    const item = rss.slice(rss.indexOf('banjir-rob-genangi-pesisir-utara-jakarta-warga-mengungsi'));
    expect(item.slice(0, item.indexOf('</item>'))).toContain(
      '<dcterms:modified>2024-12-18T14:20:00+07:00</dcterms:modified>',
    );
    // A story without corrections has no box.
    expect(page(SEED).querySelector('#koreksi')).toBeNull();
  });

  it('never pads "Berita Terkait": "Lainnya di …" holds the same section’s stories, and nothing repeats', () => {
    const articles = listFiles(site.outDir).filter((f) => /^berita\/[^/]+\/index\.html$/.test(f));
    for (const file of articles) {
      const root = page(file);
      const category = root.querySelector('article header a')?.getAttribute('href');
      const hrefs = (kind: string) =>
        root.querySelectorAll(`section[data-related="${kind}"] li a.font-serif`).map((a) => a.getAttribute('href'));
      const related = hrefs('computed');
      const more = hrefs('section');
      const bacaJuga = root.querySelectorAll('[data-related="baca-juga"] a').map((a) => a.getAttribute('href'));
      expect(related.length + more.length, file).toBeLessThanOrEqual(5);
      expect(new Set([...related, ...more, ...bacaJuga]).size, file).toBe(
        related.length + more.length + bacaJuga.length,
      );
      if (more.length > 0) {
        const heading = root.querySelector('section[data-related="section"] h2')?.text.trim();
        expect(heading, file).toBe(`Lainnya di ${root.querySelector('article header a')?.text.trim() ?? ''}`);
        for (const href of more) {
          const target = parse(site.read(`${href?.slice(1) ?? ''}index.html`));
          expect(target.querySelector('article header a')?.getAttribute('href'), `${file} → ${href ?? ''}`).toBe(
            category,
          );
        }
      }
    }
    // The seed's related stories are all in its "Baca juga": nothing unrelated takes their place.
    expect(
      page(SEED)
        .querySelectorAll('section[data-related="computed"] li a.font-serif')
        .map((a) => a.text),
    ).toEqual([]);
  });

  it('leads on to the latest stories from one framed page, with no script on any article page', () => {
    const fragment = page('sematan/terkini/index.html');
    expect(fragment.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');
    // Links open in the whole tab, not in the frame.
    for (const link of fragment.querySelectorAll('a')) expect(link.getAttribute('target')).toBe('_top');
    const latest = fragment.querySelectorAll('ol > li > a').map((a) => a.getAttribute('href'));
    expect(latest).toHaveLength(6);
    expect(latest[0]).toBe('/berita/kirim-pesan-tahun-baru-ke-kim-jong-un-presiden-putin-harapkan-kerja-sama/');
    for (const href of latest) expect(site.exists(`${href?.slice(1) ?? ''}index.html`)).toBe(true);
    expect(site.read('sitemap-laman-0.xml')).not.toContain('/sematan/');
    for (const file of listFiles(site.outDir).filter((f) => /^berita\/[^/]+\/index\.html$/.test(f))) {
      const root = page(file);
      const frame = root.querySelector('section[aria-labelledby="terkini-judul"] iframe');
      expect(frame?.getAttribute('src'), file).toBe('/sematan/terkini/');
      expect(frame?.getAttribute('title'), file).toBe('Berita terkini');
      expect(root.querySelectorAll('script:not([type="application/ld+json"])'), file).toHaveLength(0);
    }
  });

  it('publishes the newsroom’s pages from content/halaman/, linked from every footer, and keeps them out of the news', () => {
    const slugs = ['tentang-kami', 'redaksi', 'pedoman-media-siber', 'kontak', 'kebijakan-privasi', 'disclaimer'];
    const footer = page('index.html').querySelector('footer nav[aria-label="Tentang Warta"]');
    expect(footer?.querySelectorAll('a').map((a) => a.getAttribute('href'))).toEqual(
      slugs.map((slug) => `/halaman/${slug}/`),
    );
    const pedoman = page('halaman/pedoman-media-siber/index.html');
    expect(pedoman.querySelector('h1')?.text).toBe('Pedoman Media Siber');
    expect(pedoman.querySelector('title')?.text).toBe('Pedoman Media Siber - Warta');
    expect(pedoman.text).toContain('Peraturan Dewan Pers Nomor 1/Peraturan-DP/III/2012');
    expect(pedoman.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(
      `${SITE}/halaman/pedoman-media-siber/`,
    );
    const privacy = page('halaman/kebijakan-privasi/index.html');
    expect(privacy.querySelector('header time')?.getAttribute('datetime')).toBe('2024-12-01T00:00:00+07:00');
    // In the sitemap; in no feed, news sitemap, list, related list or search index.
    const sitemap = site.read('sitemap-laman-0.xml');
    for (const slug of slugs) {
      expect(sitemap).toContain(`${SITE}/halaman/${slug}/`);
      const path = `/halaman/${slug}/`;
      expect(site.read('rss.xml')).not.toContain(path);
      expect(site.read('sitemap-news.xml')).not.toContain(path);
      for (const list of ['index.html', 'kategori/nasional/index.html', 'sematan/terkini/index.html'])
        expect(page(list).querySelectorAll(`main a[href="${path}"]`), list).toHaveLength(0);
    }
    expect(listFiles(site.outDir).filter((f) => /^berita\/(tentang-kami|redaksi|kontak)\//.test(f))).toEqual([]);
    const searchable = listFiles(path.join(site.outDir, 'pagefind'))
      .filter((f) => f.includes('fragment'))
      .map((f) => gunzipSync(fs.readFileSync(path.join(site.outDir, 'pagefind', f))).toString('utf8'));
    expect(searchable.length).toBeGreaterThan(0);
    // Each record Pagefind stores is a story's.
    for (const fragment of searchable) expect(fragment).toMatch(/"url":"\/berita\/[a-z0-9-]+\/"/);
  });
});
