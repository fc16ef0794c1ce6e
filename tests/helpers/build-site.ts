import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { makeTempDir } from './temp-dir.ts';

const root = path.resolve(import.meta.dirname, '../..');
const astro = path.join(root, 'node_modules/astro/bin/astro.mjs');

/** A finished `astro build` of some content directory. */
export interface SiteBuild {
  readonly outDir: string;
  readonly status: number | null;
  /** stdout and stderr together. */
  readonly output: string;
  /** Reads an emitted file, e.g. `berita/x/index.html`. */
  read(file: string): string;
  exists(file: string): boolean;
}

/**
 * Builds the site from `contentDir` into a fresh temporary folder, exactly as `npm run build`
 * would, with WARTA_CONTENT_DIR. `env` adds variables such as WARTA_NOW, or other output and cache
 * folders (WARTA_OUT_DIR, WARTA_CACHE_DIR).
 */
export function buildSite(contentDir: string, env: Record<string, string> = {}): SiteBuild {
  const { outDir, command, options } = buildCommand(contentDir, env);
  const result = spawnSync(process.execPath, command, { ...options, encoding: 'utf8' });
  return siteBuild(outDir, result.status, `${result.stdout}${result.stderr}`);
}

/**
 * {@link buildSite} without blocking this process: for tests whose own servers must answer the
 * build (remote pictures), or that act on what it prints while it runs (`onOutput`, called with
 * everything printed so far).
 */
export async function buildSiteAsync(
  contentDir: string,
  env: Record<string, string> = {},
  onOutput?: (output: string) => void,
): Promise<SiteBuild> {
  const { outDir, command, options } = buildCommand(contentDir, env);
  const child = spawn(process.execPath, command, options);
  let output = '';
  const collect = (chunk: Buffer): void => {
    output += chunk.toString();
    onOutput?.(output);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return siteBuild(outDir, status, output);
}

function buildCommand(contentDir: string, env: Record<string, string>) {
  const work = makeTempDir('warta-build-');
  const outDir = env['WARTA_OUT_DIR'] ?? path.join(work, 'dist');
  const options = {
    cwd: root,
    env: childEnv({
      WARTA_CONTENT_DIR: path.resolve(contentDir),
      WARTA_OUT_DIR: outDir,
      WARTA_CACHE_DIR: path.join(work, 'cache'),
      ...env,
    }),
  };
  return { outDir, command: [astro, 'build'], options };
}

function siteBuild(outDir: string, status: number | null, output: string): SiteBuild {
  return {
    outDir,
    status,
    output,
    read: (file) => fs.readFileSync(path.join(outDir, file), 'utf8'),
    exists: (file) => fs.existsSync(path.join(outDir, file)),
  };
}

/** Every file under `dir`, relative, with `/` separators. */
export function listFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

/** Every file under `dir` with the SHA-256 of its bytes (`a/index.html <hex>`): compare two outputs byte for byte. */
export function digestFiles(dir: string): string[] {
  return listFiles(dir).map(
    (f) =>
      `${f} ${createHash('sha256')
        .update(fs.readFileSync(path.join(dir, f)))
        .digest('hex')}`,
  );
}

/**
 * The environment for a child `astro` process: this one's without Vitest's markers, which make
 * Astro behave as if it were embedded in a test runner (no listening dev server, test mode).
 */
export function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^(VITEST|VITEST_.*|NODE_ENV|TEST|MODE)$/.test(key)) env[key] = value;
  }
  return { ...env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', ...extra };
}

/** What a build did with its pages, from its log. */
export interface PageCounts {
  /** Every page of the new site that the build wrote or kept. */
  readonly files: number;
  /** Pages Astro rendered. */
  readonly rendered: number;
  /** Pages Astro's incremental build restored from its cache (a build through Astro's walk). */
  readonly restored: number;
  /** Pages a publish by the page plan kept in the live site without handing them to Astro. */
  readonly kept: number;
}

/**
 * The page counts of a build's log: the build logger's line (build-logger.mjs) and, for a publish by
 * the page plan, the staged output's count of the pages it kept (kept-pages.ts).
 */
export function pageCounts(output: string): PageCounts {
  const counts = /(\d+) files written: (\d+) rendered, (\d+) restored from the incremental build cache/.exec(output);
  if (!counts) throw new Error(`no count of written files in:\n${output}`);
  const [written, rendered, restored] = counts.slice(1).map(Number) as [number, number, number];
  if (rendered + restored !== written) throw new Error(`the counts do not add up: ${counts[0]}`);
  const kept = Number(/\((\d+) pages by the page plan/.exec(output)?.[1] ?? 0);
  return { files: written + kept, rendered, restored, kept };
}
