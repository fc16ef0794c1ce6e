import type { AstroIntegration } from 'astro';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { quietError } from './build-errors.ts';
import {
  bringAstroManifestInLine,
  cacheRenderedByPlan,
  installKeptPages,
  keepPagesOf,
  keptByPlanCount,
  keptByRoutesCount,
  keptPages,
  removedPages,
  savePagePlan,
  startPagePlan,
} from './kept-pages.ts';
import { buildSettings } from '../data/build-context.ts';
import { digestCode } from '../lib/storage/digest-code.ts';
import {
  cleanUpAfterExit,
  finishFailedBuild,
  markFailedBuild,
  removeFailedBuild,
  type FailedBuild,
} from './failed-build.ts';
import { acquireBuildLock, isRunning } from '../lib/storage/build-lock.ts';

/**
 * Makes the output folder (`dist/`, or WARTA_OUT_DIR) only ever hold a complete build.
 *
 * Astro empties the output folder and then writes pages into it one by one, so a build that failed
 * while pages rendered, or at the search step, left part of a new site there and none of the old
 * one. For `astro build` this integration points Astro at a staging folder beside the output folder
 * instead (`<outDir>.staging-<pid>-<n>`: same parent, so same file system, so a rename). In the last
 * `astro:build:done` hook, once every other integration's build work (Warta's page check, the
 * search index, the sitemaps) has succeeded, the new site goes live:
 *
 * - a publish, which left the live site's unchanged pages and search shards where they were
 *   (kept-pages.ts), moves the staging folder's files in around them ({@link mergeInto});
 * - a first or full build swaps the whole folder in: output folder → `<outDir>.old-<pid>`, staging
 *   folder → output folder ({@link swapIn}).
 *
 * What either replaces is renamed `<outDir>.trash-<pid>-<n>` and deleted in a process of its own (see
 * {@link deleteInBackground}). A failed build's staging folder is deleted by a process of its own
 * once the build's process has ended, which holds the build lock until then (failed-build.ts); one
 * killed outright leaves it behind, and the next build deletes it. `astro dev` and `astro
 * preview` keep using the real output folder. It must be the last integration with an
 * `astro:build:done` hook (checked in `astro:config:done`).
 */
