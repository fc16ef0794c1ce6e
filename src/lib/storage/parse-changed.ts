import { parseArticle, type ArticleSource, type ParseResult } from '../content/parse-article.ts';
import type { RenderOptions } from '../markdown/processor.ts';
import type { ParseCache } from './parse-cache.ts';
import { parseInWorkers } from './parse-pool.ts';

/** Options of {@link parseChanged}. */
export interface ParseChangedOptions {
  /** Results of earlier builds by file digest; fresh results are put in it. Default: none. */
  readonly cache?: ParseCache | undefined;
  /** Worker threads for parsing; 1 parses on the main thread. Default: 1. */
  readonly threads?: number | undefined;
  /** Absolute path of parse-worker.ts; without it everything is parsed on the main thread. */
  readonly workerFile?: string | undefined;
  /** Rendering options for article bodies, such as the allowed iframe hosts. */
  readonly render?: RenderOptions | undefined;
}

/** What {@link parseChanged} returns. */
export interface ParsedFiles {
  /** One result per source, in the order of the sources; a hole where a worker returned nothing. */
  readonly results: readonly (ParseResult | undefined)[];
  /** Threads the changed files were parsed on (1: the main thread). */
  readonly threads: number;
}

/** Below this many changed files, starting workers costs more than it saves. */
const WORKER_THRESHOLD = 400;

/**
 * Takes each file's result from the parse cache, and parses the files it does not hold: on worker
 * threads when there are at least 400 of them (parsing and rendering Markdown is CPU-bound and
 * independent per file), else on this thread. Fresh results go into the cache; saving it is the
 * caller's (only a build without errors saves).
 */
export async function parseChanged(
  sources: readonly ArticleSource[],
  options: ParseChangedOptions = {},
): Promise<ParsedFiles> {
  const { cache, workerFile, render } = options;
  const results = new Array<ParseResult | undefined>(sources.length);
  const changed: ArticleSource[] = [];
  const changedAt: number[] = [];
  sources.forEach((source, i) => {
    const hit = cache?.get(source);
    if (hit) results[i] = hit;
    else {
      changed.push(source);
      changedAt.push(i);
    }
  });
  const threads =
    workerFile && (options.threads ?? 1) > 1 && changed.length >= WORKER_THRESHOLD ? (options.threads ?? 1) : 1;
  const fresh =
    threads > 1 && workerFile
      ? await parseInWorkers(changed, threads, workerFile, render)
      : changed.map((s) => parseArticle(s, render));
  changed.forEach((source, k) => {
    const result = fresh[k];
    const at = changedAt[k];
    if (!result || at === undefined) return;
    cache?.put(source, result);
    results[at] = result;
  });
  return { results, threads };
}
