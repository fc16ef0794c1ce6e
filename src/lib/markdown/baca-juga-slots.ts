// Where "Baca juga" blocks go in a rendered body. A body is parsed and rendered once per file (and
// cached) before its links are resolved, so each block is held by a marker paragraph while it is
// rendered, recorded as an offset in the HTML, and filled with the resolved links afterwards.
import type { Element, Root as HastRoot, RootContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { Root } from 'mdast';
import { randomBytes } from 'node:crypto';
import { articlePath } from '../routes.ts';
import type { BacaJugaBlock, BacaJugaLink } from './baca-juga.ts';

// The marker paragraph's text carries a random token drawn once per process, so no paragraph an
// editor writes can pass for one.
const MARK = '\uE000';
const TOKEN = randomBytes(9).toString('base64url');
const MARKER_TEXT = new RegExp(`^${MARK}baca-juga-${TOKEN}-(\\d+)${MARK}$`);

/** The text of the paragraph that stands in for block `n` until the body is rendered. */
export function bacaJugaMarker(n: number): string {
  return `${MARK}baca-juga-${TOKEN}-${n}${MARK}`;
}

/** Replaces each block (label paragraph and list) with the marker paragraph of its number. */
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

/** A rendered body: its HTML and where each "Baca juga" block goes. */
export interface RenderedBody {
  /** Sanitized HTML without the "Baca juga" blocks. */
  readonly html: string;
  /** Offset in `html` (UTF-16 units) of block N's place, in document order; see {@link fillBacaJuga}. */
  readonly bacaJugaSlots: readonly number[];
}

/** Serializes a sanitized tree without its marker paragraphs, recording where each one stood. */
export function stringifyWithSlots(tree: HastRoot): RenderedBody {
  // A run of nodes at a time between the markers: a root's HTML is its children's HTML joined, so
  // the offsets fall exactly between two top-level nodes, never inside a tag or an attribute.
  let html = '';
  const bacaJugaSlots: number[] = [];
  let run: RootContent[] = [];
  const flush = (): void => {
    if (run.length > 0) html += toHtml({ type: 'root', children: run });
    run = [];
  };
  for (const part of takeBacaJugaMarkers(tree)) {
    if (!('block' in part)) {
      run.push(part);
      continue;
    }
    flush();
    bacaJugaSlots[part.block] = html.length;
  }
  flush();
  return { html, bacaJugaSlots };
}

/**
 * Puts `<aside data-related="baca-juga">` with block `n`'s links at offset `slots[n]` of the body,
 * where the renderer recorded its marker. The body HTML is only cut at those offsets, never searched.
 */
export function fillBacaJuga(
  html: string,
  slots: readonly number[],
  links: readonly (readonly BacaJugaLink[])[],
): string {
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
        children: [
          {
            type: 'element',
            tagName: 'a',
            properties: { href: articlePath(link.slug) },
            children: [{ type: 'text', value: link.title }],
          },
        ],
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
      {
        type: 'element',
        tagName: 'p',
        properties: { className: ['baca-juga-label'] },
        children: [{ type: 'text', value: 'Baca juga' }],
      },
      { type: 'text', value: '\n' },
      list,
      { type: 'text', value: '\n' },
    ],
  });
}
