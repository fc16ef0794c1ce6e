import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import { keptAcrossBuilds } from '../once-per-object.ts';
import { PACK_NAME, type BodyLocation } from './body-pack.ts';
import { fileIdentity } from './same-file.ts';
import { writeFully, writeSerializedReplacing } from './write-fully.ts';

/**
 * Rendered article bodies on disk, read by the article page when it renders. Astro's data store
 * serializes every entry into one JSON file and bundles it into a JavaScript module that each build
 * compiles and hydrates whole; keeping the bodies out of it took a 10,000-article store from 54 MB to
 * a quarter of that, with the build's peak memory and time.
 *
 * Each load writes its bodies into a pack file and the pages read byte ranges of it (body-pack.ts,
 * the reading side, apart so that a change here does not change the article page's code and so
 * re-render every article page; Astro keys each page on the code it imports). A file
 * per body cost a mkdir, open, write, close and rename each, on the loader's critical path: 2.8 s of
 * a 10,000-article build's CPU profile, and about ten times that at 100,000 articles. One pack is a
 * few sequential writes (40 MB at 10,000 articles), and a page's read is one positioned read of a
 * file kept open.
 */
export interface BodyPackWriter {
  /** Appends `html` to the pack; the location is readable once `finish` has returned. */
  add(html: string): BodyLocation;
  /**
   * Gives the pack its final name, then, given `keepPrevious`, deletes older packs but the newest
   * `keepPrevious` of them (the dev server keeps some: its pages follow Astro's entries, which switch
   * to a reload a moment after the loader). A {@link BodyStore} prunes by itself, once its index
   * names the packs in use.
   */
  finish(keepPrevious?: number): void;
}

const PACK_SUFFIX = '.pack';
const TEMPORARY_NAME = /^\d{15}-\d{6}-\d+\.pack\.tmp$/;
/** Bodies are gathered into writes of about this many bytes. */
const WRITE_BYTES = 1 << 20;
let packsStarted = 0;

/** Starts a new pack in `directory`, under a temporary name until `finish`. */
export function startBodyPack(directory: string): BodyPackWriter {
  fs.mkdirSync(directory, { recursive: true });
  // Names sort by creation: time, then a counter for packs started in the same millisecond.
  const name = `${String(Date.now()).padStart(15, '0')}-${String(packsStarted++ % 1e6).padStart(6, '0')}-${process.pid}${PACK_SUFFIX}`;
  const temporary = path.join(directory, `${name}.tmp`);
  const fd = fs.openSync(temporary, 'w');
  let offset = 0;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  const flush = (): void => {
    writeFully(fd, Buffer.concat(pending, pendingBytes), offset - pendingBytes);
    pending = [];
    pendingBytes = 0;
  };
  return {
    add(html) {
      const bytes = Buffer.from(html, 'utf8');
      const location = { pack: name, offset, length: bytes.length };
      pending.push(bytes);
      pendingBytes += bytes.length;
      offset += bytes.length;
      if (pendingBytes >= WRITE_BYTES) flush();
      return location;
    },
    finish(keepPrevious) {
      try {
        flush();
      } finally {
        fs.closeSync(fd);
      }
      // Renamed only when complete, so a crash never leaves a pack that reads as truncated bodies.
      fs.renameSync(temporary, path.join(directory, name));
      if (keepPrevious !== undefined) prunePacks(directory, name, keepPrevious);
    },
  };
}

/**
 * Deletes packs older than `current` (every pack when undefined) beyond the newest `keep`, or all
 * but those named in `keep`, temporary files left by
 * processes that have ended, and the folders of the earlier format (a file per body in 256
 * folders). Packs and temporary files of other running processes stay: a dev server and a build
 * may share the cache folder, and each reads its own pack.
 */
function prunePacks(directory: string, current: string | undefined, keep: number | ReadonlySet<string>): void {
  const older = readDirectory(directory)
    .filter((name) => PACK_NAME.test(name) && (current === undefined || name < current))
    .sort()
    .reverse();
  const unused = typeof keep === 'number' ? older.slice(keep) : older.filter((name) => !keep.has(name));
  for (const name of unused) {
    const writer = writerOf(name);
    if (writer === process.pid || !isRunning(writer)) fs.rmSync(path.join(directory, name), { force: true });
  }
  for (const name of readDirectory(directory)) {
    if (TEMPORARY_NAME.test(name)) {
      if (!isRunning(writerOf(name))) fs.rmSync(path.join(directory, name), { force: true });
    } else if (INDEX_TEMPORARY.test(name)) {
      // An index a stopped build did not get to rename into place.
      if (!isRunning(Number(INDEX_TEMPORARY.exec(name)?.[1]))) fs.rmSync(path.join(directory, name), { force: true });
    } else if (/^[\w-]{2}$/.test(name)) fs.rmSync(path.join(directory, name), { recursive: true, force: true });
  }
}

