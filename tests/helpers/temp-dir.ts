import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Folders made by {@link makeTempDir} and not yet removed. */
const made = new Set<string>();

/**
 * A new empty folder under the system's temporary folder, named `prefix` and a random tail
 * (`warta-build-` → `/tmp/warta-build-Ab12Cd`), which {@link removeTempDirs} deletes. Under Vitest,
 * `tests/helpers/cleanup-setup.ts` calls that after each test file; a script that imports a helper
 * making folders (scripts/bench-search.ts) never does, so its folders stay, as they always have.
 *
 * `WARTA_KEEP_TEST_DIRS=1` keeps every folder, so a failing build's output, cache and log can be
 * looked at afterwards.
 */
export function makeTempDir(prefix: string): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.add(folder);
  return folder;
}

/** Deletes every folder {@link makeTempDir} made so far, unless WARTA_KEEP_TEST_DIRS is `1`. */
export function removeTempDirs(): void {
  if (process.env['WARTA_KEEP_TEST_DIRS'] === '1') return;
  for (const folder of made) {
    try {
      // Retries: a child process a test has just signalled (the dev server) may still be writing in it.
      fs.rmSync(folder, { recursive: true, force: true, maxRetries: 3 });
    } catch (error) {
      // A folder left behind is not a failed test: say so and go on with the others.
      console.warn(`could not remove ${folder}: ${String(error)}`);
    }
  }
  made.clear();
}
