import type { Loader, LoaderContext } from 'astro/loaders';
import path from 'node:path';
import {
  contentStats,
  type BuildContentOptions,
  type ContentStats,
  type ResolvedArticle,
} from '../lib/content/build-content.ts';
import type { ContentSummary } from '../lib/content/build-report.ts';
import { parseArticle } from '../lib/content/parse-article.ts';
import { parseSources, type ParsedSources } from '../lib/content/parse-sources.ts';
import { rankRelatedArticles } from '../lib/content/rank-related-articles.ts';
import { renderArticles, type BuiltArticle } from '../lib/content/render-articles.ts';
import { resolveLinks } from '../lib/content/resolve-links.ts';
import type { RenderOptions } from '../lib/markdown/processor.ts';
import type { BodyLocation } from '../lib/storage/body-pack.ts';
import { openBodyStore, startBodyPack } from '../lib/storage/body-store.ts';
import { hasKeptParseCache, openParseCache, type ParseCache } from '../lib/storage/parse-cache.ts';
import { parseChanged, withDownloads } from '../lib/storage/parse-changed.ts';
import { downloadRemoteImages } from '../lib/storage/remote-images.ts';
import { listContentDirectory, readContentDirectory } from '../lib/storage/read-sources.ts';
import {
  changedSinceStamps,
  setStampCheck,
  stampCheck,
  stampsSaved,
  trustedStamps,
} from '../lib/storage/reported-changes.ts';
import { STAMP_WORKER_MIN_FILES, stampFilesOffThread } from '../lib/storage/stamp-files.ts';
import { publishArticle, publishArticleList, publishPeople, publishSitePages } from '../data/build-context.ts';
import { sortContentKinds } from '../lib/content/content-kinds.ts';
import { parsePeople } from '../lib/content/people.ts';
import { parseSitePages } from '../lib/content/site-pages.ts';
import { createPeopleIndex } from '../lib/content/resolve-credits.ts';
import { ContentErrors, WartaBuildError, WartaError, createError, formatErrorReport } from '../lib/errors/index.ts';
import { lastShare } from '../lib/related/shared-search.ts';
import { lastRanking } from '../lib/related/incremental.ts';
import { pageCacheKey } from '../lib/view/page-key.ts';
import { digestOf } from '../lib/digest.ts';
import { keptWhileSame, type KeptBox } from '../lib/once-per-object.ts';
import { lastResolution, type LinkState } from '../lib/content/kept-links.ts';

/** Options of {@link wartaLoader}. */
export interface WartaLoaderOptions extends Omit<BuildContentOptions, 'now'> {
  /** Absolute path of the content directory. */
  readonly directory: string;
  /** The build's clock. Default: the time the load runs. */
  readonly now?: () => Date;
  /**
   * Receives the site's articles, newest first, as soon as their links resolve without errors, before
   * related lists are ranked and bodies rendered: the search index needs nothing more, so it can start.
   */
  readonly onResolved?: (articles: readonly ResolvedArticle[]) => void;
  /** Keep serving the last good content and log errors instead of failing (dev server). */
  readonly tolerateErrors?: boolean;
  /**
   * Where the publish server keeps the link table and the resolved links for the next build
   * (src/lib/content/kept-links.ts). Default: every build resolves every link.
   */
  readonly keepLinks?: KeptBox<LinkState> | undefined;
  /** File for the parse cache (parsed and rendered articles by file digest). Default: no cache. */
  readonly cacheFile?: string;
  /** Identifies the parsing code; a change empties the cache. */
  readonly cacheVersion?: string;
  /** Worker threads for parsing; 1 parses on the main thread. Default: 1. */
  readonly threads?: number;
  /** Absolute path of src/lib/storage/parse-worker.ts (bundling moves the loader away from it). */
  readonly workerFile?: string;
  /**
   * Absolute path of src/lib/storage/stamp-files-worker.ts: with a parse cache, the files of a folder
   * of at least `STAMP_WORKER_MIN_FILES` articles are stat'ed there while this thread opens the
   * cache. Default: stat'ed on this thread.
   */
  readonly stampWorkerFile?: string;
  /**
   * Folder of the rendered bodies (see body-store.ts): entries carry only data, and the article page
   * reads its body from here, at the location published with the entry's digest.
   */
  readonly bodyDirectory: string;
  /**
   * Keep the bodies in the body store (builds; see body-store.ts): a load writes only the bodies the
   * previous one did not have, and deletes the packs no body in use is in. Otherwise each load writes
   * all its bodies into a new pack, and the two previous loads' packs are kept (dev server: its pages
   * switch to a reload a moment later).
   */
  readonly pruneBodies?: boolean;
  /** Identifies the code that fills bodies' "Baca juga" blocks (render-articles.ts); a change empties the body store. */
  readonly bodyVersion?: string;
  /**
   * Give Astro one entry for the whole site instead of one per article, and hand the pages the
   * articles through the build context (builds; see {@link SITE_ENTRY}). Default: one entry per
   * article, which the dev server needs to reload the pages of an edited article.
   */
  readonly oneEntry?: boolean;
  /** The site's name: bylines naming it, or "Redaksi <name>", credit the newsroom itself. */
  readonly siteName?: string;
  /** Rendering options for article bodies, such as the allowed iframe hosts. */
  readonly render?: RenderOptions;
  /** Print the stack trace behind each error that wraps a fault (WARTA_DEBUG=1). Default: false. */
  readonly debug?: boolean;
  /** Called after each successful load with its counts and slugs, for the end-of-build report. */
  readonly onLoaded?: (summary: ContentSummary) => void;
  /**
   * Takes the files a load is still writing when it ends (the related terms, written in the
   * background: term-cache.ts), as a promise that rejects with the build's error report when one
   * could not be written; the build waits for it before it publishes (`finishWrites` in
   * src/data/build-context.ts). Returns false when nothing will wait (not a build: `astro sync`),
   * and the load then waits itself, as it does without this option. A publish's load ended about
   * 1 s idle at 100,000 articles, waiting for the 125 MB of related terms, which Astro's page step
   * (about 5 s) now covers (issue #20). Not called with `tolerateErrors` (the dev server).
   */
  readonly deferWrite?: (written: Promise<void>) => boolean;
}

