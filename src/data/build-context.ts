import path from 'node:path';
import type { Article } from '../lib/content/article.ts';
import type { Person } from '../lib/content/people.ts';
import type { SitePage } from '../lib/content/site-pages.ts';
import type { BodyLocation } from '../lib/storage/body-pack.ts';
import type { RoutePath } from '../lib/storage/page-plan.ts';
import type { ResolvedArticle } from '../lib/content/build-content.ts';
import type { ContentSummary } from '../lib/content/build-report.ts';
import { withoutStack } from '../lib/errors/index.ts';
import { integerOverride } from '../lib/site-config.ts';

/**
 * The build context: the one owner of everything that crosses from Astro's config and content layer
 * to the pages, feeds and integrations (issue #21; Astro's `content/instance.ts` is the model).
 *
 * - the command (`dev` or `build`), set by the Warta integration from Astro's own `command`;
 * - the settings read from the environment (content, output and cache folders, the build's clock,
 *   the debug flag), read once, here, and nowhere else;
 * - the published articles, handed from the content loader to the pages by entry digest;
 * - the content summary for the end-of-build report;
 * - the "articles resolved" event that starts the search index early.
 *
 * Astro loads the config, the content config and the pages into different module graphs of one
 * Node process, so each graph gets its own copy of this module. The state therefore lives in one
 * `globalThis` slot, created by whichever copy runs first: this file is the only place that knows.
 */

/** What Astro is doing: `dev` shows drafts and reloads; anything else is treated as a build. */
export type WartaCommand = 'dev' | 'build' | 'preview' | 'sync';

/** Settings that come from the environment; see the README's table of variables. */
export interface BuildSettings {
  /** WARTA_CONTENT_DIR: the content folder, absolute. Default: `content/`. */
  readonly contentDirectory: string;
  /** WARTA_OUT_DIR: the output folder, absolute. Default: `dist/`. */
  readonly outDirectory: string;
  /** WARTA_CACHE_DIR: Astro's cache folder, which holds Warta's caches too, absolute. Default: `node_modules/.astro`. */
  readonly cacheDirectory: string;
  /** Where the content loader writes rendered bodies and the article page reads them (in the cache folder). */
  readonly bodyDirectory: string;
  /** WARTA_NOW: a fixed clock for the build (tests, reproducible builds). Default: none; see {@link buildClock}. */
  readonly fixedNow: Date | undefined;
  /** WARTA_DEBUG=1: print stack traces behind reported failures. Default: false. */
  readonly debug: boolean;
  /** WARTA_FAULT: test-only failure injection (`render:<slug>`, `search:<slug>`). Default: none. */
  readonly fault: string | undefined;
  /** WARTA_PAGE_SIZE: articles per list page, overriding the site config (tests use small pages). */
  readonly pageSize: number | undefined;
  /** WARTA_SEARCH_SHARD_SIZE: articles per search shard, overriding the site config (tests). */
  readonly searchShardSize: number | undefined;
  /** WARTA_SEARCH_RECENT: articles in the shards a first search reads, overriding the site config (tests). */
  readonly searchRecentArticles: number | undefined;
  /** WARTA_IMAGE_HOSTS: remote picture hosts, comma-separated, added to the site config's (tests, staging). */
  readonly imageHosts: readonly string[];
}

/** Reads the settings from an environment; `cwd` resolves relative folders. Throws on a malformed value. */
export function readSettings(env: Readonly<Record<string, string | undefined>>, cwd: string): BuildSettings {
  const cacheDirectory = path.resolve(cwd, env['WARTA_CACHE_DIR'] ?? 'node_modules/.astro');
  const fixedNow = env['WARTA_NOW'];
  const now = fixedNow === undefined ? undefined : new Date(fixedNow);
  if (now && Number.isNaN(now.getTime()))
    throw new Error(`WARTA_NOW is not a date: "${fixedNow ?? ''}". Use ISO 8601, e.g. 2025-01-01T12:00:00+07:00.`);
  return {
    contentDirectory: path.resolve(cwd, env['WARTA_CONTENT_DIR'] ?? 'content'),
    outDirectory: path.resolve(cwd, env['WARTA_OUT_DIR'] ?? 'dist'),
    cacheDirectory,
    bodyDirectory: path.join(cacheDirectory, 'warta-bodies'),
    fixedNow: now,
    debug: env['WARTA_DEBUG'] === '1',
    fault: env['WARTA_FAULT'] === '' ? undefined : env['WARTA_FAULT'],
    pageSize: integerOverride('WARTA_PAGE_SIZE', env['WARTA_PAGE_SIZE']),
    searchShardSize: integerOverride('WARTA_SEARCH_SHARD_SIZE', env['WARTA_SEARCH_SHARD_SIZE']),
    searchRecentArticles: integerOverride('WARTA_SEARCH_RECENT', env['WARTA_SEARCH_RECENT']),
    imageHosts: (env['WARTA_IMAGE_HOSTS'] ?? '')
      .split(',')
      .map((host) => host.trim())
      .filter((host) => host !== ''),
  };
}

