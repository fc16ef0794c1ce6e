import type { Nodes, Root } from 'hast';
import rehypeRaw, { type Options } from 'rehype-raw';
import type { Plugin } from 'unified';

/** Whether the tree holds `raw` nodes: HTML an editor wrote, not yet parsed or sanitized. */
export function hasRawNodes(tree: Root): boolean {
  const stack: Nodes[] = [tree];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.type === 'raw') return true;
    // One push per child: spreading a body of 100,000 paragraphs into push() overflowed the stack.
    if ('children' in node) for (const child of node.children) stack.push(child);
  }
  return false;
}

/**
 * rehype-raw, skipped for trees without raw HTML: it re-parses the whole tree with parse5, and
 * most news bodies have no HTML, so the check pays for itself many times over.
 */
export const rehypeRawWhenNeeded: Plugin<[Options?], Root> = function (options) {
  const raw = rehypeRaw(options);
  return (tree, file) => (hasRawNodes(tree) ? raw(tree, file) : undefined);
};
