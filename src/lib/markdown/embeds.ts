import type { Element, Root } from 'hast';
import { visit, SKIP } from 'unist-util-visit';

/**
 * Removes every `<iframe>` whose `src` is not an https URL on one of `hosts`, and makes the
 * others lazy and sandboxed. Returns the removed sources so callers can report them.
 */
export function restrictEmbeds(tree: Root, hosts: readonly string[]): string[] {
  const allowed = new Set(hosts.map((h) => h.toLowerCase()));
  const removed: string[] = [];
  visit(tree, 'element', (node: Element, index, parent) => {
    if (node.tagName !== 'iframe' || !parent || index === undefined) return undefined;
    const src = typeof node.properties['src'] === 'string' ? node.properties['src'] : '';
    let host = '';
    try {
      const url = new URL(src);
      if (url.protocol === 'https:') host = url.hostname.toLowerCase();
    } catch {
      host = '';
    }
    if (!allowed.has(host)) {
      removed.push(src);
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    node.properties['loading'] = 'lazy';
    node.properties['sandbox'] = ['allow-scripts', 'allow-same-origin', 'allow-popups', 'allow-presentation'];
    node.properties['referrerPolicy'] = 'strict-origin-when-cross-origin';
    return undefined;
  });
  return removed;
}
