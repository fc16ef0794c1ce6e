// Pathological article files for `npm run bench:hostile` and the fuzz suite (issue #16): each case
// makes a whole article file of about the requested size in bytes, so the time to parse it can be
// compared across sizes. Shapes that have made Markdown parsers or regexes backtrack: long runs of
// one character, deep nesting, one huge paragraph, long front matter values.

/** One pathological article shape. */
export interface HostileCase {
  readonly name: string;
  /** The article file text, about `size` bytes long. */
  readonly make: (size: number) => string;
  /** A size that is hostile but quick to parse when the code is linear (the fuzz test's size). */
  readonly moderate: number;
}

/** Default moderate size: 16 KB. Nesting cases use 3,000 levels instead. */
const MODERATE = 16 * 1024;
const LEVELS = 3_000;

const FRONT = '---\ntitle: "Uji Kasus Patologis"\ndate: 2024-12-20T10:00:00+07:00\ncategory: Nasional\n---\n\n';

/** An article whose body is `body(n)` with n chosen so the file is about `size` bytes. */
const bodyCase = (name: string, unit: number, body: (n: number) => string, moderate = MODERATE): HostileCase => ({
  name,
  make: (size) => FRONT + body(Math.max(1, Math.floor((size - FRONT.length) / unit))),
  moderate,
});

/** A nesting case: its moderate size is {@link LEVELS} levels of `unit` bytes each. */
const nestingCase = (name: string, unit: number, body: (n: number) => string): HostileCase =>
  bodyCase(name, unit, body, FRONT.length + LEVELS * unit + 32);

/** `count` repetitions of `part`. */
const times = (part: string, count: number): string => part.repeat(count);

