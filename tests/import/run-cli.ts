import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { makeTempDir } from '../helpers/temp-dir.ts';

const ROOT = resolve(import.meta.dirname, '../..');
// The project pins Node 22 (type stripping) in node_modules; prefer it over whatever runs Vitest.
const PINNED_NODE = join(ROOT, 'node_modules/.bin/node');
const NODE = existsSync(PINNED_NODE) ? PINNED_NODE : process.execPath;

/** Exit status and output of one `node scripts/import.ts` run. */
export interface CliResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the import command with `args` from the repository root. */
export function runImport(args: readonly string[], env: Record<string, string> = {}): CliResult {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'WARTA_CONTENT_DIR'));
  const result = spawnSync(NODE, ['scripts/import.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...inherited, ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A new empty temporary folder, removed when the test file ends (see makeTempDir). */
export function tempDir(prefix = 'warta-import-'): string {
  return makeTempDir(prefix);
}

/** Writes `files` (name → text) into `folder` and returns their paths by name. */
export function writeFiles(folder: string, files: Record<string, string | Uint8Array>): Record<string, string> {
  const paths: Record<string, string> = {};
  for (const [name, content] of Object.entries(files)) {
    paths[name] = join(folder, name);
    writeFileSync(join(folder, name), content);
  }
  return paths;
}

/** Names of the files in `folder`, sorted. */
export function listNames(folder: string): string[] {
  return existsSync(folder) ? readdirSync(folder).sort() : [];
}

/** A minimal valid article with `title`, as a target for "Baca juga" links. */
export function article(title: string): string {
  return `---\ntitle: ${JSON.stringify(title)}\ndate: 2024-12-26T08:00:00+07:00\ncategory: Internasional\n---\n\nIsi berita.\n`;
}
