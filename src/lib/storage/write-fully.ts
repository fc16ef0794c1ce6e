import fs from 'node:fs';

/** Writes all of `bytes` to `fd` at `position`: `fs.writeSync` may write fewer bytes than asked. */
export function writeFully(fd: number, bytes: Uint8Array, position: number): void {
  for (let written = 0; written < bytes.length;)
    written += fs.writeSync(fd, bytes, written, bytes.length - written, position + written);
}