export function stagedOutput(): AstroIntegration {
  let target = '';
  let staging = '';
  let cacheDir = '';
  let startedAt = 0;
  let swapped = false;
  let pendingRemovals: string[] = [];
  let releaseLock: (() => void) | undefined;

  let lockFile = '';

  /** Ends this build's hold on the output folder: `exiting` when the process exits, else published or abandoned. */
  const finish = (exiting: boolean): void => {
    process.off('exit', onExit);
    if (abandonCurrentBuild === abandon) abandonCurrentBuild = undefined;
    if (swapped || !staging) {
      releaseLock?.();
      return;
    }
    // The build failed (or was stopped): its half-written site goes, the previous one stays.
    const failed: FailedBuild = { staging, cacheDir: cacheDir || undefined, since: startedAt };
    if (exiting) {
      // Pages still being written would make it again (failed-build.ts): another process cleans up
      // once this one has ended, so the exit does not wait for the deletion of a large half-built site.
      if (cleanUpAfterExit(failed, lockFile)) return;
      removeFailedBuild(failed);
    } else {
      // The publish server goes on. Pages still being written cannot land in the next build's staging
      // folder (a name of its own), and the page copies they leave in the cache are the failed build's
      // still: the note stays until the next build has deleted them (finishFailedBuild).
      removeFailedBuild(failed);
      markFailedBuild(failed);
    }
    releaseLock?.();
  };
  const onExit = (): void => finish(true);
  const abandon = (): void => finish(false);

  return {
    name: 'warta-staged-output',
    hooks: {
      'astro:config:setup': async ({ command, config, updateConfig, logger }) => {
        if (command !== 'build' || staging) return;
        // One build of a checkout at a time: a second publish waits for the first (build-lock.ts).
        lockFile = fileURLToPath(new URL('.astro/warta-build.lock', config.root));
        releaseLock = await acquireBuildLock(lockFile, {
          onWait: (holder) =>
            logger.info(`Waiting for another build of this site (process ${holder}) to finish before this one starts…`),
        });
        startedAt = Date.now();
        target = path.resolve(fileURLToPath(config.outDir));
        const root = path.resolve(fileURLToPath(config.root));
        // Astro refuses an output folder that is the project itself; swapping one that holds the
        // project would delete it with the old site.
        if (target === path.parse(target).root || root === target || root.startsWith(`${target}${path.sep}`)) {
          throw quietError(
            `The output folder ${target} holds the project (${root}); a build would replace it.`,
            'Build into a folder such as dist (WARTA_OUT_DIR).',
          );
        }
        // A name of its own for each build of the process: pages a failed build of the publish server
        // was still writing cannot land in the next one's site.
        builds += 1;
        staging = `${target}.staging-${process.pid}-${builds}`;
        // A failed build whose cleanup did not run (or, in the publish server, could not be complete).
        finishFailedBuild(fileURLToPath(config.cacheDir));
        const restored = cleanUpStaleFolders(target);
        // The live site's unchanged pages stay where they are (kept-pages.ts); without it, every page
        // is copied into the staging folder and the folders are swapped, as for a first build.
        const live = fs.statSync(target, { throwIfNoEntry: false })?.isDirectory() ? target : undefined;
        keepPagesOf((await installKeptPages()) ? live : undefined);
        // A publish with the code and settings of the previous build renders only the pages whose key
        // changed, without Astro's walk of every path (kept-pages.ts, the page plan).
        const pagePlan = startPagePlan(fileURLToPath(config.cacheDir), codeVersion(root));
        if (pagePlan.byPlan) updateConfig({ experimental: { incrementalBuild: false } });
        else bringAstroManifestInLine();
        logger.info(
          pagePlan.byPlan
            ? 'Publishing by the page plan: only the pages whose data changed are rendered.'
            : `Every page goes through Astro's incremental build: ${pagePlan.why}.`,
        );
        if (restored)
          logger.warn(`${restored} (a build was stopped while it replaced ${target}) was moved back to ${target}.`);
        fs.rmSync(staging, { recursive: true, force: true });
        const outDir = pathToFileURL(`${staging}${path.sep}`);
        // build.client and build.server are resolved against the output folder once, when the config
        // is read; they follow it here so nothing of a static build is written outside the staging folder.
        updateConfig({ outDir, build: { client: new URL('client/', outDir), server: new URL('server/', outDir) } });
        // Before the build lock's own exit handler, which would release the lock first (finish hands it on).
        process.prependOnceListener('exit', onExit);
        abandonCurrentBuild = abandon;
      },
      'astro:config:done': ({ config }) => {
        cacheDir = fileURLToPath(config.cacheDir);
        pendingRemovals = readPendingRemovals(cacheDir);
        const withBuildDone = config.integrations.filter((i) => i.hooks['astro:build:done']);
        if (withBuildDone.at(-1)?.name !== 'warta-staged-output') {
          throw quietError(
            `The integration warta-staged-output must come after every integration with an astro:build:done hook ` +
              `(last now: ${withBuildDone.at(-1)?.name ?? 'none'}); otherwise a failure in one of them would leave a half-built site published.`,
            'Move stagedOutput() to the end of `integrations` in astro.config.mjs.',
          );
        }
      },
      'astro:build:done': ({ dir, logger }) => {
        if (!staging) return;
        if (path.resolve(fileURLToPath(dir)) !== path.resolve(staging)) {
          throw quietError(
            `Astro built into ${fileURLToPath(dir)}, not the staging folder ${staging}; nothing was published.`,
            'Report this as a Warta bug.',
          );
        }
        let warning: string | undefined;
        let merged: MergeCounts | undefined;
        try {
          // Before either way in: a publish by the plan that kept nothing is swapped in whole.
          cacheRenderedByPlan(staging);
          if (keptPages().size > 0 && fs.existsSync(target)) {
            merged = mergeInto(staging, target, keptPages(), [...removedPages(), ...pendingRemovals], cacheDir);
          } else {
            warning = swapIn(staging, target);
            forgetPendingRemovals(cacheDir);
          }
        } catch (error) {
          throw quietError(
            `The finished build in ${staging} could not replace ${target}: ${(error as Error).message}. The previous site was left as it was.`,
            'Check that the output folder and its parent are writable, then build again.',
            error,
          );
        }
        swapped = true;
        // The build is live: what a failure would clean up is gone, and the next build may start (the
        // publish server's, or another process's) once the page plan is written, which the publish
        // server does after its publish has ended (savePagePlan): the lock goes with that write.
        const release = releaseLock;
        releaseLock = undefined;
        finish(false);
        savePagePlan(() => release?.());
        logger.info(
          merged
            ? `Published the build into ${target}: ${merged.added} files or folders added, ${merged.replaced} replaced, ${merged.removed} removed; ${keptPages().size} unchanged pages and search shards kept in place` +
                (keptByPlanCount() > 0
                  ? ` (${keptByPlanCount()} pages by the page plan, ${keptByRoutesCount()} of them before Astro made their paths).`
                  : '.')
            : `Published the complete build to ${target}.`,
        );
        if (warning) logger.warn(warning);
      },
    },
  };
}

