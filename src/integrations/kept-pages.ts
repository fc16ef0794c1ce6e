import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { checkIntactPages, checkIntactPagesInWorker, intactCheck } from '../lib/storage/intact-pages.ts';
import { fileIdentity, isSameFile } from '../lib/storage/same-file.ts';
import {
  pagesByPathKey,
  routePathKey,
  plannedFile,
  readPagePlan,
  selectChangedPages,
  selectRoutePaths,
  writePagePlan,
  type PagePlan,
  type PlannedPage,
  type RoutePath,
} from '../lib/storage/page-plan.ts';
import { isPublishServer, setRoutePathSelector } from '../data/build-context.ts';
import { writeFileReplacing } from '../lib/storage/write-fully.ts';

/**
 * Lets a publish leave the previous site's unchanged pages where they are, instead of copying them
 * into the new site (issue #20).
 *
 * Astro's incremental build (`experimental.incrementalBuild`) restores a page whose `cacheKey` did
 * not change by copying its copy from `<cacheDir>/dist/` into the output folder. At 100,000 articles
 * that is 125,000 copies (and as many folders) on every publish, most of the 47–58 s Astro spent on
 * a publish that rendered 35 pages, plus, with the staging folder, the deletion of as many old files
 * afterwards. Astro has no option for it, so this replaces three methods of its cache class (the
 * reason this file reaches into `astro/dist/`; the version is pinned in package.json, and
 * {@link installKeptPages} checks the methods are there and otherwise leaves Astro as it is):
 *
 * - `writeOutputFile`, after a page is rendered into the staging folder, makes the cache copy a hard
 *   link of that file (written under a temporary name and renamed, never over an existing file, so a
 *   page of the live site, which may share the file, is never written in place);
 * - `restoreOutputFile` keeps the page in the live site when that file is the cache copy itself
 *   (same device and inode: the file this cache entry was made from, so it is the page Astro would
 *   restore), and records it; otherwise it hard-links the cache copy into the staging folder (a copy
 *   only where links fail), half the cost of a copy here;
 * - `deleteOutputFile` also records the pages the new site no longer has.
 *
 * The search index keeps its unchanged shards the same way ({@link keepInLiveSite}). The
 * staged-output integration then moves the staging folder's files into the live site around what
 * was kept (see `mergeInto` there).
 */

interface CacheSettings {
  readonly config: { readonly cacheDir: URL; readonly outDir: URL };
}

interface IncrementalCache {
  restoreOutputFile(settings: CacheSettings, outputFile: string, destination: URL): Promise<boolean>;
  writeOutputFile(settings: CacheSettings, outputFile: string, body: string | Uint8Array): Promise<void>;
  // A property, not a method: the original is kept and called with the cache as `this`.
  deleteOutputFile: (this: IncrementalCache, settings: CacheSettings, outputFile: string) => Promise<void>;
}

const state = {
  /** The live site's folder, whose unchanged pages stay; undefined when there is none to keep. */
  live: undefined as string | undefined,
  /** Output files (relative paths, `/`-separated) kept in the live site. */
  kept: new Set<string>(),
  /** Output files of the previous build that this one no longer makes. */
  removed: new Set<string>(),
};

/** Starts a build that may keep the pages of the site in `live` (a folder, or undefined for none). */
export function keepPagesOf(live: string | undefined): void {
  state.live = live;
  state.kept.clear();
  state.removed.clear();
}

/** The live site this build may keep files of (its folder), or undefined. */
export function liveSite(): string | undefined {
  return state.live;
}

/**
 * Notes that the site being built keeps `file` (a file or folder, relative to the output folder) of the
 * live site, as the search index keeps its unchanged shards. Only while {@link liveSite} is set.
 */
export function keepInLiveSite(file: string): void {
  if (state.live === undefined) throw new Error(`Cannot keep ${file}: this build has no live site to keep it in.`);
  state.kept.add(file);
}

/** The files and folders this build kept in the live site (relative paths). */
export function keptPages(): ReadonlySet<string> {
  return state.kept;
}

/** The pages of the previous build this one no longer makes (relative paths). */
export function removedPages(): ReadonlySet<string> {
  return state.removed;
}

