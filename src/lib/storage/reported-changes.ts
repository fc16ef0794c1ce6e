import path from 'node:path';
import type { FileStamp } from './file-stamps.ts';
import { keptStamps } from './parse-cache.ts';
import { listContentDirectory, shownPath } from './read-sources.ts';
import { stampFilesOffThread } from './stamp-files.ts';

/**
 * What the publish server's watcher (scripts/publish.ts) saw change in the content folder, so that a
 * publish need not stat all of it to learn that one story changed (issue #20).
 *
 * A build knows a file unchanged by its stamp (file-stamps.ts). Taking 100,000 stamps is 100,000
 * stats: about 0.5 s of a worker thread in each 100,000-article publish, which the main thread spent
 * waiting, since the server already holds the parse cache those stamps are compared with. The
 * watcher already knows which entries changed. So, in the server, a build stats only the files the
 * watcher named since the stamps it compares with were taken, and takes the stamps it remembers
 * (parse-cache.ts, `rememberedStamp`) for the rest. The folder is still listed whole: new and deleted
 * stories are found by the listing, never by the watcher alone.
 *
 * When is that safe? The remembered stamps were taken (or carried over the same way) by an earlier
 * build of this process, after that build's mark (below); every change to a file after that build's
 * start is an event the watcher delivers, unless the kernel's queue of events overflowed or a folder
 * could not be watched. So:
 * - a build uses every event since the mark of the build whose stamps it compares with, not only
 *   those since its own start: a file saved while that build ran, after it was read, has its old
 *   stamp in the cache and its event after that build's mark;
 * - an event without a name, or a folder that could not be watched, makes every later build stat
 *   everything (`blind`), for the life of the process;
 * - a name stands for everything below it: a folder renamed or copied in makes a single event, and
 *   its files were written before it was watched;
 * - after each publish the server checks every stamp once more on a worker thread, while it is idle
 *   ({@link checkRememberedStamps}), and publishes again what the watcher missed (an overflowed queue),
 *   saying so. A missed change is then live one publish late, never kept from the site.
 *
 * Kept on `globalThis`, as parse-cache.ts keeps its state: the server and its builds must share it
 * whichever way the loader's modules were loaded.
 */
interface ChangeLog {
  /** Content-relative paths (with `/`) named by the watcher's events, oldest first; `events[i]` is event `offset + i`. */
  events: string[];
  /** The number of the first event in {@link events}: earlier ones were dropped once no build needed them. */
  offset: number;
  /** Whether the server is collecting events at all: no other command has a watcher to trust. */
  watching: boolean;
  /** Set for good when an event came without a name or a folder could not be watched. */
  blind: boolean;
  /** The mark of the build running now: the number of events the log had when it started. */
  buildMark: number | undefined;
  /** The mark of the build whose stamps the parse cache remembers, once one saved them. */
  stampedAt: number | undefined;
  /** Checks the remembered stamps against the folder (see {@link checkRememberedStamps}); set by the last load. */
  check: (() => Promise<readonly string[] | undefined>) | undefined;
}

/** What the log holds before the server watches, and again once it stops. */
function emptyLog(): ChangeLog {
  return {
    events: [],
    offset: 0,
    watching: false,
    blind: false,
    buildMark: undefined,
    stampedAt: undefined,
    check: undefined,
  };
}

const log: ChangeLog = ((globalThis as Record<symbol, ChangeLog | undefined>)[Symbol.for('warta.reported-changes')] ??=
  emptyLog());

/** The publish server starts watching: from now on its builds may trust what it reports. */
export function startReporting(): void {
  log.watching = true;
}

/** Watching stops: builds stat every file again, and what was reported is forgotten (a test's server ends). */
export function stopReporting(): void {
  Object.assign(log, emptyLog());
}

/**
 * The stamps a build may take without stat'ing the files, from the cache whose stamps are the ones
 * `changed` is counted since (the cache kept in memory by this process's last build; see
 * `rememberedStamp` in parse-cache.ts): none for a file the watcher may have seen change, or that is
 * a symbolic link (`links`: a change to the file it names is reported under that file's name).
 * Undefined, so that every file is stat'ed, when there is no cache or no trusted report.
 */
export function trustedStamps(
  cache: { rememberedStamp(path: string, displayPath: string): FileStamp | undefined } | undefined,
  changed: ((relative: string) => boolean) | undefined,
  links: ReadonlySet<string>,
): ((relative: string, displayPath: string) => FileStamp | undefined) | undefined {
  if (!cache || !changed) return undefined;
  return (relative, displayPath) =>
    changed(relative) || links.has(relative) ? undefined : cache.rememberedStamp(relative, displayPath);
}

