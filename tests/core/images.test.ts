import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { parse } from 'node-html-parser';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseArticle, type ParsedArticle } from '../../src/lib/content/parse-article.ts';
import { formatErrorReport, type WartaError } from '../../src/lib/errors/index.ts';
import { readFocalPoint, readImageRef } from '../../src/lib/images/image-source.ts';
import {
  cropFor,
  pictureFor,
  planVariants,
  shareImageFor,
  structuredDataImages,
  variantPath,
  VARIANTS_VERSION,
  type ImageAsset,
  type ImageRole,
  type ImageVariant,
} from '../../src/lib/images/variants.ts';
import type { ImageOptions } from '../../src/lib/markdown/processor.ts';
import { makeAllVariants, makeVariants, publishVariants } from '../../src/lib/storage/image-files.ts';
import { dependencyUnchanged, probeImage } from '../../src/lib/storage/image-probe.ts';
import { openParseCache } from '../../src/lib/storage/parse-cache.ts';
import { remoteImageFile } from '../../src/lib/storage/remote-images.ts';
import { article } from '../helpers/article-source.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

// Issue #17: the picture core, from the text of `image.src` to the files in dist/gambar/. Every
// picture is made here with sharp, in a temporary content folder, so sizes, formats and pixels are known.

const HOST = 'foto.example.id';
const PHOTO_HINT =
  'Export photos as JPEG and graphics as PNG (WebP and AVIF work too), at most 40 MB and 100 megapixels.';

let root: string;
let images: ImageOptions;
/** Absolute paths of the pictures made in beforeAll. */
const file = {
  /** 1600×900 JPEG with a gradient and shapes. */
  photo: '',
  /** 600×400 PNG in a subfolder: narrower than most widths. */
  narrow: '',
  /** Stored 1600×900 with EXIF orientation 6: shown 900×1600. Stored top half red, bottom blue, left band green. */
  rotated: '',
  /** 1600×900 JPEG, left half green, right half magenta: shows where a crop was taken. */
  halves: '',
  /** 800×600 JPEG under public/images. */
  public: '',
  svg: '',
  gif: '',
  /** A text file named .jpg. */
  text: '',
  /** A PNG header claiming 10001×10000 pixels. */
  huge: '',
  /** A 41 MB file (sparse). */
  heavy: '',
  /** A folder named like a picture. */
  folder: '',
  /** 400×300 PNG, transparent but for a red circle. */
  alpha: '',
  /** 1000×1 PNG. */
  sliver: '',
};

const at = (...parts: string[]): string => path.join(root, ...parts);

function svgPhoto(width: number, height: number): Buffer {
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
      '<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">' +
      '<stop offset="0" stop-color="#1d4e89"/><stop offset="1" stop-color="#f2c14e"/></linearGradient></defs>' +
      `<rect width="${width}" height="${height}" fill="url(#g)"/>` +
      `<circle cx="${width * 0.3}" cy="${height * 0.4}" r="${height * 0.2}" fill="#c0392b"/>` +
      `<rect x="${width * 0.6}" y="${height * 0.5}" width="${width * 0.25}" height="${height * 0.3}" fill="#ecf0f1"/>` +
      '</svg>',
  );
}

