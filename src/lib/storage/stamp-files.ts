import fs from 'node:fs';
import path from 'node:path';
import { fileStamp, type FileStamp } from './file-stamps.ts';
import { callWorker } from './worker-call.ts';

/**
 * The stamp of each file (`files` relative to `directory`), or null for one that may still change
 * or cannot be stat'ed: what `readContentDirectory` asks of every article file to know it unchanged
 * without reading it. At 100,000 articles that is 100,000 stats, 1.4 to 1.8 s of a publish's main
 * thread; a build asks a worker thread for them while its main thread opens the parse cache, which
 * takes as long (issue #20).
 */
export function stampFiles(directory: string, files: readonly string[]): (FileStamp | null)[] {
  return files.map((file) => {
    try {
      return fileStamp(fs.statSync(path.join(directory, file), { bigint: true })) ?? null;
    } catch {
      return null;
    }
  });
}

/**
 * Fewest files worth stamping on a worker thread. Starting one took about 190 ms of wall time here,
 * and the main thread waits for its answer once the parse cache is open: stamping 13 files on the
 * worker took 193 ms against 1.3 ms on the main thread, 20,000 files 525 ms against 286 ms, while
 * opening the cache of 20,000 articles takes about as long as that worker (a dev server's every
 * reload, and every small site's build, would wait for the worker instead).
 */
export const STAMP_WORKER_MIN_FILES = 20_000;

/**
 * {@link stampFiles} on a worker thread (`workerFile` is stamp-files-worker.ts). Rejects when the
 * worker fails; the caller then stats the files on its own thread.
 */
export function stampFilesInWorker(
  directory: string,
  files: readonly string[],
  workerFile: string,
): Promise<(FileStamp | null)[]> {
  return callWorker<(FileStamp | null)[]>(workerFile, { directory, files });
}

/**
 * {@link stampFiles} on a worker thread when `workerFile` (stamp-files-worker.ts) is given and there
 * are at least {@link STAMP_WORKER_MIN_FILES} files, otherwise on this thread. A worker that cannot
 * run leaves the stats to this thread, with the same stamps.
 */
export async function stampFilesOffThread(
  directory: string,
  files: readonly string[],
  workerFile: string | undefined,
): Promise<(FileStamp | null)[]> {
  if (workerFile === undefined || files.length < STAMP_WORKER_MIN_FILES) return stampFiles(directory, files);
  return stampFilesInWorker(directory, files, workerFile).catch(() => stampFiles(directory, files));
}
