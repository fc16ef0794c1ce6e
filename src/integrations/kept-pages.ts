import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isSameFile } from '../lib/storage/same-file.ts';

/**
 * Lets a publish leave the previous site's unchanged pages where they are, instead of copying them
 * into the new site (issue #20).
 *
 * Astro's incremental build (`experimental.incrementalBuild`) restores a page whose `cacheKey` did
 * not change by copying its copy from `<cacheDir>/dist/` into the output folder. At 100,000 articles
 * that is 125,000 copies (and as many folders) on every publish, most of the 47–58 s Astro spent on
 * a publish that rendered 35 pages, plus, with the staging folder, the deletion of as many old files
 * afterwards. Astro has no option for it, so this replaces three methods of its cache class (the
 * reason this file reaches into `astro/dist/`; the version is pinned in package.json, and
 * {@link installKeptPages} checks the methods are there and otherwise leaves Astro as it is):
 *
 * - `writeOutputFile`, after a page is rendered into the staging folder, makes the cache copy a hard
 *   link of that file (written under a temporary name and renamed, never over an existing file, so a
 *   page of the live site, which may share the file, is never written in place);
 * - `restoreOutputFile` keeps the page in the live site when that file is the cache copy itself
 *   (same device and inode: the file this cache entry was made from, so it is the page Astro would
 *   restore), and records it; otherwise it hard-links the cache copy into the staging folder (a copy
 *   only where links fail), half the cost of a copy here;
 * - `deleteOutputFile` also records the pages the new site no longer has.
 *
 * The search index keeps its unchanged shards the same way ({@link keepInLiveSite}). The
 * staged-output integration then moves the staging folder's files into the live site around what
 * was kept (see `mergeInto` there).
 */

interface CacheSettings {
  readonly config: { readonly cacheDir: URL; readonly outDir: URL };
}

interface IncrementalCache {
  restoreOutputFile(settings: CacheSettings, outputFile: string, destination: URL): Promise<boolean>;
  writeOutputFile(settings: CacheSettings, outputFile: string, body: string | Uint8Array): Promise<void>;
  // A property, not a method: the original is kept and called with the cache as `this`.
  deleteOutputFile: (this: IncrementalCache, settings: CacheSettings, outputFile: string) => Promise<void>;
}

const state = {
  /** The live site's folder, whose unchanged pages stay; undefined when there is none to keep. */
  live: undefined as string | undefined,
  /** Output files (relative paths, `/`-separated) kept in the live site. */
  kept: new Set<string>(),
  /** Output files of the previous build that this one no longer makes. */
  removed: new Set<string>(),
};

/** Starts a build that may keep the pages of the site in `live` (a folder, or undefined for none). */
export function keepPagesOf(live: string | undefined): void {
  state.live = live;
  state.kept.clear();
  state.removed.clear();
}

/** The live site this build may keep files of (its folder), or undefined. */
export function liveSite(): string | undefined {
  return state.live;
}

/**
 * Notes that the site being built keeps `file` (a file or folder, relative to the output folder) of the
 * live site, as the search index keeps its unchanged shards. Only while {@link liveSite} is set.
 */
export function keepInLiveSite(file: string): void {
  if (state.live === undefined) throw new Error(`Cannot keep ${file}: this build has no live site to keep it in.`);
  state.kept.add(file);
}

/** The files and folders this build kept in the live site (relative paths). */
export function keptPages(): ReadonlySet<string> {
  return state.kept;
}

/** The pages of the previous build this one no longer makes (relative paths). */
export function removedPages(): ReadonlySet<string> {
  return state.removed;
}

/** Whether the site being built has `file` (relative to the output folder): written, or kept. */
export function siteHasFile(outDir: string, file: string): boolean {
  return state.kept.has(file) || fs.existsSync(path.join(outDir, file));
}

let installed: boolean | undefined;

/**
 * Replaces the three methods of Astro's incremental build cache (once per process). Returns false,
 * changing nothing, when Astro's cache class is not the one this was written for.
 */
export async function installKeptPages(): Promise<boolean> {
  if (installed !== undefined) return installed;
  const require = createRequire(import.meta.url);
  const astroRoot = path.dirname(require.resolve('astro/package.json'));
  let proto: IncrementalCache | undefined;
  try {
    // The very module Astro's build imports (same file, so the same class).
    const module = (await import(pathToFileURL(path.join(astroRoot, 'dist/core/build/incremental.js')).href)) as {
      IncrementalBuildCache?: { prototype: IncrementalCache };
    };
    proto = module.IncrementalBuildCache?.prototype;
  } catch {
    proto = undefined;
  }
  const usable =
    proto !== undefined &&
    typeof proto.restoreOutputFile === 'function' &&
    proto.restoreOutputFile.length === 3 &&
    typeof proto.writeOutputFile === 'function' &&
    proto.writeOutputFile.length === 3 &&
    typeof proto.deleteOutputFile === 'function' &&
    proto.deleteOutputFile.length === 2;
  installed = usable;
  if (!usable || !proto) return false;
  const originalDelete = proto.deleteOutputFile;

  // Folders made so far, as Astro's own method keeps them: a cold build writes 125,000 pages.
  const madeFolders = new Set<string>();
  proto.writeOutputFile = async function (settings, outputFile, body) {
    const cached = cachedFile(settings, outputFile);
    const temporary = `${cached}.tmp-${process.pid}`;
    const folder = path.dirname(cached);
    if (!madeFolders.has(folder)) {
      await fs.promises.mkdir(folder, { recursive: true });
      madeFolders.add(folder);
    }
    // Astro has just written this page into the output folder, with the same body.
    const staged = fileURLToPath(new URL(outputFile, settings.config.outDir));
    try {
      await fs.promises.link(staged, temporary);
    } catch {
      // A temporary file left by a stopped build (never written into: it may share a live page's
      // file), a folder deleted since it was made, or a file system without links.
      await fs.promises.rm(temporary, { force: true });
      await fs.promises.mkdir(folder, { recursive: true });
      try {
        await fs.promises.link(staged, temporary);
      } catch {
        await fs.promises.writeFile(temporary, body);
      }
    }
    await fs.promises.rename(temporary, cached);
  };

  proto.restoreOutputFile = async function (settings, outputFile, destination) {
    const cached = cachedFile(settings, outputFile);
    const relative = relativeFile(outputFile);
    if (state.live !== undefined && isSameFile(cached, path.join(state.live, relative))) {
      state.kept.add(relative);
      return true;
    }
    const target = fileURLToPath(destination);
    try {
      await fs.promises.mkdir(path.dirname(target), { recursive: true });
      await fs.promises.link(cached, target);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return false;
      try {
        await fs.promises.copyFile(cached, target);
      } catch {
        return false;
      }
    }
    return true;
  };

  proto.deleteOutputFile = async function (settings, outputFile) {
    state.removed.add(relativeFile(outputFile));
    await originalDelete.call(this, settings, outputFile);
  };
  return true;
}

function cachedFile(settings: CacheSettings, outputFile: string): string {
  return fileURLToPath(new URL(outputFile, new URL('dist/', settings.config.cacheDir)));
}

/** An output file as Astro names it (a URL path relative to the output folder) as a plain relative path. */
function relativeFile(outputFile: string): string {
  return fileURLToPath(new URL(outputFile, 'file:///')).slice(1).split(path.sep).join('/');
}
