import fs from 'node:fs';
import path from 'node:path';
import { checkSync } from 'recheck';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// Issue #16, class 3: a regular expression that backtracks super-linearly let one article with a long
// run of spaces keep the build busy for minutes. Rather than fuzz each pattern, every regex literal in
// the source is handed to recheck (a ReDoS checker that proves or refutes super-linear matching), so
// a new pattern cannot bring the class back unnoticed.

const root = path.resolve(import.meta.dirname, '../..');

interface Literal {
  readonly where: string;
  readonly source: string;
  readonly flags: string;
}

function regexLiterals(dir: string): Literal[] {
  const found: Literal[] = [];
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !/\.(ts|mjs)$/.test(entry.name)) continue;
    const file = path.join(entry.parentPath, entry.name);
    const text = fs.readFileSync(file, 'utf8');
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (ts.isRegularExpressionLiteral(node)) {
        const literal = node.text;
        const end = literal.lastIndexOf('/');
        const { line } = source.getLineAndCharacterOfPosition(node.getStart());
        found.push({
          where: `${path.relative(root, file)}:${line + 1}`,
          source: literal.slice(1, end),
          flags: literal.slice(end + 1),
        });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

describe('regular expressions in src/', () => {
  const literals = regexLiterals(path.join(root, 'src'));

  it('finds the patterns it checks', () => {
    expect(literals.length).toBeGreaterThan(40);
  });

  it('has none that backtracks super-linearly (recheck)', () => {
    const vulnerable = literals.flatMap((literal) => {
      // recheck does not model the sticky and global flags; they do not change the complexity.
      const result = checkSync(literal.source, literal.flags.replace(/[gy]/g, ''), { timeout: 10_000 });
      return result.status === 'safe'
        ? []
        : [`${literal.where}  /${literal.source}/${literal.flags}  ${result.status}`];
    });
    expect(vulnerable).toEqual([]);
  }, 120_000);
});
