import type { AstroIntegration } from 'astro';
import fs from 'node:fs';
import v8 from 'node:v8';
import vm from 'node:vm';
import { fileURLToPath } from 'node:url';
import type { ResolvedArticle } from '../lib/content/build-content.ts';
import { countPages, formatBuildReport, missingArticlePages, type ContentSummary } from '../lib/content/build-report.ts';

/**
 * A value the content loader hands to the integrations: they run in the same process but another
 * module graph, so it is kept in globalThis, with the callbacks waiting for the next one.
 */
function handOver<T>(name: string): { record(value: T | undefined): void; read(): T | undefined; listen(listener: (value: T) => void): () => void } {
  const global = globalThis as Record<symbol, unknown>;
  const valueKey = Symbol.for(name);
  const listeners = (global[Symbol.for(`${name}-listeners`)] ??= new Set<(value: T) => void>()) as Set<(value: T) => void>;
  return {
    record(value) {
      global[valueKey] = value;
      if (value !== undefined) for (const listener of [...listeners]) listener(value);
    },
    read: () => global[valueKey] as T | undefined,
    listen(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

const contentSummary = handOver<ContentSummary>('warta.content-summary');
const searchArticles = handOver<readonly ResolvedArticle[]>('warta.search-articles');

/** Records the content layer's summary for the end-of-build report. */
export const recordContentSummary = (summary: ContentSummary): void => contentSummary.record(summary);
/** The summary the content loader recorded in this process, if it ran. */
export const readContentSummary = (): ContentSummary | undefined => contentSummary.read();

/** Records the published articles for the search index, as soon as the loader has resolved them. */
export const recordSearchArticles = (articles: readonly ResolvedArticle[]): void => searchArticles.record(articles);
/** Takes the articles recorded for the search index, if any, and forgets them (they hold every article's text). */
export function takeSearchArticles(): readonly ResolvedArticle[] | undefined {
  const articles = searchArticles.read();
  searchArticles.record(undefined);
  return articles;
}
/** Calls `listener` with the articles each time the loader records them; returns the function that stops it. */
export const onSearchArticles = (listener: (articles: readonly ResolvedArticle[]) => void): (() => void) => searchArticles.listen(listener);

/**
 * Tells the content layer whether this is the dev server (Vite's mode is not a safe signal: NODE_ENV=test
 * or a custom --mode would turn a production build into a "dev" one and publish drafts), and ends every
 * build with a report and a check that each published article got exactly its page.
 */
export function wartaIntegration(): AstroIntegration {
  let stopCollecting: (() => void) | undefined;
  return {
    name: 'warta',
    hooks: {
      'astro:build:start': () => {
        // V8 sizes its heap for the whole machine and lets the garbage of thousands of rendered pages
        // pile up: on 10,000 articles the heap grew from 550 MB to 1.05 GB while Astro wrote pages, with
        // about 300 MB alive. Regular full collections kept the build's peak at 1.2 GB instead of
        // 1.7 GB, at no measurable cost in wall time (npm run bench -- 10000).
        stopCollecting = collectGarbageRegularly();
      },
      'astro:config:setup': ({ command }) => {
        process.env['WARTA_COMMAND'] = command;
      },
      'astro:build:done': ({ dir, pages, logger }) => {
        stopCollecting?.();
        const summary = readContentSummary();
        if (!summary) throw new Error('Warta: the content loader reported nothing; the articles collection did not load.');
        const outDir = fileURLToPath(dir);
        logger.info(`\n${formatBuildReport(summary, countPages(pages.map((p) => p.pathname)))}`);
        const missing = missingArticlePages(summary.slugs, (file) => fs.existsSync(`${outDir}/${file}`));
        if (missing.length > 0) {
          const error = new Error(`${missing.length} published article(s) have no page in ${outDir}: ${missing.join(', ')}`);
          error.stack = '';
          throw error;
        }
        logger.info(`Every published article has its page (${summary.slugs.length}).`);
      },
    },
  };
}

/** Most often a full collection runs. */
const GARBAGE_INTERVAL_MS = 2000;
/** Share of the time collections may take: a large archive's heap takes seconds to collect. */
const GARBAGE_TIME_SHARE = 0.05;

/**
 * Runs V8's full garbage collection at once and then every 2 s, or less often when a collection takes long, so it
 * never costs more than 5% of the time (at a fixed 2 s, a 100,000-article build spent nearly all
 * its time collecting). Uses `gc` without starting Node with --expose-gc, since `npm run build` is
 * plain `astro build`. Returns the function that stops it.
 */
function collectGarbageRegularly(): () => void {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  let timer: ReturnType<typeof setTimeout>;
  const collect = (): void => {
    const started = performance.now();
    gc();
    const took = performance.now() - started;
    timer = setTimeout(collect, Math.max(GARBAGE_INTERVAL_MS, took / GARBAGE_TIME_SHARE)).unref();
  };
  // At once: the content layer leaves about 200 MB of garbage, and collecting it before Vite builds
  // lowered the build's peak by about 80 MB (two pairs of 10,000-article builds: 955 and 994 MB
  // against 1,048 and 1,063 MB with the first collection 2 s later).
  timer = setTimeout(collect, 0).unref();
  return () => clearTimeout(timer);
}
