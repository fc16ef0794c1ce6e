/**
 * A linear pre-scan of a Markdown body for nesting deeper than Warta renders (issue #16, class 3).
 *
 * Hand-written because no parser offers a depth limit: micromark took minutes on 3,000 nested
 * block quotes (each line re-checks every open container), and mdast-util-from-markdown, parse5's
 * tree adapter, rehype-sanitize and hast-util-to-html recurse once per level, so 3,000 nested
 * quotes or `<div>`s overflowed the stack. Counting the containers a line opens, and the HTML
 * elements open at each point, is enough to refuse such input before any of them runs.
 */

/** Deepest nesting of quotes, lists, emphasis or HTML elements a body may have. */
export const MAX_NESTING = 100;

/** Where the body first nests deeper than {@link MAX_NESTING}: a 1-based line of the body. */
export interface NestingProblem {
  readonly line: number;
  readonly depth: number;
}

// Elements that have no end tag, or whose end tag may be left out: they do not deepen the tree
// the way the scan counts it.
const NOT_NESTING = new Set(
  'area base br col embed hr img input link meta source track wbr p li dt dd tr td th option optgroup rb rt rp thead tbody tfoot colgroup caption'.split(
    ' ',
  ),
);

/** The first place where `markdown` nests deeper than {@link MAX_NESTING}, or undefined. */
export function checkNesting(markdown: string, max: number = MAX_NESTING): NestingProblem | undefined {
  let line = 1;
  let htmlDepth = 0;
  let lineStart = true;
  // A run of `*` or `_` opens as many emphasis levels as it has characters: 3,000 of them on each
  // side of a word overflowed the stack, or not, depending on the process's stack (issue #16).
  let delimiterRun = 0;
  for (let i = 0; i < markdown.length; i++) {
    if (lineStart) {
      lineStart = false;
      const depth = containerDepth(markdown, i);
      if (depth > max) return { line, depth };
    }
    const char = markdown.charCodeAt(i);
    delimiterRun =
      (char === 42 /* * */ || char === 95) /* _ */ && markdown.charCodeAt(i - 1) === char ? delimiterRun + 1 : 1;
    if (delimiterRun > max && (char === 42 || char === 95)) return { line, depth: delimiterRun };
    if (char === 10) {
      line++;
      lineStart = true;
    } else if (char === 60 /* < */) {
      const closing = markdown.charCodeAt(i + 1) === 47; /* / */
      const name = tagName(markdown, closing ? i + 2 : i + 1);
      if (name === '' || NOT_NESTING.has(name)) continue;
      htmlDepth = closing ? Math.max(0, htmlDepth - 1) : htmlDepth + 1;
      if (htmlDepth > max) return { line, depth: htmlDepth };
    }
  }
  return undefined;
}

/** Containers opened at the start of the line at `start`: `>` quote markers and list markers, with indentation. */
function containerDepth(text: string, start: number): number {
  let depth = 0;
  let i = start;
  for (;;) {
    let indent = 0;
    while (text[i] === ' ' || text[i] === '\t') {
      indent += text[i] === '\t' ? 4 : 1;
      i++;
    }
    const char = text[i];
    let marker = 0;
    if (char === '>') marker = 1;
    else if ((char === '-' || char === '*' || char === '+') && isBlank(text[i + 1])) marker = 1;
    else {
      let j = i;
      while (j - i < 9 && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
      if (j > i && (text[j] === '.' || text[j] === ')') && isBlank(text[j + 1])) marker = j + 1 - i;
    }
    if (marker === 0) return depth;
    // A nested list item is indented under its parent: about one level per two columns.
    depth += 1 + Math.floor(indent / 2);
    i += marker;
  }
}

function isBlank(char: string | undefined): boolean {
  return char === undefined || char === ' ' || char === '\t' || char === '\n';
}

/** The lowercase tag name starting at `start`, or '' when none starts there. */
function tagName(text: string, start: number): string {
  let end = start;
  while (end < text.length && end - start < 32) {
    const c = text.charCodeAt(end) | 32;
    const isLetter = c >= 97 && c <= 122;
    const isDigitOrDash =
      (end > start && text.charCodeAt(end) >= 48 && text.charCodeAt(end) <= 57) ||
      (end > start && text.charCodeAt(end) === 45);
    if (!isLetter && !isDigitOrDash) break;
    end++;
  }
  return text.slice(start, end).toLowerCase();
}

/**
 * Most emphasis and link markers (`*`, `_`, `~`, `[`, `]`) one paragraph may have.
 *
 * micromark matches each closing emphasis or bracket against the openers before it in the same
 * paragraph, so its time grows with the square of their count: one 160 KB paragraph of `_a_*`
 * ran for minutes (issue #16, `npm run bench:hostile`). Capping the count per paragraph makes
 * the whole body linear: measured, bodies cut into paragraphs of up to 3,000 such markers cost
 * the same per kilobyte as ordinary prose with emphasis and links. A real paragraph has a few
 * dozen; 1,000 leaves room for a long tight list of links or a table written as one block.
 */
export const MAX_INLINE_MARKERS = 1_000;

/** Where a paragraph first has more than {@link MAX_INLINE_MARKERS}: the 1-based line it starts on. */
export interface MarkerProblem {
  readonly line: number;
  readonly count: number;
}

/**
 * The first block of consecutive non-blank lines in `markdown` with more than `max` unescaped
 * emphasis and link markers, or undefined. Lines inside fenced code blocks are not counted.
 */
export function checkInlineMarkers(markdown: string, max: number = MAX_INLINE_MARKERS): MarkerProblem | undefined {
  let line = 1;
  let blockLine = 1;
  let count = 0;
  let fence = '';
  let lineStart = 0;
  for (let i = 0; i <= markdown.length; i++) {
    const char = markdown.charCodeAt(i);
    if (i < markdown.length && char !== 10) continue;
    // One whole line is markdown[lineStart, i).
    const text = markdown.slice(lineStart, i);
    const trimmed = text.trimStart();
    const opener = /^(?:`{3,}|~{3,})/.exec(trimmed)?.[0];
    if (fence !== '') {
      if (opener?.startsWith(fence)) {
        fence = '';
        blockLine = line + 1;
      }
    } else if (opener !== undefined) {
      // A fence ends the paragraph before it, as a blank line does.
      if (count > max) return { line: blockLine, count };
      count = 0;
      fence = opener;
    } else if (trimmed === '') {
      // The paragraph ends here: report it whole, so the count is the paragraph's.
      if (count > max) return { line: blockLine, count };
      count = 0;
      blockLine = line + 1;
    } else {
      count += countMarkers(text);
    }
    line++;
    lineStart = i + 1;
  }
  return count > max ? { line: blockLine, count } : undefined;
}

/** Unescaped `*`, `_`, `~`, `[` and `]` in one line. */
function countMarkers(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (char === 92 /* \ */) i++;
    else if (char === 42 || char === 95 || char === 126 || char === 91 || char === 93) count++;
  }
  return count;
}
