import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import {
  renderShareCard,
  SHARE_CARD_HEIGHT,
  SHARE_CARD_WIDTH,
  shareCardKey,
  type ShareCardInput,
} from '../../src/lib/images/share-card.ts';

const SAMPLE: ShareCardInput = {
  headline: 'Kirim Pesan Tahun Baru ke Kim Jong Un, Presiden Putin Harapkan Kerja Sama',
  section: 'Internasional',
  brand: 'Warta',
};

const card = (headline: string, extra: Partial<ShareCardInput> = {}): Promise<Uint8Array> =>
  renderShareCard({ ...SAMPLE, headline, ...extra });

interface Region {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/** Between the top bar and the footer's rule: where the section and the headline are drawn. */
const TEXT_AREA: Region = { left: 60, top: 40, width: 1080, height: 500 };
/** Below the footer's rule: the brand, and nothing of the headline. */
const FOOTER: Region = { left: 0, top: 570, width: SHARE_CARD_WIDTH, height: SHARE_CARD_HEIGHT - 570 };
/** The right margin, which no text may reach. */
const RIGHT_MARGIN: Region = { left: 1130, top: 30, width: 70, height: SHARE_CARD_HEIGHT - 30 };

/** Grey levels of `region`, one byte a pixel. */
function grey(jpeg: Uint8Array, region: Region): Promise<Buffer> {
  return sharp(jpeg).extract(region).greyscale().raw().toBuffer();
}

// From the pixels themselves: sharp's stats() describes the whole input, whatever extract() asks for.
async function lightness(jpeg: Uint8Array, region: Region): Promise<{ mean: number; stdev: number; min: number }> {
  const values = await grey(jpeg, region);
  let sum = 0;
  let squares = 0;
  let min = 255;
  for (const v of values) {
    sum += v;
    squares += v * v;
    min = Math.min(min, v);
  }
  const mean = sum / values.length;
  return { mean, stdev: Math.sqrt(squares / values.length - mean * mean), min };
}

/** The largest difference of grey level between two cards in `region`. */
async function largestDifference(a: Uint8Array, b: Uint8Array, region: Region): Promise<number> {
  const [pa, pb] = await Promise.all([grey(a, region), grey(b, region)]);
  let largest = 0;
  for (let i = 0; i < pa.length; i++) largest = Math.max(largest, Math.abs((pa[i] ?? 0) - (pb[i] ?? 0)));
  return largest;
}

/** How many rows there are from the first to the last that differ between two cards. */
async function changedRows(a: Uint8Array, b: Uint8Array): Promise<number> {
  const whole = { left: 0, top: 0, width: SHARE_CARD_WIDTH, height: SHARE_CARD_HEIGHT };
  const [pa, pb] = await Promise.all([grey(a, whole), grey(b, whole)]);
  let first = -1;
  let last = -1;
  for (let y = 0; y < SHARE_CARD_HEIGHT; y++)
    for (let x = 0; x < SHARE_CARD_WIDTH; x++) {
      const i = y * SHARE_CARD_WIDTH + x;
      if (Math.abs((pa[i] ?? 0) - (pb[i] ?? 0)) > 40) {
        if (first < 0) first = y;
        last = y;
        break;
      }
    }
  return first < 0 ? 0 : last - first + 1;
}

const same = (a: Uint8Array, b: Uint8Array): boolean => Buffer.from(a).equals(Buffer.from(b));

describe('renderShareCard', () => {
  it('makes a 1200×675 JPEG', async () => {
    const jpeg = await card(SAMPLE.headline);
    const meta = await sharp(jpeg).metadata();
    expect(meta.format).toBe('jpeg');
    expect([meta.width, meta.height]).toEqual([SHARE_CARD_WIDTH, SHARE_CARD_HEIGHT]);
    expect([SHARE_CARD_WIDTH, SHARE_CARD_HEIGHT]).toEqual([1200, 675]);
  });

  it('gives the same bytes for the same input, and other bytes for another headline', async () => {
    const first = await card(SAMPLE.headline);
    const second = await card(SAMPLE.headline);
    expect(same(first, second)).toBe(true);
    expect(same(first, await card('Banjir Rendam Jakarta, Ribuan Warga Mengungsi'))).toBe(false);
    expect(same(first, await card(SAMPLE.headline, { section: 'Nasional' }))).toBe(false);
    expect(same(first, await card(SAMPLE.headline, { brand: 'Kabar' }))).toBe(false);
  });

  it('draws the headline', async () => {
    const blank = await lightness(await card(''), TEXT_AREA);
    const drawn = await lightness(await card(SAMPLE.headline), TEXT_AREA);
    // A dark headline on white: the area gets darker on average and far less uniform.
    expect(drawn.mean).toBeLessThan(blank.mean - 10);
    expect(drawn.stdev).toBeGreaterThan(blank.stdev + 30);
    expect(drawn.min).toBeLessThan(60);

    const other = await card('Banjir Rendam Jakarta, Ribuan Warga Mengungsi');
    expect(await largestDifference(await card(SAMPLE.headline), other, TEXT_AREA)).toBeGreaterThan(150);
  });

  it('draws the brand in the footer', async () => {
    const withBrand = await lightness(await card(SAMPLE.headline), FOOTER);
    const without = await lightness(await card(SAMPLE.headline, { brand: '' }), FOOTER);
    expect(withBrand.stdev).toBeGreaterThan(without.stdev + 10);
  });

  it('cuts a long headline after four lines instead of running into the footer or off the card', async () => {
    // Within a tolerance rather than byte for byte, so that other encoder settings do not break the test:
    // a headline drawn into the footer would differ by far more.
    const reference = await card(SAMPLE.headline);
    const words = 'Pemerintah Umumkan Kebijakan Baru tentang Subsidi Energi dan Harga Kebutuhan Pokok '.repeat(4);
    const long = words.slice(0, 300);
    const unbroken = 'https://example.com/' + 'sangat-panjang-tanpa-spasi'.repeat(12);
    for (const headline of [long, unbroken, 'W'.repeat(300)]) {
      const jpeg = await card(headline);
      const meta = await sharp(jpeg).metadata();
      expect([meta.width, meta.height]).toEqual([SHARE_CARD_WIDTH, SHARE_CARD_HEIGHT]);
      expect(await largestDifference(jpeg, reference, FOOTER), headline).toBeLessThan(40);
      expect((await lightness(jpeg, RIGHT_MARGIN)).min, headline).toBeGreaterThan(235);
    }
  });

  it('keeps a long section and brand on one line inside the card', async () => {
    const reference = await card(SAMPLE.headline);
    const longSection = await card(SAMPLE.headline, { section: 'Internasional '.repeat(20) });
    const longBrand = await card(SAMPLE.headline, { brand: 'Warta Nusantara Raya '.repeat(10) });
    for (const jpeg of [longSection, longBrand]) {
      expect((await lightness(jpeg, RIGHT_MARGIN)).min).toBeGreaterThan(235);
      // Only the one line changes: a wrapped label would push the headline down or the brand off the card.
      expect(await changedRows(jpeg, reference)).toBeLessThanOrEqual(48);
    }
  });

  it('renders odd Unicode without throwing, leaving out what no font can draw', async () => {
    const odd = [
      'Selamat Tahun Baru 🎉🇮🇩 👨‍👩‍👧',
      '東京で地震 서울 北京',
      'مرحبا بالعالم שלום עולם',
      '\u202EAwas\u202C Zero\u200Bwidth',
      '🎉',
      ' ',
    ];
    for (const headline of odd) {
      const jpeg = await card(headline, { section: headline, brand: headline });
      expect((await sharp(jpeg).metadata()).format).toBe('jpeg');
    }
    // The emoji would be a "NO GLYPH" box; the card is the one without it.
    expect(same(await card('Selamat Tahun Baru 🎉'), await card('Selamat Tahun Baru'))).toBe(true);
    expect(same(await card('東京'), await card(''))).toBe(true);
  });

  it('draws Indonesian punctuation and Latin letters beyond ASCII', async () => {
    // The card with the character differs from the card with a space where the character was, so the
    // character was drawn (and not left out as undrawable).
    for (const [withChar, without] of [
      ['Kata Menteri — Ekonomi Tumbuh', 'Kata Menteri Ekonomi Tumbuh'],
      ['Kafe di Café Jakarta', 'Kafe di Caf Jakarta'],
      ['Presiden ’Optimistis’ Hari Ini', 'Presiden Optimistis Hari Ini'],
      ['Erdoğan Bertemu Wałęsa', 'Erdo an Bertemu Wa sa'],
    ] as const)
      expect(same(await card(withChar), await card(without)), withChar).toBe(false);
    // Letters only the latin-ext files have: were they drawn as the fonts' "NO GLYPH" box, both cards
    // would show the same box and be the same.
    expect(same(await card('Presiden Erdoğan'), await card('Presiden Erdołan'))).toBe(false);
    expect(same(await card(SAMPLE.headline, { section: 'Ğ' }), await card(SAMPLE.headline, { section: 'Ł' }))).toBe(
      false,
    );
  });

  it('treats a decomposed accent and extra white space like the plain spelling', async () => {
    expect(same(await card('Kafe di Cafe\u0301 Jakarta'), await card('Kafe di Café Jakarta'))).toBe(true);
    expect(same(await card('  Banjir\n Rendam\tJakarta '), await card('Banjir Rendam Jakarta'))).toBe(true);
  });
});

describe('shareCardKey', () => {
  it('is stable for the same input and differs when any field does', () => {
    const key = shareCardKey(SAMPLE);
    expect(key).toMatch(/^[0-9a-f]{32}$/);
    expect(shareCardKey({ ...SAMPLE })).toBe(key);
    const others = [
      shareCardKey({ ...SAMPLE, headline: `${SAMPLE.headline}!` }),
      shareCardKey({ ...SAMPLE, section: 'Nasional' }),
      shareCardKey({ ...SAMPLE, brand: 'Kabar' }),
      // The fields are kept apart: moving text from one to another is another card.
      shareCardKey({ headline: SAMPLE.section, section: SAMPLE.headline, brand: SAMPLE.brand }),
    ];
    expect(new Set([key, ...others]).size).toBe(others.length + 1);
  });

  it('keeps apart, after the first call too, inputs that only split the same text differently', () => {
    // The keys are remembered by input (1.3 s of a 100,000-article publish made the same ten digests
    // 200,000 times): asked twice, each input still gets its own card.
    const split = [
      { headline: 'Banjir', section: 'Rob Jakarta', brand: 'Warta' },
      { headline: 'Banjir Rob', section: 'Jakarta', brand: 'Warta' },
      { headline: 'Banjir","Rob', section: 'Jakarta', brand: 'Warta' },
    ];
    const first = split.map((input) => shareCardKey(input));
    expect(new Set(first).size).toBe(split.length);
    expect(split.map((input) => shareCardKey({ ...input }))).toEqual(first);
  });

  it('is the same for spellings that draw the same card', () => {
    expect(shareCardKey({ ...SAMPLE, headline: `  ${SAMPLE.headline.replaceAll(' ', '\n ')} ` })).toBe(
      shareCardKey(SAMPLE),
    );
  });
});
