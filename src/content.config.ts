import { defineCollection } from 'astro:content';
import os from 'node:os';
import path from 'node:path';
import { siteConfig } from './site.config.ts';
import { bodyDirectory, cacheDir } from './data/cache-paths.ts';
import { contentDirectory } from './data/content-files.ts';
import { recordContentSummary, recordSearchArticles } from './integrations/warta-integration.ts';
import { digestCode } from './lib/content/parse-cache.ts';
import { createRelatedRanker } from './lib/content/related-ranker.ts';
import { wartaLoader } from './loaders/warta-loader.ts';

// Glue only: the environment is read here and passed into the core.
const directory = contentDirectory;
const fixedNow = process.env['WARTA_NOW'];
const isDev = process.env['WARTA_COMMAND'] === 'dev';

const articles = defineCollection({
  loader: wartaLoader({
    directory,
    ...(fixedNow ? { now: () => new Date(fixedNow) } : {}),
    includeUnpublished: isDev,
    tolerateErrors: isDev,
    debug: process.env['WARTA_DEBUG'] === '1',
    relatedLimit: siteConfig.related.limit,
    rankRelated: createRelatedRanker(siteConfig.related),
    onLoaded: recordContentSummary,
    // Only builds index for search; the dev server would keep every article's text for nothing.
    ...(isDev ? {} : { onResolved: recordSearchArticles }),
    cacheFile: path.join(cacheDir, 'warta-parse-cache.bin'),
    // Any change to the code that parses, renders or sanitizes must re-render every article.
    cacheVersion: digestCode(
      ['content', 'markdown', 'errors', 'dates', 'slug.ts'].map((p) => path.resolve('src/lib', p)),
      `${process.version}|${siteConfig.embedHosts.join(',')}`,
    ),
    bodyDirectory,
    pruneBodies: !isDev,
    render: { embedHosts: siteConfig.embedHosts },
    threads: os.availableParallelism(),
    workerFile: path.resolve('src/lib/content/parse-worker.ts'),
  }),
});

export const collections = { articles };