export const HOSTILE_CASES: readonly HostileCase[] = [
  // Datelines and "Baca juga" labels followed by a run of spaces and then something that does not match.
  bodyCase('dateline "JAKARTA," + spaces', 1, (n) => `JAKARTA,${times(' ', n)}x`),
  bodyCase('dateline "JAKARTA" + spaces, no dash', 1, (n) => `JAKARTA${times(' ', n)}x`),
  bodyCase('dateline "JAKARTA, KOMPAS.com" + spaces', 1, (n) => `JAKARTA, KOMPAS.com${times(' ', n)}x`),
  bodyCase('dateline city + tabs and spaces before dash', 2, (n) => `JAKARTA${times(' \t', n)}-x`),
  bodyCase('"Baca juga" + spaces + text', 1, (n) => `Isi.\n\nBaca juga${times(' ', n)}x\n\n- Judul\n`),
  bodyCase('"Baca juga" + spaces + list', 1, (n) => `Isi.\n\nBaca juga${times(' ', n)}\n\n- Judul\n`),
  bodyCase(
    '"Baca" + spaces + "juga" + spaces + ":x"',
    1,
    (n) => `Isi.\n\nBaca${times(' ', n / 2)}juga${times(' ', n / 2)}:x\n`,
  ),
  // Long runs of one character, alone and inside a paragraph.
  bodyCase('run of "-"', 1, (n) => `Isi.\n\n${times('-', n)}\n`),
  bodyCase('run of "-" in a paragraph', 1, (n) => `Isi ${times('-', n)} akhir.\n`),
  bodyCase('run of "*"', 1, (n) => `Isi ${times('*', n)} akhir.\n`),
  bodyCase('run of "_"', 1, (n) => `Isi ${times('_', n)} akhir.\n`),
  bodyCase('run of "["', 1, (n) => `Isi ${times('[', n)} akhir.\n`),
  bodyCase('run of "]("', 2, (n) => `Isi [a${times('](', n)} akhir.\n`),
  bodyCase('run of "<"', 1, (n) => `Isi ${times('<', n)} akhir.\n`),
  bodyCase('run of "`"', 1, (n) => `Isi ${times('`', n)} akhir.\n`),
  bodyCase('backtick runs of growing length', 26, (n) =>
    Array.from({ length: n }, (_, i) => `${times('`', (i % 24) + 1)}a`).join(' '),
  ),
  bodyCase('run of "~"', 1, (n) => `Isi ${times('~', n)} akhir.\n`),
  bodyCase('run of "\\\\"', 1, (n) => `Isi ${times('\\', n)} akhir.\n`),
  bodyCase('run of "&#"', 2, (n) => `Isi ${times('&#', n)} akhir.\n`),
  bodyCase('run of "*a "', 3, (n) => `Isi ${times('*a ', n)} akhir.\n`),
  bodyCase('run of "_a_*"', 4, (n) => `Isi ${times('_a_*', n)} akhir.\n`),
  bodyCase('run of "[a]("', 4, (n) => `Isi ${times('[a](', n)} akhir.\n`),
  // The same shapes cut into paragraphs that stay under the marker cap (MAX_INLINE_MARKERS): they
  // are accepted, so they must parse in linear time.
  bodyCase('paragraphs of 330 "_a_*"', 4, (n) => times(`Isi ${times('_a_*', 330)} akhir.\n\n`, Math.ceil(n / 330))),
  bodyCase('paragraphs of 490 "[a]("', 4, (n) => times(`Isi ${times('[a](', 490)} akhir.\n\n`, Math.ceil(n / 490))),
  bodyCase('run of "![["', 3, (n) => `Isi ${times('![[', n)} akhir.\n`),
  bodyCase('run of "<a "', 3, (n) => `Isi ${times('<a ', n)} akhir.\n`),
  bodyCase('open tag with many attributes', 5, (n) => `<div ${times('a=b ', n)}>\n\nIsi.\n`),
  bodyCase('unclosed HTML comment', 1, (n) => `Isi.\n\n<!--${times('a', n)}\n`),
  bodyCase('run of "www." (GFM autolink)', 4, (n) => `Isi ${times('www.', n)} akhir.\n`),
  bodyCase('run of "a@" (GFM e-mail)', 2, (n) => `Isi ${times('a@', n)} akhir.\n`),
  bodyCase('run of "|" (GFM table)', 1, (n) => `| a | b |\n| - | - |\n| ${times('|', n)} |\n`),
  bodyCase('GFM table with many rows', 10, (n) => `| a | b |\n| - | - |\n${times('| x | y |\n', n)}`),
  // Deep nesting: depth grows with the size.
  nestingCase('nested blockquotes ">>>…"', 1, (n) => `${times('>', n)} kutipan\n`),
  nestingCase('nested blockquotes "> > …"', 2, (n) => `${times('> ', n)}kutipan\n`),
  nestingCase('nested <div>', 11, (n) => `${times('<div>', n)}isi${times('</div>', n)}\n`),
  nestingCase('nested <span>', 13, (n) => `Isi ${times('<span>', n)}isi${times('</span>', n)}\n`),
  nestingCase('nested lists "- - - …"', 2, (n) => `${times('- ', n)}butir\n`),
  nestingCase('nested ordered lists "1. 1. …"', 3, (n) => `${times('1. ', n)}butir\n`),
  nestingCase('nested emphasis', 2, (n) => `Isi ${times('*', n)}kata${times('*', n)}\n`),
  nestingCase('nested links', 14, (n) => `Isi ${times('[', n)}isi${times('](/berita/x/)', n)}\n`),
  // Plain size.
  bodyCase('one huge paragraph', 5, (n) => `JAKARTA - ${times('kata ', n)}\n`),
  bodyCase('many paragraphs', 16, (n) => `JAKARTA - Isi.\n\n${times('Paragraf biasa.\n\n', n)}`),
  bodyCase('many "Baca juga" items', 26, (n) => `Isi.\n\nBaca juga:\n\n${times('- Berita Pendamping Uji\n', n)}`),
  bodyCase(
    'many link reference definitions',
    16,
    (n) => `Isi [a][r1].\n\n${Array.from({ length: n }, (_, i) => `[r${i}]: /berita/x/`).join('\n')}\n`,
  ),
  bodyCase('control characters', 2, (n) => `Isi ${times('\u000b\u0008', n)} akhir.\n`),
  // Front matter.
  {
    name: 'long title of spaces and words',
    moderate: MODERATE,
    make: (size) =>
      `---\ntitle: "Judul${times(' ', size - 100)}x"\ndate: 2024-12-20\ncategory: Nasional\n---\n\nIsi.\n`,
  },
  {
    name: 'many tags',
    moderate: MODERATE,
    make: (size) =>
      `---\ntitle: Uji\ndate: 2024-12-20\ncategory: Nasional\ntags:\n${Array.from({ length: Math.floor(size / 14) }, (_, i) => `  - Topik ${i}`).join('\n')}\n---\n\nIsi.\n`,
  },
  {
    name: 'category of spaces',
    moderate: MODERATE,
    make: (size) => `---\ntitle: Uji\ndate: 2024-12-20\ncategory: "Kategori${times(' ', size - 100)}x"\n---\n\nIsi.\n`,
  },
];