/** Whether the site being built has `file` (relative to the output folder): written, or kept. */
export function siteHasFile(outDir: string, file: string): boolean {
  return state.kept.has(file) || fs.existsSync(path.join(outDir, file));
}

let installed: boolean | undefined;

/**
 * Replaces the three methods of Astro's incremental build cache (once per process). Returns false,
 * changing nothing, when Astro's cache class is not the one this was written for.
 */
export async function installKeptPages(): Promise<boolean> {
  if (installed !== undefined) return installed;
  const require = createRequire(import.meta.url);
  const astroRoot = path.dirname(require.resolve('astro/package.json'));
  let proto: IncrementalCache | undefined;
  try {
    // The very module Astro's build imports (same file, so the same class).
    const module = (await import(pathToFileURL(path.join(astroRoot, 'dist/core/build/incremental.js')).href)) as {
      IncrementalBuildCache?: { prototype: IncrementalCache };
    };
    proto = module.IncrementalBuildCache?.prototype;
  } catch {
    proto = undefined;
  }
  const usable =
    proto !== undefined &&
    typeof proto.restoreOutputFile === 'function' &&
    proto.restoreOutputFile.length === 3 &&
    typeof proto.writeOutputFile === 'function' &&
    proto.writeOutputFile.length === 3 &&
    typeof proto.deleteOutputFile === 'function' &&
    proto.deleteOutputFile.length === 2;
  installed = usable;
  if (!usable || !proto) return false;
  const originalDelete = proto.deleteOutputFile;

  // Folders made so far, as Astro's own method keeps them: a cold build writes 125,000 pages.
  const madeFolders = new Set<string>();
  proto.writeOutputFile = async function (settings, outputFile, body) {
    const cached = cachedFile(settings, outputFile);
    const temporary = `${cached}.tmp-${process.pid}`;
    const folder = path.dirname(cached);
    if (!madeFolders.has(folder)) {
      await fs.promises.mkdir(folder, { recursive: true });
      madeFolders.add(folder);
    }
    // Astro has just written this page into the output folder, with the same body.
    const staged = fileURLToPath(new URL(outputFile, settings.config.outDir));
    try {
      await fs.promises.link(staged, temporary);
    } catch {
      // A temporary file left by a stopped build (never written into: it may share a live page's
      // file), a folder deleted since it was made, or a file system without links.
      await fs.promises.rm(temporary, { force: true });
      await fs.promises.mkdir(folder, { recursive: true });
      try {
        await fs.promises.link(staged, temporary);
      } catch {
        await fs.promises.writeFile(temporary, body);
      }
    }
    await fs.promises.rename(temporary, cached);
  };

  proto.restoreOutputFile = async function (settings, outputFile, destination) {
    const cached = cachedFile(settings, outputFile);
    const relative = relativeFile(outputFile);
    if (state.live !== undefined && isSameFile(cached, path.join(state.live, relative))) {
      state.kept.add(relative);
      return true;
    }
    const target = fileURLToPath(destination);
    try {
      await fs.promises.mkdir(path.dirname(target), { recursive: true });
      await fs.promises.link(cached, target);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return false;
      try {
        await fs.promises.copyFile(cached, target);
      } catch {
        return false;
      }
    }
    return true;
  };

  proto.deleteOutputFile = async function (settings, outputFile) {
    state.removed.add(relativeFile(outputFile));
    await originalDelete.call(this, settings, outputFile);
  };
  return true;
}

function cachedFile(settings: CacheSettings, outputFile: string): string {
  return fileURLToPath(new URL(outputFile, new URL('dist/', settings.config.cacheDir)));
}

/** An output file as Astro names it (a URL path relative to the output folder) as a plain relative path. */
function relativeFile(outputFile: string): string {
  return fileURLToPath(new URL(outputFile, 'file:///')).slice(1).split(path.sep).join('/');
}