/** Astro content loader that runs Warta's own parsing, resolution and rendering over a folder of articles. */
export function wartaLoader(options: WartaLoaderOptions): Loader {
  if (!path.isAbsolute(options.directory))
    throw new Error(`wartaLoader: directory must be absolute, got "${options.directory}"`);
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

/**
 * Downloads remote pictures into the folder the render options name, saying how many; none without
 * pictures. One load calls it for the people's and newsroom pages' pictures, then for the articles':
 * a URL that failed in the first round is not asked for again (each try may wait 30 s twice), and
 * every round answers with all the failures so far.
 */
function remoteDownloader(
  render: RenderOptions | undefined,
  logger: LoaderContext['logger'],
): ((urls: readonly string[]) => Promise<ReadonlyMap<string, string>>) | undefined {
  const images = render?.images;
  if (!images) return undefined;
  const failures = new Map<string, string>();
  return async (urls) => {
    const unique = new Set(urls.filter((url) => !failures.has(url)));
    if (unique.size > 0) {
      logger.info(`Downloading ${unique.size} remote picture${unique.size === 1 ? '' : 's'}`);
      const failed = await downloadRemoteImages(unique, images.remoteDirectory, { hosts: images.hosts });
      for (const [url, reason] of failed) failures.set(url, reason);
    }
    return failures;
  };
}

/** What a load made: the site's articles, newest first, or every problem that stops it. */
interface LoadResult {
  readonly articles: readonly BuiltArticle[];
  readonly errors: readonly WartaError[];
  /** Counts for the build report; absent when the load failed. */
  readonly stats?: ContentStats;
}

/**
 * One load, the content life cycle's steps in turn (see src/lib/content/build-content.ts): read the
 * files, parse those the cache lacks (on worker threads when many), resolve links, hand the resolved
 * articles to `onResolved`, rank related articles, render; then write the bodies' pack and publish
 * each article. Times each step for the log line.
 */
async function loadInto(context: LoaderContext, options: WartaLoaderOptions, directory: string): Promise<void> {
  const { store, logger } = context;
  let result: LoadResult;
  const phases: string[] = [];
  const started = performance.now();
  let phaseStart = started;
  /** Ends a phase: notes its time for the log line, and starts the next one now. */
  const endPhase = (name: string, detail = ''): void => {
    const now = performance.now();
    phases.push(`${name} ${seconds(now - phaseStart)}${detail}`);
    phaseStart = now;
  };
  try {
    // First, while the heap is small: see createRelatedRanker.
    options.rankRelated?.prepare?.();
    const { parsed, people, pages, readErrors, cache, threads, listed } = await readAndParse(
      options,
      directory,
      logger,
      {
        endPhase,
        restart: () => {
          phaseStart = performance.now();
        },
      },
    );
    endPhase('parse', threads > 1 ? ` on ${threads} threads` : '');
    // Files that could not be read fail the build with the rest of the errors, never silently.
    const resolution = resolveLinks(
      { ...parsed, errors: [...readErrors, ...people.errors, ...pages.errors, ...parsed.errors] },
      {
        now: options.now?.() ?? new Date(),
        includeUnpublished: options.includeUnpublished,
        keep: options.keepLinks,
        people: createPeopleIndex(people.people, options.siteName ?? ''),
      },
    );
    // In the publish server, how many articles' links its kept link table resolved again (kept-links.ts).
    endPhase('resolve', lastResolution.kept ? `, ${lastResolution.resolved} resolved again` : '');
    if (!resolution.ok) result = { articles: [], errors: resolution.errors };
    else {
      const { site } = resolution;
      // Before the articles: the image integration, started by onResolved, publishes their photos too.
      publishPeople(people.people);
      publishSitePages(pages.pages);
      if (options.onResolved) {
        options.onResolved(site.articles);
        // What the receiver does (the search index times its own work) is not the related phase's.
        phaseStart = performance.now();
      }
      const related = rankRelatedArticles(site, options.rankRelated, options.relatedLimit);
      // Says whether the searches ran on a worker too: a worker that cannot start leaves them all to
      // this thread with the same lists, so only this figure shows it (see shared-search.ts).
      // And, in the publish server, how many lists its kept index searched again, or why it ranked
      // them all (src/lib/related/incremental.ts).
      const searched = lastShare.searches;
      const { moved } = lastRanking;
      const ranking = lastRanking.updated
        ? `, ${searched} lists searched again` +
          (moved.terms + moved.tags > 0 ? ` (weights moved: ${moved.terms} words, ${moved.tags} tags)` : '')
        : lastRanking.why
          ? `, all lists ranked (${lastRanking.why})`
          : '';
      endPhase(
        'related',
        (options.rankRelated ? ranking : '') +
          (lastShare.onWorkers > 0 ? `, ${percent(lastShare.onWorkers, searched)} on workers` : ''),
      );
      const articles = renderArticles(site, related, progress('render'));
      endPhase('render');
      result = { articles, errors: [], stats: contentStats(site, related) };
      if (cache) {
        cache.save();
        // In the publish server: the next publish compares with the stamps saved now, and the check
        // after this one compares the folder with them (reported-changes.ts).
        stampsSaved();
        setStampCheck(
          options.cacheFile
            ? stampCheck(directory, listed, {
                cacheFile: options.cacheFile,
                version: options.cacheVersion ?? '',
                workerFile: options.stampWorkerFile,
              })
            : undefined,
        );
        phases.push(`cache ${cache.counts.hits} hit, ${cache.counts.misses} parsed`);
      }
    }
  } catch (error) {
    // Per-article faults come back from parseArticle already tied to their file; what is left here
    // (a folder that cannot be listed, a full disk) is reported the same way, without a stack trace.
    result = { articles: [], errors: [error instanceof WartaError ? error : loadFailure(error, directory)] };
  }
  if (result.errors.length > 0) {
    if (options.debug)
      for (const error of result.errors)
        if (error.cause instanceof Error) logger.error(`${error.position?.file ?? ''}: ${error.cause.stack ?? ''}`);
    if (options.tolerateErrors) {
      logger.error(formatErrorReport(result.errors));
      return;
    }
    throw new WartaBuildError(result.errors);
  }
  if (showProgress()) process.stdout.write('\r\x1b[K');
  logger.info(`${result.articles.length} articles in ${seconds(performance.now() - started)} (${phases.join(', ')})`);
  const keep = new Set<string>();
  const bodies = bodyWriter(options, logger);
  const entries: { article: BuiltArticle; id: string; digest: string; body: BodyLocation }[] = [];
  for (const article of result.articles) {
    const id = article.data.slug;
    keep.add(id);
    entries.push({ article, id, digest: entryDigest(article), body: bodies.place(article) });
  }
  bodies.finish();
  // Published only now that every body is on disk under its final name.
  for (const { article, digest, body } of entries) publishArticle(digest, article.data, body);
  if (options.oneEntry) {
    publishArticleList(entries.map(({ article, digest }) => ({ article: article.data, digest })));
    const digest = digestOf(entries.map((e) => e.digest).join('\n'));
    if (store.get(SITE_ENTRY)?.digest !== digest) store.set({ id: SITE_ENTRY, data: {}, digest });
    for (const id of store.keys()) if (id !== SITE_ENTRY) store.delete(id);
  } else {
    for (const { id, digest } of entries) {
      if (store.get(id)?.digest === digest) continue;
      // Only id and digest: the data reaches the pages through publishArticle (see there why).
      store.set({ id, data: {}, digest });
    }
    for (const id of store.keys()) if (!keep.has(id)) store.delete(id);
  }
  // The related terms were written beside this thread's work since the related step (term-cache.ts).
  // A failure to write them fails the build as a failure to write its other files would: here, or,
  // handed to `deferWrite`, before the build publishes.
  const written = options.rankRelated?.written?.().catch((error: unknown) => {
    throw new WartaBuildError([loadFailure(error, directory)]);
  });
  const deferred = written !== undefined && !options.tolerateErrors && options.deferWrite?.(written) === true;
  if (written && !deferred) {
    try {
      await written;
    } catch (error) {
      if (!options.tolerateErrors || !(error instanceof WartaBuildError)) throw error;
      logger.error(formatErrorReport(error.problems));
    }
  }
  if (result.stats) options.onLoaded?.({ stats: result.stats, slugs: [...keep] });
}

/**
 * Steps 1 and 2 of a load: reads the content folder and parses the articles the parse cache lacks
 * (see {@link parseChanged}), and the people's and newsroom's pages. The files the cache knows by
 * their stamps are not read. A function of its own so that the bytes of the files read (all of them
 * in a full build, about 430 MB at 100,000 articles) are garbage once it returns:
 * nothing after the parse needs them, and while they stayed in the load's scope they were held
 * through the related ranking and rendering, under a build's peak (issue #20).
 */
async function readAndParse(
  options: WartaLoaderOptions,
  directory: string,
  logger: LoaderContext['logger'],
  phases: { endPhase(name: string): void; restart(): void },
): Promise<{
  parsed: ParsedSources;
  people: ReturnType<typeof parsePeople>;
  pages: ReturnType<typeof parseSitePages>;
  readErrors: readonly WartaError[];
  cache: ParseCache | undefined;
  threads: number;
  /** The article files listed, content-relative: what the publish server's check compares the folder with. */
  listed: readonly string[];
}> {
  // The folder is listed first, and a large folder's files stat'ed on a worker thread while this one
  // opens the cache: the files the cache knows unchanged by their stamps are not read (see file-stamps.ts).
  const listing = listContentDirectory(directory, process.cwd());
  // In the publish server, whose last build kept the cache in memory: only the files its watcher
  // named since that build are stat'ed; the others take the stamps the cache remembers (see
  // reported-changes.ts). Everywhere else (or once the watcher may have missed something) every file.
  const reported =
    options.cacheFile && hasKeptParseCache(options.cacheFile, options.cacheVersion ?? '')
      ? changedSinceStamps()
      : undefined;
  const stamping =
    reported === undefined &&
    options.cacheFile &&
    options.stampWorkerFile &&
    listing.files.length >= STAMP_WORKER_MIN_FILES
      ? stampFilesOffThread(directory, listing.files, options.stampWorkerFile)
      : undefined;
  // Opening it is not counted as reading or parsing, so those figures stay comparable with earlier logs.
  const cache = options.cacheFile ? openParseCache(options.cacheFile, options.cacheVersion ?? '') : undefined;
  // One command publishes and rebuilds: say which this build is, and why a full one.
  if (cache && !options.includeUnpublished)
    logger.info(
      cache.state.kind === 'warm'
        ? `Warm build: ${cache.state.records} parsed articles kept from the previous build`
        : `Full build: ${cache.state.why}`,
    );
  const stamps = await stamping;
  phases.restart();
  const { sources: files, errors: readErrors } = readContentDirectory(directory, process.cwd(), {
    unchanged: cache ? (file, shown, stamp) => cache.isUnchanged(file, shown, stamp) : undefined,
    listing,
    stamps,
    remembered: trustedStamps(cache, reported, listing.links),
  });
  // The people's files (content/penulis/) and the newsroom's pages (content/halaman/) are few and
  // not articles: parsed here, every load.
  const kinds = sortContentKinds(files);
  const sources = kinds.articles;
  const download = remoteDownloader(options.render, logger);
  let people = parsePeople(kinds.people, options.render);
  let pages = parseSitePages(kinds.pages, options.render);
  if (download && people.downloads.length + pages.downloads.length > 0) {
    const render = withDownloads(options.render ?? {}, await download([...people.downloads, ...pages.downloads]));
    people = parsePeople(kinds.people, render);
    pages = parseSitePages(kinds.pages, render);
  }
  phases.endPhase('read');
  const { results, threads } = await parseChanged(sources, {
    cache,
    threads: options.threads,
    workerFile: options.workerFile,
    render: options.render,
    download,
  });
  const parsed = parseSources(
    sources,
    (source, i) => results[i] ?? parseArticle(source, options.render),
    progress('parse'),
  );
  return { parsed, people, pages, readErrors, cache, threads, listed: listing.files };
}

/**
 * An entry's digest: its data and its body, what its page shows (the page's cache key starts with
 * it). Node's SHA-1 over the parts, not Astro's `generateDigest`, which serializes its argument to
 * JSON first: the body's HTML escaped into a second copy, then hashed by WebAssembly, 3 s of a
 * 100,000-article build (issue #20). The data is keyed as a page's props are (`pageCacheKey`): the
 * links its lists share with other articles' (see `linkTo` in rank-related-articles.ts) are
 * serialized once, not once per list.
 */
function entryDigest(article: BuiltArticle): string {
  return digestOfEntry(article.data, article.bodyKey);
}

/**
 * Each entry's digest by its data object while its body key is the same, in the publish server (see
 * `acrossBuilds`): an unchanged story's data is the previous build's object (render-articles.ts), and
 * its digest, about 1 s of a 100,000-article publish for all of them, is then the previous build's too.
 */
const digestOfEntry = keptWhileSame(
  'entry-digest',
  (data: BuiltArticle['data'], bodyKey: string) =>
    digestOf(`${pageCacheKey(data, `entry ${ENTRY_FORMAT}`)}\0${bodyKey}`),
  (kept, bodyKey) => kept === bodyKey,
);

/**
 * Where a load puts its articles' bodies. Builds keep them for the next build and write only new
 * ones (the body store, body-store.ts); the dev server writes each load's bodies anew and keeps its
 * two previous packs for pages still reading them.
 */
function bodyWriter(
  options: WartaLoaderOptions,
  logger: LoaderContext['logger'],
): { place(article: BuiltArticle): BodyLocation; finish(): void } {
  if (options.pruneBodies) {
    const store = openBodyStore(options.bodyDirectory, options.bodyVersion ?? '');
    return {
      place: (article) => store.find(article.bodyKey) ?? store.add(article.bodyKey, article.html),
      finish() {
        store.finish();
        logger.info(`Bodies: ${store.counts.written} written, ${store.counts.found} kept from the previous build`);
      },
    };
  }
  const pack = startBodyPack(options.bodyDirectory);
  return { place: (article) => pack.add(article.html), finish: () => pack.finish(2) };
}

function loadFailure(error: unknown, directory: string): WartaError {
  const failure = createError(
    ContentErrors.ContentLoadFailed,
    { reason: error instanceof Error ? error.message : String(error) },
    { file: directory },
  );
  failure.cause = error;
  return failure;
}

function percent(part: number, whole: number): string {
  return `${Math.round((100 * part) / whole)}%`;
}

function seconds(milliseconds: number): string {
  return `${(milliseconds / 1000).toFixed(2)} s`;
}

/** Progress lines only on an interactive terminal; CI logs stay quiet. */
function showProgress(): boolean {
  return process.stdout.isTTY && !process.env['CI'];
}

/** How often, in articles, progress is printed. */
const PROGRESS_EVERY = 500;

/** A step's progress callback that prints every 500 articles and at the end, or none when progress is not shown. */
function progress(phase: string): ((done: number, total: number) => void) | undefined {
  if (!showProgress()) return undefined;
  return (done, total) => {
    if (done % PROGRESS_EVERY === 0 || done === total)
      process.stdout.write(`\r\x1b[K  ${phase}: ${done}/${total} articles`);
  };
}

/**
 * The one entry of a build's store (`oneEntry`), its digest that of every article's in order. Astro
 * writes its whole store to the cache folder after each load, and serializes it into a module that
 * the pages' bundle loads again: at 100,000 articles, 100,000 entries of an id and a digest were a
 * 10.6 MB file and about 2 s of a publish, for ids and digests the pages can take from the build
 * context directly (the loader and the pages run in one process; see `publishArticle`).
 */
const SITE_ENTRY = 'situs';

/**
 * Part of every entry's digest: entries of an older format (which held the article data) must not be
 * kept by a store that finds their digest unchanged.
 */
const ENTRY_FORMAT = 2;
