import type { AstroIntegration } from 'astro';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  formatSearchIndexReport,
  writeSearchIndexInWorker,
  type SearchIndexReport,
} from '../lib/search/build-index.ts';
import { SEARCH_BUNDLE_DIR, SHARD_MANIFEST, type ShardManifest } from '../lib/search/fields.ts';
import { withIndexPreloads } from '../lib/search/page-preloads.ts';
import { siteConfig } from '../site.config.ts';
import type { ResolvedArticle } from '../lib/content/build-content.ts';
import { articlePath, outputFileOf, searchPath } from '../lib/routes.ts';
import { digestModules } from '../lib/storage/digest-code.ts';
import { writeFileReplacing } from '../lib/storage/write-fully.ts';
import { buildSettings, onArticlesResolved, takeResolvedArticles } from '../data/build-context.ts';
import { searchFailure } from './build-errors.ts';
import { shownArticleFile } from '../data/content-files.ts';
import { keepInLiveSite, liveSite } from './kept-pages.ts';

/**
 * The modules (in src/lib/search) that make a shard's files, from an article's search fields to
 * Pagefind's bundle and the vocabulary kept beside it; with every module they import, they are the
 * search cache's code version (digestModules).
 */
const SEARCH_INDEX_MODULES = ['record.ts', 'shards.ts', 'vocabulary.ts', 'build-index.ts', 'index-worker.ts'];

/**
 * Builds the Pagefind search index of every `astro build`, from the published articles' data (never
 * from the HTML, so only headline, summary, body and metadata are indexed), into `<outDir>/pagefind/`.
 *
 * The records need nothing from the rendered pages, so indexing starts the moment the content loader
 * has resolved its articles' links: before it ranks related articles and renders bodies (about 3 s
 * for 10,000 articles) and before Astro saves its data store and sets up the build (22 s for 100,000),
 * and Pagefind's own process works while Astro renders the pages; on a 10,000-article site that
 * hides most of the indexing time. The bundle is written to a staging folder in the cache and
 * moved into the output at the end. The records are handed over on a worker thread, a shard at a
 * time from files written here (see writeSearchIndexInWorker).
 *
 * A failure of the indexer is reported without a stack trace, naming the article when the error
 * names its URL (Pagefind's do: `Pagefind could not index /berita/<slug>/: ...`).
 */
export function searchIntegration(): AstroIntegration {
  let staging = '';
  let shardCache = '';
  let pending: Promise<SearchIndexReport> | undefined;
  let stopListening: (() => void) | undefined;
  // Slug to source file, for naming the article in an indexing error (the articles themselves are let go).
  let sourceFiles = new Map<string, string>();
  const start = (articles: readonly ResolvedArticle[]): void => {
    stopListening?.();
    // Spooled to disk for the worker now: the loader's copy need not live on.
    takeResolvedArticles();
    sourceFiles = new Map(articles.map(({ data }) => [data.slug, data.sourceFile]));
    const fault = injectedFault();
    const live = liveSite();
    pending = writeSearchIndexInWorker(articles, staging, path.resolve('src/lib/search/index-worker.ts'), {
      shardSize: siteConfig.searchShardSize,
      recentArticles: siteConfig.searchRecentArticles,
      cacheDirectory: shardCache,
      // Unchanged shards stay in the live site (kept-pages.ts).
      liveDirectory: live === undefined ? undefined : path.join(live, SEARCH_BUNDLE_DIR),
      // The code that turns an article into its record and the records into a shard's files: a
      // change to it must re-index every shard. The search page's own modules (sharded-search.ts,
      // results-view.ts, suggest.ts) are not in that graph, so changing them costs no re-index.
      codeVersion: digestModules(SEARCH_INDEX_MODULES.map((p) => path.resolve('src/lib/search', p))),
    }).then((report) => {
      if (fault !== undefined)
        throw new Error(`Pagefind could not index ${articlePath(fault)}: fault injected by WARTA_FAULT (tests only)`);
      return report;
    });
    // Awaited in astro:build:done; this only keeps a failure from being reported as unhandled first.
    pending.catch(() => undefined);
  };
  return {
    name: 'warta-search',
    hooks: {
      'astro:config:setup': ({ command }) => {
        if (command === 'build') stopListening = onArticlesResolved(start);
      },
      'astro:config:done': ({ config }) => {
        staging = path.join(fileURLToPath(config.cacheDir), 'warta-search-bundle');
        shardCache = path.join(fileURLToPath(config.cacheDir), 'warta-search-shards');
      },
      'astro:build:start': () => {
        stopListening?.();
        if (pending) return;
        const articles = takeResolvedArticles();
        if (!articles)
          throw new Error('Warta search: the content loader reported no articles; there is nothing to index.');
        start(articles);
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!pending) throw new Error('Warta search: indexing never started (astro:build:start did not run).');
        const articleFile = (slug: string): string | undefined => {
          const file = sourceFiles.get(slug);
          return file === undefined ? undefined : shownArticleFile(file);
        };
        try {
          const report = await pending;
          const outputPath = path.join(fileURLToPath(dir), SEARCH_BUNDLE_DIR);
          for (const shard of report.kept) keepInLiveSite(`${SEARCH_BUNDLE_DIR}/${shard}`);
          moveFolder(staging, outputPath);
          preloadIndexOnSearchPage(fileURLToPath(dir), outputPath);
          logger.info(formatSearchIndexReport(report));
        } catch (error) {
          throw searchFailure(error, articleFile);
        } finally {
          // This integration lives as long as its build's config module, which Node keeps for the life
          // of the process: the publish server's builds would each keep their report and 100,000 slugs.
          pending = undefined;
          sourceFiles = new Map();
        }
      },
    },
  };
}

/**
 * Lists the files the newest shards read first (the manifest's `preload`) in the search page's
 * head (see withIndexPreloads). The page is in the output folder when Astro rendered it or restored
 * it from its cache, and otherwise still in the live site (kept-pages.ts); either way the new page
 * is a new file, written beside it and renamed over it, never written into: the page Astro
 * rendered is also its cache's copy (the same file, a hard link) and may be a live page too.
 */
function preloadIndexOnSearchPage(outDir: string, bundle: string): void {
  const manifest = JSON.parse(fs.readFileSync(path.join(bundle, SHARD_MANIFEST), 'utf8')) as ShardManifest;
  const file = outputFileOf(searchPath());
  const page = path.join(outDir, file);
  const live = liveSite();
  const source = fs.existsSync(page) || live === undefined ? page : path.join(live, file);
  const html = withIndexPreloads(fs.readFileSync(source, 'utf8'), manifest.preload);
  fs.mkdirSync(path.dirname(page), { recursive: true });
  writeFileReplacing(page, html);
}

function moveFolder(from: string, to: string): void {
  fs.rmSync(to, { recursive: true, force: true });
  try {
    fs.renameSync(from, to);
  } catch (error) {
    // Cache and output on different file systems: copy instead.
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    fs.cpSync(from, to, { recursive: true });
    fs.rmSync(from, { recursive: true, force: true });
  }
}

/**
 * Test-only fault injection: WARTA_FAULT=search:<slug> fails the search step as if Pagefind had
 * rejected that article, after the index is built and before it is published, so that tests can
 * check what a build that fails there leaves behind (tests/site/failed-build.test.ts).
 */
function injectedFault(): string | undefined {
  const match = /^search:([a-z0-9-]+)$/.exec(buildSettings().fault ?? '');
  return match?.[1];
}