// ---------------------------------------------------------------------------------------------------
// Publishing by the page plan (src/lib/storage/page-plan.ts).
//
// A publish whose code and settings are those of the previous build (the plan's `version`) does not
// hand Astro every path: Astro's incremental build is turned off for it, the prerenderer renders only
// the pages whose key changed or whose live file is not the one the build cache made, and every
// other planned page stays where it is in the live site. Astro's own incremental manifest is left as
// it was and the plan notes that it is behind; the next build that goes through Astro's walk (one
// after a code change, which needs Astro's per-route dependency hashes, or one without a live site)
// first rewrites that manifest from the plan, so Astro keeps exactly the pages the plan would.

/** Where the plan lives in the cache folder. */
const PLAN_FILE = 'warta-page-plan.bin';

interface PlanState {
  /** The cache folder (Astro's `cacheDir`). */
  cacheDir: string;
  /** The code and settings of this build. */
  version: string;
  /** The previous build's plan, when it can be used by this build. */
  previous: PagePlan | undefined;
  /** Whether this build renders only the changed pages (a publish by the plan). */
  byPlan: boolean;
  /** This build's keyed pages, as the prerenderer hands them over. */
  current: PlannedPage[];
  /** Output files of planned pages this build renders (a publish by the plan). */
  rendered: string[];
  /** Astro's page names (`berita/x/`) of the pages a publish by the plan kept. */
  keptNames: string[];
  /** The inode of each page file this build knows (kept or rendered by the plan), for the next plan. */
  inodes: Map<string, number>;
  /**
   * A publish by the plan: the previous plan's pages whose live file is intact, with their inodes,
   * checked on a worker thread while the build runs (intact-pages.ts).
   */
  intact: Promise<ReadonlyMap<string, number>> | undefined;
  /** The previous plan's pages by route and params, made when the first route asks (a publish by the plan). */
  byPathKey: Map<string, PlannedPage> | undefined;
  /** Pages the routes kept before Astro saw them (a publish by the plan, {@link selectPathsOfRoute}). */
  keptByRoutes: PlannedPage[];
  /** Each route's path keys, in the order its paths were handed to Astro, by route pattern. */
  handedKeys: Map<string, string[]>;
  /** What each route handed on, by route pattern: a route asked again gets the same answer. */
  handed: Map<string, RoutePath[]>;
}

const plan: PlanState = {
  cacheDir: '',
  version: '',
  previous: undefined,
  byPlan: false,
  current: [],
  rendered: [],
  keptNames: [],
  inodes: new Map(),
  intact: undefined,
  byPathKey: undefined,
  keptByRoutes: [],
  handedKeys: new Map(),
  handed: new Map(),
};

/**
 * Starts a build's plan: reads the previous plan and says whether this build can publish by it
 * (returns the reason when it cannot). Call after {@link keepPagesOf}; a build that publishes by the
 * plan must also turn Astro's incremental build off (`experimental.incrementalBuild: false`).
 */
export function startPagePlan(cacheDir: string, version: string): { byPlan: boolean; why: string } {
  plan.cacheDir = cacheDir;
  plan.version = version;
  plan.current = [];
  plan.rendered = [];
  plan.keptNames = [];
  plan.inodes = new Map();
  plan.byPathKey = undefined;
  plan.keptByRoutes = [];
  plan.handedKeys = new Map();
  plan.handed = new Map();
  // The pages' routes hand their paths through this build's plan (see selectPathsOfRoute).
  setRoutePathSelector(selectPathsOfRoute);
  plan.previous = keptPlanOf(path.join(cacheDir, PLAN_FILE)) ?? readPagePlan(path.join(cacheDir, PLAN_FILE));
  const why =
    installed !== true
      ? "Astro's incremental build cache is not the one Warta was written for"
      : state.live === undefined
        ? 'there is no live site to keep pages in'
        : plan.previous === undefined
          ? 'there is no page plan of a previous build'
          : plan.previous.version !== version
            ? 'the code or the settings changed since the previous build'
            : '';
  plan.byPlan = why === '';
  plan.intact = undefined;
  if (plan.byPlan && plan.previous && state.live !== undefined) {
    const previous = plan.previous;
    const check = intactCheck(previous.pages.values(), state.live, path.join(cacheDir, 'dist'));
    // A worker that cannot run leaves the check to this thread, with the same answer.
    plan.intact = checkIntactPagesInWorker(check, INTACT_WORKER)
      .catch(() => checkIntactPages(check))
      .then((found) => {
        const intact = new Map<string, number>();
        check.files.forEach((file, i) => {
          const ino = found[i] ?? 0;
          if (ino > 0) intact.set(file, ino);
        });
        return intact;
      });
  }
  return { byPlan: plan.byPlan, why };
}

