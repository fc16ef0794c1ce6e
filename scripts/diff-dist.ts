// Refactoring guard (issue #21): builds the shipped content and the site test fixtures into one
// folder per content set, with a fixed clock, and compares two such snapshots file by file.
// usage: npm run diff-dist -- build <folder>       build every content set into <folder>/<name>/
//        npm run diff-dist -- compare <old> <new>  list files added, removed or changed; exit 1 if any
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
/** Content sets and the page size each is built with (small pages exercise pagination). */
const SETS: Record<string, { dir: string; pageSize?: string }> = {
  content: { dir: 'content' },
  'content-small-pages': { dir: 'content', pageSize: '5' },
  'site-basic': { dir: 'tests/fixtures/site-basic' },
  'site-pagination': { dir: 'tests/fixtures/site-pagination', pageSize: '3' },
};
/** The build's clock: scheduled articles and "latest" lists must not depend on the day it runs. */
const NOW = '2025-01-01T12:00:00+07:00';

function build(folder: string): void {
  for (const [name, set] of Object.entries(SETS)) {
    const out = path.resolve(folder, name);
    fs.rmSync(out, { recursive: true, force: true });
    const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'warta-diff-cache-'));
    const result = spawnSync(process.execPath, [path.join(root, 'node_modules/astro/bin/astro.mjs'), 'build'], {
      cwd: root,
      encoding: 'utf8',
      env: {
        ...process.env,
        ASTRO_TELEMETRY_DISABLED: '1',
        WARTA_CONTENT_DIR: path.resolve(root, set.dir),
        WARTA_OUT_DIR: out,
        WARTA_CACHE_DIR: cache,
        WARTA_NOW: NOW,
        ...(set.pageSize ? { WARTA_PAGE_SIZE: set.pageSize } : {}),
      },
    });
    fs.rmSync(cache, { recursive: true, force: true });
    if (result.status !== 0) {
      console.error(`${name}: build failed\n${result.stdout}${result.stderr}`);
      process.exit(1);
    }
    console.log(`${name}: ${files(out).length} files in ${out}`);
  }
}

function files(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

function compare(before: string, after: string): number {
  const a = new Set(files(before));
  const b = new Set(files(after));
  const changes: string[] = [];
  for (const file of a) if (!b.has(file)) changes.push(`removed  ${file}`);
  for (const file of b) if (!a.has(file)) changes.push(`added    ${file}`);
  for (const file of a) {
    if (b.has(file) && !fs.readFileSync(path.join(before, file)).equals(fs.readFileSync(path.join(after, file))))
      changes.push(`changed  ${file}`);
  }
  console.log(
    changes.length === 0 ? `identical: ${a.size} files` : `${changes.length} differences:\n${changes.join('\n')}`,
  );
  return changes.length === 0 ? 0 : 1;
}

const [command, first, second] = process.argv.slice(2);
if (command === 'build' && first) build(first);
else if (command === 'compare' && first && second) process.exit(compare(first, second));
else {
  console.error('usage: npm run diff-dist -- build <folder> | compare <old> <new>');
  process.exit(2);
}
