import type { Element, Root as HastRoot, RootContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { Link, ListItem, Paragraph, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';

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

// A private-use character cannot come from an editor's keyboard, so the marker cannot clash with copy.
const MARK = '\uE000';

/** The text of the paragraph that stands in for block `n` until its links are resolved. */
export function bacaJugaMarker(n: number): string {
  return `${MARK}baca-juga-${n}${MARK}`;
}

/**
 * Replaces each block (label paragraph and list) with a marker paragraph, so the body can be
 * rendered before the links are resolved (once per file, cacheable) and the asides put in later
 * with {@link fillBacaJugaMarkers}.
 */
export function markBacaJugaBlocks(tree: Root, blocks: readonly BacaJugaBlock[]): void {
  // Walk backwards so earlier indices stay valid while splicing.
  for (let b = blocks.length - 1; b >= 0; b--) {
    const block = blocks[b];
    if (!block) continue;
    tree.children.splice(block.index, 2, { type: 'paragraph', children: [{ type: 'text', value: bacaJugaMarker(b) }] });
  }
}

const MARKER_TEXT = new RegExp(`^${MARK}baca-juga-(\\d+)${MARK}$`);

/**
 * Turns each marker paragraph of a sanitized tree into the comment `<!--baca-juga-N-->`. The
 * sanitizer has removed every comment an editor wrote, so the comment can only be ours, and the
 * HTML then holds no private-use character: one such character makes V8 store the whole body as
 * two-byte text, twice the memory of Latin-1 text, in every body a build holds at once and in the
 * parse cache on disk.
 */
export function commentBacaJugaMarkers(tree: HastRoot): void {
  tree.children = tree.children.map((node): RootContent => {
    const [only] = node.type === 'element' && node.tagName === 'p' && node.children.length === 1 ? node.children : [];
    const n = only?.type === 'text' ? MARKER_TEXT.exec(only.value)?.[1] : undefined;
    return n === undefined ? node : { type: 'comment', value: `baca-juga-${n}` };
  });
}

/** Puts `<aside data-related="baca-juga">` with each block's links where its marker comment was rendered. */
export function fillBacaJugaMarkers(html: string, links: readonly (readonly BacaJugaLink[])[]): string {
  return html.replace(/<!--baca-juga-(\d+)-->/g, (_, n: string) => renderBacaJuga(links[Number(n)] ?? []));
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