/**
 * Lets go of a finished build's plan and page lists: the previous plan read at its start (a row for
 * each of 125,834 pages at 100,000 articles), this build's pages, their inodes, and the files it
 * kept. The next build reads the plan from disk again. Called by the publish server once a publish
 * has ended (see `endBuild` in build-context.ts), so that its next publish does not carry them.
 */
export function forgetPagePlan(): void {
  plan.previous = undefined;
  plan.byPlan = false;
  plan.current = [];
  plan.rendered = [];
  plan.keptNames = [];
  plan.inodes = new Map();
  plan.intact = undefined;
  plan.byPathKey = undefined;
  plan.keptByRoutes = [];
  plan.handedKeys = new Map();
  plan.handed = new Map();
  setRoutePathSelector(undefined);
  keepPagesOf(undefined);
}

/** The worker module of the intact check (intact-pages-worker.ts). */
const INTACT_WORKER = fileURLToPath(new URL('../lib/storage/intact-pages-worker.ts', import.meta.url));

/**
 * One route's paths, as its `getStaticPaths` returns them (`routePattern` is the pattern Astro hands
 * it): all of them, unless this build publishes by the plan, which leaves out those whose page is
 * unchanged and intact in the live site, so Astro never makes their URL paths (see
 * `selectRoutePaths` in page-plan.ts). Either way notes the path key of each path it hands on, in
 * order, for {@link selectPathsToRender} to match with the URL path Astro makes of it.
 */
async function selectPathsOfRoute<T extends RoutePath>(routePattern: string, paths: T[]): Promise<T[]> {
  // Astro asks each route once a build (its route cache); were it to ask again, the pages kept the
  // first time must not be counted twice.
  const earlier = plan.handed.get(routePattern);
  // The same route's own paths, handed on the first time.
  if (earlier !== undefined) return earlier as T[];
  const handed = await selectHanded(routePattern, paths);
  plan.handed.set(routePattern, handed);
  return handed;
}

async function selectHanded<T extends RoutePath>(routePattern: string, paths: T[]): Promise<T[]> {
  if (!plan.byPlan || !plan.previous || plan.intact === undefined) {
    plan.handedKeys.set(
      routePattern,
      paths.map((p) => routePathKey(routePattern, p.params)),
    );
    return paths;
  }
  const checked = await plan.intact;
  plan.byPathKey ??= pagesByPathKey(plan.previous.pages);
  const selection = selectRoutePaths(routePattern, paths, plan.byPathKey, (before) => checked.has(before.file));
  for (const page of selection.kept) {
    plan.keptByRoutes.push(page);
    keepPlanned(page, checked);
  }
  plan.handedKeys.set(routePattern, selection.handedKeys);
  return selection.handed;
}

/** Leaves a planned page in the live site; its inode goes into the next plan. */
function keepPlanned(page: PlannedPage, checked: ReadonlyMap<string, number>): void {
  state.kept.add(page.file);
  plan.keptNames.push(page.pathname.slice(1));
  const ino = checked.get(page.file);
  if (ino !== undefined) plan.inodes.set(page.file, ino);
}

/**
 * Given every path Astro would render (the paths the routes handed on, see
 * {@link selectPathsOfRoute}), returns those to render: all of them, unless this build publishes by
 * the plan. Notes every keyed page for the next plan either way, with its path key.
 */
export async function selectPathsToRender<
  T extends { pathname: string; cacheKey?: string | undefined; route: { component: string; route: string } },
