import { Worker } from 'node:worker_threads';

/**
 * Runs the worker module `workerFile` with `workerData` and resolves with the first message it
 * posts; rejects when it fails or ends without one. For one-off jobs a build hands to its second
 * core while the main thread does other work (intact-pages.ts, stamp-files.ts). The file is passed
 * in because bundling moves the calling modules away from it.
 */
export function callWorker<T>(workerFile: string, workerData: unknown): Promise<T> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerFile, { workerData });
    worker.once('message', (answer: T) => {
      resolve(answer);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) =>
      reject(new Error(`the worker ${workerFile} ended without an answer (exit code ${code})`)),
    );
  });
}
