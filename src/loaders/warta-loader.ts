import type { Loader, LoaderContext } from 'astro/loaders';
import path from 'node:path';
import { startBodyPack, type BodyLocation } from '../lib/content/body-store.ts';
import { buildContent, type BuildContentOptions } from '../lib/content/build-content.ts';
import type { ContentSummary } from '../lib/content/build-report.ts';
import { parseArticle, type ArticleSource, type ParseResult } from '../lib/content/parse-article.ts';
import { openParseCache, type ParseCache } from '../lib/content/parse-cache.ts';
import { parseInWorkers } from '../lib/content/parse-pool.ts';
import type { RenderOptions } from '../lib/markdown/processor.ts';
import { readContentDirectory } from '../lib/content/read-sources.ts';
import { publishArticle } from '../data/published-articles.ts';
import { ContentErrors, WartaBuildError, WartaError, createError, formatErrorReport, sortErrors } from '../lib/errors/index.ts';

/** Options of {@link wartaLoader}. */
export interface WartaLoaderOptions extends Omit<BuildContentOptions, 'now'> {
  /** Absolute path of the content directory. */
  readonly directory: string;
  /** The build's clock. Default: the time the load runs. */
  readonly now?: () => Date;
  /** Keep serving the last good content and log errors instead of failing (dev server). */
  readonly tolerateErrors?: boolean;
  /** File for the parse cache (parsed and rendered articles by file digest). Default: no cache. */
  readonly cacheFile?: string;
  /** Identifies the parsing code; a change empties the cache. */
  readonly cacheVersion?: string;
  /** Worker threads for parsing; 1 parses on the main thread. Default: 1. */
  readonly threads?: number;
  /** Absolute path of src/lib/content/parse-worker.ts (bundling moves the loader away from it). */
  readonly workerFile?: string;
  /**
   * Folder of the rendered bodies (see body-store.ts): entries carry only data, and the article page
   * reads its body from here, at the location published with the entry's digest.
   */
  readonly bodyDirectory: string;
  /**
   * Delete the bodies of earlier loads once a load has written its own (builds). Otherwise the
   * two previous loads' bodies are kept (dev server: its pages switch to a reload a moment later).
   */
  readonly pruneBodies?: boolean;
  /** Rendering options for article bodies, such as the allowed iframe hosts. */
  readonly render?: RenderOptions;
  /** Print the stack trace behind each error that wraps a fault (WARTA_DEBUG=1). Default: false. */
  readonly debug?: boolean;
  /** Called after each successful load with its counts and slugs, for the end-of-build report. */
  readonly onLoaded?: (summary: ContentSummary) => void;
}

/** Astro content loader that runs Warta's own parsing, resolution and rendering over a folder of articles. */
export function wartaLoader(options: WartaLoaderOptions): Loader {
  if (!path.isAbsolute(options.directory)) throw new Error(`wartaLoader: directory must be absolute, got "${options.directory}"`);
  const directory = path.normalize(options.directory);
  return {
    name: 'warta-loader',
    async load(context) {
      await loadInto(context, options, directory);
      const watcher = context.watcher;
      if (!watcher) return;
      watcher.add(directory);
      const reload = (changed: string): void => {
        if (!changed.startsWith(directory + path.sep) || !changed.endsWith('.md')) return;
        context.logger.info(`Reloading articles (${path.relative(directory, changed)} changed)`);
        void loadInto(context, { ...options, tolerateErrors: true }, directory);
      };
      watcher.on('change', reload);
      watcher.on('add', reload);
      watcher.on('unlink', reload);
    },
  };
}