/**
 * The watcher saw `relative` (content-relative, with `/`) change: a file or a folder, added, changed,
 * renamed or removed. Undefined when an event did not say which entry: nothing can be trusted after it.
 */
export function reportChange(relative: string | undefined): void {
  if (relative === undefined || relative === '' || relative.startsWith('..')) log.blind = true;
  else log.events.push(relative.split(path.sep).join('/'));
}

/** A folder could not be watched (or stopped being watched by an error): its changes would go unseen. */
export function reportBlind(): void {
  log.blind = true;
}

/** The server starts a build: the events so far are the ones that build may have seen. */
export function markBuildStart(): void {
  log.buildMark = log.offset + log.events.length;
}

/**
 * Which of the content folder's files the watcher may have seen change since the stamps the parse
 * cache remembers were taken: a test by content-relative path (with `/`). Undefined when the build
 * must stat every file: not the publish server, no stamps remembered yet, or the watcher went blind.
 */
export function changedSinceStamps(): ((relative: string) => boolean) | undefined {
  const since = log.stampedAt;
  if (!log.watching || log.blind || since === undefined || since < log.offset) return undefined;
  const named = new Set(log.events.slice(since - log.offset));
  if (named.size === 0) return () => false;
  return (relative) => {
    if (named.has(relative)) return true;
    // A folder named by an event stands for everything below it.
    for (let cut = relative.lastIndexOf('/'); cut > 0; cut = relative.lastIndexOf('/', cut - 1))
      if (named.has(relative.slice(0, cut))) return true;
    return false;
  };
}

/**
 * The build that started at the last mark saved the parse cache's stamps: the next build compares with
 * those, and needs the events from that mark on. Earlier events are dropped.
 */
export function stampsSaved(): void {
  if (!log.watching || log.buildMark === undefined) return;
  log.stampedAt = log.buildMark;
  const drop = log.buildMark - log.offset;
  if (drop > 0) {
    log.events.splice(0, drop);
    log.offset += drop;
  }
}

/** The last load leaves how to check the stamps it saved against the folder (the loader knows the folder and the cache). */
export function setStampCheck(check: (() => Promise<readonly string[] | undefined>) | undefined): void {
  log.check = log.watching ? check : undefined;
}

/**
 * Stats every file of the content folder once more, on a worker thread, and compares each with the
 * stamp the parse cache remembers: the content-relative paths that changed, were added or were
 * removed without the watcher reporting them; undefined when there is nothing to check. The server
 * runs it after each publish, while idle, and reports what it finds.
 */
export async function checkRememberedStamps(): Promise<readonly string[] | undefined> {
  const check = log.check;
  return check ? await check() : undefined;
}

/**
 * The publish server's check after a publish (see {@link checkRememberedStamps}): the
 * content-relative paths of the files whose stamps now differ from the ones the parse cache remembers,
 * and of those added or removed since this load listed the folder; undefined when the cache kept in
 * memory is no longer this load's save. The stats run on a worker thread, as a full build's do. A file
 * the cache remembers no stamp for (it had just been saved, or did not parse) is not compared: the
 * next publish stats it anyway.
 */
export function stampCheck(
  directory: string,
  listed: readonly string[],
  options: {
    readonly cacheFile: string;
    readonly version: string;
    readonly workerFile?: string | undefined;
    /** The folder the load showed paths relative to (the cache's stamps are by path and shown path). */
    readonly displayBase?: string | undefined;
  },
): () => Promise<readonly string[] | undefined> {
  const { cacheFile, version, workerFile, displayBase = process.cwd() } = options;
  return async () => {
    if (!keptStamps(cacheFile, version)) return undefined;
    let listing: ReturnType<typeof listContentDirectory>;
    try {
      listing = listContentDirectory(directory, displayBase);
    } catch {
      // The folder is gone or empty: the next publish says so, if there is one.
      return undefined;
    }
    const stamps = await stampFilesOffThread(directory, listing.files, workerFile);
    // Looked up after the stats: a publish that ran meanwhile left stamps of its own.
    const remembered = keptStamps(cacheFile, version);
    if (!remembered) return undefined;
    const before = new Set(listed);
    const changed: string[] = [];
    listing.files.forEach((file, i) => {
      const known = remembered(file, shownPath(directory, file, displayBase));
      if (known === undefined ? !before.has(file) : stamps[i] !== known) changed.push(file);
    });
    const now = new Set(listing.files);
    for (const file of listed) if (!now.has(file)) changed.push(file);
    return changed;
  };
}
