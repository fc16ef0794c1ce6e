import fc from 'fast-check';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { buildContent } from '../../src/lib/content/build-content.ts';
import { WartaError } from '../../src/lib/errors/index.ts';
import { parseMarkdown, parseMarkdownWithGfm } from '../../src/lib/markdown/processor.ts';
import { source } from '../helpers/article-source.ts';

const now = new Date('2025-01-01T00:00:00Z');

/** Runs a build and fails unless it returns normally with only positioned WartaErrors. */
function expectOnlyWartaErrors(files: ReturnType<typeof source>[]): void {
  let result;
  try {
    result = buildContent(files, { now });
  } catch (error) {
    throw new Error(`buildContent threw ${String(error)}`, { cause: error });
  }
  for (const error of result.errors) {
    expect(error).toBeInstanceOf(WartaError);
    expect(error.position?.file).toMatch(/^content\//);
    expect(error.hint.length).toBeGreaterThan(0);
  }
}

const markdownChars = fc.constantFrom(
  '\n',
  '\n\n',
  '- ',
  '* ',
  '[',
  ']',
  '(',
  ')',
  '.md',
  '/berita/',
  'Baca juga:',
  '#',
  '>',
  '<',
  '`',
  '|',
  '---',
  '<script>',
  'a',
  'Judul',
  ' ',
  ':',
  '"',
  '\u00a0',
  '\r\n',
);
const markdown = fc
  .array(fc.oneof(markdownChars, fc.string({ maxLength: 8 })), { maxLength: 40 })
  .map((parts) => parts.join(''));
const fieldNames = fc.constantFrom(
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
  'draft',
  'related',
  'slug',
  'extra',
);
const frontMatter = fc.dictionary(fieldNames, fc.anything({ maxDepth: 2, withDate: true, withNullPrototype: false }), {
  maxKeys: 8,
});

describe('property: the build never throws on arbitrary content', () => {
  it('arbitrary front matter values', () => {
    fc.assert(
      fc.property(frontMatter, markdown, (data, body) => {
        let fm: string;
        try {
          fm = yaml.dump(data, { skipInvalid: true });
        } catch {
          return;
        }
        expectOnlyWartaErrors([source('a.md', `---\n${fm}---\n\n${body}`)]);
      }),
      { numRuns: 300 },
    );
  });

  it('arbitrary file text and bytes', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 200 }),
          fc.uint8Array({ maxLength: 200 }).map((b) => b as Uint8Array),
        ),
        (text) => {
          expectOnlyWartaErrors([source('a.md', text)]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('valid front matter with arbitrary bodies linking each other', () => {
    const valid = (title: string, body: string): string =>
      `---\ntitle: ${JSON.stringify(title || 'T')}\ndate: 2024-12-20\ncategory: Nasional\n---\n\n${body}`;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.string({ maxLength: 20 }), markdown), { minLength: 1, maxLength: 4 }),
        (docs) => {
          expectOnlyWartaErrors(
            docs.map(([title, body], i) =>
              source(
                `d${i}.md`,
                valid(title, `Baca juga:\n\n- ${title}\n- [x](d${(i + 1) % docs.length}.md)\n\n${body}`),
              ),
            ),
          );
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('property: CommonMark fast path gives the GFM tree', () => {
  // parseMarkdown skips GFM's extensions for bodies without GFM trigger characters; if the trigger
  // list missed a construct, this finds a body where the two trees differ.
  const pieces = fc.constantFrom(
    '\n',
    '\n\n',
    '- ',
    '1. ',
    '> ',
    '# ',
    '[',
    ']',
    '(',
    ')',
    '^',
    '~',
    '~~',
    '|',
    ' | ',
    '---',
    '@',
    'a@b.id',
    'www.',
    'www.kompas.id',
    'http://',
    'https://x.id',
    'HTTPS://X.ID',
    'mailto:',
    '[ ] ',
    '[x] ',
    '*',
    '_',
    '`',
    '<',
    '>',
    '<b>',
    'kata',
    'Kata ',
    ' ',
    '\t',
    ':',
    '.',
    '\\',
  );
  const body = fc
    .array(fc.oneof(pieces, fc.string({ maxLength: 6 })), { maxLength: 50 })
    .map((parts) => parts.join(''));
  it('for a one-column table without pipes (found by the property below)', () => {
    for (const markdown of ['.\n---:', 'Harga\n:---', 'Harga\n  :-:  \nRp 5.000'])
      expect(parseMarkdown(markdown), markdown).toEqual(parseMarkdownWithGfm(markdown));
    expect(parseMarkdownWithGfm('.\n---:').children[0]?.type).toBe('table');
  });
  it('for every body', () => {
    fc.assert(
      fc.property(body, (markdown) => {
        expect(parseMarkdown(markdown)).toEqual(parseMarkdownWithGfm(markdown));
      }),
      { numRuns: 3000 },
    );
  });
});
