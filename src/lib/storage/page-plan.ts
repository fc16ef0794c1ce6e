import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import { removeAbandonedTemporaries, writeSerializedReplacing } from './write-fully.ts';

/**
 * The page plan: every keyed page of the last published build (its route, URL path, output file and
 * cache key), kept in the cache folder so that a publish can render only the pages whose key changed
 * without handing Astro every path (issue #20).
 *
 * Astro's incremental build takes every path of every route, and for each one builds its output
 * URLs, looks it up in a 36 MB JSON manifest, checks the output folder, restores or keeps the page and
 * records it in the next manifest: at 100,000 articles that walk of 125,850 paths was about 4 s of
 * CPU, and a publish that rendered 26 pages had a page step of 15.8 s walking against 10.1 s by the
 * plan (medians of three, side by side). With the plan, a publish whose code is that of the previous
 * build asks Astro to render only the changed pages and keeps the rest where they are in the live
 * site (`src/integrations/kept-pages.ts` says when this applies).
 *
 * Hand-written: this is Warta's own state between builds (the keys are Warta's), in the format of its
 * other caches (v8 serialization, one file, replaced whole).
 */

/** One keyed page. */
export interface PlannedPage {
  /** The route's component file, as Astro names it (`src/pages/berita/[slug].astro`). */
  readonly component: string;
  /** Its URL path (`/berita/x/`). */
  readonly pathname: string;
  /** Its output file relative to the output folder, `/`-separated (`berita/x/index.html`). */
  readonly file: string;
  /** Its cache key: the page is the same while the key and the code are. */
  readonly key: string;
  /**
   * The inode its file had when the plan was saved, shared by the live page and its build cache
   * copy (hard links), when known: the next publish then checks that the page is intact with one
   * stat of the live file (`isStillLinked` in same-file.ts) instead of two. Unknown (undefined) for
   * pages a walk through Astro made; the first publish by the plan finds it with the two stats.
   */
  readonly ino?: number | undefined;
  /**
   * Its route's pattern and its params ({@link routePathKey}), when its route handed it through
   * {@link selectRoutePaths}: the next publish by the plan finds the page by what the route returns,
   * before Astro makes a URL path of it.
   */
  readonly pathKey?: string | undefined;
}

/** A plan as stored. */
export interface PagePlan {
  /** The code and settings the pages were rendered with (`codeVersion` in `src/integrations/staged-output.ts`). */
  readonly version: string;
  /**
   * Whether builds since Astro's own incremental manifest was written have changed pages without
   * it (publishes that went by the plan): the next build that goes through Astro's walk must bring
   * that manifest in line with the plan first.
   */
  readonly astroManifestBehind: boolean;
  /** The pages, by output file. */
  readonly pages: ReadonlyMap<string, PlannedPage>;
}

const FORMAT = 'warta-page-plan-3';

/** Cells a page takes in the stored rows. */
const ROW = 6;

/** Reads the plan in `file`; undefined when it is missing, damaged or of another format. */
export function readPagePlan(file: string): PagePlan | undefined {
  let stored: unknown;
  try {
    stored = v8.deserialize(fs.readFileSync(file));
  } catch {
    return undefined;
  }
  if (!Array.isArray(stored) || stored[0] !== FORMAT || stored.length !== 5) return undefined;
  const [, version, behind, components, rows] = stored as unknown[];
  if (typeof version !== 'string' || typeof behind !== 'boolean' || !Array.isArray(components) || !Array.isArray(rows))
    return undefined;
  // Rows of six: component index, pathname, file, key, inode (0 when unknown), path key ('' when
  // unknown); the few component names are stored once.
  if (rows.length % ROW !== 0) return undefined;
  const pages = new Map<string, PlannedPage>();
  const cells = rows as unknown[];
  const names = components as unknown[];
  for (let i = 0; i < cells.length; i += ROW) {
    const component = names[cells[i] as number];
    const [pathname, page, key, ino, pathKey] = [cells[i + 1], cells[i + 2], cells[i + 3], cells[i + 4], cells[i + 5]];
    if (
      typeof component !== 'string' ||
      typeof pathname !== 'string' ||
      typeof page !== 'string' ||
      typeof key !== 'string' ||
      typeof ino !== 'number' ||
      typeof pathKey !== 'string'
    )
      return undefined;
    pages.set(page, {
      component,
      pathname,
      file: page,
      key,
      ...(ino > 0 ? { ino } : {}),
      ...(pathKey ? { pathKey } : {}),
    });
  }
  return { version, astroManifestBehind: behind, pages };
}

