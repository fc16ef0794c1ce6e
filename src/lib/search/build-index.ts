import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import * as pagefind from 'pagefind';
import type { Article } from '../content/article.ts';
import { SEARCH_LANGUAGE } from './fields.ts';
import { toSearchRecord } from './record.ts';

/** What {@link writeSearchIndex} did, for the build log. */
export interface SearchIndexReport {
  /** Articles indexed. */
  readonly records: number;
  /** Bytes written under the bundle folder. */
  readonly bytes: number;
  /** Files written under the bundle folder. */
  readonly files: number;
  /** Wall time of indexing and writing, in milliseconds. */
  readonly milliseconds: number;
  /** Of which: handing the records to Pagefind, and Pagefind building and writing the bundle. */
  readonly addMilliseconds: number;
  readonly writeMilliseconds: number;
}

/** What the index is built from: a published article and its plain body text. */
export interface IndexedArticle {
  readonly data: Article;
  readonly text: string;
}

/**
 * Files of Pagefind's ready-made UIs and highlighter. The search page uses only the JS API
 * (`pagefind.js`, its worker, the WebAssembly and the index), so these are not published.
 */
const UNUSED_BUNDLE_FILE = /^pagefind-(ui|modular-ui|component-ui|highlight)\.(js|css)$/;

/**
 * Indexes `articles` with Pagefind, in Indonesian, and writes the bundle to `outputPath`
 * (e.g. `dist/pagefind`), replacing whatever was there. Only the records given are indexed:
 * the caller passes published articles only.
 */
export async function writeSearchIndex(
  articles: readonly IndexedArticle[],
  outputPath: string,
  clock: () => number = () => performance.now(),
): Promise<SearchIndexReport> {
  const started = clock();
  const created = await pagefind.createIndex({ forceLanguage: SEARCH_LANGUAGE });
  const index = created.index;
  if (!index || created.errors.length > 0) throw pagefindError('create the index', created.errors);
  let added = started;
  let written = started;
  try {
    // One record at a time: concurrent calls gain little (the bundle write dominates) and would
    // make the page order, and so the bundle's bytes, differ from build to build.
    for (const { data, text } of articles) {
      const { url, content, language, meta, filters, sort } = toSearchRecord(data, text);
      const response = await index.addCustomRecord({ url, content, language, meta, filters, sort });
      if (response.errors.length > 0) throw pagefindError(`index ${url}`, response.errors);
    }
    added = clock();
    fs.rmSync(outputPath, { recursive: true, force: true });
    const response = await index.writeFiles({ outputPath });
    if (response.errors.length > 0) throw pagefindError(`write ${outputPath}`, response.errors);
    written = clock();
  } finally {
    await index.deleteIndex();
    await pagefind.close();
  }
  for (const name of fs.readdirSync(outputPath)) if (UNUSED_BUNDLE_FILE.test(name)) fs.rmSync(path.join(outputPath, name));
  const { bytes, files } = folderSize(outputPath);
  return {
    records: articles.length,
    bytes,
    files,
    milliseconds: clock() - started,
    addMilliseconds: added - started,
    writeMilliseconds: written - added,
  };
}

/**
 * {@link writeSearchIndex} on a worker thread (`workerFile` is index-worker.ts, passed in because
 * bundlers move this module away from it). Pagefind's records go over a pipe one by one, and on the
 * main thread of a build each round trip waits behind page rendering: measured on 10,000 articles,
 * handing over the records took 31 s there against 9 s on a thread of its own.
 */
export function writeSearchIndexInWorker(articles: readonly IndexedArticle[], outputPath: string, workerFile: string): Promise<SearchIndexReport> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerFile, { workerData: { articles, outputPath } });
    worker.once('message', (message: { ok: true; report: SearchIndexReport } | { ok: false; message: string }) => {
      if (message.ok) resolve(message.report);
      else reject(new Error(message.message));
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`The search index worker stopped (exit code ${code}) before it finished.`)));
  });
}

/** `Pagefind: indexed 13 articles in 0.21 s (records 0.05 s, write 0.15 s), 0.20 MB in 22 files`. */
export function formatSearchIndexReport(report: SearchIndexReport): string {
  const s = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
  const mb = (report.bytes / 1024 / 1024).toFixed(2);
  return (
    `Pagefind: indexed ${report.records} articles in ${s(report.milliseconds)} ` +
    `(records ${s(report.addMilliseconds)}, write ${s(report.writeMilliseconds)}), ${mb} MB in ${report.files} files`
  );
}

function folderSize(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    bytes += fs.statSync(path.join(entry.parentPath, entry.name)).size;
    files += 1;
  }
  return { bytes, files };
}

function pagefindError(what: string, errors: readonly string[]): Error {
  return new Error(`Pagefind could not ${what}: ${errors.join('; ') || 'no index returned'}`);
}
