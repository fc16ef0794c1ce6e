import fs from 'node:fs';
import v8 from 'node:v8';
import { removeAbandonedTemporaries, writeSerializedReplacing } from './write-fully.ts';

/**
 * A file's stamp: what its metadata says of its bytes, so that a publish need not read 100,000
 * unchanged articles (430 MB, about 3 s of each publish at that size, plus 0.6 s hashing them) to
 * learn that one changed (issue #20). The same test as git's index and make: the device and inode
 * (an editor that saves by renaming a new file into place makes a new inode), the size, and the
 * modification and change times in nanoseconds (a write changes the first, a write or a chmod or
 * a rename the second).
 *
 * Like git's "racily clean" entries, a file changed within the clock's granularity of the moment it
 * was stat'ed could change again with the same times, so a file whose times are less than
 * {@link SETTLE_MS} old when it is stat'ed gets no stamp: it is read and hashed every build until it
 * has settled. So do files whose times are in the future (a clock set wrong, a copied tree).
 */
export type FileStamp = string;

/** How old a file's times must be before its stamp is trusted: well above any file system's timestamp granularity. */
export const SETTLE_MS = 2000;

/** The stamp of a file with `stats`, stat'ed at `now`; undefined while it may still change unseen (see above). */
export function fileStamp(stats: fs.BigIntStats, now: number = Date.now()): FileStamp | undefined {
  const newest = stats.mtimeMs > stats.ctimeMs ? stats.mtimeMs : stats.ctimeMs;
  if (newest > BigInt(Math.floor(now - SETTLE_MS))) return undefined;
  return `${stats.dev}:${stats.ino}:${stats.size}:${stats.mtimeNs}:${stats.ctimeNs}`;
}

/** A stamp and what it stands for: the key of the file's bytes in a cache. */
export interface Stamped {
  readonly stamp: FileStamp;
  readonly key: string;
}

/**
 * Stamps kept between builds: for each file (by a name of the caller's), its stamp when its bytes
 * were last read and the key they had. Saved as one v8-serialized record beside the cache it keys
 * into (a flat array of strings: 16 MB and 0.11–0.14 s to read at 100,000 articles); a file of another
 * `version`, or one that cannot be read, counts as no stamps, so every file is read once more.
 */
export function readStamps(file: string, version: string): Map<string, Stamped> {
  const stamps = new Map<string, Stamped>();
  let stored: unknown;
  try {
    stored = v8.deserialize(fs.readFileSync(file));
  } catch {
    return stamps;
  }
  if (!isStampFile(stored) || stored.version !== version || stored.format !== FORMAT) return stamps;
  const flat = stored.entries;
  for (let i = 0; i + 2 < flat.length; i += 3) {
    const name = flat[i];
    const stamp = flat[i + 1];
    const key = flat[i + 2];
    if (typeof name === 'string' && typeof stamp === 'string' && typeof key === 'string')
      stamps.set(name, { stamp, key });
  }
  return stamps;
}

/** Replaces `file` with `stamps` (see {@link readStamps}), whole or not at all. */
export function writeStamps(file: string, version: string, stamps: ReadonlyMap<string, Stamped>): void {
  const entries: string[] = [];
  for (const [name, { stamp, key }] of stamps) entries.push(name, stamp, key);
  removeAbandonedTemporaries(file);
  // 15 MB at 100,000 articles, written on every publish.
  writeSerializedReplacing(file, { version, format: FORMAT, entries } satisfies StampFile);
}

/** Identifies the layout above. */
const FORMAT = 1;

interface StampFile {
  readonly version: string;
  readonly format: number;
  readonly entries: readonly string[];
}

function isStampFile(value: unknown): value is StampFile {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Partial<StampFile>).version === 'string' &&
    typeof (value as Partial<StampFile>).format === 'number' &&
    Array.isArray((value as Partial<StampFile>).entries)
  );
}