/** Writes `plan` to `file`, replacing it whole (a reader sees the old plan or the new one). */
export function writePagePlan(file: string, plan: PagePlan): void {
  const components: string[] = [];
  const index = new Map<string, number>();
  const rows: (string | number)[] = [];
  for (const page of plan.pages.values()) {
    let at = index.get(page.component);
    if (at === undefined) {
      at = components.push(page.component) - 1;
      index.set(page.component, at);
    }
    rows.push(at, page.pathname, page.file, page.key, page.ino ?? 0, page.pathKey ?? '');
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  removeAbandonedTemporaries(file);
  // 36 MB at 100,000 articles, written after each publish.
  writeSerializedReplacing(file, [FORMAT, plan.version, plan.astroManifestBehind, components, rows]);
}

/**
 * The output file Astro writes for a page at `pathname` in the `directory` build format
 * (`/berita/x/` → `berita/x/index.html`, `/` → `index.html`), or undefined for a path that does not
 * end in a slash (an endpoint such as `/rss.xml`, or Astro's `/404`), which the plan leaves to Astro.
 * Astro encodes the path into a file URL and decodes it back, so the file is the path as it is.
 */
export function plannedFile(pathname: string): string | undefined {
  if (!pathname.startsWith('/') || !pathname.endsWith('/')) return undefined;
  if (pathname.split('/').some((part) => part === '.' || part === '..')) return undefined;
  return `${pathname.slice(1)}index.html`;
}

/** What a publish by the plan does with this build's keyed pages. */
export interface PlanSelection<T> {
  /** The paths to render. */
  readonly render: readonly T[];
  /** The pages left as they are in the live site. */
  readonly kept: readonly PlannedPage[];
  /** Output files of the previous plan's pages that this build no longer has. */
  readonly removed: readonly string[];
}

/**
 * Sorts this build's pages (`current`, each with the path it came from) against the previous plan:
 * a page whose route, path and key are the plan's, and whose file in the live site is still the one
 * that build made (`intact`, given the plan's page, which may know its inode), is kept; every other
 * page is rendered; the plan's pages this build lacks are removed.
 */
export function selectChangedPages<T>(
  current: readonly { readonly page: PlannedPage; readonly path: T }[],
  previous: ReadonlyMap<string, PlannedPage>,
  intact: (before: PlannedPage) => boolean,
  keptByRoutes: readonly PlannedPage[] = [],
): PlanSelection<T> {
  const render: T[] = [];
  const kept: PlannedPage[] = [];
  // Pages their routes kept already ({@link selectRoutePaths}) are this build's too.
  const present = new Set<string>(keptByRoutes.map((page) => page.file));
  for (const { page, path: from } of current) {
    present.add(page.file);
    const before = previous.get(page.file);
    if (
      before?.key === page.key &&
      before.component === page.component &&
      before.pathname === page.pathname &&
      intact(before)
    )
      kept.push(page);
    else render.push(from);
  }
  const removed = [...previous.keys()].filter((file) => !present.has(file));
  return { render, kept, removed };
}

/** A path as a route's `getStaticPaths` returns it. */
export interface RoutePath {
  readonly params: Readonly<Record<string, string | number | undefined>>;
  readonly cacheKey?: string | number | undefined;
}

/**
 * What names a page before Astro makes its URL path: its route's pattern (`/berita/[slug]`, as Astro
 * hands it to `getStaticPaths`) and its params. With the code and settings unchanged (the plan's
 * version), the same route and params give the same URL path.
 */
export function routePathKey(routePattern: string, params: RoutePath['params']): string {
  return `${routePattern}\0${JSON.stringify(params)}`;
}

/** The plan's pages by {@link routePathKey}, for those whose key is known. */
export function pagesByPathKey(pages: ReadonlyMap<string, PlannedPage>): Map<string, PlannedPage> {
  const byKey = new Map<string, PlannedPage>();
  for (const page of pages.values()) if (page.pathKey !== undefined) byKey.set(page.pathKey, page);
  return byKey;
}

/** What a publish by the plan does with one route's paths (see {@link selectRoutePaths}). */
export interface RouteSelection<T> {
  /** The paths to hand Astro, in the route's order. */
  readonly handed: T[];
  /** The path key of each of {@link handed}. */
  readonly handedKeys: string[];
  /** The plan's pages these paths are, unchanged and intact: left in the live site. */
  readonly kept: PlannedPage[];
}

/**
 * Sorts one route's paths against the previous plan before Astro sees them: a path whose route and
 * params name a page of the plan (`byPathKey`, see {@link pagesByPathKey}) with the same cache key,
 * and whose live file is intact, is kept; every other path is handed on, to be sorted by
 * {@link selectChangedPages} once Astro has made its URL path. At 100,000 articles Astro made the
 * URL path of all 125,000 paths twice, validating each param, and Warta then sorted them: about
 * 0.9 s of the main thread of every publish, for the few dozen pages it renders (issue #20).
 */
export function selectRoutePaths<T extends RoutePath>(
  routePattern: string,
  paths: readonly T[],
  byPathKey: ReadonlyMap<string, PlannedPage>,
  intact: (before: PlannedPage) => boolean,
): RouteSelection<T> {
  const handed: T[] = [];
  const handedKeys: string[] = [];
  const kept: PlannedPage[] = [];
  for (const path of paths) {
    const pathKey = routePathKey(routePattern, path.params);
    const before = byPathKey.get(pathKey);
    if (before !== undefined && path.cacheKey !== undefined && before.key === String(path.cacheKey) && intact(before))
      kept.push(before);
    else {
      handed.push(path);
      handedKeys.push(pathKey);
    }
  }
  return { handed, handedKeys, kept };
}
