import { createHash } from 'node:crypto';
import * as fontkit from 'fontkit';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import satori, { type Font } from 'satori';
import sharp from 'sharp';

/**
 * The share image (`og:image`, WhatsApp and X previews) of an article without a photo, and the site card
 * of the front, section and tag pages: the headline, the section and the brand on the site's white and
 * red, as a national portal's card looks when it has no photo.
 *
 * The same input must give the same pixels on every machine (the JPEG is cached across builds and diffed
 * between them), so nothing may depend on the system's fonts: satori lays the text out with font files
 * shipped through npm and turns every glyph into a path, and sharp only has to rasterise shapes.
 */

export interface ShareCardInput {
  /** Headline (or site name for site cards); long headlines wrap and are cut with an ellipsis after 4 lines. */
  readonly headline: string;
  /** Section label shown above the headline, e.g. "Internasional"; for site cards the tagline. */
  readonly section: string;
  /** Brand/site name shown at the bottom, e.g. "Warta". */
  readonly brand: string;
}

/** 1200×675 (16:9) is the size WhatsApp, Facebook and X show as a large card, and the photo share JPEG's. */
export const SHARE_CARD_WIDTH = 1200;
export const SHARE_CARD_HEIGHT = 675;

/** Bumped whenever the layout, colours or encoder settings change, so every cached card's key changes. */
const TEMPLATE_VERSION = 1;

const BRAND_RED = '#b42318';
const INK = '#18181b';
const RULE = '#e4e4e7';

const SERIF = 'Source Serif 4';
const SANS = 'Inter';

/**
 * Bold only: the card uses no other weight, and each file costs parse time on the first card. Latin
 * covers Indonesian with its punctuation (— ’ “ ”); latin-ext covers names such as Erdoğan or Wałęsa.
 * The `.woff` files, because satori's font parser cannot read woff2.
 *
 * Each subset gets a family name of its own: satori keeps one file per family and weight, so a second
 * file under the same name would never be asked for the letters only it has.
 */
const FONT_FILES = [
  { name: SERIF, id: '@fontsource/source-serif-4/files/source-serif-4-latin-700-normal.woff' },
  { name: `${SERIF} Ext`, id: '@fontsource/source-serif-4/files/source-serif-4-latin-ext-700-normal.woff' },
  { name: SANS, id: '@fontsource/inter/files/inter-latin-700-normal.woff' },
  { name: `${SANS} Ext`, id: '@fontsource/inter/files/inter-latin-ext-700-normal.woff' },
] as const;

// Satori takes a family list as CSS's comma-separated string, not as an array.
const SERIF_STACK = `'${SERIF}', '${SERIF} Ext'`;
const SANS_STACK = `'${SANS}', '${SANS} Ext'`;

const require = createRequire(import.meta.url);

interface LoadedFonts {
  readonly fonts: Font[];
  /** Every code point some font has a glyph for. */
  readonly covered: ReadonlySet<number>;
}

let fontsPromise: Promise<LoadedFonts> | undefined;

/**
 * Read once per process, and the same `data` objects handed to every call: satori keeps its parse of a
 * font keyed by that object, so only the first card pays for parsing the four files.
 */
function loadFonts(): Promise<LoadedFonts> {
  fontsPromise ??= readFonts().catch((error: unknown) => {
    // A failed read (a half-finished npm install) must not poison every later card of a long-lived process.
    fontsPromise = undefined;
    throw error;
  });
  return fontsPromise;
}

async function readFonts(): Promise<LoadedFonts> {
  const files = await Promise.all(
    FONT_FILES.map(async ({ name, id }) => ({ name, data: await readFile(require.resolve(id)) })),
  );
  const covered = new Set<number>();
  for (const { data } of files) for (const codePoint of fontCodePoints(data)) covered.add(codePoint);
  const fonts = files.map(({ name, data }): Font => ({ name, data, weight: 700, style: 'normal' }));
  return { fonts, covered };
}

/**
 * The code points a font file maps to a glyph, read with fontkit. Satori draws a character no font has
 * as the font's "NO GLYPH" box, and asking `loadAdditionalAsset` for a font would need the network and
 * make the pixels depend on what it returns; so such characters (emoji, CJK, Arabic) are left out of
 * the text before layout, and this is how the card knows which ones they are.
 */
function fontCodePoints(data: Buffer): readonly number[] {
  const font = fontkit.create(data);
  if (!('characterSet' in font)) throw new Error('share card: a font file holds a collection, not one font');
  return font.characterSet;
}

let renderIdentity: string | undefined;

/**
 * What besides the input decides the pixels: the font files' bytes and the versions of the layout engine
 * and of libvips (its SVG rasteriser and JPEG encoder), so an upgrade of any of them re-renders the cards.
 */
function rendererIdentity(): string {
  if (renderIdentity === undefined) {
    const hash = createHash('sha256');
    for (const { id } of FONT_FILES)
      hash
        .update(id)
        .update('\0')
        .update(readFileSync(require.resolve(id)));
    const { version } = require('satori/package.json') as { version: string };
    hash.update(`satori@${version}\0`).update(JSON.stringify(sharp.versions));
    renderIdentity = hash.digest('hex');
  }
  return renderIdentity;
}

/**
 * Runs of white space (a headline pasted with a line break) become one space: the card's pixels and so
 * its key are the same for both spellings.
 */
