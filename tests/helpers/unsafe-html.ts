import { HTMLElement, parse, type Node } from 'node-html-parser';

const DANGEROUS_URL = /^(?:javascript|vbscript|data):/i;
const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'xlink:href', 'srcdoc', 'data', 'poster', 'background'];
const FORBIDDEN_TAGS = new Set([
  'script',
  'style',
  'form',
  'input',
  'button',
  'meta',
  'base',
  'object',
  'embed',
  'link',
  'svg',
  'math',
  'frame',
  'frameset',
]);

/** Browsers ignore whitespace and control characters inside a URL scheme; so must the check. */
function normaliseUrl(value: string): string {
  // eslint-disable-next-line no-control-regex -- finding control characters is this regex's job
  return value.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
}

/**
 * Everything in an HTML fragment that could run script or leave the page: forbidden elements,
 * event-handler or style attributes, dangerous URL schemes, and iframes from other hosts.
 */
export function findUnsafeMarkup(html: string, embedHosts: readonly string[]): string[] {
  const found: string[] = [];
  const visitChildren = (parent: Node): void => {
    for (const child of parent.childNodes) if (child instanceof HTMLElement) visit(child);
  };
  const visit = (el: HTMLElement): void => {
    const tag = el.tagName.toLowerCase();
    if (FORBIDDEN_TAGS.has(tag)) found.push(`<${tag}>`);
    for (const [name, value] of Object.entries(el.attributes)) {
      const attr = name.toLowerCase();
      if (attr.startsWith('on')) found.push(`${tag}[${attr}]`);
      if (attr === 'style') found.push(`${tag}[style]`);
      if (URL_ATTRIBUTES.includes(attr) && DANGEROUS_URL.test(normaliseUrl(value)))
        found.push(`${tag}[${attr}=${value}]`);
    }
    if (tag === 'iframe') {
      const src = el.getAttribute('src') ?? '';
      let host: string;
      try {
        host = new URL(src).hostname;
      } catch {
        host = '';
      }
      if (!embedHosts.includes(host)) found.push(`iframe from "${src}"`);
    }
    visitChildren(el);
  };
  // The root that parse() returns is no element (its tagName is null): only its children are checked.
  visitChildren(parse(html, { comment: false }));
  return found;
}
