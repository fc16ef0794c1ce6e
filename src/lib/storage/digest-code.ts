import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * A digest of every file under `paths` (files or folders) and `salt`: names the version of the code
 * behind a cache (the parse cache, the search shards), so a change to that code empties it.
 */
export function digestCode(paths: readonly string[], salt = ''): string {
  const hash = createHash('sha1').update(salt);
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) hash.update(entry.name).update(fs.readFileSync(full));
    }
  };
  for (const p of paths) {
    if (fs.statSync(p).isDirectory()) walk(p);
    else hash.update(path.basename(p)).update(fs.readFileSync(p));
  }
  return hash.digest('hex');
}

// A module's relative imports and re-exports (`from './x.ts'`), side-effect imports
// (`import './y.ts'`) and the worker modules it starts (`new URL('./z.ts', import.meta.url)`).
// Warta's modules name each other by relative path with the extension (tsconfig's
// `allowImportingTsExtensions`), so these three forms are every edge of the graph; a match inside
// a comment only adds a file to the digest. Each pattern starts at a fixed word and never looks
// across statements, so matching stays linear (tests/security/regex-linear.test.ts).
const RELATIVE_SPECIFIERS = [
  /\bfrom\s*'(\.{1,2}\/[^']+)'/g,
  /\bimport\s*'(\.{1,2}\/[^']+)'/g,
  /\bnew URL\(\s*'(\.{1,2}\/[^']+)'/g,
];
/** `import type` and `export type` statements are erased before the code runs: not followed. */
const TYPE_ONLY = /^(?:import|export)\s+type\s/;

/** Whether the `from` at `at` in `source` ends a type-only import or export statement. */
function isTypeOnly(source: string, at: number): boolean {
  const start = Math.max(source.lastIndexOf('import', at), source.lastIndexOf('export', at));
  return start >= 0 && TYPE_ONLY.test(source.slice(start, at));
}

/** The relative specifiers `source` imports at run time. */
function relativeImports(source: string): string[] {
  const found: string[] = [];
  for (const [kind, pattern] of RELATIVE_SPECIFIERS.entries()) {
    for (const match of source.matchAll(pattern)) {
      const specifier = match[1];
      if (specifier === undefined) continue;
      if (kind === 0 && isTypeOnly(source, match.index)) continue;
      // A worker's entry is a module; other URLs (data files) are not followed.
      if (kind === 2 && !specifier.endsWith('.ts')) continue;
      found.push(specifier);
    }
  }
  return found;
}

/**
 * The files of `entries` and of every module they import, followed through relative specifiers
 * (packages are left out: the lock file names their versions). Written here rather than asked of a
 * bundler: the graph is needed before Vite starts, and reading the sources is milliseconds.
 * Throws when an import names no file, so a digest never silently misses a module.
 */
export function moduleGraph(entries: readonly string[]): string[] {
  const seen = new Set<string>();
  const visit = (file: string, from: string | undefined): void => {
    const resolved = path.resolve(file);
    if (seen.has(resolved)) return;
    if (!fs.existsSync(resolved))
      throw new Error(`${from ?? 'digestModules'} imports ${resolved}, which does not exist.`);
    seen.add(resolved);
    const source = fs.readFileSync(resolved, 'utf8');
    for (const specifier of relativeImports(source)) visit(path.resolve(path.dirname(resolved), specifier), resolved);
  };
  for (const entry of entries) visit(entry, undefined);
  return [...seen].sort();
}

/**
 * {@link digestCode} of the modules `entries` reach ({@link moduleGraph}): the version of the code
 * behind a cache, without the modules beside it that cannot change what it holds.
 */
export function digestModules(entries: readonly string[], salt = ''): string {
  return digestCode(moduleGraph(entries), salt);
}
