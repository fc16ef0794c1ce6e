/**
 * Runs every folder in tests/fixtures/import/ through the importer:
 *   input.txt            the wire file (bytes as they are: CRLF, BOM, bad encodings...)
 *   config.json          optional: CLI options by name (category, tags, date, date-from-text,
 *                        force, ...) plus `existing`, the articles already in the content folder
 *   expected.md          the article written, for a story that imports
 *   expected-report.txt  where it goes (or the error) and every warning, as the CLI prints them
 * `UPDATE_FIXTURES=1 npx vitest run tests/import` rewrites the expected files.
 */
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatError } from '../../src/lib/errors/index.ts';
import { resolveImportOptions, type ImportOptionsInput } from '../../src/lib/wire/import-options.ts';
import { importWireStories } from '../../src/lib/wire/import-stories.ts';
import type { ExistingArticle } from '../../src/lib/wire/place-stories.ts';
import { formatWireWarning } from '../../src/lib/wire/warning.ts';

const FIXTURES = 'tests/fixtures/import';
const UPDATE = process.env['UPDATE_FIXTURES'] === '1';
// 27 December 2024, 10:15 WIB: the clock every fixture runs at.
const NOW = new Date('2024-12-27T03:15:00Z');

interface FixtureConfig extends ImportOptionsInput {
  readonly existing?: readonly { path: string; title: string; slug?: string }[];
}

/** Imports one fixture and returns the article (if any) and the report lines. */
function runFixture(name: string): { article: string | undefined; report: string; file: string } {
  const folder = join(FIXTURES, name);
  const file = `${FIXTURES}/${name}/input.txt`;
  const configPath = join(folder, 'config.json');
  const { existing = [], ...options }: FixtureConfig = existsSync(configPath)
    ? (JSON.parse(readFileSync(configPath, 'utf8')) as FixtureConfig)
    : {};
  const resolved = resolveImportOptions({ ...options, out: 'content' }, { contentDir: undefined, now: NOW });
  if (!resolved.ok) throw new Error(`${configPath}: ${resolved.problems.join('; ')}`);
  const articles: ExistingArticle[] = existing.map((entry) => ({
    path: entry.path,
    title: entry.title,
    slug: entry.slug ?? entry.path.replace(/^.*\//, '').replace(/\.md$/, ''),
  }));
  const [outcome] = importWireStories(
    [{ file, bytes: readFileSync(join(folder, 'input.txt')) }],
    articles,
    resolved.options.settings,
  );
  if (!outcome) throw new Error('no outcome');
  const lines = outcome.warnings.map(formatWireWarning);
  if (outcome.ok) {
    lines.unshift(`${outcome.placement.kind} ${outcome.placement.path}`);
    return { article: outcome.content, report: `${lines.join('\n')}\n`, file };
  }
  lines.push(formatError(outcome.error));
  return { article: undefined, report: `${lines.join('\n')}\n`, file };
}

function check(path: string, actual: string | undefined): void {
  if (UPDATE) {
    if (actual === undefined) rmSync(path, { force: true });
    else writeFileSync(path, actual);
    return;
  }
  const expected = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  expect(actual, path).toBe(expected);
}

const cases = readdirSync(FIXTURES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

describe('wire import fixtures', () => {
  it('has fixtures', () => {
    expect(cases.length).toBeGreaterThan(20);
  });

  for (const name of cases) {
    it(name, () => {
      const { article, report, file } = runFixture(name);
      check(join(FIXTURES, name, 'expected.md'), article);
      check(join(FIXTURES, name, 'expected-report.txt'), report);
      // Every failure names the input file and says how to fix it.
      if (name.startsWith('error-')) {
        expect(article).toBeUndefined();
        expect(report).toContain(file);
        expect(report).toContain('Hint: ');
      } else {
        expect(article).toBeDefined();
      }
    });
  }
});
