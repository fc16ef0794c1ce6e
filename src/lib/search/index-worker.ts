// Worker entry for writeSearchIndexInWorker: drives Pagefind on its own event loop, so handing it
// 10,000 records over a pipe is not held up by the page rendering on the main thread.
import { parentPort, workerData } from 'node:worker_threads';
import { buildSearchIndex, type SearchIndexOptions, type SearchIndexPlan } from './build-index.ts';

const { plan, outputPath, options } = workerData as {
  plan: SearchIndexPlan;
  outputPath: string;
  options: SearchIndexOptions;
};
buildSearchIndex(plan, outputPath, options).then(
  (report) => parentPort?.postMessage({ ok: true, report }),
  (error: unknown) =>
    parentPort?.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) }),
);
