import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** Options of {@link acquireBuildLock}. */
export interface BuildLockOptions {
  /** Called once, with the holder's process id, when the lock is held by another running process. */
  readonly onWait?: ((holder: number) => void) | undefined;
  /** How often to look again while waiting, in ms. Default: 500. */
  readonly pollMs?: number | undefined;
  /** How long to wait before giving up, in ms. Default: 2 hours (a cold build of a large archive). */
  readonly timeoutMs?: number | undefined;
}

/**
 * Holds the lock file `file` for this process: waits while another running process holds it, then
 * writes this process's id into it. Resolves to the function that releases it; it is also released
 * when the process exits.
 *
 * Two builds of one checkout at a time break each other: two editors publishing at once share the
 * output folder, the caches and the folder of Astro's prerendered chunks (`.astro/.prerender`), where
 * the second build's Vite step deleted the first one's chunks halfway through its pages (seen while
 * benchmarking, issue #20). The second one now waits, then reads the content folder with both
 * stories in it.
 *
 * Written here rather than taken from proper-lockfile, which finds a lock stale by its age,
 * refreshed on a timer: a build blocks its event loop for tens of seconds at a time at archive scale,
 * so a live build's lock would look stale. A lock on one machine can ask whether its holder still
 * runs; a lock left by a build that was killed is taken over at once.
 */
export async function acquireBuildLock(file: string, options: BuildLockOptions = {}): Promise<() => void> {
  const pollMs = options.pollMs ?? 500;
  const timeoutMs = options.timeoutMs ?? 2 * 60 * 60 * 1000;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const started = Date.now();
  let told = false;
  for (;;) {
    if (tryCreate(file)) {
      // Two processes that both found the same stale lock may both delete it, and the second
      // deletion may take the first one's new lock: whoever's id is in the file a moment later holds it.
      await sleep(Math.min(50, pollMs));
      if (lockHolder(file) === process.pid) break;
      continue;
    }
    const holder = lockHolder(file);
    if (holder === undefined || holder === process.pid || !isRunning(holder)) {
      // Left by a build that was killed, or written by nobody (empty): take it over.
      fs.rmSync(file, { force: true });
      continue;
    }
    if (Date.now() - started > timeoutMs)
      throw new Error(
        `Another build (process ${holder}) has held ${file} for over ${Math.round(timeoutMs / 60000)} minutes. ` +
          'Wait for it to end, or stop it, then build again.',
      );
    if (!told) options.onWait?.(holder);
    told = true;
    await sleep(pollMs);
  }
  const release = (): void => {
    process.off('exit', release);
    releaseBuildLockOf(file, process.pid);
  };
  process.once('exit', release);
  return release;
}

/**
 * Hands the lock file `file`, held by this process, to the process `pid`, which then releases it
 * with {@link releaseBuildLockOf}: a failed build hands it to the process that cleans up after it
 * (failed-build.ts), so that no build starts before that is done. Returns false, changing nothing,
 * when this process does not hold it.
 */
export function handOverBuildLock(file: string, pid: number): boolean {
  if (lockHolder(file) !== process.pid) return false;
  // By a rename, so that no build waiting for the lock ever reads it empty, which it would take over.
  const next = `${file}.${process.pid}.next`;
  fs.writeFileSync(next, `${pid}\n`);
  fs.renameSync(next, file);
  return true;
}

/** Deletes the lock file `file` if process `pid` holds it. */
export function releaseBuildLockOf(file: string, pid: number): void {
  if (lockHolder(file) === pid) fs.rmSync(file, { force: true });
}

/** The id of the process named in the lock file `file`, or undefined when there is none or it is unreadable. */
export function lockHolder(file: string): number | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const pid = Number(text.trim());
  return Number.isSafeInteger(pid) && pid > 0 ? pid : undefined;
}

/** Creates `file` holding this process's id, unless it exists. */
function tryCreate(file: string): boolean {
  try {
    fs.writeFileSync(file, `${process.pid}\n`, { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/** Whether a process with id `pid` is running (one of another user's counts). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
