import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { handOverBuildLock, isRunning, releaseBuildLockOf } from '../lib/storage/build-lock.ts';

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
 * Deletes what a failed build wrote: its half-written site and the page copies it left in Astro's
 * cache.
 *
 * Astro's incremental build keeps a copy of every rendered page in `<cacheDir>/dist/` and writes its
 * manifest of page keys only after the last page. A build that failed in between leaves copies of
 * new renderings under the old manifest's keys: if an article then went back to its earlier text, the
 * next build would restore the failed build's page for it. Deleting the copies this build wrote makes
 * the next build render those pages again instead.
 */
export function removeFailedBuild({ staging, cacheDir, since }: FailedBuild): void {
  fs.rmSync(staging, { recursive: true, force: true, maxRetries: 3 });
  if (!cacheDir) return;
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(path.join(cacheDir, 'dist'), { recursive: true, withFileTypes: true });
  } catch {
    return;
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
}

/**
 * Cleans up after the failed `astro build` of this process, which calls this as it exits, in a
 * process of its own, once this one has ended: {@link removeFailedBuild}, then the build lock
 * `lockFile` is released, which this process hands to that one. Returns false when that process
 * could not be started; the caller then cleans up itself.
 *
 * Cleaning up in the exit handler is not enough: when one page fails, Astro's build rejects while
 * other pages are still being written, and their file-system calls, already queued on libuv's thread
 * pool behind slower work (pictures), go on running while the exit handler runs. They made the staging
 * folder again in CI, even after it had stayed away for a whole second. Only once the process has
 * ended can nothing of it write any more; until then the lock keeps the next build from starting and
 * taking the late page copies in Astro's cache for its own. If the folder is still there after all
 * (this process was killed), the next build deletes it (staged-output.ts, cleanUpStaleFolders).
 */
export function cleanUpAfterExit(build: FailedBuild, lockFile: string): boolean {
  const script =
    `const { cleanUpOnceEnded } = await import(${JSON.stringify(import.meta.url)});` +
    `await cleanUpOnceEnded(...process.argv.slice(1));`;
  const args = [String(process.pid), build.staging, build.cacheDir ?? '', String(build.since), lockFile];
  let pid: number | undefined;
  try {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script, ...args], {
      detached: true,
      stdio: 'ignore',
    });
    child.unref();
    pid = child.pid;
  } catch {
    return false;
  }
  return pid !== undefined && handOverBuildLock(lockFile, pid);
}

/**
 * The other process's side of {@link cleanUpAfterExit} (its arguments, as strings, from the command
 * line). It waits a minute at most: an exiting process still there by then is not writing pages, and a
 * process id taken by a new process must not keep it waiting.
 */
export async function cleanUpOnceEnded(
  pid: string,
  staging: string,
  cacheDir: string,
  since: string,
  lockFile: string,
): Promise<void> {
  const until = Date.now() + 60_000;
  while (isRunning(Number(pid)) && Date.now() < until) await sleep(20);
  try {
    removeFailedBuild({ staging, cacheDir: cacheDir || undefined, since: Number(since) });
  } finally {
    releaseBuildLockOf(lockFile, process.pid);
  }
}
