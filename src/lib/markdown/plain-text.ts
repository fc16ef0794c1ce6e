import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';

// Inline HTML (`<b>`, `<img onerror=…>`) is markup, not text: a summary or search record that kept
// it showed the tags as text on list pages and put live-looking HTML into RSS (issue #16, class 7).
const TEXT_ONLY = { includeHtml: false } as const;

/** Words per minute used for the "N menit baca" estimate (Indonesian news prose). */
export const WORDS_PER_MINUTE = 200;

/** Plain text of the top-level nodes, skipping those at `skip` indices, one paragraph per line. */
export function plainText(tree: Root, skip: ReadonlySet<number> = new Set()): string {
  const parts: string[] = [];
  tree.children.forEach((node, i) => {
    if (!skip.has(i) && node.type !== 'html' && node.type !== 'code') parts.push(toString(node, TEXT_ONLY));
  });
  return parts.join('\n');
}

/** Plain text of the first paragraph, or undefined when the body has none. */
export function firstParagraphText(tree: Root): string | undefined {
  const first = tree.children.find((node) => node.type === 'paragraph');
  return first ? toString(first, TEXT_ONLY).replace(/\s+/g, ' ').trim() : undefined;
}

/** Number of words in `text`. */
export function countWords(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** Reading time in whole minutes, at least 1. */
export function readingMinutes(words: number): number {
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}
