import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * A digest of every file under `paths` (files or folders) and `salt`: names the version of the code
 * behind a cache (the parse cache, the search shards), so a change to that code empties it.
 */
export function digestCode(paths: readonly string[], salt = ''): string {
  const hash = createHash('sha1').update(salt);
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) hash.update(entry.name).update(fs.readFileSync(full));
    }
  };
  for (const p of paths) {
    if (fs.statSync(p).isDirectory()) walk(p);
    else hash.update(path.basename(p)).update(fs.readFileSync(p));
  }
  return hash.digest('hex');
}
