import type { Root as HastRoot } from 'hast';
import type { Root } from 'mdast';
import rehypeExternalLinks from 'rehype-external-links';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { takeBacaJugaMarkers } from './baca-juga.ts';
import { restrictEmbeds } from './embeds.ts';
import { DEFAULT_EMBED_HOSTS, newsSchema } from './sanitize-schema.ts';

/** Options of {@link renderMarkdownTree}. */
export interface RenderOptions {
  /** Hosts allowed in `<iframe src>`. Default: {@link DEFAULT_EMBED_HOSTS}. */
  readonly embedHosts?: readonly string[];
}

// Frozen once: building a processor per article would dominate large builds.
const gfmParser = unified().use(remarkParse).use(remarkGfm).freeze();
const commonMarkParser = unified().use(remarkParse).freeze();

/**
 * Characters without which no GFM construct can start: tables need `|`, strikethrough `~`, footnotes
 * `[^`, task items `[ ]`/`[x]`, autolink literals `www.`, `http(s)://` or an e-mail's `@`. GFM's
 * extensions more than double micromark's time per article, and most news bodies contain none of
 * these, so such bodies go through plain CommonMark, which gives the same tree for them.
 */
const GFM_TRIGGER = /[|~@]|\[\^|\[[\s xX]\]|www\.|https?:\/\//i;
const toHast = unified().use(remarkRehype, { allowDangerousHtml: true }).freeze();
// rehype-raw re-parses the whole tree with parse5, so it runs only for bodies with raw HTML.
const raw = unified().use(rehypeRaw).freeze();
const finish = unified()
  .use(rehypeSanitize, newsSchema)
  .use(rehypeExternalLinks, { rel: ['noopener', 'noreferrer'] })
  .use(rehypeStringify)
  .freeze();

/** Parses a Markdown body (GFM) into an mdast tree; positions are relative to `markdown`. */
export function parseMarkdown(markdown: string): Root {
  return (GFM_TRIGGER.test(markdown) ? gfmParser : commonMarkParser).parse(markdown);
}

/** Always parses with every GFM extension; {@link parseMarkdown} must give the same tree. */
export function parseMarkdownWithGfm(markdown: string): Root {
  return gfmParser.parse(markdown);
}

/** Whether the tree holds raw HTML that needs parsing and sanitizing. */
function hasRawHtml(tree: Root): boolean {
  const stack: { type: string; children?: unknown[] }[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!node) break;
    if (node.type === 'html') return true;
    if (node.children) stack.push(...(node.children as { type: string; children?: unknown[] }[]));
  }
  return false;
}

/** A rendered body: its HTML and where each "Baca juga" block goes. */
export interface RenderedBody {
  /** Sanitized HTML without the "Baca juga" blocks. */
  readonly html: string;
  /** Offset in `html` (UTF-16 units) of block N's place, in document order; see `fillBacaJuga`. */
  readonly bacaJugaSlots: readonly number[];
}

/**
 * Turns an mdast tree into safe HTML: raw HTML is parsed and reduced to the news allowlist,
 * iframes are kept only from allowed hosts, external links get rel="noopener noreferrer", and
 * "Baca juga" marker paragraphs are taken out, their offsets kept for `fillBacaJuga` (baca-juga.ts).
 */
export function renderMarkdownTree(tree: Root, options: RenderOptions = {}): RenderedBody {
  let hast = toHast.runSync(tree) as HastRoot;
  if (hasRawHtml(tree)) hast = raw.runSync(hast) as HastRoot;
  hast = finish.runSync(hast) as HastRoot;
  restrictEmbeds(hast, options.embedHosts ?? DEFAULT_EMBED_HOSTS);
  // Stringified a run of nodes at a time between the markers: a root's HTML is its children's
  // HTML joined, so the offsets fall exactly between two top-level nodes.
  let html = '';
  const bacaJugaSlots: number[] = [];
  let run: HastRoot['children'] = [];
  const flush = (): void => {
    if (run.length > 0) html += finish.stringify({ type: 'root', children: run });
    run = [];
  };
  for (const part of takeBacaJugaMarkers(hast)) {
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
