import type { Element, Root as HastRoot, RootContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { Link, ListItem, Paragraph, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { randomBytes } from 'node:crypto';

/** How a "Baca juga" item names its target. */
export type BacaJugaReference =
  | { kind: 'file'; path: string }
  | { kind: 'slug'; slug: string }
  | { kind: 'title'; title: string }
  | { kind: 'unsupported'; url: string };

/** One item of a "Baca juga" list, with its place in the Markdown body (1-based, body-relative). */
export interface BacaJugaItem {
  /** What the item says, as the editor wrote it. */
  readonly text: string;
  readonly reference: BacaJugaReference;
  readonly line: number;
  readonly column: number;
}

/** A "Baca juga" block: the label paragraph and the list right after it. */
export interface BacaJugaBlock {
  /** Index of the label paragraph among the root's children. */
  readonly index: number;
  readonly items: readonly BacaJugaItem[];
}

/** A resolved item: the target's slug and current title. */
export interface BacaJugaLink {
  readonly slug: string;
  readonly title: string;
}

// "Baca juga", "BACA JUGA:", "Baca Juga :" — the colon is optional. Tested on the text with its
// white space collapsed: `/^\s*baca\s+juga\s*:?\s*$/` backtracked quadratically on a label
// followed by a long run of spaces (issue #16).
const LABEL = /^baca juga ?:?$/i;
/** Longest text that can still be a label once its white space is collapsed. */
const LABEL_MAX = 64;

/** Whether a paragraph's text is a "Baca juga" label. */
export function isBacaJugaLabel(text: string): boolean {
  const collapsed = text.trim().replace(/\s+/g, ' ');
  return collapsed.length <= LABEL_MAX && LABEL.test(collapsed);
}
const ARTICLE_URL = /^(?:https?:\/\/[^/]+)?\/berita\/([^/?#]+)\/?(?:[?#].*)?$/;
const BARE_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Finds every "Baca juga" block among the top-level nodes of a Markdown tree. */
export function findBacaJugaBlocks(tree: Root): BacaJugaBlock[] {
  const blocks: BacaJugaBlock[] = [];
  const nodes = tree.children;
  for (let i = 0; i < nodes.length - 1; i++) {
    const node = nodes[i];
    const next = nodes[i + 1];
    if (node?.type !== 'paragraph' || next?.type !== 'list' || !isBacaJugaLabel(toString(node))) continue;
    blocks.push({ index: i, items: next.children.map(readItem) });
    i++;
  }
  return blocks;
}

function readItem(item: ListItem): BacaJugaItem {
  const text = toString(item).trim();
  const line = item.position?.start.line ?? 1;
  const column = item.position?.start.column ?? 1;
  return { text, reference: classify(item, text), line, column };
}

function classify(item: ListItem, text: string): BacaJugaReference {
  const paragraph = item.children[0];
  const only = paragraph?.type === 'paragraph' ? soleLink(paragraph) : undefined;
  if (!only) return { kind: 'title', title: text };
  let url = only.url.trim();
  try {
    url = decodeURI(url);
  } catch {
    // Keep the raw URL; resolution reports it if it matches nothing.
  }
  const hash = url.indexOf('#');
  const path = hash === -1 ? url : url.slice(0, hash);
  if (path.toLowerCase().endsWith('.md') && !/^[a-z]+:/i.test(url)) return { kind: 'file', path };
  const article = ARTICLE_URL.exec(url);
  if (article?.[1]) return { kind: 'slug', slug: article[1] };
  if (BARE_SLUG.test(url)) return { kind: 'slug', slug: url };
  return { kind: 'unsupported', url };
}

function soleLink(paragraph: Paragraph): Link | undefined {
  const meaningful = paragraph.children.filter((c) => !(c.type === 'text' && c.value.trim() === ''));
  const [first] = meaningful;
  return meaningful.length === 1 && first?.type === 'link' ? first : undefined;
}

// The marker paragraph that holds a block's place while the body is rendered. Its text carries a
// random token drawn once per process, so no paragraph an editor writes can pass for one.
const MARK = '\uE000';
const TOKEN = randomBytes(9).toString('base64url');
const MARKER_TEXT = new RegExp(`^${MARK}baca-juga-${TOKEN}-(\\d+)${MARK}$`);

/** The text of the paragraph that stands in for block `n` until the body is rendered. */
export function bacaJugaMarker(n: number): string {
  return `${MARK}baca-juga-${TOKEN}-${n}${MARK}`;
}

/**
 * Replaces each block (label paragraph and list) with a marker paragraph, so the body can be
 * rendered before the links are resolved (once per file, cacheable); {@link takeBacaJugaMarkers}
 * then takes the markers out of the rendered tree and {@link fillBacaJuga} puts the asides in.
 */
export function markBacaJugaBlocks(tree: Root, blocks: readonly BacaJugaBlock[]): void {
  // Walk backwards so earlier indices stay valid while splicing.
  for (let b = blocks.length - 1; b >= 0; b--) {
    const block = blocks[b];
    if (!block) continue;
    tree.children.splice(block.index, 2, { type: 'paragraph', children: [{ type: 'text', value: bacaJugaMarker(b) }] });
  }
}

/** A top-level node of a sanitized tree, or the place of "Baca juga" block `block`. */
export type BodyPart = RootContent | { readonly block: number };

/**
 * Splits a sanitized tree's top-level nodes at its marker paragraphs. The markers are found as
 * nodes, never as text in the HTML: issue #16 showed an HTML comment marker, rewritten by a string
 * replace after sanitizing, matched inside an editor's `alt` attribute and broke out of it.
 */
export function takeBacaJugaMarkers(tree: HastRoot): BodyPart[] {
  return tree.children.map((node): BodyPart => {
    const [only] = node.type === 'element' && node.tagName === 'p' && node.children.length === 1 ? node.children : [];
    const n = only?.type === 'text' ? MARKER_TEXT.exec(only.value)?.[1] : undefined;
    return n === undefined ? node : { block: Number(n) };
  });
}

/**
 * Puts `<aside data-related="baca-juga">` with block `n`'s links at offset `slots[n]` of the body,
 * where the renderer recorded its marker. The body HTML is only cut at those offsets, never searched.
 */
export function fillBacaJuga(html: string, slots: readonly number[], links: readonly (readonly BacaJugaLink[])[]): string {
  let filled = '';
  let from = 0;
  slots.forEach((at, n) => {
    filled += html.slice(from, at) + renderBacaJuga(links[n] ?? []);
    from = at;
  });
  return filled + html.slice(from);
}

/** The aside for one block: a label and a list of links titled with each target's current title. */
export function renderBacaJuga(links: readonly BacaJugaLink[]): string {
  const list: Element = {
    type: 'element',
    tagName: 'ul',
    properties: {},
    children: links.flatMap((link) => [
      { type: 'text', value: '\n' },
      {
        type: 'element',
        tagName: 'li',
        properties: {},
        children: [{ type: 'element', tagName: 'a', properties: { href: `/berita/${link.slug}/` }, children: [{ type: 'text', value: link.title }] }],
      },
    ]),
  };
  list.children.push({ type: 'text', value: '\n' });
  return toHtml({
    type: 'element',
    tagName: 'aside',
    properties: { dataRelated: 'baca-juga', ariaLabel: 'Baca juga', className: ['not-prose'] },
    children: [
      { type: 'text', value: '\n' },
      { type: 'element', tagName: 'p', properties: { className: ['baca-juga-label'] }, children: [{ type: 'text', value: 'Baca juga' }] },
      { type: 'text', value: '\n' },
      list,
      { type: 'text', value: '\n' },
    ],
  });
}
