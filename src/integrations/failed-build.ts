import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { handOverBuildLock, lockHolder, releaseBuildLockOf } from '../lib/storage/build-lock.ts';

/** What a build wrote that must go if it fails (see {@link removeFailedBuild}). */
export interface FailedBuild {
  /** Its staging folder (staged-output.ts). */
  readonly staging: string;
  /** Astro's cache folder, where the incremental build keeps a copy of every page it renders. */
  readonly cacheDir: string | undefined;
  /** When it started (ms since the epoch): the page copies written since are its own. */
  readonly since: number;
}

/**
 * The note a failed build leaves in Astro's cache folder until its page copies are deleted, with
 * when it started: if the cleanup after it cannot run (killed with the build's container, say), the
 * next build of that cache deletes them instead ({@link finishFailedBuild}).
 */
const MARKER = 'warta-failed-build.json';

/**
 * Notes that the build `failed` failed, before anything is deleted: see {@link MARKER}. A note
 * already there, of an earlier failed build not yet cleaned up, keeps the earlier start.
 */
export function markFailedBuild({ cacheDir, since }: FailedBuild): void {
  if (!cacheDir) return;
  const earlier = markedSince(cacheDir);
  try {
    fs.mkdirSync(cacheDir, { recursive: true });
    fs.writeFileSync(path.join(cacheDir, MARKER), JSON.stringify({ since: Math.min(since, earlier ?? since) }));
  } catch {
    // A cache folder that cannot be written to has no page copies of this build either.
  }
}

/**
 * Deletes what a failed build wrote: its half-written site, then the page copies it left in Astro's
 * cache, then the note ({@link MARKER}).
 *
 * Astro's incremental build keeps a copy of every rendered page in `<cacheDir>/dist/` and writes its
 * manifest of page keys only after the last page. A build that failed in between leaves copies of
 * new renderings under the old manifest's keys: if an article then went back to its earlier text, the
 * next build would restore the failed build's page for it. Deleting the copies this build wrote makes
 * the next build render those pages again instead.
 */
export function removeFailedBuild({ staging, cacheDir, since }: FailedBuild): void {
  if (staging) fs.rmSync(staging, { recursive: true, force: true, maxRetries: 3 });
  if (!cacheDir) return;
  let entries: fs.Dirent[] = [];
  try {
    entries = fs.readdirSync(path.join(cacheDir, 'dist'), { recursive: true, withFileTypes: true });
  } catch {
    // No page copies at all.
  }
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    try {
      if (fs.statSync(file).mtimeMs >= since) fs.rmSync(file, { force: true });
    } catch {
      // Gone already, or unreadable: nothing to restore from it either way.
    }
  }
  fs.rmSync(path.join(cacheDir, MARKER), { force: true });
}

/**
 * Deletes the page copies of a failed build whose cleanup did not run (see {@link MARKER}). A build
 * calls it once it holds the build lock, before it writes anything: no other build can have written
 * to the cache since the failed one.
 */
export function finishFailedBuild(cacheDir: string): void {
  const since = markedSince(cacheDir);
  if (since !== undefined) removeFailedBuild({ staging: '', cacheDir, since });
}

function markedSince(cacheDir: string): number | undefined {
  try {
    const { since } = JSON.parse(fs.readFileSync(path.join(cacheDir, MARKER), 'utf8')) as { since?: unknown };
    return typeof since === 'number' && Number.isFinite(since) ? since : 0;
  } catch (error) {
    // Unreadable or torn: every copy is suspect, so all of them go (the next build renders every page).
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? undefined : 0;
  }
}

/**
 * Cleans up after the failed `astro build` of this process, which calls this as it exits, in a
 * process of its own, once this one has ended: {@link removeFailedBuild}, then the build lock
 * `lockFile`, which this process hands to that one, is released. Returns false when that process
 * could not be started or given the lock; the caller then cleans up itself.
 *
 * Cleaning up in the exit handler is not enough: when one page fails, Astro's build rejects while
 * other pages are still being written, and their file-system calls, already queued on libuv's thread
 * pool behind slower work (pictures), go on running while the exit handler runs. They made the staging
 * folder again in CI, even after it had stayed away for a whole second. Only once the process has
 * ended can nothing of it write any more; until then the lock keeps the next build from starting and
 * taking the late page copies in Astro's cache for its own.
 *
 * The other process learns that this one has ended when its standard input, a pipe from this
 * process, closes: the kernel closes it once every thread of this process is gone, which a process
 * id cannot tell (a zombie process, or an id taken again, still answers). If this process is killed
 * before the handover, the other one does nothing: the next build deletes the staging folder
 * (staged-output.ts, cleanUpStaleFolders) and the page copies ({@link finishFailedBuild}).
 */
export function cleanUpAfterExit(build: FailedBuild, lockFile: string): boolean {
  markFailedBuild(build);
  const script =
    `const { cleanUpOnceEnded } = await import(${JSON.stringify(import.meta.url)});` +
    `await cleanUpOnceEnded(...process.argv.slice(1));`;
  const args = [build.staging, build.cacheDir ?? '', String(build.since), lockFile];
  try {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script, ...args], {
      detached: true,
      stdio: ['pipe', 'ignore', 'ignore'],
    });
    child.unref();
    // The pipe must not keep this process alive either (it stays open until this process ends).
    (child.stdin as unknown as { unref?: () => void } | null)?.unref?.();
    return child.pid !== undefined && handOverBuildLock(lockFile, child.pid);
  } catch {
    return false;
  }
}

/**
 * The other process's side of {@link cleanUpAfterExit} (its arguments, as strings, from the command
 * line): waits for its standard input to close, then cleans up if it holds the lock. Without the lock
 * (the failed build was killed before handing it over) another build may be writing to the cache
 * already, and the copies are left to that one ({@link finishFailedBuild}).
 */
export async function cleanUpOnceEnded(
  staging: string,
  cacheDir: string,
  since: string,
  lockFile: string,
): Promise<void> {
  await new Promise<void>((resolve) => {
    process.stdin.on('error', () => resolve());
    process.stdin.on('close', () => resolve());
    process.stdin.on('end', () => resolve());
    process.stdin.resume();
  });
  if (lockHolder(lockFile) !== process.pid) return;
  try {
    removeFailedBuild({ staging, cacheDir: cacheDir || undefined, since: Number(since) });
  } finally {
    releaseBuildLockOf(lockFile, process.pid);
  }
}
