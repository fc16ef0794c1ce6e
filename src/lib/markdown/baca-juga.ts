// Finding "Baca juga" blocks in an mdast tree: pure functions, no unified, so the content layer
// can read the items (with their positions) and remark-baca-juga.ts can replace the blocks.
import type { Link, ListItem, Paragraph, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { articleSlugFromUrl } from '../routes.ts';

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
  /** How the item names its target. */
  readonly reference: BacaJugaReference;
  /** Line of the list item in the body, from its mdast position; the file line is `bodyLine + line - 1`. */
  readonly line: number;
  /** Column of the list item's marker. */
  readonly column: number;
}

/** A "Baca juga" block: the label paragraph and the list right after it. */
export interface BacaJugaBlock {
  /** Index of the label paragraph among the root's children. */
  readonly index: number;
  /** The list's items, in order. */
  readonly items: readonly BacaJugaItem[];
}

/** A resolved item: the target's slug and current title. */
export interface BacaJugaLink {
  /** The target's slug. */
  readonly slug: string;
  /** The target's headline now, not the text the editor wrote. */
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

/**
 * Label paragraphs with no list right after them: rendered as plain text, which is rarely what the
 * editor meant (links typed as a paragraph, or a blank paragraph between label and list).
 */
export function findStrayBacaJugaLabels(tree: Root): Paragraph[] {
  const stray: Paragraph[] = [];
  tree.children.forEach((node, i) => {
    // The first-letter test keeps toString off the long paragraphs that make up most bodies.
    if (node.type !== 'paragraph' || tree.children[i + 1]?.type === 'list' || !startsWithB(node)) return;
    if (isBacaJugaLabel(toString(node))) stray.push(node);
  });
  return stray;
}

/** Whether the text of `node`'s first leaf (through emphasis, strong or a link) starts with a `b`. */
function startsWithB(node: Paragraph): boolean {
  let first: Paragraph['children'][number] | undefined = node.children[0];
  while (first && 'children' in first) first = first.children[0];
  // The leaves mdast-util-to-string reads: a value (text, code, html) or an image's alt.
  const text = first === undefined ? '' : 'value' in first ? first.value : 'alt' in first ? (first.alt ?? '') : '';
  return text.trimStart().charAt(0).toLowerCase() === 'b';
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
  const slug = articleSlugFromUrl(url);
  if (slug) return { kind: 'slug', slug };
  if (BARE_SLUG.test(url)) return { kind: 'slug', slug: url };
  return { kind: 'unsupported', url };
}

function soleLink(paragraph: Paragraph): Link | undefined {
  const meaningful = paragraph.children.filter((c) => !(c.type === 'text' && c.value.trim() === ''));
  const [first] = meaningful;
  return meaningful.length === 1 && first?.type === 'link' ? first : undefined;
}

// The content layer takes the whole "Baca juga" API from this module; the filling lives beside the markers.
export { fillBacaJuga } from './baca-juga-slots.ts';
