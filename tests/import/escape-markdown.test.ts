import fc from 'fast-check';
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { escapeLinkLabel, escapeMarkdownText } from '../../src/lib/wire/escape-markdown.ts';
import { normalizeWireText } from '../../src/lib/wire/normalize-text.ts';

const parser = unified().use(remarkParse).use(remarkGfm);
const parse = (markdown: string): Root => parser.runSync(parser.parse(markdown)) as Root;

// Characters that mean something in CommonMark or GFM, plus ordinary text.
const line = fc
  .string({
    unit: fc.constantFrom(...'ab1 0.#*_`~[]()<>!&;:-+=|\\/"\'“”é@'.split(''), 'amp;', '#x41;', 'www.', 'http://'),
    maxLength: 24,
  })
  .map((text) => normalizeWireText(text))
  .filter((text) => text !== '' && !text.includes('\n'));

describe('escapeMarkdownText', () => {
  it('renders any wire line as one paragraph with exactly that text', () => {
    fc.assert(
      fc.property(line, (text) => {
        const tree = parse(escapeMarkdownText(text));
        expect(tree.children.map((node) => node.type)).toEqual(['paragraph']);
        expect(toString(tree)).toBe(text);
      }),
      { numRuns: 400 },
    );
  });

  it('renders any headline as a plain list item under "Baca juga:"', () => {
    fc.assert(
      fc.property(line, (text) => {
        const tree = parse(`Baca juga:\n\n- ${escapeMarkdownText(text)}`);
        const list = tree.children[1];
        expect(list?.type).toBe('list');
        if (list?.type !== 'list') return;
        expect(list.children).toHaveLength(1);
        expect(list.children[0]?.checked ?? null).toBeNull();
        expect(toString(list.children[0])).toBe(text);
      }),
      { numRuns: 200 },
    );
  });

  it('keeps a link label intact', () => {
    fc.assert(
      fc.property(line, (text) => {
        const tree = parse(`- [${escapeLinkLabel(text)}](target.md)`);
        const item = tree.children[0];
        const paragraph = item?.type === 'list' ? item.children[0]?.children[0] : undefined;
        const link = paragraph?.type === 'paragraph' ? paragraph.children[0] : undefined;
        expect(link?.type).toBe('link');
        expect(toString(link)).toBe(text);
      }),
      { numRuns: 200 },
    );
  });

  it('leaves ordinary punctuation alone', () => {
    const text = 'JAKARTA - Presiden "yakin", kata KCNA (Korut): 11.000 tentara; 3.5% naik! #Tagar a < b & c \\d';
    expect(escapeMarkdownText(text)).toBe(text);
  });

  it.each([
    ['# Judul', '\\# Judul'],
    ['1. Hal', '1\\. Hal'],
    ['- butir', '\\- butir'],
    ['---', '\\---'],
    ['> kutip', '\\> kutip'],
    ['*tebal* _miring_', '\\*tebal\\* \\_miring\\_'],
    ['<b>x</b>', '\\<b>x\\</b>'],
    ['&amp;', '\\&amp;'],
    ['[a](b)', '\\[a](b)'],
  ])('escapes %j', (text, escaped) => {
    expect(escapeMarkdownText(text)).toBe(escaped);
  });
});
