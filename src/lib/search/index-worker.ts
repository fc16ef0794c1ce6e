// Worker entry for writeSearchIndexInWorker: drives Pagefind on its own event loop, so handing it
// 10,000 records one at a time is not held up by the page rendering on the main thread.
import { parentPort, workerData } from 'node:worker_threads';
import { writeSearchIndex, type IndexedArticle, type SearchIndexOptions } from './build-index.ts';

const { articles, outputPath, options } = workerData as { articles: IndexedArticle[]; outputPath: string; options: SearchIndexOptions };
writeSearchIndex(articles, outputPath, options).then(
  (report) => parentPort?.postMessage({ ok: true, report }),
  (error: unknown) => parentPort?.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) }),
);
