import type { Root } from 'mdast';

// "JAKARTA - ", "JAKARTA, KOMPAS.com - ", "KUALA LUMPUR — ": an upper-case city, an optional
// agency after a comma, then a dash. Upper case only, so an ordinary sentence with a dash is
// never taken for a dateline.
// Every run of white space before the dash is bounded: with `\s*` and `\s+` a lead such as
// "JAKARTA," followed by thousands of spaces backtracked quadratically (issue #16), and no real
// dateline has more than a few spaces there.
const DATELINE = /^([A-Z][A-Z.'’ ]{1,40}?[A-Z.])(?:\s{0,4},\s{0,4}[^-–—\n]{1,40}?)?\s{1,4}[-–—]\s+/;

/** The dateline city at the start of `text`, e.g. `JAKARTA`, or undefined. */
export function readDateline(text: string): string | undefined {
  return DATELINE.exec(text)?.[1];
}

/** The lead paragraph's first text, if the body starts with a paragraph of text. */
export function leadText(tree: Root): string | undefined {
  const first = tree.children[0];
  if (first?.type !== 'paragraph') return undefined;
  const text = first.children[0];
  return text?.type === 'text' ? text.value : undefined;
}

/**
 * Wraps the lead's dateline prefix (`JAKARTA -` or `JAKARTA, KOMPAS.com -`) in
 * `<span class="dateline">` so it can be styled; the text itself is unchanged.
 */
export function markDateline(tree: Root): void {
  const first = tree.children[0];
  if (first?.type !== 'paragraph') return;
  const text = first.children[0];
  if (text?.type !== 'text') return;
  const match = DATELINE.exec(text.value);
  if (!match) return;
  const prefix = match[0].trimEnd();
  first.children.splice(
    0,
    1,
    {
      type: 'emphasis',
      data: { hName: 'span', hProperties: { className: ['dateline'] } },
      children: [{ type: 'text', value: prefix }],
    },
    { type: 'text', value: text.value.slice(prefix.length) },
  );
}

/** `text` without its leading dateline. */
export function stripDateline(text: string): string {
  const match = DATELINE.exec(text);
  return match ? text.slice(match[0].length) : text;
}
