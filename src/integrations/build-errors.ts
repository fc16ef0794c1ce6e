import type { AstroIntegration, AstroIntegrationLogger, AstroPrerenderer } from 'astro';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Article } from '../lib/content/article.ts';
import {
  ContentErrors,
  createError,
  formatError,
  WartaBuildError,
  WartaError,
  withoutStack,
  type SourcePosition,
} from '../lib/errors/index.ts';
import { articleSlugMentionedIn } from '../lib/routes.ts';
import { shownArticleFile } from '../data/content-files.ts';
import { buildSettings, findPublishedArticles } from '../data/build-context.ts';
import { selectPathsToRender } from './kept-pages.ts';

/**
 * Failures of a build that are not Warta's own content errors (a Node or library error while a page
 * renders, a file name the file system refuses, the search indexer failing) are reported like
 * content errors: the article's file, what happened, a hint, and no stack trace into Astro's or
 * Node's internals, unless WARTA_DEBUG=1 asks for one.
 */

/** WARTA_DEBUG=1: keep stack traces, and print the original error under each report. */
export function debugBuild(): boolean {
  return buildSettings().debug;
}

const DEBUG_HINT = 'Run the build with WARTA_DEBUG=1 to see where it failed.';

// Catalogue entries of build failures, in the form of src/lib/errors/catalogue.ts.

export class WartaBuildFailure extends Error {
  readonly problem: WartaError;

  constructor(problem: WartaError, cause?: unknown) {
    super(formatError(problem));
    this.name = problem.name;
    this.problem = problem;
    withoutStack(this, debugBuild());
    if (debugBuild() && cause !== undefined) this.cause = cause;
  }

  // Astro matches `String(error)` against browser globals to replace the hint; the reason quoted from
  // another error must not trigger that. It also logs `String(error)` when a page fails.
  override toString(): string {
    return `${this.name}: ${this.problem.title}`;
  }
}

/** A failure of the build machinery itself (no article to name): message and hint, no stack trace. */
export function quietError(message: string, hint: string, cause?: unknown): Error {
  const error = new Error(message) as Error & { hint: string };
  error.hint = debugBuild() ? hint : `${hint} ${DEBUG_HINT}`;
  withoutStack(error, debugBuild());
  if (debugBuild() && cause !== undefined) error.cause = cause;
  return error;
}

/** What an error says, for quoting in a report: `TypeError: x is undefined`, `EIO: i/o error, read`. */
export function reasonOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const message = error.message.trim() || '(no message)';
  return error.name && error.name !== 'Error' && !message.startsWith(error.name)
    ? `${error.name}: ${message}`
    : message;
}

/** Whether `error` already reads as a Warta report (a content error, or a failure wrapped here). */
function isReported(error: unknown): boolean {
  return (
    error instanceof WartaBuildError ||
    error instanceof WartaBuildFailure ||
    error instanceof WartaError ||
    (error instanceof Error && error.stack === '')
  );
}

/** The article whose URL `text` mentions (`/berita/<slug>/`), if it is published in this process. */
export function articleNamedIn(text: string): Article | undefined {
  const slug = articleSlugMentionedIn(text);
  return slug === undefined ? undefined : findPublishedArticles((a) => a.slug === slug)[0];
}

const position = (article: Article | undefined): SourcePosition | undefined =>
  article ? { file: shownArticleFile(article.sourceFile) } : undefined;

/** The report of `error`, thrown while page `pathname` rendered. */
export function pageFailure(pathname: string, error: unknown): unknown {
  if (isReported(error)) return error;
  const page = safeDecode(pathname);
  const article = articleNamedIn(page);
  return new WartaBuildFailure(
    createError(
      ContentErrors.PageRenderFailed,
      { page, reason: reasonOf(error), article: article !== undefined },
      position(article),
    ),
    error,
  );
}

/** The report of `error` from the search step; `articleFile` names the source file of an article slug. */
export function searchFailure(error: unknown, articleFile: (slug: string) => string | undefined): unknown {
  if (error instanceof WartaBuildFailure || error instanceof WartaBuildError) return error;
  const reason = reasonOf(error);
  const slug = articleSlugMentionedIn(reason);
  const file = slug === undefined ? undefined : articleFile(slug);
  return new WartaBuildFailure(
    createError(ContentErrors.SearchIndexFailed, { reason }, file ? { file } : undefined),
    error,
  );
}

/** Longest file or folder name, in bytes, on the usual file systems (ext4, XFS, Btrfs, tmpfs, APFS, NTFS). */
const NAME_MAX = 255;
/** Longest path Linux accepts, in bytes, with its terminating NUL. */
const PATH_MAX = 4096;

/**
 * Checks, before any page renders, that the file system can take every page's output path: a slug,
 * tag or category of a few hundred characters otherwise fails the build with ENAMETOOLONG when Astro
 * writes the page, naming only the folder. Reports every such page, with the articles that make its
 * URL, as content errors.
 */
export function checkOutputPaths(pathnames: readonly string[], outDir: string): void {
  const problems: WartaError[] = [];
  const seen = new Set<string>();
  for (const pathname of pathnames) {
    // Astro writes each page at its encoded path (generate.js: encodeURI), `/x/` as `x/index.html`.
    const parts = encodeURI(pathname).split('/').filter(Boolean);
    const long = parts.find((part) => Buffer.byteLength(part) > NAME_MAX);
    if (long !== undefined) {
      if (seen.has(long)) continue;
      seen.add(long);
      problems.push(...nameTooLong(safeDecode(pathname), long));
      continue;
    }
    const file = path.join(outDir, ...parts, (parts.at(-1) ?? '').includes('.') ? '' : 'index.html');
    const bytes = Buffer.byteLength(file);
    if (bytes >= PATH_MAX) {
      const page = safeDecode(pathname);
      problems.push(
        createError(
          ContentErrors.PagePathTooLong,
          { page, bytes, limit: PATH_MAX - 1 },
          position(articleNamedIn(page)),
        ),
      );
    }
  }
  if (problems.length > 0) throw new WartaBuildError(problems);
}

