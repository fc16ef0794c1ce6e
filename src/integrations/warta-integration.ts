import type { AstroIntegration } from 'astro';
import v8 from 'node:v8';
import vm from 'node:vm';
import { fileURLToPath } from 'node:url';
import { finishWrites, isPublishServer, readContentSummary, setCommand, startBuild } from '../data/build-context.ts';
import { countPages, formatBuildReport, missingArticlePages } from '../lib/content/build-report.ts';
import { withoutStack } from '../lib/errors/index.ts';
import { publishesByPlan, siteHasFile, sitePageNames } from './kept-pages.ts';

/**
 * Tells the build context Astro's command (see isDevServer in src/data/build-context.ts), and ends
 * every build with a report and a check that each published article got exactly its page.
 */
export function wartaIntegration(): AstroIntegration {
  return {
    name: 'warta',
    hooks: {
      'astro:build:start': () => {
        // V8 sizes its heap for the whole machine and lets the garbage of thousands of rendered pages
        // pile up: on 10,000 articles the heap grew from 550 MB to 1.05 GB while Astro wrote pages, with
        // about 300 MB alive. Regular full collections kept the build's peak at 1.2 GB instead of
        // 1.7 GB, at no measurable cost in wall time (npm run bench -- 10000).
        stopCollectingGarbage();
        // Not in the publish server's publishes by the plan, which render a few dozen pages: there
        // the first collection, at once, marked the whole heap the server keeps across publishes
        // (1.1 s at 100,000 articles, on the publish's only JavaScript thread), and the server
        // collects everything once each publish has ended anyway (scripts/publish.ts). Without it
        // those publishes took about 2 s less at 100,000 articles, for about 250 MB more at their
        // peak (README, "The publish server"). A full build in the server still collects.
        if (!(isPublishServer() && publishesByPlan())) stopCollecting = collectGarbageRegularly();
      },
      'astro:config:setup': ({ command }) => {
        setCommand(command);
        if (command === 'build') startBuild();
      },
      'astro:build:done': async ({ dir, pages, logger }) => {
        stopCollectingGarbage();
        // The files the content loader left writing (its related terms) are part of the build: on disk
        // before anything is published, or the build fails with their error.
        await finishWrites();
        const summary = readContentSummary();
        if (!summary)
          throw new Error('Warta: the content loader reported nothing; the articles collection did not load.');
        const outDir = fileURLToPath(dir);
        logger.info(`\n${formatBuildReport(summary, countPages(sitePageNames(pages)))}`);
        const missing = missingArticlePages(summary.slugs, (file) => siteHasFile(outDir, file));
        if (missing.length > 0) {
          throw withoutStack(
            new Error(`${missing.length} published article(s) have no page in ${outDir}: ${missing.join(', ')}`),
          );
        }
        logger.info(`Every published article has its page (${summary.slugs.length}).`);
      },
    },
  };
}

/** Stops the collections of the build under way; set while one runs. */
let stopCollecting: (() => void) | undefined;

/**
 * Stops the regular collections a build started. A build stops them when it is done; the publish
 * server (scripts/publish.ts) calls this after a build that failed, since its process goes on.
 */
export function stopCollectingGarbage(): void {
  stopCollecting?.();
  stopCollecting = undefined;
}

/**
 * Runs V8's full garbage collection now. Uses `gc` without starting Node with --expose-gc, since
 * `npm run build` is plain `astro build`.
 */
export function collectGarbage(): void {
  v8.setFlagsFromString('--expose-gc');
  (vm.runInNewContext('gc') as () => void)();
}

/** Most often a full collection runs. */
const GARBAGE_INTERVAL_MS = 2000;
/** Share of the time collections may take: a large archive's heap takes seconds to collect. */
const GARBAGE_TIME_SHARE = 0.05;

/**
 * Runs V8's full garbage collection at once and then every 2 s, or less often when a collection takes long, so it
 * never costs more than 5% of the time (at a fixed 2 s, a 100,000-article build spent nearly all
 * its time collecting). Returns the function that stops it.
 */
function collectGarbageRegularly(): () => void {
  let timer: ReturnType<typeof setTimeout>;
  const collect = (): void => {
    const started = performance.now();
    collectGarbage();
    const took = performance.now() - started;
    timer = setTimeout(collect, Math.max(GARBAGE_INTERVAL_MS, took / GARBAGE_TIME_SHARE)).unref();
  };
  // At once: the content layer leaves about 200 MB of garbage, and collecting it before Vite builds
  // lowered the build's peak by about 80 MB (two pairs of 10,000-article builds: 955 and 994 MB
  // against 1,048 and 1,063 MB with the first collection 2 s later).
  timer = setTimeout(collect, 0).unref();
  return () => clearTimeout(timer);
}
