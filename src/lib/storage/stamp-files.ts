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
