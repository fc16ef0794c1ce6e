import { parse, type HTMLElement } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, listFiles, type SiteBuild } from '../helpers/build-site.ts';

const PUTIN = 'berita/putin-kirim-pesan/index.html';

describe('building tests/fixtures/site-basic', () => {
  let site: SiteBuild;
  let page: HTMLElement;
  beforeAll(() => {
    site = buildSite('tests/fixtures/site-basic', { WARTA_NOW: '2025-01-01T00:00:00+07:00' });
    if (site.status !== 0) throw new Error(`build failed:\n${site.output}`);
    page = parse(site.read(PUTIN));
  });

  it('writes one page per published article and none for drafts or scheduled ones', () => {
    const pages = listFiles(site.outDir).filter((f) => f.startsWith('berita/'));
    expect(pages).toEqual([
      'berita/gempa-guncang-cianjur/index.html',
      'berita/harga-cabai/index.html',
      'berita/lavrov-gencatan-senjata/index.html',
      'berita/putin-kirim-pesan/index.html',
    ]);
    expect(site.read('index.html')).not.toContain('Konsep yang Belum Terbit');
    expect(site.read('index.html')).not.toContain('Berita Terjadwal');
  });

  it('ends with a report that accounts for every article', () => {
    expect(site.output).toContain('Articles: 6 found, 4 published, 1 draft, 1 scheduled');
    expect(site.output).toMatch(/Pages: \d+ written \(404 1, beranda 1, berita 4, /);
    expect(site.output).toContain('"Baca juga" links resolved: 3');
    expect(site.output).toContain('Every published article has its page (4).');
  });

  it('counts the files it writes instead of logging a line for each', () => {
    expect(site.output).toMatch(
      /\[build\] \d+ files written: \d+ rendered, 0 restored from the incremental build cache/,
    );
    expect(site.output).not.toMatch(/[├└]─ |\(\+\d+ms\)/);
  });

  it('renders the article page in Indonesian with its metadata', () => {
    expect(page.querySelector('html')?.getAttribute('lang')).toBe('id');
    expect(page.querySelector('h1')?.text).toBe('Putin Kirim Pesan Tahun Baru ke Kim Jong-un');
    const time = page.querySelector('article header time');
    expect(time?.getAttribute('datetime')).toBe('2024-12-27T10:15:00+07:00');
    expect(time?.text).toBe('Jumat, 27 Desember 2024 | 10:15 WIB');
    const meta = page.querySelector('article header')?.text ?? '';
    expect(meta).toContain('Redaksi Uji');
    expect(meta).toContain('1 menit baca');
    expect(page.querySelector('article header a')?.getAttribute('href')).toBe('/kategori/internasional/');
    expect(page.querySelectorAll('nav[aria-label="Tag"] a').map((a) => a.getAttribute('href'))).toEqual([
      '/tag/rusia/',
      '/tag/korea-utara/',
    ]);
    expect(page.querySelector('.dateline')?.text).toBe('JAKARTA -');
    const source = page.querySelector('article footer p');
    expect(source?.text.replace(/\s+/g, ' ').trim()).toBe('Seperti dilansir dari The Korea Times.');
    expect(source?.querySelector('a')?.getAttribute('rel')).toBe('noopener noreferrer');
    const figure = page.querySelector('figure');
    expect(figure?.querySelector('img')?.getAttribute('alt')).toBe('Gambar uji');
    expect(figure?.querySelector('figcaption')?.text).toContain('Keterangan gambar uji.');
    expect(figure?.querySelector('figcaption')?.text).toContain('Foto: Uji');
    expect(page.querySelector('meta[name="description"]')?.getAttribute('content')).toBe(
      'Presiden Vladimir Putin mengirim pesan Tahun Baru kepada Pemimpin Kim Jong-un.',
    );
    expect(page.querySelector('meta[property="article:published_time"]')?.getAttribute('content')).toBe(
      '2024-12-27T10:15:00+07:00',
    );
  });

  it('renders "Baca juga" in place with current titles, every link resolving to a page', () => {
    const aside = page.querySelector('aside[data-related="baca-juga"]');
    expect(aside).not.toBeNull();
    const links = aside?.querySelectorAll('a') ?? [];
    expect(links.map((a) => [a.getAttribute('href'), a.text])).toEqual([
      ['/berita/lavrov-gencatan-senjata/', 'Lavrov Sebut Gencatan Senjata Jalan Buntu'],
      ['/berita/gempa-guncang-cianjur/', 'Gempa Guncang Cianjur'],
      ['/berita/harga-cabai/', 'Harga Cabai “Melonjak” Jelang Tahun Baru'],
    ]);
    for (const a of links) expect(site.exists(`${a.getAttribute('href')!.slice(1)}index.html`)).toBe(true);
  });

  it('lists hand-picked related articles under "Berita Terkait"', () => {
    const section = parse(site.read('berita/harga-cabai/index.html')).querySelector('section[data-related="computed"]');
    expect(section?.querySelector('h2')?.text).toBe('Berita Terkait');
    expect(section?.querySelector('a')?.getAttribute('href')).toBe('/berita/gempa-guncang-cianjur/');
  });

  it('ships no JavaScript on article pages', () => {
    for (const file of listFiles(site.outDir).filter((f) => f.startsWith('berita/'))) {
      expect(site.read(file)).not.toMatch(/<script(?![^>]*application\/ld\+json)/i);
    }
    for (const file of listFiles(site.outDir).filter((f) => f.startsWith('berita/'))) {
      expect(site.read(file)).not.toMatch(/rel="modulepreload"|\.m?js"/);
    }
  });

  it('lists every published article on the home page, newest first', () => {
    const home = parse(site.read('index.html'));
    expect(home.querySelectorAll('main ol h2 a').map((a) => a.getAttribute('href'))).toEqual([
      '/berita/putin-kirim-pesan/',
      '/berita/lavrov-gencatan-senjata/',
      '/berita/harga-cabai/',
      '/berita/gempa-guncang-cianjur/',
    ]);
  });

  it('links only to pages and files that exist', () => {
    const missing: string[] = [];
    for (const file of listFiles(site.outDir).filter((f) => f.endsWith('.html'))) {
      for (const el of parse(site.read(file)).querySelectorAll('[href], [src]')) {
        const url = el.getAttribute('href') ?? el.getAttribute('src') ?? '';
        if (!url.startsWith('/') || url.startsWith('//')) continue;
        const target = decodeURI(url.split(/[?#]/)[0] ?? '').slice(1);
        if (!site.exists(target.endsWith('/') || target === '' ? `${target}index.html` : target))
          missing.push(`${file} → ${url}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

describe('building tests/fixtures/site-broken', () => {
  it('fails with every error, its position and a hint, and no stack trace', () => {
    const site = buildSite('tests/fixtures/site-broken');
    expect(site.status).not.toBe(0);
    expect(site.output).toContain('4 content errors:');
    expect(site.output).toContain(
      'tests/fixtures/site-broken/baca-juga-salah.md:11:1  "Baca juga" link resolves to no article [BacaJugaUnresolved]',
    );
    expect(site.output).toContain(
      'tests/fixtures/site-broken/baca-juga-salah.md:12:1  "Baca juga" link resolves to no article [BacaJugaUnresolved]',
    );
    expect(site.output).toContain(
      'tests/fixtures/site-broken/tanpa-alt.md:5:1  Image without alt text [ImageAltMissing]',
    );
    expect(site.output).toContain(
      'tests/fixtures/site-broken/yaml-rusak.md:4:1  Front matter is not valid YAML [FrontMatterYamlSyntax]',
    );
    expect(site.output).toContain('Hint: Add `alt:` under `image:`');
    expect(site.output).not.toMatch(/Stack trace|\s+at \S+ \(/);
    expect(site.exists('index.html')).toBe(false);
  });

  it('names a content directory that does not exist', () => {
    const site = buildSite('tests/fixtures/tidak-ada');
    expect(site.status).not.toBe(0);
    expect(site.output).toMatch(
      /Content directory not found \[ContentDirectoryNotFound\]\n\s+The content directory \S+tests\/fixtures\/tidak-ada does not exist/,
    );
  });
});