/** The cleanup of the build under way in this process, until it is published (see {@link abandonBuild}). */
let abandonCurrentBuild: (() => void) | undefined;
/** How many builds this process has started. */
let builds = 0;

/**
 * Cleans up after a build of this process that failed: deletes its staging folder, forgets the pages
 * it cached, releases the build lock. A failed `astro build` has this done by another process once it
 * has exited (failed-build.ts); the publish server (scripts/publish.ts), whose process goes on to the
 * next build, calls this instead.
 * Does nothing when no build is under way or the last one was published.
 */
export function abandonBuild(): void {
  abandonCurrentBuild?.();
}

/**
 * Replaces `target` with `staging`: two renames, so `target` is missing only between them, and then
 * the old site is deleted. A `.git` folder in the old output (a deploy repository; Astro's emptying of
 * the output folder keeps it) moves into the new one; if it cannot, the old site is kept and this
 * returns a warning.
 */
function swapIn(staging: string, target: string): string | undefined {
  if (!fs.existsSync(target)) {
    fs.renameSync(staging, target);
    return undefined;
  }
  const old = `${target}.old-${process.pid}`;
  fs.rmSync(old, { recursive: true, force: true });
  try {
    fs.renameSync(target, old);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // A folder that cannot be renamed (a mount point, for one) has its contents replaced instead.
    if (code === 'EBUSY' || code === 'EPERM' || code === 'EXDEV' || code === 'EACCES') {
      replaceContents(staging, target);
      return undefined;
    }
    throw error;
  }
  try {
    fs.renameSync(staging, target);
  } catch (error) {
    fs.renameSync(old, target);
    throw error;
  }
  const git = path.join(old, '.git');
  if (fs.existsSync(git)) {
    try {
      fs.renameSync(git, path.join(target, '.git'));
    } catch (error) {
      return `The previous output's .git folder could not move into the new one (${(error as Error).message}); the previous output stays in ${old}.`;
    }
  }
  // Renamed first, so that the folder being deleted can never be taken for a previous complete site
  // (cleanUpStaleFolders moves an `.old-` folder back when the output folder is missing).
  const trash = trashFolder(target);
  fs.renameSync(old, trash);
  deleteInBackground(trash);
  return undefined;
}

interface MergeCounts {
  readonly added: number;
  readonly replaced: number;
  readonly removed: number;
}

/** Where a merge notes the files it is about to remove, so that a build stopped half-way is finished by the next. */
const PENDING_REMOVALS = 'warta-pending-removals.json';

/**
 * Moves the new site from `staging` into the live site `target` around the pages this build kept
 * there (kept-pages.ts), so a publish writes what changed instead of a whole new site: at 100,000
 * articles, tens of files instead of 230,000 (issue #20).
 *
 * A folder of the new site with no kept page in it (the search index, the pictures, Astro's assets)
 * replaces the live one whole, by two renames, as the whole site used to; a folder with kept pages
 * is merged entry by entry. The order keeps every link of the live site working while it runs, as
 * the issue asks: first what the live site lacks (a new story's page), then what replaces a file
 * (each file by one rename, so a reader gets the old file or the new one, never part of one: the
 * front page, the lists), and last what the new site no longer has (a deleted story's page, once no
 * new page links to it). Those are noted in the cache folder first: a build stopped half-way leaves
 * a mix of old and new files that all resolve, and the next build finishes the removals. What is
 * replaced or removed goes to a trash folder deleted in the background.
 */