/** The process that wrote a pack or temporary file: the last number of its name. */
function writerOf(name: string): number {
  return Number(/-(\d+)\.pack(?:\.tmp)?$/.exec(name)?.[1]);
}

/** Whether process `pid` is running (this one included). */
function isRunning(pid: number): boolean {
  // 0 and below would signal process groups.
  if (!(pid > 0)) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * A build's bodies, kept for the next one by a key of what makes each body (issue #20). A publish at
 * 100,000 articles rewrote all 400 MB of bodies into a new pack, after rendering every one of them
 * again; now it renders and writes only the bodies whose key the previous build did not have, into
 * a pack of their own, and the pages read the others where they are. What was written before is never
 * written into: a pack is complete once renamed, and the index that names the bodies in use is
 * replaced by a rename, so a build that stops half-way leaves the previous build's store as it was.
 *
 * The index (`bodies.index`) holds the previous build's bodies only; packs it does not name are
 * deleted once a build finishes (those of other running processes excepted, as above). When over
 * half the bytes of the packs it names belong to bodies no longer in use (edited and deleted
 * stories), the next build writes every body again into one pack, and the old packs go.
 */
export interface BodyStore {
  /** Where the body with `key` is, when the previous build wrote it; this build then keeps it. */
  find(key: string): BodyLocation | undefined;
  /** Writes `html`, the body with `key`, into this build's pack (readable once `finish` returns). */
  add(key: string, html: string): BodyLocation;
  /** Finishes this build's pack, names every body it used for the next build, deletes the packs none is in. */
  finish(): void;
  /** Bodies found in earlier packs and bodies written, so far. */
  readonly counts: { found: number; written: number };
}

const INDEX_FILE = 'bodies.index';
const INDEX_TEMPORARY = /^bodies\.index\.(\d+)\.tmp$/;
const MAX_GARBAGE_SHARE = 0.5;

/** Opens the store in `directory`; `version` identifies the code that renders bodies, and any change empties it. */
export function openBodyStore(directory: string, version: string): BodyStore {
  const kept = keptAcrossBuilds<KeptIndex>('body-store-index');
  const previous = keptIndexOf(kept?.value, directory, version) ?? readIndex(directory, version);
  const used = new Map<string, BodyLocation>();
  const counts = { found: 0, written: 0 };
  let pack: BodyPackWriter | undefined;
  return {
    counts,
    find(key) {
      const location = previous.get(key);
      if (location) {
        used.set(key, location);
        counts.found++;
      }
      return location;
    },
    add(key, html) {
      pack ??= startBodyPack(directory);
      const location = pack.add(html);
      used.set(key, location);
      counts.written++;
      return location;
    },
    finish() {
      const keep = new Set([...used.values()].map((location) => location.pack));
      // The pack is complete under its final name before the index names it; the old packs go last.
      pack?.finish();
      writeIndex(directory, version, used);
      prunePacks(directory, undefined, keep);
      if (kept) kept.value = keptIndex(directory, version, used);
    },
  };
}

/** How the last {@link openBodyStore} found the previous build's index: kept in memory, read from its file, or not at all. */
export const lastBodyIndex: { source: 'kept' | 'read' } = { source: 'read' };

/**
 * The index a build of the publish server wrote, kept for its next build (see `acrossBuilds`): reading
 * it back was a `v8.deserialize` of 100,000 entries and a pass over them on every publish, about
 * 0.3 s of CPU at 100,000 articles, and its 7 MB of bytes counted towards the external memory that
 * started a full collection of the server's heap (1.4 GB) inside most publishes (issue #20; see
 * release-bytes.ts).
 */
interface KeptIndex {
  readonly directory: string;
  readonly version: string;
  /** The index file's {@link fileIdentity} once written: another process's build changes it. */
  readonly identity: string;
  readonly entries: ReadonlyMap<string, BodyLocation>;
  /** Each pack the entries name, and the end of the last body in it: the pack must be at least that long. */
  readonly packEnds: ReadonlyMap<string, number>;
  /** Bytes of the bodies in use, each counted once (see `readIndex`). */
  readonly liveBytes: number;
}

function keptIndex(
  directory: string,
  version: string,
  entries: ReadonlyMap<string, BodyLocation>,
): KeptIndex | undefined {
  const identity = fileIdentity(path.join(directory, INDEX_FILE));
  if (identity === undefined) return undefined;
  const packEnds = new Map<string, number>();
  for (const { pack, offset, length } of entries.values())
    packEnds.set(pack, Math.max(packEnds.get(pack) ?? 0, offset + length));
  return { directory, version, identity, entries, packEnds, liveBytes: liveBytesOf(entries) };
}

/**
 * The kept index, while its file is the one this process wrote and every pack it names is still
 * there, whole; undefined otherwise, and the file is read (and checked body by body) instead. The
 * garbage rule is the file's: see `readIndex`.
 */
function keptIndexOf(
  kept: KeptIndex | undefined,
  directory: string,
  version: string,
): ReadonlyMap<string, BodyLocation> | undefined {
  lastBodyIndex.source = 'read';
  if (kept?.directory !== directory || kept.version !== version) return undefined;
  if (fileIdentity(path.join(directory, INDEX_FILE)) !== kept.identity) return undefined;
  let packBytes = 0;
  for (const [pack, end] of kept.packEnds) {
    const size = fs.statSync(path.join(directory, pack), { throwIfNoEntry: false })?.size ?? -1;
    if (size < end) return undefined;
    packBytes += size;
  }
  lastBodyIndex.source = 'kept';
  return mostlyGarbage(kept.liveBytes, packBytes) ? new Map() : kept.entries;
}

function previousPacks(previous: ReadonlyMap<string, BodyLocation>): Set<string> {
  return new Set([...previous.values()].map((location) => location.pack));
}

/** The previous build's bodies by key, or none when the index is missing, of another version, damaged or mostly garbage. */
function readIndex(directory: string, version: string): Map<string, BodyLocation> {
  let stored: unknown;
  try {
    stored = v8.deserialize(fs.readFileSync(path.join(directory, INDEX_FILE)));
  } catch {
    return new Map();
  }
  if (!isIndex(stored) || stored.version !== version) return new Map();
  // Each pack must still be there, whole: bodies in a missing or cut pack are written again.
  const sizes = new Map<string, number>();
  for (const [, pack] of stored.entries) {
    if (sizes.has(pack)) continue;
    let size = -1;
    try {
      if (PACK_NAME.test(pack)) size = fs.statSync(path.join(directory, pack)).size;
    } catch {
      size = -1;
    }
    sizes.set(pack, size);
  }
  const entries = new Map<string, BodyLocation>();
  for (const [key, pack, offset, length] of stored.entries) {
    if (offset + length > (sizes.get(pack) ?? -1)) continue;
    entries.set(key, { pack, offset, length });
  }
  let packBytes = 0;
  for (const pack of previousPacks(entries)) packBytes += sizes.get(pack) ?? 0;
  return mostlyGarbage(liveBytesOf(entries), packBytes) ? new Map<string, BodyLocation>() : entries;
}

/** Bytes of the bodies `entries` name, each counted once: two keys may share a body's bytes. */
function liveBytesOf(entries: ReadonlyMap<string, BodyLocation>): number {
  const offsets = new Map<string, Set<number>>();
  let liveBytes = 0;
  for (const { pack, offset, length } of entries.values()) {
    let seen = offsets.get(pack);
    if (seen === undefined) offsets.set(pack, (seen = new Set()));
    if (!seen.has(offset)) {
      seen.add(offset);
      liveBytes += length;
    }
  }
  return liveBytes;
}

/** Whether packs of `packBytes` hold so few bodies in use (`liveBytes`) that every body is written again. */
function mostlyGarbage(liveBytes: number, packBytes: number): boolean {
  return liveBytes < packBytes * (1 - MAX_GARBAGE_SHARE);
}

interface StoredIndex {
  readonly version: string;
  readonly entries: readonly (readonly [string, string, number, number])[];
}

function isIndex(value: unknown): value is StoredIndex {
  if (typeof value !== 'object' || value === null) return false;
  const { version, entries } = value as Partial<StoredIndex>;
  return (
    typeof version === 'string' &&
    Array.isArray(entries) &&
    entries.every(
      (e) =>
        Array.isArray(e) &&
        typeof e[0] === 'string' &&
        typeof e[1] === 'string' &&
        Number.isSafeInteger(e[2]) &&
        Number.isSafeInteger(e[3]) &&
        e[2] >= 0 &&
        e[3] >= 0,
    )
  );
}

/** Replaces the index by a rename, so that a reader finds the old one or the new one whole. */
function writeIndex(directory: string, version: string, used: ReadonlyMap<string, BodyLocation>): void {
  const index: StoredIndex = {
    version,
    entries: [...used].map(([key, l]) => [key, l.pack, l.offset, l.length] as const),
  };
  fs.mkdirSync(directory, { recursive: true });
  // Left under its temporary name (INDEX_TEMPORARY) by a stopped build, it is deleted by prunePacks.
  // 7 MB at 100,000 articles, written on every publish.
  writeSerializedReplacing(path.join(directory, INDEX_FILE), index);
}

function readDirectory(directory: string): string[] {
  try {
    return fs.readdirSync(directory);
  } catch {
    return [];
  }
}