async function loadInto(context: LoaderContext, options: WartaLoaderOptions, directory: string): Promise<void> {
  const { store, logger, generateDigest } = context;
  let result;
  const phases: string[] = [];
  const started = performance.now();
  try {
    const { sources, errors: readErrors } = readContentDirectory(directory, process.cwd());
    phases.push(`read ${seconds(performance.now() - started)}`);
    const cache = options.cacheFile ? openParseCache(options.cacheFile, options.cacheVersion ?? '') : undefined;
    const parseStart = performance.now();
    const parsed = await parseChanged(sources, cache, options);
    phases.push(`parse ${seconds(performance.now() - parseStart)}${parsed.threads > 1 ? ` on ${parsed.threads} threads` : ''}`);
    result = buildContent(sources, {
      ...options,
      parse: (source: ArticleSource) => parsed.results.get(source.path) ?? parseArticle(source, options.render),
      now: options.now?.() ?? new Date(),
      clock: () => performance.now(),
      // The parse phase inside buildContent only collects results parsed above.
      onPhase: (phase, ms) => phase !== 'parse' && phases.push(`${phase} ${seconds(ms)}`),
      ...(showProgress() ? { onProgress: printProgress } : {}),
    });
    // Files that could not be read fail the build with the rest of the errors, never silently.
    if (readErrors.length > 0) result = { ...result, articles: [], errors: sortErrors([...readErrors, ...result.errors]) };
    if (cache && result.errors.length === 0) {
      cache.save();
      phases.push(`cache ${cache.counts.hits} hit, ${cache.counts.misses} parsed`);
    }
  } catch (error) {
    // Per-article faults come back from parseArticle already tied to their file; what is left here
    // (a folder that cannot be listed, a full disk) is reported the same way, without a stack trace.
    result = { articles: [], errors: [error instanceof WartaError ? error : loadFailure(error, directory)], stats: undefined };
  }
  if (result.errors.length > 0) {
    if (options.debug) for (const error of result.errors) if (error.cause instanceof Error) logger.error(`${error.position?.file ?? ''}: ${error.cause.stack ?? ''}`);
    if (options.tolerateErrors) {
      logger.error(formatErrorReport(result.errors));
      return;
    }
    throw new WartaBuildError(result.errors);
  }
  if (showProgress()) process.stdout.write('\r\x1b[K');
  logger.info(`${result.articles.length} articles in ${seconds(performance.now() - started)} (${phases.join(', ')})`);
  const keep = new Set<string>();
  const pack = startBodyPack(options.bodyDirectory);
  const entries: { id: string; digest: string; body: BodyLocation }[] = [];
  for (const article of result.articles) {
    const id = article.data.slug;
    keep.add(id);
    const digest = generateDigest({ html: article.html, data: JSON.stringify(article.data), entry: ENTRY_FORMAT });
    entries.push({ id, digest, body: pack.add(article.html) });
  }
  pack.finish(options.pruneBodies ? 0 : 2);
  // Published only now that every body is on disk under its final name.
  result.articles.forEach((article, i) => {
    const { id, digest, body } = entries[i]!;
    publishArticle(digest, article.data, body);
    if (store.get(id)?.digest === digest) return;
    // Only id and digest: the data reaches the pages through publishArticle (see there why).
    store.set({ id, data: {}, digest });
  });
  for (const id of store.keys()) if (!keep.has(id)) store.delete(id);
  if (result.stats) options.onLoaded?.({ stats: result.stats, slugs: [...keep] });
}

function loadFailure(error: unknown, directory: string): WartaError {
  const failure = createError(ContentErrors.ContentLoadFailed, { reason: error instanceof Error ? error.message : String(error) }, { file: directory });
  failure.cause = error;
  return failure;
}

function seconds(milliseconds: number): string {
  return `${(milliseconds / 1000).toFixed(2)} s`;
}

/** Progress lines only on an interactive terminal; CI logs stay quiet. */
function showProgress(): boolean {
  return process.stdout.isTTY === true && !process.env['CI'];
}

function printProgress(phase: string, done: number, total: number): void {
  process.stdout.write(`\r\x1b[K  ${phase}: ${done}/${total} articles`);
}

/**
 * Part of every entry's digest: entries of an older format (which held the article data) must not be
 * kept by a store that finds their digest unchanged.
 */
const ENTRY_FORMAT = 2;

/** Below this many changed files, starting workers costs more than it saves. */
const WORKER_THRESHOLD = 400;

/** Parses the files the cache does not hold, on worker threads when there are many. */
async function parseChanged(
  sources: readonly ArticleSource[],
  cache: ParseCache | undefined,
  options: WartaLoaderOptions,
): Promise<{ results: Map<string, ParseResult>; threads: number }> {
  const results = new Map<string, ParseResult>();
  const changed: ArticleSource[] = [];
  for (const source of sources) {
    const hit = cache?.get(source);
    if (hit) results.set(source.path, hit);
    else changed.push(source);
  }
  const threads = options.workerFile && (options.threads ?? 1) > 1 && changed.length >= WORKER_THRESHOLD ? (options.threads ?? 1) : 1;
  const fresh =
    threads > 1 && options.workerFile
      ? await parseInWorkers(changed, threads, options.workerFile, options.render)
      : changed.map((s) => parseArticle(s, options.render));
  changed.forEach((source, i) => {
    const result = fresh[i];
    if (!result) return;
    cache?.put(source, result);
    results.set(source.path, result);
  });
  return { results, threads };
}