/** An article as the pages receive it, and where its rendered body is stored. */
interface Published {
  readonly article: Article;
  readonly body: BodyLocation;
}

interface State {
  command: WartaCommand | undefined;
  startedAt: Date;
  readonly settings: BuildSettings;
  readonly published: Map<string, Published>;
  /** A build's articles in the loader's order, with their digests (see {@link publishArticleList}). */
  list: readonly { readonly article: Article; readonly digest: string }[] | undefined;
  people: readonly Person[];
  sitePages: readonly SitePage[];
  contentSummary: ContentSummary | undefined;
  resolved: readonly ResolvedArticle[] | undefined;
  readonly resolvedListeners: Set<(articles: readonly ResolvedArticle[]) => void>;
  /** What the pages compute once per build and share (see {@link perBuild}). */
  readonly shared: Map<string, unknown>;
  /** Files the build is still writing, waited for before it publishes (see {@link deferWrite}). */
  writes: Promise<void>[];
  /** Sorts a route's paths against the page plan (see {@link routePaths}); set by the build's plan. */
  routePathSelector: RoutePathSelector | undefined;
}

/** See {@link routePaths}. */
export type RoutePathSelector = <T extends RoutePath>(routePattern: string, paths: T[]) => Promise<T[]>;

const SLOT = Symbol.for('warta.build-context');

function state(): State {
  const global = globalThis as Record<symbol, State | undefined>;
  return (global[SLOT] ??= {
    command: undefined,
    startedAt: new Date(),
    settings: readSettings(process.env, process.cwd()),
    published: new Map(),
    list: undefined,
    people: [],
    sitePages: [],
    contentSummary: undefined,
    resolved: undefined,
    resolvedListeners: new Set(),
    shared: new Map(),
    writes: [],
    routePathSelector: undefined,
  });
}

/**
 * Whether this process is the publish server's builder (`npm run publish`, scripts/publish.ts, which
 * sets WARTA_PUBLISH_SERVER=worker for it): every publish is a build of this process, so what one
 * build keeps in memory for the next is used. Not one of the {@link BuildSettings}: those are part of
 * the code version a publish by the page plan compares (staged-output.ts), and the server's builds
 * and an `npm run build` of the same checkout make the same site.
 */
export function isPublishServer(): boolean {
  return process.env['WARTA_PUBLISH_SERVER'] === 'worker';
}

/** The settings of this process (see {@link BuildSettings}). */
export function buildSettings(): BuildSettings {
  return state().settings;
}

/** Records Astro's command; called by the Warta integration before the content config is loaded. */
export function setCommand(command: WartaCommand): void {
  state().command = command;
}

/**
 * Starts a build: its clock, and nothing left of an earlier build in this process. `astro build`
 * runs one build a process, but the publish server (scripts/publish.ts) runs one for each change in
 * the same process: without this, its builds would share the first one's clock (a story dated after
 * the server started would stay scheduled), and the published articles of every earlier build would
 * stay in memory. Called by the Warta integration when Astro reads the config.
 */
export function startBuild(): void {
  const current = state();
  current.startedAt = new Date();
  forgetBuild(current);
}

/**
 * Ends a build: lets go of everything it published (every article's data, the pages' shared
 * values). The publish server (scripts/publish.ts) calls it once a publish has ended, published or
 * failed, so that the next publish does not build its content beside the whole previous site: at
 * 100,000 articles that site is several hundred megabytes of a heap whose collections the content
 * step pays for. `astro build` needs no call: its process ends.
 */