const solid = (width: number, height: number, colour: string): Buffer =>
  Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="${width}" height="${height}" fill="${colour}"/></svg>`,
  );

beforeAll(async () => {
  root = makeTempDir('warta-images-');
  fs.mkdirSync(at('content', 'nasional', 'foto'), { recursive: true });
  fs.mkdirSync(at('public', 'images'), { recursive: true });
  images = {
    contentDirectory: at('content'),
    publicDirectory: at('public'),
    hosts: [HOST],
    remoteDirectory: at('remote'),
  };

  file.photo = at('content', 'nasional', 'banjir.jpg');
  await sharp(svgPhoto(1600, 900)).jpeg({ quality: 90 }).toFile(file.photo);
  file.narrow = at('content', 'nasional', 'foto', 'sempit.png');
  await sharp(svgPhoto(600, 400)).png().toFile(file.narrow);
  file.rotated = at('content', 'nasional', 'miring.jpg');
  await sharp({ create: { width: 1600, height: 900, channels: 3, background: '#ff0000' } })
    .composite([
      { input: solid(1600, 450, '#0000ff'), left: 0, top: 450 },
      { input: solid(100, 900, '#00ff00'), left: 0, top: 0 },
    ])
    .jpeg({ quality: 90 })
    .withMetadata({ orientation: 6 })
    .toFile(file.rotated);
  file.halves = at('content', 'nasional', 'dua-warna.jpg');
  await sharp({ create: { width: 1600, height: 900, channels: 3, background: '#00ff00' } })
    .composite([{ input: solid(800, 900, '#ff00ff'), left: 800, top: 0 }])
    .jpeg({ quality: 90 })
    .toFile(file.halves);
  file.public = at('public', 'images', 'arsip.jpg');
  await sharp(svgPhoto(800, 600)).jpeg().toFile(file.public);
  file.svg = at('content', 'nasional', 'grafik.svg');
  fs.writeFileSync(file.svg, svgPhoto(800, 450));
  file.gif = at('content', 'nasional', 'animasi.gif');
  await sharp(svgPhoto(160, 90)).gif().toFile(file.gif);
  file.text = at('content', 'nasional', 'palsu.jpg');
  fs.writeFileSync(file.text, 'Ini bukan gambar, hanya teks.\n');
  file.huge = at('content', 'nasional', 'raksasa.png');
  const header = Buffer.alloc(33);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(header, 0);
  header.writeUInt32BE(13, 8);
  header.write('IHDR', 12, 'ascii');
  header.writeUInt32BE(10_001, 16);
  header.writeUInt32BE(10_000, 20);
  header[24] = 8;
  header[25] = 2;
  fs.writeFileSync(file.huge, header);
  file.heavy = at('content', 'nasional', 'berat.jpg');
  fs.copyFileSync(file.photo, file.heavy);
  fs.truncateSync(file.heavy, 41 * 1024 * 1024);
  file.folder = at('content', 'nasional', 'map.jpg');
  fs.mkdirSync(file.folder);
  file.alpha = at('content', 'nasional', 'logo.png');
  await sharp({ create: { width: 400, height: 300, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } })
    .composite([
      {
        input: Buffer.from(
          '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="300"><circle cx="200" cy="150" r="100" fill="#ff0000"/></svg>',
        ),
      },
    ])
    .png()
    .toFile(file.alpha);
  file.sliver = at('content', 'nasional', 'garis.png');
  await sharp({ create: { width: 1000, height: 1, channels: 3, background: '#808080' } })
    .png()
    .toFile(file.sliver);
});

/** The probed asset of `file`, or a failed test. */
function probed(file: string, focus?: { x: number; y: number }, role: ImageRole = 'lead'): ImageAsset {
  const result = probeImage(file, focus, role);
  if (!result.ok) throw new Error(`${file}: ${result.problem}, ${result.reason}`);
  return result.asset;
}

/** An asset of the given size, for planning without a file. */
const sized = (width: number, height: number, role: ImageRole = 'lead', focus?: { x: number; y: number }) =>
  ({ key: 'k3y', file: '/x.jpg', width, height, role, ...(focus ? { focus } : {}) }) satisfies ImageAsset;

const listed = (variants: readonly ImageVariant[]): string[] =>
  variants.map((v) => `${v.name} ${v.format} ${v.width}x${v.height}`);

/** Parses an article of the temporary content folder, with pictures checked. */
function parsed(
  articlePath: string,
  parts: { front?: string; body?: string },
): { ok: true; article: ParsedArticle } | { ok: false; errors: WartaError[] } {
  return parseArticle(article(articlePath, parts), { images });
}

function parsedOk(articlePath: string, parts: { front?: string; body?: string }): ParsedArticle {
  const result = parsed(articlePath, parts);
  if (!result.ok) throw new Error(formatErrorReport(result.errors));
  return result.article;
}

/** `name file:line:column` of each error. */
function placed(articlePath: string, parts: { front?: string; body?: string }): string[] {
  const result = parsed(articlePath, parts);
  if (result.ok) return [];
  return result.errors.map(
    (e) => `${e.name} ${e.position?.file ?? '-'}:${e.position?.line ?? 0}:${e.position?.column ?? 0}`,
  );
}

const lead = (src: string, extra = ''): string => `image:\n  src: ${src}\n  alt: "Warga mengungsi"\n${extra}`;

/** A rough name for the colour of one pixel: JPEG and WebP move colours a little. */
async function colourAt(image: string, x: number, y: number): Promise<string> {
  const [r = -1, g = -1, b = -1] = await sharp(image)
    .flatten({ background: '#ffffff' })
    .extract({ left: x, top: y, width: 1, height: 1 })
    .raw()
    .toBuffer();
  const high = (v: number) => v > 190;
  const low = (v: number) => v < 70;
  if (high(r) && low(g) && low(b)) return 'red';
  if (low(r) && high(g) && low(b)) return 'green';
  if (low(r) && low(g) && high(b)) return 'blue';
  if (high(r) && low(g) && high(b)) return 'magenta';
  if (high(r) && high(g) && high(b)) return 'white';
  if (low(r) && low(g) && low(b)) return 'black';
  return `rgb(${r}, ${g}, ${b})`;
}

describe('readImageRef', () => {
  it.each([
    ['./banjir.jpg', './banjir.jpg'],
    ['foto/banjir.jpg', 'foto/banjir.jpg'],
    ['../bersama/banjir.jpg', '../bersama/banjir.jpg'],
    ['./banjir%20rob.jpg', './banjir rob.jpg'],
  ])('reads %j as a file next to the article', (value, expected) => {
    expect(readImageRef(value, [])).toEqual({ ok: true, ref: { kind: 'relative', path: expected } });
  });

  it.each([
    ['/images/banjir.jpg', 'images/banjir.jpg'],
    ['/images/banjir%20rob.jpg', 'images/banjir rob.jpg'],
    ['/arsip/2024/12/banjir.webp', 'arsip/2024/12/banjir.webp'],
  ])('reads %j as a file under public/', (value, expected) => {
    expect(readImageRef(value, [])).toEqual({ ok: true, ref: { kind: 'public', path: expected } });
  });

  it('accepts https: on an allowed host, a port only when the allowlist names it', () => {
    const hosts = [HOST, 'cdn.example.id:8443'];
    expect(readImageRef(`https://${HOST}/2024/banjir.jpg`, hosts)).toEqual({
      ok: true,
      ref: { kind: 'remote', url: `https://${HOST}/2024/banjir.jpg`, host: HOST },
    });
    // The URL's own spelling: the host lower-cased, the default port dropped.
    expect(readImageRef('https://FOTO.Example.ID:443/a.jpg', hosts)).toEqual({
      ok: true,
      ref: { kind: 'remote', url: `https://${HOST}/a.jpg`, host: HOST },
    });
    expect(readImageRef('https://cdn.example.id:8443/a.jpg', hosts)).toMatchObject({
      ok: true,
      ref: { host: 'cdn.example.id:8443' },
    });
    expect(readImageRef('https://cdn.example.id/a.jpg', hosts)).toEqual({
      ok: false,
      reason: `is on cdn.example.id, which is not among the allowed image hosts (imageHosts in src/site.config.ts: ${HOST}, cdn.example.id:8443)`,
    });
    expect(readImageRef(`https://${HOST}:8443/a.jpg`, hosts).ok).toBe(false);
  });

  it('says when no remote host is allowed at all', () => {
    expect(readImageRef(`https://${HOST}/a.jpg`, [])).toEqual({
      ok: false,
      reason: `is on ${HOST}, and no remote image host is allowed (imageHosts in src/site.config.ts is empty)`,
    });
  });

  it.each([
    ['', 'is empty'],
    [`http://${HOST}/a.jpg`, 'uses the "http:" scheme'],
    ['javascript:alert(1)', 'uses the "javascript:" scheme'],
    ['JaVaScRiPt:alert(1)', 'uses the "javascript:" scheme'],
    ['data:image/png;base64,iVBORw0KGgo=', 'uses the "data:" scheme'],
    ['file:///etc/passwd', 'uses the "file:" scheme'],
    [`//${HOST}/a.jpg`, 'starts with //'],
    ['https://', 'is not a valid URL'],
    ['./banjir rob.jpg', 'contains a space or a control character'],
    ['./banjir\trob.jpg', 'contains a space or a control character'],
    ['./banjir\u0000.jpg', 'contains a space or a control character'],
    ['./banjir\u0085.jpg', 'contains a space or a control character'],
    ['./banjir\u00a0rob.jpg', 'contains a space or a control character'],
    ['foto\\banjir.jpg', 'contains a backslash'],
    ['./banjir.jpg?v=2', 'has a query or fragment'],
    ['./banjir.jpg#atas', 'has a query or fragment'],
    ['./banjir%zz.jpg', 'has a malformed %-escape'],
    ['./banjir%E0%A4.jpg', 'has a malformed %-escape'],
    ['/images/../../etc/passwd', 'climbs out of public/ with ..'],
    ['/images/%2e%2e/%2E%2E/rahasia.jpg', 'climbs out of public/ with ..'],
    ['/..', 'climbs out of public/ with ..'],
  ])('refuses %j: %s', (value, reason) => {
    const result = readImageRef(value, [HOST]);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.reason).toContain(reason);
  });
});

