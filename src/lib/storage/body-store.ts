import fs from 'node:fs';
import path from 'node:path';
import { writeFully } from './write-fully.ts';

/**
 * Rendered article bodies on disk, read by the article page when it renders. Astro's data store
 * serializes every entry into one JSON file and bundles it into a JavaScript module that each build
 * compiles and hydrates whole; keeping the bodies out of it took a 10,000-article store from 54 MB to
 * a quarter of that, with the build's peak memory and time.
 *
 * Each load writes all its bodies into one pack file and the pages read byte ranges of it. A file
 * per body cost a mkdir, open, write, close and rename each, on the loader's critical path: 2.8 s of
 * a 10,000-article build's CPU profile, and about ten times that at 100,000 articles. One pack is a
 * few sequential writes (40 MB at 10,000 articles), and a page's read is one positioned read of a
 * file kept open.
 */
export interface BodyLocation {
  /** The pack file's name in the body folder. */
  readonly pack: string;
  /** Byte offset and length of the UTF-8 body in the pack. */
  readonly offset: number;
  readonly length: number;
}

export interface BodyPackWriter {
  /** Appends `html` to the pack; the location is readable once `finish` has returned. */
  add(html: string): BodyLocation;
  /**
   * Gives the pack its final name, then deletes older packs except the newest `keepPrevious` of
   * them (the dev server keeps some: its pages follow Astro's entries, which switch to a reload a
   * moment after the loader).
   */
  finish(keepPrevious: number): void;
}

const PACK_SUFFIX = '.pack';
const PACK_NAME = /^\d{15}-\d{6}-\d+\.pack$/;
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
      prunePacks(directory, name, keepPrevious);
    },
  };
}

/**
 * Deletes packs older than `current` beyond the newest `keepPrevious`, temporary files left by
 * processes that have ended, and the folders of the earlier format (a file per body in 256
 * folders). Packs and temporary files of other running processes stay: a dev server and a build
 * may share the cache folder, and each reads its own pack.
 */
function prunePacks(directory: string, current: string, keepPrevious: number): void {
  const older = readDirectory(directory)
    .filter((name) => PACK_NAME.test(name) && name < current)
    .sort()
    .reverse();
  for (const name of older.slice(keepPrevious)) {
    const writer = writerOf(name);
    if (writer === process.pid || !isRunning(writer)) fs.rmSync(path.join(directory, name), { force: true });
  }
  for (const name of readDirectory(directory)) {
    if (TEMPORARY_NAME.test(name)) {
      if (!isRunning(writerOf(name))) fs.rmSync(path.join(directory, name), { force: true });
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

/** Packs a reader keeps open: a build reads one, the dev server the newest few. */
const OPEN_PACKS = 3;
const openPacks = new Map<string, number>();

/** The body at `location`; throws a message that says what to do when its pack is missing or cut short. */
export function readBody(directory: string, location: BodyLocation, slug: string): string {
  if (!PACK_NAME.test(location.pack)) throw new Error(`Invalid body pack name "${location.pack}"`);
  const file = path.join(directory, location.pack);
  const fd = openPack(file, slug);
  const bytes = Buffer.allocUnsafe(location.length);
  const read = location.length === 0 ? 0 : fs.readSync(fd, bytes, 0, location.length, location.offset);
  if (read !== location.length)
    throw missingBody(slug, `${file} ends before it (offset ${location.offset}, ${location.length} bytes)`);
  return bytes.toString('utf8');
}

function openPack(file: string, slug: string): number {
  const open = openPacks.get(file);
  if (open !== undefined) return open;
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    throw missingBody(slug, `${file} does not exist`);
  }
  openPacks.set(file, fd);
  for (const [oldest, oldFd] of openPacks) {
    if (openPacks.size <= OPEN_PACKS) break;
    openPacks.delete(oldest);
    fs.closeSync(oldFd);
  }
  return fd;
}

function missingBody(slug: string, why: string): Error {
  const error = new Error(
    `The rendered body of article "${slug}" is missing: ${why}. ` +
      'The cache folder was changed while the site was building; run the build again.',
  );
  error.stack = '';
  return error;
}

function readDirectory(directory: string): string[] {
  try {
    return fs.readdirSync(directory);
  } catch {
    return [];
  }
}