export function endBuild(): void {
  forgetBuild(state());
}

/** What one build publishes and listens with, forgotten when a build starts and when it ends. */
function forgetBuild(current: State): void {
  // A build that failed before its articles resolved left its search index's listener here, which
  // would otherwise start a second index of the next build's articles into the same folder. The
  // search integration registers this build's own listener after startBuild runs (it comes after
  // the Warta integration in astro.config.mjs, and both act in astro:config:setup).
  current.resolvedListeners.clear();
  current.published.clear();
  current.list = undefined;
  current.people = [];
  current.sitePages = [];
  current.contentSummary = undefined;
  current.resolved = undefined;
  current.shared.clear();
  // Set again by the build's page plan, which starts after this (staged-output.ts comes last).
  current.routePathSelector = undefined;
  // A failed build's writes go on by themselves (term-cache.ts orders one file's writes); nobody waits.
  current.writes = [];
}

/**
 * Hands the build a write still under way (the loader's related terms, see its `deferWrite`), which
 * must be done before the build publishes; `written` rejects with the error that fails the build.
 * Returns false, taking nothing, when this process runs no build that would wait (`astro sync`, the
 * dev server): the caller waits itself.
 */
export function deferWrite(written: Promise<void>): boolean {
  const current = state();
  if (current.command !== 'build') return false;
  // Waited for in finishWrites; this only keeps a failure from being reported as unhandled first.
  written.catch(() => undefined);
  current.writes.push(written);
  return true;
}

/**
 * Waits for the build's deferred writes (see {@link deferWrite}), and rejects with the first one's
 * failure. Called by the Warta integration in `astro:build:done`, before the output is published.
 */
export async function finishWrites(): Promise<void> {
  const current = state();
  const writes = current.writes;
  current.writes = [];
  await Promise.all(writes);
}

/**
 * A route's paths for Astro (call from every keyed route's `getStaticPaths`, with the `routePattern`
 * Astro hands it): in a publish by the page plan, without those whose page is unchanged and left in
 * the live site (`selectPathsOfRoute` in src/integrations/kept-pages.ts, which sets the selector when
 * a build starts its plan); otherwise all of them.
 */
export async function routePaths<T extends RoutePath>(routePattern: string, paths: T[]): Promise<T[]> {
  const select = state().routePathSelector;
  return select === undefined || isDevServer() ? paths : select(routePattern, paths);
}

/** Sets the selector of {@link routePaths}, or takes it away (undefined). */
export function setRoutePathSelector(select: RoutePathSelector | undefined): void {
  state().routePathSelector = select;
}

/**
 * A value the pages compute once per build and share (the site index, the archive: site-data.ts),
 * made by `make` on the first call of the build and kept in the build context until the build ends.
 * Not in the pages' modules: the publish server runs a build for each change in one process, and
 * when the pages' code is unchanged Node hands each build the same modules, whose variables would
 * keep the previous build's values (and its whole site) alive into the next build. The dev server
 * makes the value on each call, so edits show up.
 */
export function perBuild<T>(name: string, make: () => T): T {
  if (isDevServer()) return make();
  const { shared } = state();
  // The map holds each name's own value, put there below by this function.
  if (shared.has(name)) return shared.get(name) as T;
  const value = make();
  shared.set(name, value);
  return value;
}

/**
 * The build's clock: articles dated later are scheduled, and the news sitemap counts back from it.
 * WARTA_NOW when set; otherwise one instant per build, so the loader and the sitemap agree; the dev
 * server reads the time at each call, so a scheduled article appears when its time comes.
 */
export function buildClock(): Date {
  const current = state();
  return current.settings.fixedNow ?? (current.command === 'dev' ? new Date() : current.startedAt);
}

/**
 * Whether this is the dev server. Not Vite's mode, which NODE_ENV=test or a custom --mode would
 * flip, turning a production build into a "dev" one that publishes drafts.
 */
export function isDevServer(): boolean {
  return state().command === 'dev';
}

