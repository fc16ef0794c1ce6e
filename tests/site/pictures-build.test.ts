import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'node-html-parser';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, listFiles, type SiteBuild } from '../helpers/build-site.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

// Issue #17, end to end through `astro build`: pictures next to articles and in their bodies become
// published variants, every page has a raster share picture of the size it declares, and a warm
// rebuild after a text edit makes no picture again (read from the build log, as an editor would).
const NOW = '2025-01-10T12:00:00+07:00';

async function photo(file: string, width: number, height: number, hue: number): Promise<void> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <rect width="100%" height="100%" fill="hsl(${hue},50%,55%)"/>
    <circle cx="${width / 3}" cy="${height / 2}" r="${height / 4}" fill="hsl(${hue + 120},60%,40%)"/></svg>`;
  await sharp(Buffer.from(svg)).jpeg({ quality: 80 }).toFile(file);
}

function article(slug: string, front: string, body: string): [string, string] {
  return [
    `${slug}.md`,
    `---\ntitle: "Judul ${slug}"\ndate: 2025-01-09T08:00:00+07:00\ncategory: Nasional\n${front}---\n\nJAKARTA - ${body}\n`,
  ];
}

describe('pictures in a build', () => {
  let work: string;
  let content: string;
  let cold: SiteBuild;
  let warm: SiteBuild;
  const env = (out: string) => ({
    WARTA_NOW: NOW,
    WARTA_OUT_DIR: path.join(work, out),
    WARTA_CACHE_DIR: path.join(work, 'cache'),
  });

  beforeAll(async () => {
    work = makeTempDir('warta-pictures-');
    content = path.join(work, 'content');
    fs.mkdirSync(path.join(content, 'foto'), { recursive: true });
    await photo(path.join(content, 'banjir.jpg'), 1600, 900, 200);
    await photo(path.join(content, 'foto', 'pasar.jpg'), 800, 600, 30);
    const files = [
      article('banjir', 'image:\n  src: ./banjir.jpg\n  alt: Banjir di Jakarta\n  focus: 30% 50%\n', 'Air naik.'),
      article(
        'pasar',
        'image:\n  src: ./foto/pasar.jpg\n  alt: Pasar pagi\n',
        'Harga naik.\n\n![Pedagang cabai](./foto/pasar.jpg "Pedagang di pasar")\n',
      ),
      article('tanpa-foto', '', 'Tanpa gambar.'),
    ];
    for (const [name, text] of files) fs.writeFileSync(path.join(content, name), text);
    cold = buildSite(content, env('cold'));
    fs.appendFileSync(path.join(content, 'tanpa-foto.md'), '\nParagraf tambahan.\n');
    warm = buildSite(content, env('warm'));
  }, 300_000);

  it('builds, and a warm rebuild after a text edit processes no picture and renders no card', () => {
    expect(cold.status, cold.output).toBe(0);
    expect(cold.output).toMatch(/\[warta-images\] 3 pictures: 3 processed \(\d+ files\), 0 from the cache/);
    expect(warm.status, warm.output).toBe(0);
    expect(warm.output).toMatch(
      /\[warta-images\] 3 pictures: 0 processed \(0 files\), 3 from the cache; \d+ share cards: 0 rendered/,
    );
  });

  it('warns about a lead picture narrower than Google Discover needs, without failing', () => {
    expect(cold.output).toContain('lead picture(s) narrower than 1200 px');
    expect(cold.output).toContain('pasar.md (800 px)');
  });

  it('gives every page a raster share picture of the size it declares, in the output', async () => {
    // Every page but the framed "Terkini" fragment (sematan/), which is never shared on its own.
    const pages = listFiles(cold.outDir).filter((f) => f.endsWith('.html') && !f.startsWith('sematan/'));
    expect(pages.length).toBeGreaterThan(5);
    for (const page of pages) {
      const html = parse(cold.read(page));
      const meta = (property: string) =>
        html.querySelector(`meta[property="${property}"], meta[name="${property}"]`)?.getAttribute('content');
      if (page === '404.html') continue;
      const url = new URL(meta('og:image') ?? '');
      const file = path.join(cold.outDir, decodeURIComponent(url.pathname));
      expect(fs.existsSync(file), `${page}: ${url.pathname}`).toBe(true);
      const info = await sharp(file).metadata();
      expect(['jpeg', 'png'], page).toContain(info.format);
      expect([String(info.width), String(info.height)], page).toEqual([
        meta('og:image:width'),
        meta('og:image:height'),
      ]);
      expect(meta('og:image:alt'), page).toBeTruthy();
      expect(meta('twitter:card'), page).toBe('summary_large_image');
      expect(meta('robots'), page).toBe('max-image-preview:large');
    }
  });

  it('shares the photo crop for an article with a photo and a card with the headline for one without', async () => {
    const og = (slug: string) =>
      parse(cold.read(`berita/${slug}/index.html`))
        .querySelector('meta[property="og:image"]')
        ?.getAttribute('content') ?? '';
    expect(og('banjir')).toMatch(/\/gambar\/[0-9a-f]{20}\/hero-1200\.jpg$/);
    expect(og('tanpa-foto')).toMatch(/\/gambar\/kartu\/[0-9a-f]{32}\.jpg$/);
    const crop = await sharp(path.join(cold.outDir, new URL(og('banjir')).pathname)).metadata();
    expect([crop.width, crop.height]).toEqual([1200, 675]);
  });

  it('links only files that exist, with the intrinsic size of each picture', () => {
    for (const page of ['index.html', 'berita/banjir/index.html', 'berita/pasar/index.html']) {
      const html = parse(cold.read(page));
      for (const img of html.querySelectorAll('picture img')) {
        expect(img.getAttribute('width'), page).toMatch(/^\d+$/);
        expect(img.getAttribute('height'), page).toMatch(/^\d+$/);
      }
      const urls = html
        .querySelectorAll('picture source, picture img')
        .flatMap((el) => [
          el.getAttribute('src'),
          ...(el.getAttribute('srcset') ?? '').split(',').map((c) => c.trim().split(' ')[0]),
        ])
        .filter((u): u is string => typeof u === 'string' && u !== '');
      expect(urls.length, page).toBeGreaterThan(0);
      for (const url of urls) expect(fs.existsSync(path.join(cold.outDir, url)), `${page}: ${url}`).toBe(true);
    }
  });

  it('turns a picture in the body into a lazy, uncropped <picture> and never upscales', () => {
    const html = parse(cold.read('berita/pasar/index.html'));
    const body = html.querySelectorAll('.prose picture img')[0];
    expect(body?.getAttribute('alt')).toBe('Pedagang cabai');
    expect(body?.getAttribute('loading')).toBe('lazy');
    // The source is 800×600: no 1,200 px file is made from it, and the body keeps its 4:3 frame.
    expect([body?.getAttribute('width'), body?.getAttribute('height')]).toEqual(['800', '600']);
    expect(html.querySelector('.prose picture source')?.getAttribute('srcset')).not.toContain('1200w');
  });

  it('fails the build naming the file and line of a missing picture, and publishes nothing', () => {
    const broken = path.join(work, 'broken');
    fs.cpSync(content, broken, { recursive: true });
    fs.writeFileSync(
      path.join(broken, 'hilang.md'),
      '---\ntitle: Hilang\ndate: 2025-01-09T08:00:00+07:00\ncategory: Nasional\nimage:\n  src: ./tidak-ada.jpg\n  alt: x\n---\n\nIsi.\n',
    );
    const run = buildSite(broken, { WARTA_NOW: NOW, WARTA_OUT_DIR: path.join(work, 'broken-out') });
    expect(run.status).not.toBe(0);
    expect(run.output).toMatch(/hilang\.md:6:\d+ +Picture file not found \[ImageNotFound\]/);
    expect(fs.existsSync(path.join(work, 'broken-out'))).toBe(false);
  });
});
