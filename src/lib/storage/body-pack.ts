import fs from 'node:fs';
import path from 'node:path';

/**
 * Reading a rendered body where the body store (body-store.ts) put it: what the article page needs.
 * Apart from the store, which writes and prunes packs, because Astro keys each page on the code it
 * imports: a change to how bodies are written must not re-render every article page.
 */
export interface BodyLocation {
  /** The pack file's name in the body folder. */
  readonly pack: string;
  /** Byte offset and length of the UTF-8 body in the pack. */
  readonly offset: number;
  readonly length: number;
}

/** A pack file's name: creation time, a counter, the writing process. */
export const PACK_NAME = /^\d{15}-\d{6}-\d+\.pack$/;

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