function tidy(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/**
 * `text` without the characters no font can draw (see {@link woffCodePoints}). NFC first, so that an
 * "é" typed as "e" and a combining accent is kept as the one letter the fonts have.
 */
function drawable(text: string, covered: ReadonlySet<number>): string {
  let kept = '';
  for (const char of text.normalize('NFC')) {
    const codePoint = char.codePointAt(0) ?? 0;
    kept += covered.has(codePoint) ? char : ' ';
  }
  return tidy(kept);
}

/**
 * Keys already made in this process, by input. Every page whose share picture is a card asks for its
 * key (every article page older than `shareCardDays` shows its section's card), once for its page key
 * and once for the image integration's list of cards: at 100,000 articles that was 200,000 SHA-256
 * digests of about ten distinct inputs, 1.3 s of a publish's main thread. Distinct inputs are the
 * sections and the recent articles' headlines, so the map stays small.
 */
const cardKeys = new Map<string, string>();

/** Digest of everything that decides the card's pixels, for caching the JPEG across builds. */
export function shareCardKey(input: ShareCardInput): string {
  const known = JSON.stringify([input.headline, input.section, input.brand]);
  let key = cardKeys.get(known);
  if (key === undefined) {
    key = cardKeyOf(input);
    cardKeys.set(known, key);
  }
  return key;
}

function cardKeyOf(input: ShareCardInput): string {
  return createHash('sha256')
    .update(
      JSON.stringify({
        v: TEMPLATE_VERSION,
        headline: tidy(input.headline),
        section: tidy(input.section),
        brand: tidy(input.brand),
        renderer: rendererIdentity(),
      }),
    )
    .digest('hex')
    .slice(0, 32);
}

/**
 * Smaller type for longer headlines, so that a typical one (60–110 characters) fits in three or four
 * lines without the ellipsis, and only an unusually long one is cut.
 */
function headlineSize(headline: string): number {
  // After drawable() every character is a Latin letter, digit or mark of the Basic Multilingual Plane,
  // so UTF-16 units count characters.
  const length = headline.length;
  // A site card's name or a two-word headline would look lost in the space at headline size.
  if (length <= 24) return 96;
  if (length <= 60) return 72;
  if (length <= 95) return 64;
  if (length <= 130) return 56;
  return 50;
}

type Style = Record<string, string | number>;

interface Element {
  readonly type: 'div';
  readonly props: { readonly style: Style; readonly children?: string | Element[] };
}

function div(style: Style, children?: string | Element[]): Element {
  return children === undefined ? { type: 'div', props: { style } } : { type: 'div', props: { style, children } };
}

/** One line of text that ends in an ellipsis instead of running off the card. */
const SINGLE_LINE = { display: 'block', whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' };

function cardTree(headline: string, section: string, brand: string): Element {
  return div(
    {
      width: SHARE_CARD_WIDTH,
      height: SHARE_CARD_HEIGHT,
      // Satori follows CSS's content-box default: without this the padding and the bar push the
      // content past the right and bottom edges.
      boxSizing: 'border-box',
      display: 'flex',
      flexDirection: 'column',
      backgroundColor: '#ffffff',
      // The thick top bar is the site's header colour: in a feed of previews it says whose card this is.
      borderTop: `18px solid ${BRAND_RED}`,
      padding: '0 80px',
    },
    [
      div(
        {
          // Centred in the space above the footer, so a one-line headline does not leave the card's
          // lower half empty and a four-line one still has room.
          flexGrow: 1,
          display: 'flex',
          flexDirection: 'column',
          justifyContent: 'center',
          padding: '40px 0',
        },
        [
          div(
            {
              ...SINGLE_LINE,
              fontFamily: SANS_STACK,
              fontWeight: 700,
              fontSize: 26,
              lineHeight: 1.2,
              letterSpacing: 3,
              textTransform: 'uppercase',
              color: BRAND_RED,
            },
            section,
          ),
          div(
            {
              display: 'block',
              marginTop: 24,
              fontFamily: SERIF_STACK,
              fontWeight: 700,
              fontSize: headlineSize(headline),
              lineHeight: 1.15,
              color: INK,
              // A long URL or name in a headline must wrap, not push the card wider.
              wordBreak: 'break-word',
              lineClamp: 4,
            },
            headline,
          ),
        ],
      ),
      div(
        {
          display: 'flex',
          alignItems: 'center',
          height: 112,
          borderTop: `2px solid ${RULE}`,
        },
        [
          div(
            {
              ...SINGLE_LINE,
              fontFamily: SERIF_STACK,
              fontWeight: 700,
              fontSize: 44,
              lineHeight: 1.2,
              color: BRAND_RED,
            },
            brand,
          ),
        ],
      ),
    ],
  );
}

/**
 * {@link drawable} has already removed what no font can draw, so satori should never ask; should it
 * still find a glyph missing, nothing is fetched: the build has no network, and a font that one machine
 * could fetch and another not would make the same card's pixels differ.
 */
function noAdditionalAsset(): Promise<Font[]> {
  return Promise.resolve([]);
}

/** JPEG bytes, 1200×675. */
export async function renderShareCard(input: ShareCardInput): Promise<Uint8Array> {
  const { fonts, covered } = await loadFonts();
  const tree = cardTree(
    drawable(input.headline, covered),
    drawable(input.section, covered),
    drawable(input.brand, covered),
  );
  const svg = await satori(tree, {
    width: SHARE_CARD_WIDTH,
    height: SHARE_CARD_HEIGHT,
    fonts,
    loadAdditionalAsset: noAdditionalAsset,
  });
  // Full-resolution colour: with the default 4:2:0 the red letters get a pink fringe. Quality above the
  // photos' 78, since ringing shows around sharp text edges where a photo hides it. Not mozjpeg: its
  // trellis search took about 100 ms more a card for a file a fifth smaller, and only crawlers fetch it.
  return sharp(Buffer.from(svg)).jpeg({ quality: 85, chromaSubsampling: '4:4:4', progressive: true }).toBuffer();
}
