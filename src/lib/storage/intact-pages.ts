import path from 'node:path';
import { isStillLinked, sharedInode } from './same-file.ts';
import { callWorker } from './worker-call.ts';

/**
 * Whether the live site's planned pages are still the files the build cache made (kept-pages.ts):
 * the check a publish by the page plan makes of every page it keeps. At 100,000 articles that is
 * 125,000 stats or more, a second or two of the main thread. It depends only on the previous plan
 * and the two folders, not on this build's pages, so a publish starts it on a worker thread as soon
 * as it knows it goes by the plan, and has the answer long before its page step asks (issue #20).
 * A page replaced in the live site while the build runs, after its check, is replaced again only
 * by the next publish, as one replaced after the build would be.
 */

/** The pages to check: output files relative to both folders, and each one's known inode (0 when unknown). */
export interface IntactCheck {
  readonly files: readonly string[];
  readonly inodes: Float64Array;
  /** The live site's folder. */
  readonly live: string;
  /** The build cache's copy of the site. */
  readonly cache: string;
}

/** The check of `pages` (output files, with the inode the plan knows of each) in `live` against `cache`. */
export function intactCheck(
  pages: Iterable<{ readonly file: string; readonly ino?: number | undefined }>,
  live: string,
  cache: string,
): IntactCheck {
  const files: string[] = [];
  const inodes: number[] = [];
  for (const page of pages) {
    files.push(page.file);
    inodes.push(page.ino ?? 0);
  }
  return { files, inodes: Float64Array.from(inodes), live, cache };
}

/**
 * The inode of each intact page of `check` (0 for one that is not), in its order: a page whose
 * inode is known is checked with one stat of its live file (`isStillLinked`), another with two
 * (`sharedInode` of its build cache copy and its live file), which finds its inode for the next plan.
 */
export function checkIntactPages(check: IntactCheck): Float64Array {
  const found = new Float64Array(check.files.length);
  check.files.forEach((file, i) => {
    const known = check.inodes[i] ?? 0;
    const live = path.join(check.live, file);
    if (known > 0) found[i] = isStillLinked(live, known) ? known : 0;
    else found[i] = sharedInode(path.join(check.cache, file), live) ?? 0;
  });
  return found;
}

/**
 * Runs {@link checkIntactPages} on a worker thread (`workerFile` is intact-pages-worker.ts, passed
 * in because bundling moves this module away from it). Resolves with the same answer; rejects when
 * the worker fails, and the caller then checks on its own thread.
 */
export function checkIntactPagesInWorker(check: IntactCheck, workerFile: string): Promise<Float64Array> {
  return callWorker<Float64Array>(workerFile, check);
}
