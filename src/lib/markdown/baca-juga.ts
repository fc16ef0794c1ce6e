import type { Link, List, ListItem, Paragraph, Root, RootContent } from 'mdast';
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

// "Baca juga", "BACA JUGA:", "Baca Juga :" — the colon is optional.
const LABEL = /^\s*baca\s+juga\s*:?\s*$/i;
const ARTICLE_URL = /^(?:https?:\/\/[^/]+)?\/berita\/([^/?#]+)\/?(?:[?#].*)?$/;
const BARE_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Finds every "Baca juga" block among the top-level nodes of a Markdown tree. */
export function findBacaJugaBlocks(tree: Root): BacaJugaBlock[] {
  const blocks: BacaJugaBlock[] = [];
  const nodes = tree.children;
  for (let i = 0; i < nodes.length - 1; i++) {
    const node = nodes[i];
    const next = nodes[i + 1];
    if (node?.type !== 'paragraph' || next?.type !== 'list' || !LABEL.test(toString(node))) continue;
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
  if (/\.md(?:#.*)?$/i.test(url) && !/^[a-z]+:/i.test(url)) return { kind: 'file', path: url.replace(/#.*$/, '') };
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

/**
 * Replaces each block (label paragraph and list) with one node that renders as
 * `<aside data-related="baca-juga">`, holding links titled with each target's current title.
 */
export function replaceBacaJugaBlocks(tree: Root, blocks: readonly BacaJugaBlock[], links: readonly (readonly BacaJugaLink[])[]): void {
  // Walk backwards so earlier indices stay valid while splicing.
  for (let b = blocks.length - 1; b >= 0; b--) {
    const block = blocks[b];
    if (!block) continue;
    tree.children.splice(block.index, 2, bacaJugaNode(links[b] ?? []));
  }
}

function bacaJugaNode(links: readonly BacaJugaLink[]): RootContent {
  const list: List = {
    type: 'list',
    ordered: false,
    spread: false,
    children: links.map((link) => ({
      type: 'listItem',
      spread: false,
      children: [{ type: 'paragraph', children: [{ type: 'link', url: `/berita/${link.slug}/`, children: [{ type: 'text', value: link.title }] }] }],
    })),
  };
  return {
    type: 'blockquote',
    data: { hName: 'aside', hProperties: { dataRelated: 'baca-juga', ariaLabel: 'Baca juga', className: ['not-prose'] } },
    children: [
      { type: 'paragraph', data: { hName: 'p', hProperties: { className: ['baca-juga-label'] } }, children: [{ type: 'text', value: 'Baca juga' }] },
      list,
    ],
  };
}
