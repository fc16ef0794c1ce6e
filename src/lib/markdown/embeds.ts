import type { Element, Root } from 'hast';
import { visit, SKIP } from 'unist-util-visit';

/**
 * Removes every `<iframe>` whose `src` is not an https URL on one of `hosts`, and makes the
 * others lazy and sandboxed. Returns the removed iframes, positions included, so callers can report them.
 */
export function restrictEmbeds(tree: Root, hosts: readonly string[]): Element[] {
  const allowed = new Set(hosts.map((h) => h.toLowerCase()));
  const removed: Element[] = [];
  visit(tree, 'element', (node: Element, index, parent) => {
    if (node.tagName !== 'iframe' || !parent || index === undefined) return undefined;
    if (!allowed.has(embedHost(node))) {
      removed.push(node);
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    node.properties.loading = 'lazy';
    node.properties.sandbox = ['allow-scripts', 'allow-same-origin', 'allow-popups', 'allow-presentation'];
    node.properties.referrerPolicy = 'strict-origin-when-cross-origin';
    return undefined;
  });
  return removed;
}

/** The lower-case host of an iframe's `src` when it is an https URL, else ''. */
export function embedHost(iframe: Element): string {
  const src = iframe.properties.src;
  try {
    const url = new URL(typeof src === 'string' ? src : '');
    return url.protocol === 'https:' ? url.hostname.toLowerCase() : '';
  } catch {
    return '';
  }
}