>(paths: readonly T[]): Promise<T[]> {
  const planned: { page: PlannedPage; path: T }[] = [];
  const unplanned: T[] = [];
  // The n-th path Astro made of a route is the n-th its getStaticPaths handed on (static-paths.js
  // keeps each route's order); a route whose count differs gets no path keys, and the next publish
  // sorts its pages by their URL paths instead.
  const seen = new Map<string, number>();
  for (const p of paths) {
    const file = p.cacheKey === undefined ? undefined : plannedFile(p.pathname);
    if (file === undefined || p.cacheKey === undefined) {
      unplanned.push(p);
      continue;
    }
    const n = seen.get(p.route.route) ?? 0;
    seen.set(p.route.route, n + 1);
    const pathKey = plan.handedKeys.get(p.route.route)?.[n];
    planned.push({
      page: { component: p.route.component, pathname: p.pathname, file, key: p.cacheKey, pathKey },
      path: p,
    });
  }
  for (const [route, count] of seen) if (plan.handedKeys.get(route)?.length !== count) plan.handedKeys.delete(route);
  const withKeys = planned.map(({ page, path: from }) =>
    plan.handedKeys.has(from.route.route)
      ? { page, path: from }
      : { page: { ...page, pathKey: undefined }, path: from },
  );
  plan.current = [...plan.keptByRoutes, ...withKeys.map((p) => p.page)];
  if (!plan.byPlan || !plan.previous || plan.intact === undefined) return [...paths];
  const checked = await plan.intact;
  // Each planned path goes in with its page, so the pages to render come back with their files.
  const selection = selectChangedPages(
    withKeys.map((entry) => ({ page: entry.page, path: entry })),
    plan.previous.pages,
    (before) => checked.has(before.file),
    plan.keptByRoutes,
  );
  for (const page of selection.kept) keepPlanned(page, checked);
  for (const file of selection.removed) state.removed.add(file);
  plan.rendered = selection.render.map((entry) => entry.page.file);
  return [...unplanned, ...selection.render.map((entry) => entry.path)];
}

/**
 * Astro's names (`berita/x/`) of every page of the new site: those in Astro's own `pages` (of
 * `astro:build:done`), and those a publish by the plan kept, which Astro never saw.
 */
export function sitePageNames(pages: readonly { readonly pathname: string }[]): string[] {
  return [...pages.map((p) => p.pathname), ...plan.keptNames];
}

/** The previous build's plan this build started from (read, or kept by the publish server), if any. */
export function previousPagePlan(): PagePlan | undefined {
  return plan.previous;
}

/** Whether the build under way publishes by the plan: it renders only the pages whose key changed. */
export function publishesByPlan(): boolean {
  return plan.byPlan;
}

/** How many pages a publish by the plan kept without handing them to Astro. */
export function keptByPlanCount(): number {
  return plan.keptNames.length;
}

/** How many of those its routes kept before Astro made their URL paths ({@link selectPathsOfRoute}). */
export function keptByRoutesCount(): number {
  return plan.keptByRoutes.length;
}

/**
 * Before a walk through Astro's incremental build: when publishes by the plan changed pages since
 * Astro's manifest was written, rewrites that manifest's paths from the plan (each route keeps its
 * dependency hash, from the same code), so that Astro restores what the plan has and renders what
 * changed. Without a usable manifest it does nothing: Astro then renders every page.
 */
export function bringAstroManifestInLine(): void {
  const previous = plan.previous;
  if (plan.byPlan || !previous?.astroManifestBehind) return;
  const file = path.join(plan.cacheDir, ASTRO_MANIFEST);
  let manifest: { routes?: Record<string, { dependencyHash?: string; paths?: Record<string, unknown> }> };
  try {
    manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as typeof manifest;
  } catch {
    return;
  }
  if (typeof manifest.routes !== 'object') return;
  const byComponent = new Map<string, Record<string, { cacheKey: string; outputFile: string }>>();
  for (const page of previous.pages.values()) {
    let paths = byComponent.get(page.component);
    if (!paths) byComponent.set(page.component, (paths = {}));
    paths[page.pathname] = { cacheKey: page.key, outputFile: encodeURI(page.file) };
  }
  for (const [component, route] of Object.entries(manifest.routes)) route.paths = byComponent.get(component) ?? {};
  writeFileReplacing(file, JSON.stringify(manifest));
}