function mergeInto(
  staging: string,
  target: string,
  kept: ReadonlySet<string>,
  removedFiles: readonly string[],
  cacheDir: string,
): MergeCounts {
  const keptFolders = new Set<string>();
  for (const file of kept) {
    for (let folder = path.posix.dirname(file); folder !== '.'; folder = path.posix.dirname(folder)) {
      if (keptFolders.has(folder)) break;
      keptFolders.add(folder);
    }
  }
  const adds: string[] = [];
  const replaces: string[] = [];
  const removes = new Set<string>();
  const walk = (folder: string): void => {
    const fresh = readFolder(path.join(staging, folder));
    const live = new Map(readFolder(path.join(target, folder)).map((entry) => [entry.name, entry]));
    for (const entry of fresh) {
      const file = folder ? `${folder}/${entry.name}` : entry.name;
      const old = live.get(entry.name);
      if (!old) adds.push(file);
      else if (entry.isDirectory() && old.isDirectory() && keptFolders.has(file)) walk(file);
      else replaces.push(file);
    }
    const names = new Set(fresh.map((entry) => entry.name));
    for (const name of live.keys()) {
      const file = folder ? `${folder}/${name}` : name;
      // A deploy repository's .git stays, as Astro's emptying of the output folder keeps it.
      if (names.has(name) || (folder === '' && name === '.git') || kept.has(file) || keptFolders.has(file)) continue;
      removes.add(file);
    }
  };
  walk('');
  // Pages dropped inside folders that were not walked (no new file in them), and what a stopped
  // merge had not removed yet, unless this build made or kept them again.
  for (const file of removedFiles) {
    if (!kept.has(file) && !fs.existsSync(path.join(staging, file))) removes.add(file);
  }
  const journal = path.join(cacheDir, PENDING_REMOVALS);
  fs.mkdirSync(cacheDir, { recursive: true });
  fs.writeFileSync(journal, JSON.stringify([...removes]));

  const trash = trashFolder(target);
  fs.mkdirSync(trash, { recursive: true });
  let trashed = 0;
  const toTrash = (file: string): boolean => {
    try {
      fs.renameSync(path.join(target, file), path.join(trash, String(trashed++)));
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw error;
    }
  };
  for (const file of adds) fs.renameSync(path.join(staging, file), path.join(target, file));
  for (const file of replaces) {
    const from = path.join(staging, file);
    const to = path.join(target, file);
    // A file is replaced by one rename; a folder (on either side) needs two, the old one out first.
    if (fs.statSync(from).isDirectory() || fs.statSync(to).isDirectory()) toTrash(file);
    fs.renameSync(from, to);
  }
  let removed = 0;
  for (const file of removes) {
    if (!toTrash(file)) continue;
    removed++;
    // A dropped page leaves its folder (berita/<slug>/) empty: a clean build has no such folder.
    for (let folder = path.posix.dirname(file); folder !== '.'; folder = path.posix.dirname(folder)) {
      try {
        fs.rmdirSync(path.join(target, folder));
      } catch {
        break;
      }
    }
  }
  fs.rmSync(journal, { force: true });
  fs.rmSync(staging, { recursive: true, force: true, maxRetries: 3 });
  deleteInBackground(trash);
  return { added: adds.length, replaced: replaces.length, removed };
}