/**
 * Called by the content loader for every article of a successful load, once its body is on disk.
 *
 * Astro's content entries carry only the article's id and digest: Astro serializes its data store
 * into one JavaScript module that every build bundles, compiles and hydrates into a second copy of
 * the data (measured on 100,000 articles, 121 MB of entry data took the Vite step to 29 s and the
 * build's peak to 7 GB). The loader and the pages run in one process, so its objects are shared
 * instead. Keyed by digest, so pages always follow Astro's entries: on the dev server Astro picks up
 * a reload a moment after the loader, and until then its entries name the previous digests.
 */
export function publishArticle(digest: string, article: Article, body: BodyLocation): void {
  state().published.set(digest, { article, body });
}

/**
 * Called by the content loader of a build, after {@link publishArticle} for each article, with every
 * article in its order. A build's entries then stand for the whole site in one (see `SITE_ENTRY` in
 * warta-loader.ts), and the pages take the list from here instead of Astro's entries.
 */
export function publishArticleList(list: readonly { readonly article: Article; readonly digest: string }[]): void {
  state().list = list;
}

/** The list of {@link publishArticleList}, in a build whose loader published one. */
export function publishedArticleList(): readonly { readonly article: Article; readonly digest: string }[] | undefined {
  return state().list;
}

/**
 * Called by the content loader on each successful load with the newsroom's people (content/penulis/):
 * few, and read by the author pages and the image integration, so they travel beside the entries.
 */
export function publishPeople(people: readonly Person[]): void {
  state().people = people;
}

/** Called by the content loader on each successful load with the newsroom's pages (content/halaman/). */
export function publishSitePages(pages: readonly SitePage[]): void {
  state().sitePages = pages;
}

/** The newsroom's pages of the last successful load, in footer order. */
export function publishedSitePages(): readonly SitePage[] {
  return state().sitePages;
}

/** The people of the last successful load, by slug. */
export function publishedPeople(): readonly Person[] {
  return state().people;
}

/** The data of the content entry `id` with `digest`; throws when the loader did not publish it in this process. */
export function publishedArticle(id: string, digest: string | number | undefined): Article {
  return published(id, digest).article;
}

/** Where the rendered body of the entry `id` with `digest` is stored; throws like {@link publishedArticle}. */
export function publishedBody(id: string, digest: string | number | undefined): BodyLocation {
  return published(id, digest).body;
}

/**
 * The published articles that `match`, one per slug (the latest load's), for error reports that
 * know only a page's URL. Goes through every article: not for the pages' own use.
 */
export function findPublishedArticles(match: (article: Article) => boolean): Article[] {
  const bySlug = new Map<string, Article>();
  for (const { article } of state().published.values()) if (match(article)) bySlug.set(article.slug, article);
  return [...bySlug.values()];
}

function published(id: string, digest: string | number | undefined): Published {
  const entry = digest === undefined ? undefined : state().published.get(String(digest));
  if (entry) return entry;
  const error = new Error(
    `Warta: no data for the article entry "${id}" (digest ${String(digest)}). Pages take article data from ` +
      'the content loader (src/loaders/warta-loader.ts), which must run in the same process: build with ' +
      '`astro build` or preview with `astro dev`.',
  );
  throw withoutStack(error);
}

/** Records the content layer's counts and slugs for the end-of-build report. */
export function recordContentSummary(summary: ContentSummary): void {
  state().contentSummary = summary;
}

/** The summary the content loader recorded in this process, if it ran. */
export function readContentSummary(): ContentSummary | undefined {
  return state().contentSummary;
}

/**
 * The "articles resolved" event: the loader calls it as soon as the published articles' links
 * resolve, before related lists are ranked and bodies rendered, so the search index can start.
 */
export function articlesResolved(articles: readonly ResolvedArticle[]): void {
  const current = state();
  current.resolved = articles;
  for (const listener of [...current.resolvedListeners]) listener(articles);
}

/** Calls `listener` each time articles are resolved; returns the function that stops it. */
export function onArticlesResolved(listener: (articles: readonly ResolvedArticle[]) => void): () => void {
  const { resolvedListeners } = state();
  resolvedListeners.add(listener);
  return () => resolvedListeners.delete(listener);
}

/** Takes the resolved articles, if any, and forgets them: they hold every article's text. */
export function takeResolvedArticles(): readonly ResolvedArticle[] | undefined {
  const current = state();
  const articles = current.resolved;
  current.resolved = undefined;
  return articles;
}
