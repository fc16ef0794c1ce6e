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

// A module's relative imports and re-exports (`from './x.ts'`, `import './y.ts'`) and the worker
// modules it starts (`new URL('./z.ts', import.meta.url)`). Warta's modules name each other by
// relative path with the extension (tsconfig's `allowImportingTsExtensions`), so these three forms
// are every edge of the graph; a match inside a comment only adds a file to the digest. Type-only
// imports (`import type`, `export type`) are erased before the code runs, and are not followed.
const RELATIVE_IMPORT =
  /\b(?:import|export)(\s+type\b)?[^;']*?\bfrom\s*'(\.{1,2}\/[^']+)'|\bimport\s*'(\.{1,2}\/[^']+)'|\bnew URL\(\s*'(\.{1,2}\/[^']+\.ts)'/g;

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
    for (const match of source.matchAll(RELATIVE_IMPORT)) {
      if (match[1] !== undefined) continue;
      const specifier = match[2] ?? match[3] ?? match[4];
      if (specifier !== undefined) visit(path.resolve(path.dirname(resolved), specifier), resolved);
    }
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
