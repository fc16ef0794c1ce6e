import type { Element, Root as HastRoot } from 'hast';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { findBacaJugaBlocks, findStrayBacaJugaLabels } from '../../src/lib/markdown/baca-juga.ts';
import { bacaJugaMarker, stringifyWithSlots } from '../../src/lib/markdown/baca-juga-slots.ts';
import { restrictEmbeds } from '../../src/lib/markdown/embeds.ts';
import { parseMarkdown } from '../../src/lib/markdown/processor.ts';
import { rehypeEmbeds } from '../../src/lib/markdown/rehype-embeds.ts';
import { hasRawNodes, rehypeRawWhenNeeded } from '../../src/lib/markdown/rehype-raw-when-needed.ts';
import { remarkBacaJuga } from '../../src/lib/markdown/remark-baca-juga.ts';

// The pure tree functions on their own, then each plugin in a processor of its own: what the
// fixtures in tests/fixtures/markdown/ show through the whole pipeline, one piece at a time.

const body = [
  'Pembuka.',
  '',
  'Baca juga:',
  '',
  '- [Satu](satu.md)',
  '',
  '- Judul Dua',
  '',
  'Baca juga',
  '',
  'Penutup.',
].join('\n');

describe('findBacaJugaBlocks', () => {
  it('reads each item with the position of its mdast node', () => {
    const [block, ...rest] = findBacaJugaBlocks(parseMarkdown(body));
    expect(rest).toEqual([]);
    expect(block?.index).toBe(1);
    expect(block?.items).toEqual([
      { text: 'Satu', reference: { kind: 'file', path: 'satu.md' }, line: 5, column: 1 },
      { text: 'Judul Dua', reference: { kind: 'title', title: 'Judul Dua' }, line: 7, column: 1 },
    ]);
  });

  it('classifies a sole link by its URL', () => {
    const [block] = findBacaJugaBlocks(
      parseMarkdown('Baca juga:\n\n- [A](a.md#x)\n- [B](/berita/b/)\n- [C](c)\n- [D](https://x.example/)'),
    );
    expect(block?.items.map((item) => item.reference)).toEqual([
      { kind: 'file', path: 'a.md' },
      { kind: 'slug', slug: 'b' },
      { kind: 'slug', slug: 'c' },
      { kind: 'unsupported', url: 'https://x.example/' },
    ]);
  });
});

describe('findStrayBacaJugaLabels', () => {
  it('finds labels without a list after them, through emphasis, and nothing else', () => {
    const tree = parseMarkdown(
      '**Baca juga:**\n\nTeks.\n\nBaca juga: bukan label\n\nBaca juga:\n\n- item\n\n*BACA JUGA*',
    );
    expect(findStrayBacaJugaLabels(tree).map((p) => p.position?.start.line)).toEqual([1, 11]);
  });
});

describe('remarkBacaJuga', () => {
  it('replaces each block with its marker, keeps the blocks in file.data and reports stray labels at line:column', () => {
    const file = new VFile();
    const processor = unified().use(remarkParse).use(remarkBacaJuga);
    const tree = processor.runSync(processor.parse(body), file);
    expect(tree.children.map((node) => node.type)).toEqual(['paragraph', 'paragraph', 'paragraph', 'paragraph']);
    expect(tree.children[1]).toEqual({ type: 'paragraph', children: [{ type: 'text', value: bacaJugaMarker(0) }] });
    expect(file.data.bacaJuga?.map((block) => block.items.length)).toEqual([2]);
    expect(file.messages.map((m) => [m.line, m.column, m.source, m.ruleId])).toEqual([
      [9, 1, 'remark-baca-juga', 'label-without-list'],
    ]);
  });
});

/** An `<iframe>` element at `line`, as rehype-raw leaves it. */
function iframe(src: string, line: number): Element {
  const place = { start: { line, column: 1, offset: 0 }, end: { line, column: 20, offset: 19 } };
  return { type: 'element', tagName: 'iframe', properties: { src }, children: [], position: place };
}

describe('restrictEmbeds and rehypeEmbeds', () => {
  const tree = (): HastRoot => ({
    type: 'root',
    children: [
      iframe('https://ok.example/v', 1),
      { type: 'element', tagName: 'div', properties: {}, children: [iframe('https://no.example/v', 2)] },
    ],
  });

  it('removes iframes from other hosts, returns them, and sandboxes the rest', () => {
    const root = tree();
    expect(restrictEmbeds(root, ['OK.example']).map((node) => node.properties.src)).toEqual(['https://no.example/v']);
    expect(root.children[0]).toMatchObject({
      properties: { loading: 'lazy', referrerPolicy: 'strict-origin-when-cross-origin' },
    });
    expect(root.children[1]).toMatchObject({ children: [] });
  });

  it('reports each removed iframe where it stood', () => {
    const file = new VFile();
    unified()
      .use(rehypeEmbeds, { hosts: ['ok.example'] })
      .runSync(tree(), file);
    expect(file.messages.map((m) => [m.line, m.column, m.reason])).toEqual([
      [2, 1, 'Removed an <iframe> from no.example, which is not an allowed embed host'],
    ]);
  });
});

describe('rehypeRawWhenNeeded', () => {
  const toHast = (markdown: string): HastRoot =>
    unified().use(remarkRehype, { allowDangerousHtml: true }).runSync(parseMarkdown(markdown));

  it('finds raw nodes at any depth', () => {
    expect(hasRawNodes(toHast('Teks *biasa*.'))).toBe(false);
    expect(hasRawNodes(toHast('> - a <b>b</b>'))).toBe(true);
  });

  it('leaves a tree without raw HTML as it is, and parses one with it', () => {
    const plain = toHast('Teks *biasa*.');
    expect(unified().use(rehypeRawWhenNeeded).runSync(plain)).toBe(plain);
    const raw = unified().use(rehypeRawWhenNeeded).runSync(toHast('a <b>b</b>'));
    expect(JSON.stringify(raw)).not.toContain('"raw"');
  });
});

describe('stringifyWithSlots', () => {
  it('records each marker between two top-level nodes and leaves look-alikes as text', () => {
    const marker = (n: number): Element => ({
      type: 'element',
      tagName: 'p',
      properties: {},
      children: [{ type: 'text', value: bacaJugaMarker(n) }],
    });
    const alt = `<!--${bacaJugaMarker(0)}-->`;
    const root: HastRoot = {
      type: 'root',
      children: [
        { type: 'element', tagName: 'img', properties: { alt }, children: [] },
        { type: 'text', value: '\n' },
        marker(0),
        { type: 'text', value: '\n' },
        marker(1),
      ],
    };
    const { html, bacaJugaSlots } = stringifyWithSlots(root);
    expect(html).toBe(`<img alt="${alt}">\n\n`);
    expect(bacaJugaSlots).toEqual([html.indexOf('\n') + 1, html.length]);
  });
});
