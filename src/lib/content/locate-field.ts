/**
 * Finds the line of a front matter field from its path (e.g. `['image', 'alt']` or
 * `['related', 2]`), by indentation. The YAML parser keeps no positions once it has built
 * values, and a top-level key scan is enough for the flat fields articles use.
 * Returns a 1-based line and column within the front matter text, or undefined.
 */
export function locateField(
  frontMatter: string,
  path: readonly PropertyKey[],
): { line: number; column: number } | undefined {
  const lines = frontMatter.split('\n');
  let from = 0;
  let indent = -1;
  let found: number | undefined;
  for (const key of path) {
    let hit: number | undefined;
    for (let i = from; i < lines.length; i++) {
      const line = lines[i] ?? '';
      if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
      const lineIndent = line.length - line.trimStart().length;
      if (found !== undefined && lineIndent <= indent && i > from) break;
      if (typeof key === 'number') {
        // Flow lists (`tags: [a, b]`) keep every item on the key's own line.
        if (found !== undefined && /:\s*\[/.test(lines[found] ?? '')) {
          hit = found;
          break;
        }
        if (/^\s*-(\s|$)/.test(line)) {
          if (itemIndex(lines, from, i, lineIndent) === key) {
            hit = i;
            break;
          }
        }
      } else if (
        new RegExp(`^\\s*["']?${escape(String(key))}["']?\\s*:`).test(line) &&
        (found === undefined || lineIndent > indent)
      ) {
        hit = i;
        indent = lineIndent;
        break;
      }
    }
    if (hit === undefined) break;
    found = hit;
    from = hit + (typeof key === 'number' ? 0 : 1);
  }
  if (found === undefined) return undefined;
  const text = lines[found] ?? '';
  return { line: found + 1, column: text.length - text.trimStart().length + 1 };
}

function itemIndex(lines: readonly string[], from: number, at: number, indent: number): number {
  let count = -1;
  for (let i = from; i <= at; i++) {
    const line = lines[i] ?? '';
    if (/^\s*-(\s|$)/.test(line) && line.length - line.trimStart().length === indent) count++;
  }
  return count;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
