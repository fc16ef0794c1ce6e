/**
 * `make`, computed once per object: later calls with the same object get the first result, and the
 * results go with their objects (a WeakMap). For inputs that never change once made, such as parsed
 * articles and views: nothing tells this that an object changed. The build makes each article's list
 * entry, link and their JSON this way, once instead of once per list that shows them (issue #20).
 *
 * With a `name`, in a process that keeps results across builds ({@link keepResultsAcrossBuilds}: the
 * publish server), the results outlive the build: see {@link acrossBuilds}.
 */
export function oncePerObject<K extends object, V>(make: (key: K) => V, name?: string): (key: K) => V {
  const results = (name === undefined ? undefined : acrossBuilds<K, V>(name)) ?? new WeakMap<K, V>();
  return (key) => {
    let result = results.get(key);
    if (result === undefined) {
      result = make(key);
      results.set(key, result);
    }
    return result;
  };
}

/**
 * `make(key, input)`, kept across builds by `key` while its `input` is the same (`same`), in a process
 * that keeps results across builds (see {@link acrossBuilds}); elsewhere made at each call. For what
 * depends on a parsed article and on something else a build decides (its credits, its body key, the
 * file it is linked from): the result a previous build made is used only while that is unchanged.
 */
export function keptWhileSame<K extends object, I, V>(
  name: string,
  make: (key: K, input: I) => V,
  same: (kept: I, input: I) => boolean,
): (key: K, input: I) => V {
  const results = acrossBuilds<K, { readonly input: I; readonly result: V }>(name);
  if (results === undefined) return make;
  return (key, input) => {
    const kept = results.get(key);
    if (kept !== undefined && same(kept.input, input)) return kept.result;
    const result = make(key, input);
    results.set(key, { input, result });
    return result;
  };
}

/**
 * The publish server (scripts/publish.ts) runs every publish as a build in one process, and the parse
 * cache hands each build the same parsed-article objects for the files that did not change
 * (parse-cache.ts). What a build derives from those objects alone (an article's fields, its links,
 * their views and digests) is then the same in the next build, yet each build worked it all out again
 * for the whole archive: about 3 s of a 100,000-article publish for the links, the entries' digests
 * and the pages' keys (issue #20). Results kept by object across builds follow the change instead.
 *
 * Only there: each build's pages are a bundle Vite makes anew, with its own copies of Warta's modules
 * (the articles' loader and its modules were too, until the server loaded them once from Node's own
 * cache: src/content.config.ts), so the results live on `globalThis`, by name, where every copy of a
 * module finds the previous copy's. That is safe
 * only while the code that made a result is the code that would make it again: the server starts a new
 * process when Warta's code changes, while the dev server reloads changed modules in its process (so
 * it keeps nothing this way), and an `astro build` runs one build per process (nothing to keep).
 */
export function keepResultsAcrossBuilds(): void {
  (globalThis as Record<symbol, Registry | undefined>)[KEPT] ??= new Map();
}

/**
 * The process's map named `name`, kept across builds, when {@link keepResultsAcrossBuilds} was called;
 * otherwise undefined, and the caller keeps nothing past its own build. A name stands for one kind of
 * result, made by one function: two callers must never share one.
 */
export function acrossBuilds<K extends object, V>(name: string): WeakMap<K, V> | undefined {
  const registry = (globalThis as Record<symbol, Registry | undefined>)[KEPT];
  if (registry === undefined) return undefined;
  let results = registry.get(name);
  if (results === undefined) registry.set(name, (results = new WeakMap()));
  return results as WeakMap<K, V>;
}

/**
 * One value kept across builds under `name` (see {@link acrossBuilds}), in a box the caller reads and
 * replaces; undefined where nothing is kept. For what a build keeps whole rather than by object: the
 * related index (src/lib/related/incremental.ts).
 */
export function keptAcrossBuilds<V>(name: string): KeptBox<V> | undefined {
  const results = acrossBuilds<object, KeptBox<V>>(name);
  if (results === undefined) return undefined;
  // The key must be the same object for every build's copy of this module: one on globalThis.
  const anchor = ((globalThis as Record<symbol, object | undefined>)[ANCHOR] ??= {});
  let box = results.get(anchor);
  if (box === undefined) results.set(anchor, (box = { value: undefined }));
  return box;
}

/** A value kept across builds; see {@link keptAcrossBuilds}. */
export interface KeptBox<V> {
  value: V | undefined;
}

const ANCHOR = Symbol.for('warta.kept-across-builds-anchor');

type Registry = Map<string, WeakMap<object, unknown>>;
const KEPT = Symbol.for('warta.results-across-builds');
