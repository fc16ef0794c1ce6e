import { articleFailure, parseArticle, type ArticleSource, type ParseResult } from '../content/parse-article.ts';
import { WartaError } from '../errors/index.ts';
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
  /**
   * Downloads remote pictures (see remote-images.ts), resolving to the reason for each that failed.
   * Files naming a picture not downloaded yet are parsed again once it is. Default: none (such
   * pictures stay errors).
   */
  readonly download?: ((urls: readonly string[]) => Promise<ReadonlyMap<string, string>>) | undefined;
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
    const unreadable = hit ? undefined : readFailure(source);
    if (hit) results[i] = hit;
    else if (unreadable) results[i] = { ok: false, errors: [unreadable] };
    else {
      changed.push(source);
      changedAt.push(i);
    }
  });
  const threads =
    workerFile && (options.threads ?? 1) > 1 && changed.length >= WORKER_THRESHOLD ? (options.threads ?? 1) : 1;
  // Each fresh result goes into the cache as it comes, which moves its long strings to disk (see
  // SpillFile in parse-cache.ts), except one waiting for its remote pictures: it is parsed again
  // once they are downloaded, and that result goes in instead.
  const keep = (result: ParseResult, k: number): ParseResult => {
    const source = changed[k];
    if (!cache || !source || waitsForDownloads(result)) return result;
    return cache.put(source, result);
  };
  const fresh =
    threads > 1 && workerFile
      ? await parseInWorkers(changed, threads, workerFile, render, keep)
      : changed.map((s, k) => keep(parseArticle(s, render), k));
  const again = await parseAfterDownloads(changed, fresh, options);
  for (const k of again) {
    const result = fresh[k];
    const source = changed[k];
    if (result && source) fresh[k] = cache ? cache.put(source, result) : result;
  }
  changed.forEach((_, k) => {
    const at = changedAt[k];
    if (at !== undefined) results[at] = fresh[k];
  });
  return { results, threads };
}

/**
 * Downloads the remote pictures that `results` found missing, then parses their files again (on
 * this thread: a new story brings a picture or two), replacing their results in place. Parsing is
 * synchronous and runs on worker threads, so it reports such pictures instead of fetching them.
 * Returns the indexes of the results that waited (parsed again, or left as they were when nothing
 * downloads), which are not in the cache yet.
 */
async function parseAfterDownloads(
  sources: readonly ArticleSource[],
  results: (ParseResult | undefined)[],
  options: ParseChangedOptions,
): Promise<readonly number[]> {
  const waiting = results.flatMap((result, k) => (result && waitsForDownloads(result) ? [k] : []));
  if (waiting.length === 0) return waiting;
  if (!options.download || !options.render?.images) return waiting;
  const urls = waiting.flatMap((k) => {
    const result = results[k];
    return result && !result.ok ? (result.downloads ?? []) : [];
  });
  const render = withDownloads(options.render, await options.download(urls));
  for (const k of waiting) {
    const source = sources[k];
    if (source) results[k] = parseArticle(source, render);
  }
  return waiting;
}

/**
 * Why `source`'s bytes cannot be read, or undefined when they can (they are read now). Only a file the
 * content reader did not read, trusting its stamp (see read-sources.ts), is read here, when the cache
 * turned its entry down after all; it may have gone since, and says so against its file.
 */
function readFailure(source: ArticleSource): WartaError | undefined {
  try {
    // Asking for the bytes reads them; they stay with the source for its parse.
    if (source.bytes instanceof Uint8Array) return undefined;
  } catch (error) {
    return error instanceof WartaError ? error : articleFailure(error, { file: source.displayPath });
  }
  return undefined;
}

/** Whether `result` failed only for remote pictures not downloaded yet: it is parsed again once they are. */
function waitsForDownloads(result: ParseResult): boolean {
  return !result.ok && result.downloads !== undefined;
}

/** `render` with the outcome of a round of downloads: failed URLs become errors where they are used. */
export function withDownloads(render: RenderOptions, failures: ReadonlyMap<string, string>): RenderOptions {
  return render.images ? { ...render, images: { ...render.images, remoteFailures: failures } } : render;
}