describe('readFocalPoint', () => {
  it.each([
    ['50% 30%', { x: 0.5, y: 0.3 }],
    ['0% 100%', { x: 0, y: 1 }],
    ['  12.5%   40% ', { x: 0.125, y: 0.4 }],
  ])('reads %j', (value, expected) => {
    expect(readFocalPoint(value)).toEqual(expected);
  });

  it.each(['150% 20%', '50% 101%', '-10% 20%', '50%', '50 30', '50%,30%', 'center', '50% 30% 10%', ''])(
    'refuses %j',
    (value) => {
      expect(readFocalPoint(value)).toBeUndefined();
    },
  );
});

describe('planning variants', () => {
  it('plans a 1600×900 lead photo: hero 16:9, thumbnail 4:3 and the structured-data crops', () => {
    const variants = planVariants(sized(1600, 900));
    expect(listed(variants)).toEqual([
      'hero-480.webp webp 480x270',
      'hero-800.webp webp 800x450',
      'hero-1200.webp webp 1200x675',
      'hero-800.jpg jpeg 800x450',
      'hero-1200.jpg jpeg 1200x675',
      'thumb-160.webp webp 160x120',
      'thumb-320.webp webp 320x240',
      'thumb-320.jpg jpeg 320x240',
      '4x3.jpg jpeg 1200x900',
      '1x1.jpg jpeg 900x900',
    ]);
    const crops = Object.fromEntries(variants.map((v) => [v.name, v.crop]));
    expect(crops['hero-800.jpg']).toEqual({ left: 0, top: 0, width: 1600, height: 900 });
    expect(crops['thumb-320.jpg']).toEqual({ left: 200, top: 0, width: 1200, height: 900 });
    expect(crops['1x1.jpg']).toEqual({ left: 350, top: 0, width: 900, height: 900 });
  });

  it('never upscales a narrow lead photo: its own width replaces the wider ones', () => {
    const variants = planVariants(sized(600, 400));
    expect(listed(variants)).toEqual([
      'hero-480.webp webp 480x270',
      'hero-600.webp webp 600x337',
      'hero-600.jpg jpeg 600x337',
      'thumb-160.webp webp 160x120',
      'thumb-320.webp webp 320x240',
      'thumb-320.jpg jpeg 320x240',
      '4x3.jpg jpeg 533x399',
      '1x1.jpg jpeg 400x400',
    ]);
    for (const v of variants) expect(v.width).toBeLessThanOrEqual(v.crop.width);
  });

  it('plans a body picture whole, in three WebP widths and one JPEG', () => {
    expect(listed(planVariants(sized(1600, 900, 'body')))).toEqual([
      'body-480.webp webp 480x270',
      'body-800.webp webp 800x450',
      'body-1200.webp webp 1200x675',
      'body-800.jpg jpeg 800x450',
    ]);
    expect(listed(planVariants(sized(600, 400, 'body')))).toEqual([
      'body-480.webp webp 480x320',
      'body-600.webp webp 600x400',
      'body-600.jpg jpeg 600x400',
    ]);
    // Exactly one of the widths: no second file of that width.
    expect(listed(planVariants(sized(800, 1000, 'body')))).toEqual([
      'body-480.webp webp 480x600',
      'body-800.webp webp 800x1000',
      'body-800.jpg jpeg 800x1000',
    ]);
    expect(planVariants(sized(1600, 900, 'body')).every((v) => v.crop.width === 1600 && v.crop.height === 900)).toBe(
      true,
    );
  });

  it('crops the largest region of the ratio around the focal point, clamped to the edges', () => {
    const wide = { width: 1600, height: 900 };
    expect(cropFor(wide, [4, 3])).toEqual({ left: 200, top: 0, width: 1200, height: 900 });
    expect(cropFor({ ...wide, focus: { x: 0.6, y: 0.5 } }, [4, 3])).toEqual({
      left: 360,
      top: 0,
      width: 1200,
      height: 900,
    });
    expect(cropFor({ ...wide, focus: { x: 0.1, y: 0.5 } }, [4, 3])).toMatchObject({ left: 0 });
    expect(cropFor({ ...wide, focus: { x: 0.95, y: 0.5 } }, [4, 3])).toMatchObject({ left: 400 });
    expect(cropFor(wide, [16, 9])).toEqual({ left: 0, top: 0, width: 1600, height: 900 });
    expect(cropFor(wide, undefined)).toEqual({ left: 0, top: 0, width: 1600, height: 900 });
    const tall = { width: 900, height: 1600 };
    expect(cropFor(tall, [16, 9])).toEqual({ left: 0, top: 547, width: 900, height: 506 });
    expect(cropFor({ ...tall, focus: { x: 0.5, y: 0.2 } }, [16, 9])).toEqual({
      left: 0,
      top: 67,
      width: 900,
      height: 506,
    });
    expect(cropFor({ ...tall, focus: { x: 0.5, y: 0 } }, [16, 9])).toMatchObject({ top: 0 });
    expect(cropFor({ ...tall, focus: { x: 0.5, y: 1 } }, [16, 9])).toMatchObject({ top: 1094 });
  });

  it('keeps every crop inside the picture, of its ratio, as large as fits, and centred on the focus when it can be', () => {
    const ratios: (readonly [number, number])[] = [
      [16, 9],
      [4, 3],
      [1, 1],
    ];
    fc.assert(
      fc.property(
        fc.integer({ min: 64, max: 8000 }),
        fc.integer({ min: 64, max: 8000 }),
        fc.option(
          fc.record({ x: fc.double({ min: 0, max: 1, noNaN: true }), y: fc.double({ min: 0, max: 1, noNaN: true }) }),
          {
            nil: undefined,
          },
        ),
        (width, height, focus) => {
          const asset = { width, height, focus };
          for (const [rw, rh] of ratios) {
            const crop = cropFor(asset, [rw, rh]);
            expect(crop.left).toBeGreaterThanOrEqual(0);
            expect(crop.top).toBeGreaterThanOrEqual(0);
            expect(crop.left + crop.width).toBeLessThanOrEqual(width);
            expect(crop.top + crop.height).toBeLessThanOrEqual(height);
            // Of the ratio, to the pixel: the height is the width's, rounded down.
            expect(crop.width * rh - crop.height * rw).toBeGreaterThanOrEqual(0);
            expect(crop.width * rh - crop.height * rw).toBeLessThan(rw);
            // As large as fits: the whole width, or one more column would need more height than there is.
            expect(crop.width === width || (crop.width + 1) * rh > height * rw).toBe(true);
            const f = focus ?? { x: 0.5, y: 0.5 };
            const centreX = crop.left + crop.width / 2;
            if (crop.left > 0 && crop.left + crop.width < width)
              expect(Math.abs(centreX - f.x * width)).toBeLessThanOrEqual(1);
            const centreY = crop.top + crop.height / 2;
            if (crop.top > 0 && crop.top + crop.height < height)
              expect(Math.abs(centreY - f.y * height)).toBeLessThanOrEqual(1);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('plans unique names, no upscaling and non-empty files for any photo size and role', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 32, max: 8000 }),
        fc.integer({ min: 32, max: 8000 }),
        fc.constantFrom<ImageRole>('lead', 'body'),
        (width, height, role) => {
          const variants = planVariants(sized(width, height, role));
          expect(new Set(variants.map((v) => v.name)).size).toBe(variants.length);
          for (const v of variants) {
            expect(v.width).toBeGreaterThan(0);
            expect(v.height).toBeGreaterThan(0);
            expect(v.width).toBeLessThanOrEqual(v.crop.width);
            expect(v.height).toBeLessThanOrEqual(v.crop.height);
            expect(Math.abs(v.height - (v.width * v.crop.height) / v.crop.width)).toBeLessThanOrEqual(0.5);
          }
          // Every slot has a WebP and a JPEG: a <picture> can always be made.
          const slots = role === 'lead' ? ['hero', 'thumb'] : ['body'];
          for (const slot of slots)
            for (const format of ['webp', 'jpeg'])
              expect(variants.some((v) => v.name.startsWith(`${slot}-`) && v.format === format)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gives each slot its <picture> data: srcsets, the smallest JPEG as src, the largest size', () => {
    const asset = sized(1600, 900);
    expect(variantPath(asset, 'hero-800.webp')).toBe('/gambar/k3y/hero-800.webp');
    expect(pictureFor(asset, 'hero')).toEqual({
      webpSrcset: '/gambar/k3y/hero-480.webp 480w, /gambar/k3y/hero-800.webp 800w, /gambar/k3y/hero-1200.webp 1200w',
      jpegSrcset: '/gambar/k3y/hero-800.jpg 800w, /gambar/k3y/hero-1200.jpg 1200w',
      src: '/gambar/k3y/hero-800.jpg',
      width: 1200,
      height: 675,
    });
    expect(pictureFor(asset, 'thumb')).toEqual({
      webpSrcset: '/gambar/k3y/thumb-160.webp 160w, /gambar/k3y/thumb-320.webp 320w',
      jpegSrcset: '/gambar/k3y/thumb-320.jpg 320w',
      src: '/gambar/k3y/thumb-320.jpg',
      width: 320,
      height: 240,
    });
    expect(pictureFor(sized(600, 400), 'hero')).toMatchObject({
      webpSrcset: '/gambar/k3y/hero-480.webp 480w, /gambar/k3y/hero-600.webp 600w',
      src: '/gambar/k3y/hero-600.jpg',
      width: 600,
      height: 337,
    });
    expect(pictureFor(sized(600, 400, 'body'), 'body')).toEqual({
      webpSrcset: '/gambar/k3y/body-480.webp 480w, /gambar/k3y/body-600.webp 600w',
      jpegSrcset: '/gambar/k3y/body-600.jpg 600w',
      src: '/gambar/k3y/body-600.jpg',
      width: 600,
      height: 400,
    });
  });

  it('shares the hero’s largest JPEG and lists the 16:9, 4:3 and 1:1 crops for structured data', () => {
    expect(shareImageFor(sized(1600, 900))).toEqual({ path: '/gambar/k3y/hero-1200.jpg', width: 1200, height: 675 });
    expect(structuredDataImages(sized(1600, 900))).toEqual([
      { path: '/gambar/k3y/hero-1200.jpg', width: 1200, height: 675 },
      { path: '/gambar/k3y/4x3.jpg', width: 1200, height: 900 },
      { path: '/gambar/k3y/1x1.jpg', width: 900, height: 900 },
    ]);
    expect(structuredDataImages(sized(600, 400))).toEqual([
      { path: '/gambar/k3y/hero-600.jpg', width: 600, height: 337 },
      { path: '/gambar/k3y/4x3.jpg', width: 533, height: 399 },
      { path: '/gambar/k3y/1x1.jpg', width: 400, height: 400 },
    ]);
  });
});

describe('probeImage', () => {
  it('measures a JPEG and a PNG and records the file it depends on', () => {
    const result = probeImage(file.photo, undefined, 'lead');
    const stat = fs.statSync(file.photo);
    expect(result).toEqual({
      ok: true,
      asset: {
        key: expect.stringMatching(/^[0-9a-f]{20}$/) as unknown,
        file: file.photo,
        width: 1600,
        height: 900,
        role: 'lead',
      },
      dependency: { file: file.photo, size: stat.size, mtimeMs: stat.mtimeMs },
    });
    expect(probed(file.narrow, undefined, 'body')).toMatchObject({ width: 600, height: 400, role: 'body' });
  });

  it('keys a picture by its bytes, its focal point and the variant plan, not by its name or role', () => {
    const digest = createHash('sha256').update(fs.readFileSync(file.photo)).digest('hex');
    const key = probed(file.photo).key;
    expect(key).toBe(createHash('sha256').update(`${digest}||${VARIANTS_VERSION}`).digest('hex').slice(0, 20));
    const copy = at('content', 'nasional', 'salinan-banjir.jpg');
    fs.copyFileSync(file.photo, copy);
    expect(probed(copy).key).toBe(key);
    expect(probed(file.photo, undefined, 'body').key).toBe(key);
    const focused = probed(file.photo, { x: 0.2, y: 0.3 });
    expect(focused.key).not.toBe(key);
    expect(focused.focus).toEqual({ x: 0.2, y: 0.3 });
    expect(probed(file.photo, { x: 0.2, y: 0.4 }).key).not.toBe(focused.key);
    expect(probed(file.halves).key).not.toBe(key);
  });

  it('reports the size after EXIF rotation: orientation 6 swaps width and height', () => {
    expect(probed(file.rotated)).toMatchObject({ width: 900, height: 1600 });
  });

  it('sees a replaced file: a new size and a new key, not the remembered ones', () => {
    const changing = at('content', 'nasional', 'berubah.jpg');
    fs.copyFileSync(file.photo, changing);
    const before = probed(changing);
    fs.copyFileSync(file.public, changing);
    fs.utimesSync(changing, new Date(), new Date(Date.now() + 10_000));
    const after = probed(changing);
    expect(after).toMatchObject({ width: 800, height: 600 });
    expect(after.key).not.toBe(before.key);
  });

  it.each([
    ['a missing file', () => at('content', 'nasional', 'hilang.jpg'), 'missing', 'no such file'],
    ['a path through a file', () => `${file.photo}/lagi.jpg`, 'missing', 'no such file'],
    ['a folder', () => file.folder, 'unreadable', 'it is not a file'],
    ['an SVG', () => file.svg, 'unsupported', 'it is in SVG format; pictures must be JPEG, PNG, WebP or AVIF'],
    ['a GIF', () => file.gif, 'unsupported', 'it is in GIF format; pictures must be JPEG, PNG, WebP or AVIF'],
    ['a text file named .jpg', () => file.text, 'unsupported', 'it is not a picture in a known format'],
    [
      'a picture of too many pixels',
      () => file.huge,
      'unsupported',
      'it is 10001×10000 pixels; the limit is 100 megapixels',
    ],
    ['a 41 MB file', () => file.heavy, 'unsupported', 'it is 41.0 MB; the limit is 40.0 MB'],
  ])('refuses %s', (_, name, problem, reason) => {
    expect(probeImage(name(), undefined, 'lead')).toEqual({ ok: false, problem, reason });
  });

  it('tells whether a dependency is unchanged: same size and time, and still there', () => {
    const watched = at('content', 'nasional', 'diawasi.jpg');
    fs.copyFileSync(file.photo, watched);
    // Whole seconds, so the time can be set back exactly.
    const then = new Date('2024-12-20T03:00:00Z');
    fs.utimesSync(watched, then, then);
    const result = probeImage(watched, undefined, 'lead');
    if (!result.ok) throw new Error(result.reason);
    expect(dependencyUnchanged(result.dependency)).toBe(true);
    fs.utimesSync(watched, new Date(), new Date(Date.now() + 60_000));
    expect(dependencyUnchanged(result.dependency)).toBe(false);
    fs.utimesSync(watched, then, then);
    expect(dependencyUnchanged(result.dependency)).toBe(true);
    fs.appendFileSync(watched, 'x');
    fs.utimesSync(watched, then, then);
    expect(dependencyUnchanged(result.dependency)).toBe(false);
    fs.rmSync(watched);
    expect(dependencyUnchanged(result.dependency)).toBe(false);
  });
});

describe('pictures of a parsed article', () => {
  it('checks and measures the lead picture next to the article, with its focal point', () => {
    const plain = parsedOk('nasional/banjir.md', { front: lead('./banjir.jpg') });
    expect(plain.imageAsset).toEqual(probed(file.photo));
    expect(plain.dependencies).toEqual([
      expect.objectContaining({ file: file.photo, size: fs.statSync(file.photo).size }),
    ]);
    const focused = parsedOk('nasional/banjir.md', { front: lead('./banjir.jpg', '  focus: "20% 30%"\n') });
    expect(focused.imageAsset).toEqual(probed(file.photo, { x: 0.2, y: 0.3 }));
    expect(focused.imageAsset?.key).not.toBe(plain.imageAsset?.key);
  });

  it('finds a picture in a subfolder, a %-escaped name, and a file under public/', () => {
    expect(parsedOk('nasional/a.md', { front: lead('foto/sempit.png') }).imageAsset).toMatchObject({
      file: file.narrow,
      width: 600,
    });
    fs.copyFileSync(file.photo, at('content', 'nasional', 'banjir rob.jpg'));
    expect(parsedOk('nasional/a.md', { front: lead('./banjir%20rob.jpg') }).imageAsset?.file).toBe(
      at('content', 'nasional', 'banjir rob.jpg'),
    );
    expect(parsedOk('nasional/a.md', { front: lead('/images/arsip.jpg') }).imageAsset).toMatchObject({
      file: file.public,
      width: 800,
      height: 600,
    });
    // A sibling folder of the content folder, reached with .., is fine while it stays inside.
    expect(parsedOk('nasional/a.md', { front: lead('../nasional/foto/sempit.png') }).imageAsset?.file).toBe(
      file.narrow,
    );
  });

  it('asks for a picture on an allowed host to be downloaded, then takes its copy like a file', () => {
    const url = `https://${HOST}/2024/banjir.jpg`;
    const before = parseArticle(article('nasional/a.md', { front: lead(url) }), { images });
    expect(before).toMatchObject({ ok: false, downloads: [url] });
    expect(before.ok ? [] : before.errors.map((e) => [e.name, e.position?.line])).toEqual([['ImageNotDownloaded', 6]]);

    fs.mkdirSync(images.remoteDirectory, { recursive: true });
    fs.copyFileSync(file.photo, remoteImageFile(images.remoteDirectory, url));
    const after = parsedOk('nasional/a.md', { front: lead(url) });
    expect(after.imageAsset).toMatchObject({ file: remoteImageFile(images.remoteDirectory, url), width: 1600 });
    expect(after.imageAsset?.key).toBe(probed(file.photo).key);
    expect(after.dependencies?.map((d) => d.file)).toEqual([remoteImageFile(images.remoteDirectory, url)]);
    expect(after.frontMatter.image?.src).toBe(url);
  });

  it('reports a picture that could not be downloaded at its line, with the reason', () => {
    const url = `https://${HOST}/2024/hilang.jpg`;
    const result = parseArticle(article('nasional/a.md', { front: `tags: [Banjir]\n${lead(url)}` }), {
      images: { ...images, remoteFailures: new Map([[url, 'the server answered HTTP 404 Not Found']]) },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.downloads).toBeUndefined();
    expect(result.errors.map((e) => [e.name, e.position])).toEqual([
      ['ImageDownloadFailed', { file: 'content/nasional/a.md', line: 7, column: 3 }],
    ]);
    expect(result.errors[0]?.message).toBe(
      `The picture "${url}" could not be downloaded: the server answered HTTP 404 Not Found.`,
    );
  });

  it('checks nothing when no image options are given', () => {
    expect(parseArticle(article('a.md', { front: lead('./hilang.jpg') })).ok).toBe(true);
  });

  it.each([
    ['../../rahasia.jpg', 'ImageInvalid', 'points outside the content folder'],
    ['./../../../etc/passwd.jpg', 'ImageInvalid', 'points outside the content folder'],
    ['./hilang.jpg', 'ImageNotFound', 'was looked for at'],
    ['/images/hilang.jpg', 'ImageNotFound', 'was looked for at'],
    ['./grafik.svg', 'ImageUnsupported', 'in SVG format'],
    ['./animasi.gif', 'ImageUnsupported', 'in GIF format'],
    ['./palsu.jpg', 'ImageUnsupported', 'not a picture in a known format'],
    ['./map.jpg', 'ImageUnsupported', 'it is not a file'],
    [`http://${HOST}/a.jpg`, 'ImageInvalid', 'uses the "http:" scheme'],
    ['https://evil.example/a.jpg', 'ImageInvalid', 'not among the allowed image hosts'],
    ['"./banjir rob.jpg"', 'ImageInvalid', 'contains a space'],
    ['/images/../../rahasia.jpg', 'ImageInvalid', 'climbs out of public/'],
  ])('reports image.src %j as %s at the line of image.src', (src, name, text) => {
    const result = parsed('nasional/a.md', { front: `tags: [Banjir]\n${lead(src)}` });
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors;
    expect(errors.map((e) => [e.name, e.position])).toEqual([
      [name, { file: 'content/nasional/a.md', line: 7, column: 3 }],
    ]);
    expect(errors[0]?.message).toContain(text);
  });

  it('names the absolute file it looked for when a picture is missing', () => {
    const result = parsed('nasional/a.md', { front: lead('./hilang.jpg') });
    expect(result.ok ? '' : result.errors[0]?.message).toBe(
      `The picture "./hilang.jpg" was looked for at ${at('content', 'nasional', 'hilang.jpg')}, and there is no such file.`,
    );
  });

  it('reports a bad picture together with the other front matter errors', () => {
    expect(placed('nasional/a.md', { front: `slug: "Bukan Slug"\n${lead('./hilang.jpg')}` })).toEqual([
      'InvalidSlug content/nasional/a.md:5:1',
      'ImageNotFound content/nasional/a.md:7:3',
    ]);
  });

  it('turns a Markdown picture in the body into a <picture> of its variants, with its size and lazy loading', () => {
    const parsedArticle = parsedOk('nasional/a.md', {
      body: 'JAKARTA - Isi berita.\n\n![Warga di tenda pengungsian](./banjir.jpg "Pengungsian di Jakarta Utara")\n',
    });
    const asset = probed(file.photo, undefined, 'body');
    expect(parsedArticle.bodyImages).toEqual([asset]);
    expect(parsedArticle.imageAsset).toBeUndefined();
    expect(parsedArticle.dependencies).toEqual([expect.objectContaining({ file: file.photo })]);
    const picture = parse(parsedArticle.html).querySelector('picture');
    const source = picture?.querySelector('source');
    const img = picture?.querySelector('img');
    expect(source?.attributes).toEqual({
      type: 'image/webp',
      srcset: `/gambar/${asset.key}/body-480.webp 480w, /gambar/${asset.key}/body-800.webp 800w, /gambar/${asset.key}/body-1200.webp 1200w`,
      sizes: '(min-width: 800px) 768px, calc(100vw - 2rem)',
    });
    expect(img?.attributes).toEqual({
      src: `/gambar/${asset.key}/body-800.jpg`,
      srcset: `/gambar/${asset.key}/body-800.jpg 800w`,
      sizes: '(min-width: 800px) 768px, calc(100vw - 2rem)',
      alt: 'Warga di tenda pengungsian',
      title: 'Pengungsian di Jakarta Utara',
      width: '1200',
      height: '675',
      loading: 'lazy',
      decoding: 'async',
    });
    expect(parsedArticle.html).not.toContain('./banjir.jpg');
  });

  it('turns a raw <img> the editor wrote into a <picture> too, at the picture’s own size', () => {
    const parsedArticle = parsedOk('nasional/a.md', {
      body: 'JAKARTA - Isi berita.\n\nLihat <img src="./foto/sempit.png" alt="Peta genangan"> di atas.\n\n![Arsip](/images/arsip.jpg)\n',
    });
    expect(parsedArticle.bodyImages?.map((a) => [a.file, a.role])).toEqual([
      [file.narrow, 'body'],
      [file.public, 'body'],
    ]);
    const imgs = parse(parsedArticle.html).querySelectorAll('picture > img');
    expect(imgs.map((img) => [img.getAttribute('alt'), img.getAttribute('width'), img.getAttribute('height')])).toEqual(
      [
        ['Peta genangan', '600', '400'],
        ['Arsip', '800', '600'],
      ],
    );
    expect(imgs[0]?.getAttribute('src')).toMatch(/^\/gambar\/[0-9a-f]{20}\/body-600\.jpg$/);
    expect(parse(parsedArticle.html).querySelectorAll('img').length).toBe(2);
  });

  it('asks for the lead and body pictures on an allowed host in one round, then publishes the body one as a <picture>', () => {
    const leadUrl = `https://${HOST}/2024/utama.jpg`;
    const bodyUrl = `https://${HOST}/2024/tubuh.jpg`;
    const parts = { front: lead(leadUrl), body: `JAKARTA - Isi.\n\n![Banjir](${bodyUrl})\n` };
    const before = parseArticle(article('nasional/b.md', parts), { images });
    expect(before).toMatchObject({ ok: false, downloads: [leadUrl, bodyUrl] });
    expect(before.ok ? [] : before.errors.map((e) => `${e.name}:${e.position?.line ?? 0}`)).toEqual([
      'ImageNotDownloaded:6',
      'ImageNotDownloaded:12',
    ]);

    fs.mkdirSync(images.remoteDirectory, { recursive: true });
    for (const url of [leadUrl, bodyUrl]) fs.copyFileSync(file.photo, remoteImageFile(images.remoteDirectory, url));
    const after = parsedOk('nasional/b.md', parts);
    expect(after.bodyImages?.map((a) => a.file)).toEqual([remoteImageFile(images.remoteDirectory, bodyUrl)]);
    const img = parse(after.html).querySelector('picture img');
    expect(img?.getAttribute('src')).toMatch(/^\/gambar\/[0-9a-f]{20}\/body-\d+\.jpg$/);
    expect(img?.getAttribute('alt')).toBe('Banjir');
    expect(after.html).not.toContain(HOST);
  });

  it('reports every bad picture of the body at its own line and column', () => {
    const body = [
      'JAKARTA - Isi berita.',
      '',
      'Foto: ![Banjir](../../rahasia.jpg)',
      '',
      '  ![Hilang](./hilang.jpg)',
      '',
      'Grafik <img src="./grafik.svg" alt="Grafik"> dan ![Luar](https://evil.example/a.jpg)',
      '',
      '![Baik](./banjir.jpg)',
    ].join('\n');
    expect(placed('nasional/a.md', { body })).toEqual([
      'ImageInvalid content/nasional/a.md:9:7',
      'ImageNotFound content/nasional/a.md:11:3',
      'ImageUnsupported content/nasional/a.md:13:8',
      'ImageInvalid content/nasional/a.md:13:50',
    ]);
  });
});

describe('picture error messages', () => {
  it('prints a front matter picture error at the file:line:column of image.src, with its hint', () => {
    const result = parsed('nasional/grafik.md', { front: lead('./grafik.svg') });
    expect(formatErrorReport(result.ok ? [] : result.errors)).toBe(
      [
        '1 content error:',
        '',
        'content/nasional/grafik.md:6:3  Picture cannot be used [ImageUnsupported]',
        '  The picture "./grafik.svg" cannot be published: it is in SVG format; pictures must be JPEG, PNG, WebP or AVIF.',
        `  Hint: ${PHOTO_HINT}`,
        '',
        '1 content error; nothing was published.',
      ].join('\n'),
    );
  });

  it('prints a body picture error at the file:line:column of the picture, with its hint', () => {
    const result = parsed('nasional/a.md', { body: 'JAKARTA - Isi berita.\n\nFoto: ![Banjir](../../rahasia.jpg)\n' });
    expect(formatErrorReport(result.ok ? [] : result.errors)).toBe(
      [
        '1 content error:',
        '',
        'content/nasional/a.md:9:7  Picture source not usable [ImageInvalid]',
        '  The picture "../../rahasia.jpg" points outside the content folder.',
        '  Hint: Put the picture next to the article and write `./name.jpg`, or name a file under public/ as `/images/name.jpg`, or use an https: URL on a host listed in `imageHosts` (src/site.config.ts).',
        '',
        '1 content error; nothing was published.',
      ].join('\n'),
    );
  });

  it('prints a missing picture with the place it was looked for and the hint about paths', () => {
    const result = parsed('nasional/a.md', { front: lead('/images/hilang.jpg') });
    const report = formatErrorReport(result.ok ? [] : result.errors);
    expect(report).toContain('content/nasional/a.md:6:3  Picture file not found [ImageNotFound]\n');
    expect(report).toContain(`looked for at ${at('public', 'images', 'hilang.jpg')}, and there is no such file.`);
    expect(report).toContain('  Hint: Check the file name, its case and its folder:');
  });
});

describe('the parse cache and pictures', () => {
  it('misses a cached article when its lead or body picture changed, and hits while neither did', () => {
    const leadFile = at('content', 'nasional', 'cache-lead.jpg');
    const bodyFile = at('content', 'nasional', 'cache-body.png');
    fs.copyFileSync(file.photo, leadFile);
    fs.copyFileSync(file.narrow, bodyFile);
    const cacheFile = at('parse-cache', 'cache.bin');
    const withLead = article('nasional/lead.md', { front: lead('./cache-lead.jpg') });
    const withBody = article('nasional/body.md', { body: 'JAKARTA - Isi.\n\n![Peta](./cache-body.png)\n' });
    const without = article('nasional/polos.md');
    const first = openParseCache(cacheFile, 'v1');
    for (const s of [withLead, withBody, without]) first.put(s, parseArticle(s, { images }));
    first.save();

    const second = openParseCache(cacheFile, 'v1');
    const hit = second.get(withLead);
    expect(hit?.ok && hit.article.imageAsset).toEqual(probed(leadFile));
    const bodyHit = second.get(withBody);
    expect(bodyHit?.ok && bodyHit.article.bodyImages).toEqual([probed(bodyFile, undefined, 'body')]);
    expect(second.counts).toEqual({ hits: 2, misses: 0 });

    fs.utimesSync(leadFile, new Date(), new Date(Date.now() + 60_000));
    fs.appendFileSync(bodyFile, Buffer.alloc(16));
    const third = openParseCache(cacheFile, 'v1');
    expect(third.get(withLead)).toBeUndefined();
    expect(third.get(withBody)).toBeUndefined();
    expect(third.get(without)?.ok).toBe(true);
    fs.rmSync(leadFile);
    expect(third.get(withLead)).toBeUndefined();
  });
});

describe('making and publishing picture files', () => {
  let cache: string;
  let photo: ImageAsset;
  let made: number;
  const folder = (asset: ImageAsset): string => path.join(cache, asset.key);
  const mtimes = (dir: string): Record<string, number> =>
    Object.fromEntries(fs.readdirSync(dir).map((name) => [name, fs.statSync(path.join(dir, name)).mtimeMs]));

  beforeAll(async () => {
    cache = at('image-cache');
    photo = probed(file.photo);
    made = await makeVariants(cache, photo);
  });

  it('writes every planned variant, in its format and at its size, and marks the folder complete', async () => {
    const plan = planVariants(photo);
    expect(made).toBe(plan.length);
    expect(fs.readdirSync(folder(photo)).sort()).toEqual([...plan.map((v) => v.name), '.complete-lead'].sort());
    for (const v of plan) {
      const meta = await sharp(path.join(folder(photo), v.name)).metadata();
      expect([v.name, meta.format, meta.width, meta.height, meta.orientation]).toEqual([
        v.name,
        v.format,
        v.width,
        v.height,
        undefined,
      ]);
    }
    // The crop shows the source: the white rectangle at 60–85% across, 50–80% down, in the hero.
    expect(await colourAt(path.join(folder(photo), 'hero-1200.jpg'), 870, 440)).toBe('white');
  });

  it('makes nothing the second time: 0 files, none rewritten', async () => {
    const before = mtimes(folder(photo));
    expect(await makeVariants(cache, photo)).toBe(0);
    expect(mtimes(folder(photo))).toEqual(before);
  });

  it('never writes a file wider than a narrow source', async () => {
    const narrow = probed(file.narrow);
    expect(await makeVariants(cache, narrow)).toBe(8);
    const widths = await Promise.all(
      fs
        .readdirSync(folder(narrow))
        .filter((name) => !name.startsWith('.'))
        .map(async (name) => (await sharp(path.join(folder(narrow), name)).metadata()).width),
    );
    expect(Math.max(...widths)).toBe(600);
    expect(fs.existsSync(path.join(folder(narrow), 'hero-800.webp'))).toBe(false);
  });

  it('turns an EXIF-rotated photo upright before cropping: its hero is a 16:9 cut of the picture as shown', async () => {
    // Shown 900×1600: stored top (red) on the right, bottom (blue) on the left, stored left band (green) on top.
    const rotated = probed(file.rotated, { x: 0.5, y: 0 });
    await makeVariants(cache, rotated);
    const hero = path.join(folder(rotated), 'hero-900.jpg');
    const meta = await sharp(hero).metadata();
    expect([meta.width, meta.height, meta.orientation]).toEqual([900, 506, undefined]);
    expect(await colourAt(hero, 450, 40)).toBe('green');
    expect(await colourAt(hero, 225, 300)).toBe('blue');
    expect(await colourAt(hero, 675, 300)).toBe('red');
    const square = path.join(folder(rotated), '1x1.jpg');
    expect(await sharp(square).metadata()).toMatchObject({ width: 900, height: 900 });
    expect(await colourAt(square, 225, 450)).toBe('blue');
    expect(await colourAt(square, 675, 450)).toBe('red');
  });

  it('cuts thumbnails around the focal point', async () => {
    const left = probed(file.halves, { x: 0, y: 0.5 });
    const right = probed(file.halves, { x: 1, y: 0.5 });
    await makeVariants(cache, left);
    await makeVariants(cache, right);
    // Thumb crop 1200×900 of 1600×900: from x=0 (green to 800) or from x=400 (magenta from 800).
    expect(await colourAt(path.join(folder(left), 'thumb-320.jpg'), 160, 120)).toBe('green');
    expect(await colourAt(path.join(folder(right), 'thumb-320.jpg'), 160, 120)).toBe('magenta');
    expect(await colourAt(path.join(folder(left), '1x1.jpg'), 450, 450)).toBe('green');
    expect(await colourAt(path.join(folder(right), '1x1.jpg'), 450, 450)).toBe('magenta');
  });

  it('adds a body picture’s files beside the lead ones of the same photo, each role cached on its own', async () => {
    const body = probed(file.photo, undefined, 'body');
    expect(body.key).toBe(photo.key);
    expect(await makeVariants(cache, body)).toBe(4);
    expect(await makeVariants(cache, body)).toBe(0);
    expect(await makeVariants(cache, photo)).toBe(0);
    const meta = await sharp(path.join(folder(body), 'body-1200.webp')).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['webp', 1200, 675]);
  });

  it('makes a folder cut short again', async () => {
    const scratch = at('image-cache-cut');
    expect(await makeVariants(scratch, photo)).toBe(10);
    fs.rmSync(path.join(scratch, photo.key, '.complete-lead'));
    fs.rmSync(path.join(scratch, photo.key, 'hero-1200.webp'));
    expect(await makeVariants(scratch, photo)).toBe(10);
    expect((await sharp(path.join(scratch, photo.key, 'hero-1200.webp')).metadata()).width).toBe(1200);
  });

  it('counts processed and reused pictures, each key and role once', async () => {
    const fresh = at('image-cache-all');
    const narrowBody = probed(file.narrow, undefined, 'body');
    const assets = [photo, probed(file.photo), probed(file.photo, undefined, 'body'), narrowBody, narrowBody];
    expect(await makeAllVariants(fresh, assets, 3)).toEqual({ processed: 3, reused: 0, files: 10 + 4 + 3 });
    expect(await makeAllVariants(fresh, assets)).toEqual({ processed: 0, reused: 3, files: 0 });
    expect(await makeAllVariants(fresh, [])).toEqual({ processed: 0, reused: 0, files: 0 });
  });

  it('publishes each key once under gambar/<key>/, as hard links to the cache, without markers or leftovers', () => {
    const out = at('dist');
    fs.writeFileSync(path.join(folder(photo), 'hero-800.jpg.123.tmp'), 'half');
    const narrow = probed(file.narrow);
    const placedCount = publishVariants(cache, [photo.key, narrow.key, photo.key], out);
    const names = fs.readdirSync(path.join(out, 'gambar', photo.key)).sort();
    // The lead's ten files and the body's four.
    expect(names).toEqual(
      [...planVariants(photo), ...planVariants({ ...photo, role: 'body' })].map((v) => v.name).sort(),
    );
    expect(placedCount).toBe(14 + 8);
    for (const name of names) {
      const published = fs.statSync(path.join(out, 'gambar', photo.key, name));
      expect(published.ino).toBe(fs.statSync(path.join(folder(photo), name)).ino);
    }
    // Publishing again replaces the links in place.
    expect(publishVariants(cache, [narrow.key], out)).toBe(8);
    expect(fs.readdirSync(path.join(out, 'gambar', narrow.key))).toHaveLength(8);
  });
});

describe('bugs found while writing these tests (fixed)', () => {
  // src/lib/storage/image-files.ts, makeVariants: `.removeAlpha()` drops the alpha channel, so the
  // transparent pixels show whatever colour they hold, black in most PNG exports.
  it('shows the transparent parts of a PNG graphic on white, not black', async () => {
    const logo = probed(file.alpha, undefined, 'body');
    await makeVariants(at('image-cache'), logo);
    const dir = path.join(at('image-cache'), logo.key);
    expect(await colourAt(path.join(dir, 'body-400.jpg'), 200, 150)).toBe('red');
    expect(await colourAt(path.join(dir, 'body-400.jpg'), 5, 5)).toBe('white');
    expect(await colourAt(path.join(dir, 'body-400.webp'), 5, 5)).toBe('white');
  });

  // src/lib/images/variants.ts, cropFor: a 1000×1 lead picture has 16:9 and 4:3 crops 0 px high, and
  // sharp throws "Expected positive integer … for height but received 0" out of makeVariants.
  it('either refuses a 1-pixel-high lead picture or makes its files', async () => {
    const result = probeImage(file.sliver, undefined, 'lead');
    if (!result.ok) {
      expect(result.problem).toBe('unsupported');
      return;
    }
    await expect(makeVariants(at('image-cache'), result.asset)).resolves.toBeGreaterThan(0);
  });

  // src/lib/content/resolve-image.ts: the check that a picture is inside the content folder compares
  // path text only, so a symbolic link next to the article publishes a file from anywhere on the machine.
  it('refuses a picture that is a symbolic link out of the content folder', () => {
    const outside = at('di-luar');
    fs.mkdirSync(outside, { recursive: true });
    fs.copyFileSync(file.public, path.join(outside, 'pribadi.jpg'));
    fs.symlinkSync(path.join(outside, 'pribadi.jpg'), at('content', 'nasional', 'tautan.jpg'));
    expect(placed('nasional/a.md', { front: lead('./tautan.jpg') })).toEqual([
      'ImageInvalid content/nasional/a.md:6:3',
    ]);
  });
});
