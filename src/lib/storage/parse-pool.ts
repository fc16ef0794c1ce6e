import { Worker } from 'node:worker_threads';
import { WartaError, type SourcePosition } from '../errors/index.ts';
import type { RenderOptions } from '../markdown/processor.ts';
import type { ArticleSource, ParseResult } from '../content/parse-article.ts';

/** A WartaError as plain data, for crossing between threads. */
export interface ErrorData {
  readonly name: string;
  readonly title: string;
  readonly message: string;
  readonly hint: string;
  readonly position: SourcePosition | undefined;
}

/** Turns an error into plain data. */
export function toErrorData(error: WartaError): ErrorData {
  return { name: error.name, title: error.title, message: error.message, hint: error.hint, position: error.position };
}

function fromErrorData(data: ErrorData): WartaError {
  return new WartaError(data.name, data.title, data.message, data.hint, data.position);
}

type WireResult = ParseResult | { ok: false; errors: ErrorData[]; downloads?: readonly string[] };

/** Files sent to a worker at once: large enough to amortise messaging, small enough to balance. */
const BATCH = 200;

/**
 * Parses `sources` on `threads` worker threads (parsing and rendering Markdown is CPU-bound and
 * independent per file), returning results in the order of `sources`. `workerFile` is
 * parse-worker.ts, passed in because bundlers move this module away from its neighbours. Each
 * result goes through `keep` as it arrives, and what that returns is what is returned: the parse
 * cache writes an article's long strings to disk there, so a full build never holds all of them.
 */
export async function parseInWorkers(
  sources: readonly ArticleSource[],
  threads: number,
  workerFile: string,
  options: RenderOptions = {},
  keep: (result: ParseResult, index: number) => ParseResult = (result) => result,
): Promise<ParseResult[]> {
  const results = new Array<ParseResult>(sources.length);
  let next = 0;
  const run = (worker: Worker): Promise<void> =>
    new Promise((resolve, reject) => {
      const send = (): void => {
        if (next >= sources.length) {
          resolve();
          return;
        }
        const start = next;
        next = Math.min(sources.length, next + BATCH);
        worker.once('message', (batch: WireResult[]) => {
          batch.forEach((result, i) => {
            results[start + i] = keep(
              result.ok ? result : { ...result, errors: (result.errors as ErrorData[]).map(fromErrorData) },
              start + i,
            );
          });
          send();
        });
        // Each file's bytes copied apart: a file read by the content folder's reader is a view of a
        // large shared buffer (read-sources.ts), and a message carries a view's whole buffer.
        const batch = sources
          .slice(start, next)
          .map((source): ArticleSource => ({ ...source, bytes: new Uint8Array(source.bytes) }));
        worker.postMessage({ sources: batch, options });
      };
      worker.once('error', reject);
      send();
    });
  const workers = Array.from({ length: Math.max(1, threads) }, () => new Worker(workerFile));
  try {
    await Promise.all(workers.map(run));
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}