function readFolder(folder: string): fs.Dirent[] {
  try {
    return fs.readdirSync(folder, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR')
      return [];
    throw error;
  }
}

/** The removals a stopped merge had noted and not done (see {@link mergeInto}). */
function readPendingRemovals(cacheDir: string): string[] {
  try {
    const list: unknown = JSON.parse(fs.readFileSync(path.join(cacheDir, PENDING_REMOVALS), 'utf8'));
    // Only paths inside the output folder, whatever the file holds.
    return Array.isArray(list)
      ? list.filter(
          (file): file is string =>
            typeof file === 'string' && file !== '' && !path.isAbsolute(file) && !file.split('/').includes('..'),
        )
      : [];
  } catch {
    return [];
  }
}

function forgetPendingRemovals(cacheDir: string): void {
  if (cacheDir) fs.rmSync(path.join(cacheDir, PENDING_REMOVALS), { force: true });
}

/**
 * Deletes `folder` in a detached process, so the build ends as soon as the new site is in place.
 * The previous site is as large as the new one: at 100,000 articles, 230,000 files, whose deletion
 * took 74 s of a 212 s publish here, all of it after the new site was already live. If the process
 * cannot start or is stopped, the next build deletes what is left (cleanUpStaleFolders: the folder
 * is named after this build's process, which has ended by then). Returns the process's id, when it
 * started.
 */
export function deleteInBackground(folder: string): number | undefined {
  try {
    const child = spawn(
      process.execPath,
      ['-e', 'require("node:fs").rmSync(process.argv[1], { recursive: true, force: true, maxRetries: 3 })', folder],
      { detached: true, stdio: 'ignore' },
    );
    // At the lowest priority: after a whole site was swapped in, deleting the old one (126,595 files
    // at 100,000 articles, about 26 s) shared the two cores with the next publishes' related searches.
    // With a 10,000-article publish beside such a deletion: 8.79 and 8.82 s, and 7.61 and 7.85 s at
    // nice 19 (7.0–8.4 s alone); the deletion took 26.2–26.7 s either way.
    if (child.pid !== undefined) lowerPriority(child.pid);
    beingDeleted.add(folder);
    const done = (): void => {
      beingDeleted.delete(folder);
    };
    child.on('error', done);
    child.on('exit', done);
    child.unref();
    return child.pid;
  } catch {
    // Left for the next build.
    return undefined;
  }
}

function lowerPriority(pid: number): void {
  try {
    os.setPriority(pid, os.constants.priority.PRIORITY_LOW);
  } catch {
    // Not allowed here (some containers): it runs at the build's own priority.
  }
}

/**
 * The folders this process is deleting in the background: the publish server's next build (same
 * process, so its trash folders look like its own leftovers to cleanUpStaleFolders) leaves them to
 * the deletion under way instead of starting a second one. A deletion that ends, whether or not it
 * removed everything, leaves the folder to the next cleanup.
 */
const beingDeleted = new Set<string>();

function replaceContents(staging: string, target: string): void {
  for (const name of fs.readdirSync(target)) {
    if (name !== '.git') fs.rmSync(path.join(target, name), { recursive: true, force: true, maxRetries: 3 });
  }
  for (const name of fs.readdirSync(staging)) {
    if (name === '.git' && fs.existsSync(path.join(target, '.git'))) continue;
    const from = path.join(staging, name);
    const to = path.join(target, name);
    try {
      fs.renameSync(from, to);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
      fs.cpSync(from, to, { recursive: true });
    }
  }
  fs.rmSync(staging, { recursive: true, force: true, maxRetries: 3 });
}

// A trash folder's name ends in the build's process and a count of its trash folders: the publish
// server's builds share one process, and one's trash may still be being deleted when the next needs its own.
const STALE = /^(.*)\.(staging|old|trash)-(\d+)(?:-\d+)?$/;
let trashFolders = 0;

/** A new trash folder's name for `target` (see {@link STALE}). */
function trashFolder(target: string): string {
  trashFolders += 1;
  return `${target}.trash-${process.pid}-${trashFolders}`;
}

/**
 * Deletes the staging, old and trash folders of builds of `target` that no longer run (killed before
 * they could clean up, or whose background deletion has not finished or was stopped). If one was killed between its two renames, `target` is missing and its old
 * folder holds the previous complete site: that is moved back first. Returns the folder moved back.
 */
function cleanUpStaleFolders(target: string): string | undefined {
  const parent = path.dirname(target);
  const base = path.basename(target);
  let names: string[];
  try {
    names = fs.readdirSync(parent);
  } catch {
    return undefined;
  }
  const stale = names.flatMap((name) => {
    const match = STALE.exec(name);
    if (match?.[1] !== base) return [];
    const pid = Number(match[3]);
    return pid === process.pid || !isRunning(pid) ? [{ file: path.join(parent, name), kind: match[2] }] : [];
  });
  let restored: string | undefined;
  if (!fs.existsSync(target)) {
    const old = stale.find((s) => s.kind === 'old');
    if (old) {
      fs.renameSync(old.file, target);
      restored = old.file;
    }
  }
  for (const { file, kind } of stale) {
    if (file === restored || beingDeleted.has(file)) continue;
    // A trash folder may still be under way in its own process when publishes follow each other.
    if (kind === 'trash') deleteInBackground(file);
    else fs.rmSync(file, { recursive: true, force: true, maxRetries: 3 });
  }
  return restored;
}

/**
 * The version of everything a page's HTML depends on besides its data: the code (`src/`), the public
 * files, Astro's config, the installed packages (the lockfile) and the build's settings. A publish by
 * the page plan needs it equal to the previous build's; any change goes through Astro's walk, whose
 * per-route dependency hashes re-render only the routes the change reaches.
 */
export function codeVersion(root: string): string {
  const inputs = ['src', 'public', 'astro.config.mjs', 'package-lock.json', 'tsconfig.json']
    .map((name) => path.join(root, name))
    .filter((file) => fs.existsSync(file));
  return digestCode(inputs, JSON.stringify([process.version, buildSettings()]));
}