function nameTooLong(page: string, part: string): WartaError[] {
  const name = safeDecode(part);
  const args = { page, name, bytes: Buffer.byteLength(part), limit: NAME_MAX };
  const bySlug = findPublishedArticles((a) => a.slug === name);
  if (bySlug.length > 0)
    return bySlug.map((a) => createError(ContentErrors.PageNameTooLong, { ...args, from: 'slug' }, position(a)));
  const byCategory = findPublishedArticles((a) => a.category.slug === name);
  const byTag = findPublishedArticles((a) => a.tags.some((t) => t.slug === name));
  const from = byCategory.length > 0 ? 'category' : 'tag';
  const users = (byCategory.length > 0 ? byCategory : byTag).sort((a, b) => (a.sourceFile < b.sourceFile ? -1 : 1));
  // One report per over-long tag or category, at the first article that uses it.
  return [createError(ContentErrors.PageNameTooLong, { ...args, from }, position(users[0]))];
}

function safeDecode(text: string): string {
  try {
    return decodeURI(text);
  } catch {
    return text;
  }
}

/**
 * Wraps Astro's page renderer so that an error while a page renders names the page and, for an
 * article page, the article's file; checks every page's output path first (see checkOutputPaths).
 * Astro takes one prerenderer, so this one also hands a publish by the page plan only the pages
 * that changed (`selectPathsToRender` in kept-pages.ts).
 * Unless WARTA_DEBUG is set, a build also creates errors without stack frames
 * (`Error.stackTraceLimit = 0`), so that an error Warta cannot catch (a page Astro fails to write for
 * lack of space, an integration's own failure) still prints as its message, not as a trace.
 */
export function buildErrors(): AstroIntegration {
  let outDir = '';
  return {
    name: 'warta-build-errors',
    hooks: {
      'astro:config:setup': ({ command }) => {
        if (command === 'build' && !debugBuild()) Error.stackTraceLimit = 0;
      },
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
      },
      'astro:build:start': ({ setPrerenderer, logger }) => {
        setPrerenderer((inner) => reportingPrerenderer(inner, outDir, logger));
      },
    },
  };
}

function reportingPrerenderer(
  inner: AstroPrerenderer,
  outDir: string,
  logger: AstroIntegrationLogger,
): AstroPrerenderer {
  const { setup, collectStaticImages, teardown } = inner;
  return {
    name: inner.name,
    ...(setup ? { setup: () => setup.call(inner) } : {}),
    async getStaticPaths() {
      const paths = await inner.getStaticPaths();
      checkOutputPaths(
        paths.map((p) => p.pathname),
        outDir,
      );
      // A publish by the page plan renders only the pages that changed (kept-pages.ts).
      return selectPathsToRender(paths);
    },
    async render(request, options) {
      try {
        return await inner.render(request, options);
      } catch (error) {
        throw pageFailure(new URL(request.url).pathname, error);
      }
    },
    ...(collectStaticImages ? { collectStaticImages: () => collectStaticImages.call(inner) } : {}),
    async teardown() {
      await teardown?.call(inner);
      if (!forgetPageProps(inner) && inner.name === DEFAULT_PRERENDERER)
        logger.warn(
          "Warta could not clear Astro's route cache (its default prerenderer has no app.routeCache.clearAll): " +
            "the publish server (npm run publish) will keep every build's page data in memory. " +
            'Check src/integrations/build-errors.ts against this version of Astro.',
        );
    },
  };
}

/**
 * Empties the route cache of the build's prerendered app once its pages are written. The cache holds
 * every route's static paths, each with its page's props (at 100,000 articles, the list entries,
 * related links and side columns of 125,850 pages), and it lives as long as the app's manifest: a
 * constant of the prerender bundle's entry module, which Node keeps in its module cache for the
 * life of the process. In `astro build` that is the end of the build; in the publish server
 * (scripts/publish.ts), which runs a build for each change in one process, each build's entry is a
 * new module (its manifest holds a key made for the build), so every build's props stayed alive.
 * With the pages' site index, which shares their objects (`endBuild` in build-context.ts), they were
 * most of the 542 MB a 100,000-article build left alive, and of the 733 MB after the second (heap
 * snapshots). Nothing reads the cache after teardown, and the next build's app has its own.
 * `clearAll` is the cache's own method; the app and its `routeCache` are the default prerenderer's
 * (Astro's `BuildApp`), reached by name since the prerenderer's type does not declare them. Returns
 * whether it found them (tests/core/prerenderer-teardown.test.ts checks this project's Astro).
 */
function forgetPageProps(prerenderer: AstroPrerenderer): boolean {
  const app: unknown = Reflect.get(prerenderer, 'app');
  const cache: unknown = typeof app === 'object' && app !== null ? Reflect.get(app, 'routeCache') : undefined;
  if (typeof cache !== 'object' || cache === null) return false;
  const clearAll: unknown = Reflect.get(cache, 'clearAll');
  if (typeof clearAll !== 'function') return false;
  clearAll.call(cache);
  return true;
}

/** The name of Astro's own prerenderer, the one {@link forgetPageProps} knows. */
const DEFAULT_PRERENDERER = 'astro:default';
