import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import { isRunning } from './build-lock.ts';
import { releaseBytes } from './release-bytes.ts';

/** Writes all of `bytes` to `fd` at `position`: `fs.writeSync` may write fewer bytes than asked. */
export function writeFully(fd: number, bytes: Uint8Array, position: number): void {
  for (let written = 0; written < bytes.length;)
    written += fs.writeSync(fd, bytes, written, bytes.length - written, position + written);
}

/**
 * Reads from `fd`, from its start, until `into` is full or the file ends; returns how many bytes were
 * read. `fs.readSync` may read fewer bytes than asked, as `fs.writeSync` may write fewer.
 */
export function readFully(fd: number, into: Uint8Array): number {
  let filled = 0;
  while (filled < into.length) {
    const read = fs.readSync(fd, into, filled, into.length - filled, filled);
    if (read === 0) break;
    filled += read;
  }
  return filled;
}

/**
 * Writes `file` through `write`, which gets the descriptor of a temporary file (`<file>.<pid>.tmp`)
 * renamed into place once it returns, so a reader finds the old file or the new one whole, never a
 * torn one, and a file that is also a hard link elsewhere (Astro's cache copy of a page) is replaced,
 * never written into.
 */
export function writeReplacing(file: string, write: (fd: number) => void): void {
  const temporary = temporaryName(file, process.pid, false);
  const fd = fs.openSync(temporary, 'w');
  try {
    write(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temporary, file);
}

/** Writes `data` to `file` as {@link writeReplacing} does. */
export function writeFileReplacing(file: string, data: string | NodeJS.ArrayBufferView): void {
  writeReplacing(file, (fd) => fs.writeFileSync(fd, data));
}

/**
 * Writes `value`, serialized with `v8.serialize`, to `file` as {@link writeFileReplacing} does, then
 * frees the serialized bytes at once (see release-bytes.ts): the caches written on every publish are
 * 7 to 36 MB of them at 100,000 articles.
 */
export function writeSerializedReplacing(file: string, value: unknown): void {
  const bytes = v8.serialize(value);
  writeFileReplacing(file, bytes);
  releaseBytes(bytes);
}

/**
 * {@link writeFileReplacing} for data in several pieces, written one after another without first
 * being joined into one buffer (the related terms kept between builds are 125 MB at 100,000 articles).
 */
export function writePartsReplacing(file: string, parts: readonly Uint8Array[]): void {
  writeReplacing(file, (fd) => {
    let position = 0;
    for (const part of parts) {
      writeFully(fd, part, position);
      position += part.length;
    }
  });
}

/**
 * {@link writePartsReplacing} on libuv's threads instead of this one: the promise settles once the
 * file is renamed into place, or rejects with the temporary file removed. The parts must not change
 * until then.
 */
export async function writePartsReplacingInBackground(file: string, parts: readonly Uint8Array[]): Promise<void> {
  // Not writeReplacing's name: a write on this thread meanwhile must not write into this one's file.
  const temporary = temporaryName(file, process.pid, true);
  try {
    const handle = await fs.promises.open(temporary, 'w');
    try {
      let position = 0;
      for (const part of parts) {
        // A write may take fewer bytes than asked, as writeFully's.
        for (let written = 0; written < part.length;) {
          const { bytesWritten } = await handle.write(part, written, part.length - written, position + written);
          written += bytesWritten;
        }
        position += part.length;
      }
    } finally {
      await handle.close();
    }
    await fs.promises.rename(temporary, file);
  } catch (error) {
    // The write's own error is the one to report, not a failure to tidy up after it.
    await fs.promises.rm(temporary, { force: true }).catch(() => undefined);
    throw error;
  }
}

/**
 * Removes the temporary files that writes of `file` left beside it in processes no longer running (a
 * build stopped with Ctrl-C while it wrote one): each is as large as the file (the parse cache is
 * about 900 MB at 100,000 articles, the related terms 125 MB), and nothing else would ever remove
 * them. A running process's file is left alone, as it may still be writing it. For the few large
 * files of a cache folder: it lists the file's folder.
 */
export function removeAbandonedTemporaries(file: string): void {
  const folder = path.dirname(file);
  const base = `${path.basename(file)}.`;
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(base)) continue;
    // The names temporaryName gives, in either kind.
    const pid = Number(/^(\d+)\.(?:background\.)?tmp$/.exec(name.slice(base.length))?.[1]);
    if (!Number.isSafeInteger(pid) || pid <= 0 || pid === process.pid || isRunning(pid)) continue;
    fs.rmSync(path.join(folder, name), { force: true });
  }
}

/**
 * The temporary file process `pid` writes `file` into before renaming it: `<file>.<pid>.tmp` on the
 * calling thread, `<file>.<pid>.background.tmp` in the background ({@link removeAbandonedTemporaries}
 * recognizes both).
 */
function temporaryName(file: string, pid: number, background: boolean): string {
  return `${file}.${pid}.${background ? 'background.' : ''}tmp`;
}
