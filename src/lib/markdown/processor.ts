import type { Root } from 'mdast';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';

// Frozen once: building a processor per article would dominate large builds.
const parser = unified().use(remarkParse).use(remarkGfm).freeze();
const renderer = unified().use(remarkRehype).use(rehypeStringify).freeze();

/** Parses a Markdown body (GFM) into an mdast tree; positions are relative to `markdown`. */
export function parseMarkdown(markdown: string): Root {
  return parser.parse(markdown);
}

/** Turns an mdast tree into an HTML string. Raw HTML in the Markdown is dropped. */
export function renderMarkdownTree(tree: Root): string {
  const hast = renderer.runSync(tree);
  return renderer.stringify(hast);
}
