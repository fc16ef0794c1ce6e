import os from 'node:os';
import path from 'node:path';
import {
  articlesResolved,
  buildClock,
  buildSettings,
  deferWrite,
  isDevServer,
  isPublishServer,
  recordContentSummary,
} from '../data/build-context.ts';
import { digestModules } from '../lib/storage/digest-code.ts';
import { keptAcrossBuilds } from '../lib/once-per-object.ts';
import type { RelatedState } from '../lib/related/index.ts';
import type { LinkState } from '../lib/content/kept-links.ts';
import { createRelatedRanker } from '../lib/content/related-ranker.ts';
import { wartaLoader } from './warta-loader.ts';
import { siteConfig } from '../site.config.ts';

/**
 * The articles' loader with this build's settings (src/content.config.ts hands it to Astro). Glue
 * only: the build context (src/data/build-context.ts) and the site config are passed into the core.
 */
export function articlesLoader(): ReturnType<typeof wartaLoader> {
  const settings = buildSettings();
  const isDev = isDevServer();
  return wartaLoader({
    directory: settings.contentDirectory,
    now: buildClock,
    includeUnpublished: isDev,
    tolerateErrors: isDev,
    debug: settings.debug,
    relatedLimit: siteConfig.related.limit,
    siteName: siteConfig.name,
    rankRelated: createRelatedRanker(siteConfig.related, {
      // Each article's counted terms, kept for the next build (src/lib/related/term-cache.ts); the
      // version is the counting code's, and a change to it counts every article again.
      termCache: {
        file: path.join(settings.cacheDirectory, 'warta-related-terms.bin'),
        version: digestModules([path.resolve('src/lib/related/intake.ts')]),
        // Written while the build goes on (125 MB at 100,000 articles); the build waits for it before
        // it publishes (deferWrite below).
        inBackground: true,
        // The publish server's next build takes it from memory instead of reading it back (1 s at 100,000 articles).
        keepInMemory: isPublishServer(),
      },
      // The publish server keeps the index and ranks again only what a change reaches (incremental.ts).
      keep: keptAcrossBuilds<RelatedState>('related-index'),
      // A full ranking searches every article's list: on all cores (shared-search.ts).
      parallel: { threads: os.availableParallelism(), workerFile: path.resolve('src/lib/related/search-worker.ts') },
    }),
    // The publish server keeps its link table, and resolves again only what a change reaches (kept-links.ts).
    keepLinks: keptAcrossBuilds<LinkState>('link-table'),
    onLoaded: recordContentSummary,
    deferWrite,
    // Only builds index for search; the dev server would keep every article's text for nothing.
    ...(isDev ? {} : { onResolved: articlesResolved }),
    cacheFile: path.join(settings.cacheDirectory, 'warta-parse-cache.bin'),
    // Any change to the code that parses, renders or sanitizes, or to the cache's record format, must
    // re-render every article: the modules a parse runs and the cache's own, with all they import
    // (digestModules). Changing what runs after the parse (links, related lists, views) keeps the cache.
    cacheVersion: digestModules(
      ['storage/parse-worker.ts', 'storage/parse-changed.ts', 'storage/parse-cache.ts'].map((p) =>
        path.resolve('src/lib', p),
      ),
      `${process.version}|${siteConfig.embedHosts.join(',')}|${siteConfig.imageHosts.join(',')}|${settings.contentDirectory}`,
    ),
    bodyDirectory: settings.bodyDirectory,
    // The code that fills a parsed body's "Baca juga" blocks; the parsed body itself is in each body's key.
    bodyVersion: digestModules([path.resolve('src/lib/content/render-articles.ts')]),
    pruneBodies: !isDev,
    oneEntry: !isDev,
    render: {
      embedHosts: siteConfig.embedHosts,
      images: {
        contentDirectory: settings.contentDirectory,
        publicDirectory: path.resolve('public'),
        hosts: siteConfig.imageHosts,
        remoteDirectory: path.join(settings.cacheDirectory, 'warta-remote-images'),
      },
    },
    threads: os.availableParallelism(),
    workerFile: path.resolve('src/lib/storage/parse-worker.ts'),
    stampWorkerFile: path.resolve('src/lib/storage/stamp-files-worker.ts'),
  });
}
