import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSiteAsync } from '../helpers/build-site.ts';

// Issue #20: two publishes of one checkout at once broke each other (they share the output folder,
// the caches and Astro's prerendered chunks in `.astro/.prerender`); the second now waits.
const SITE = 'tests/fixtures/failed-build/site';
const LOCK = path.resolve(import.meta.dirname, '../../.astro/warta-build.lock');

describe('a build started while another build of the checkout runs', () => {
  it('waits for it, says so, then builds', async () => {
    // Stands for the other build: a running process named in the lock file, which ends once this
    // build says it waits.
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)']);
    const pid = other.pid;
    if (pid === undefined) throw new Error('the other process did not start');
    const otherEnded = new Promise<number>((resolve) => other.on('exit', () => resolve(Date.now())));
    fs.mkdirSync(path.dirname(LOCK), { recursive: true });
    fs.writeFileSync(LOCK, `${pid}\n`);
    try {
      const [build, endedAt] = await Promise.all([
        buildSiteAsync(SITE, { WARTA_NOW: '2025-01-01T00:00:00+07:00' }, (output) => {
          if (output.includes('Waiting for another build')) other.kill();
        }).then((b) => ({ ...b, at: Date.now() })),
        otherEnded,
      ]);
      expect(build.status, build.output).toBe(0);
      expect(build.output).toContain(
        `Waiting for another build of this site (process ${pid}) to finish before this one starts`,
      );
      expect(build.at).toBeGreaterThan(endedAt);
      expect(build.exists('index.html')).toBe(true);
      // Released at the end, for the next build.
      expect(fs.existsSync(LOCK)).toBe(false);
    } finally {
      other.kill();
    }
  }, 120_000);
});