/** Astro's incremental manifest in the cache folder (astro/dist/core/build/incremental.js). */
const ASTRO_MANIFEST = 'incremental-build.json';

/**
 * After a publish by the plan rendered its pages into `staging`: makes each rendered page's build
 * cache copy a link of the new file (as Astro's cache does, see `writeOutputFile` above), so the
 * next publish finds it intact, and deletes the copies of removed pages.
 */
export function cacheRenderedByPlan(staging: string): void {
  if (!plan.byPlan) return;
  const cache = path.join(plan.cacheDir, 'dist');
  for (const file of plan.rendered) {
    const ino = linkIntoCache(path.join(staging, file), path.join(cache, file));
    if (ino !== undefined) plan.inodes.set(file, ino);
  }
  for (const file of state.removed) fs.rmSync(path.join(cache, file), { force: true });
}

/**
 * Writes this build's plan; call once the new site is live. In the publish server the plan is kept
 * in memory for its next publish, and written by {@link writePendingPagePlan} once the publish has
 * ended: serializing and writing 125,000 pages took about 0.2 s of every 100,000-article publish
 * after its pages were live, and reading them back 0.1 s of the next one's start.
 */
export function savePagePlan(written: () => void = () => undefined): void {
  if (!plan.cacheDir) {
    written();
    return;
  }
  const pages = new Map(
    plan.current.map((page) => {
      const ino = plan.inodes.get(page.file);
      return [page.file, ino === undefined ? page : { ...page, ino }];
    }),
  );
  const saved = { version: plan.version, astroManifestBehind: plan.byPlan, pages };
  const file = path.join(plan.cacheDir, PLAN_FILE);
  keptPlan = undefined;
  pendingPlan = { file, plan: saved, written };
  if (!isPublishServer()) writePendingPagePlan();
}

/**
 * The plan a build saved and has not written yet ({@link savePagePlan}), with what to call once it is
 * written; and the last one the publish server wrote, with the file's identity then. Module
 * variables: the publish server imports this module by the same URL as astro.config.mjs, so every
 * build of its process shares them.
 */
let pendingPlan: { readonly file: string; readonly plan: PagePlan; readonly written: () => void } | undefined;
let keptPlan: { readonly file: string; readonly plan: PagePlan; readonly identity: string } | undefined;

/**
 * Writes the plan the last build saved (see {@link savePagePlan}), if any, then calls its `written`
 * (staged-output.ts releases the build lock there, so another process's build reads this plan),
 * and in the publish server keeps it for the next build while the file stays the one written. The
 * server calls it once each publish has ended.
 */
export function writePendingPagePlan(): void {
  const pending = pendingPlan;
  if (pending === undefined) return;
  pendingPlan = undefined;
  try {
    writePagePlan(pending.file, pending.plan);
  } finally {
    pending.written();
  }
  const identity = isPublishServer() ? fileIdentity(pending.file) : undefined;
  keptPlan = identity === undefined ? undefined : { file: pending.file, plan: pending.plan, identity };
}

/**
 * The plan this process saved last for `file`, when it is still what the file holds (or not written
 * yet); undefined otherwise, and the caller reads the file.
 */
function keptPlanOf(file: string): PagePlan | undefined {
  if (pendingPlan?.file === file) return pendingPlan.plan;
  if (keptPlan?.file === file && fileIdentity(file) === keptPlan.identity) return keptPlan.plan;
  return undefined;
}

/**
 * Makes `cached` a hard link of `staged` (written under a temporary name, then renamed over it), and
 * returns the inode the two share; a copy where links cannot be made shares none (undefined).
 */
function linkIntoCache(staged: string, cached: string): number | undefined {
  const temporary = `${cached}.tmp-${process.pid}`;
  fs.mkdirSync(path.dirname(cached), { recursive: true });
  fs.rmSync(temporary, { force: true });
  let linked = true;
  try {
    fs.linkSync(staged, temporary);
  } catch {
    fs.copyFileSync(staged, temporary);
    linked = false;
  }
  fs.renameSync(temporary, cached);
  return linked ? fs.statSync(cached).ino : undefined;
}
