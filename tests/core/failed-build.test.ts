import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lockHolder } from '../../src/lib/storage/build-lock.ts';
import { finishFailedBuild, markFailedBuild, removeFailedBuild } from '../../src/integrations/failed-build.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

const MODULE = pathToFileURL(path.resolve('src/integrations/failed-build.ts')).href;

/** A folder with a staging folder, a lock file and Astro's cache of page copies, one written before `since` and one after. */
const failedBuildIn = (work: string): { staging: string; cacheDir: string; lockFile: string; since: number } => {
  const staging = path.join(work, 'dist.staging-1-1');
  const cacheDir = path.join(work, 'cache');
  const lockFile = path.join(work, 'warta-build.lock');
  fs.mkdirSync(path.join(staging, 'berita', 'a'), { recursive: true });
  fs.writeFileSync(path.join(staging, 'berita', 'a', 'index.html'), 'half a site');
  fs.mkdirSync(path.join(cacheDir, 'dist', 'berita', 'lama'), { recursive: true });
  fs.mkdirSync(path.join(cacheDir, 'dist', 'berita', 'baru'), { recursive: true });
  const earlier = path.join(cacheDir, 'dist', 'berita', 'lama', 'index.html');
  fs.writeFileSync(earlier, 'from a build that succeeded');
  // A second back: a file's time stamp, from the kernel's coarser clock, can be a few ms behind Date.now().
  const since = Date.now() - 1000;
  fs.utimesSync(earlier, new Date(since - 60_000), new Date(since - 60_000));
  fs.writeFileSync(path.join(cacheDir, 'dist', 'berita', 'baru', 'index.html'), 'from the failed build');
  return { staging, cacheDir, lockFile, since };
};

const cachedPages = (cacheDir: string): string[] =>
  fs
    .readdirSync(path.join(cacheDir, 'dist'), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(cacheDir, path.join(entry.parentPath, entry.name)))
    .sort();

describe('cleaning up after a failed build', () => {
  it('deletes the staging folder and the page copies written since the build started, and nothing older', () => {
    const build = failedBuildIn(makeTempDir('warta-failed-'));
    removeFailedBuild(build);
    expect(fs.existsSync(build.staging)).toBe(false);
    expect(cachedPages(build.cacheDir)).toEqual([path.join('dist', 'berita', 'lama', 'index.html')]);
  });

  it('leaves a note until the copies are gone, which the next build acts on if the cleanup did not run', () => {
    const build = failedBuildIn(makeTempDir('warta-failed-'));
    markFailedBuild(build);
    // An earlier note keeps its earlier start.
    markFailedBuild({ ...build, since: build.since + 10_000 });
    expect(JSON.parse(fs.readFileSync(path.join(build.cacheDir, 'warta-failed-build.json'), 'utf8'))).toEqual({
      since: build.since,
    });
    finishFailedBuild(build.cacheDir);
    expect(cachedPages(build.cacheDir)).toEqual([path.join('dist', 'berita', 'lama', 'index.html')]);
    expect(fs.existsSync(path.join(build.cacheDir, 'warta-failed-build.json'))).toBe(false);
    // Nothing noted: nothing deleted.
    finishFailedBuild(build.cacheDir);
    expect(cachedPages(build.cacheDir)).toEqual([path.join('dist', 'berita', 'lama', 'index.html')]);
  });

  it('takes every copy for suspect when the note cannot be read', () => {
    const build = failedBuildIn(makeTempDir('warta-failed-'));
    fs.writeFileSync(path.join(build.cacheDir, 'warta-failed-build.json'), '{"since":');
    finishFailedBuild(build.cacheDir);
    expect(cachedPages(build.cacheDir)).toEqual([]);
  });

  it('finishes in a process of its own once the build has ended, holding the build lock until then', async () => {
    const build = failedBuildIn(makeTempDir('warta-failed-'));
    // The failed build: holds the lock, hands it on as it exits, and goes on writing for 2 s: a page
    // makes the staging folder again (what Astro's queued writes did in CI), and a late page copy.
    const script = `
      import fs from 'node:fs';
      const { cleanUpAfterExit } = await import(${JSON.stringify(MODULE)});
      const [staging, cacheDir, lockFile, since] = process.argv.slice(1);
      fs.writeFileSync(lockFile, process.pid + '\\n');
      const handedOver = cleanUpAfterExit({ staging, cacheDir, since: Number(since) }, lockFile);
      fs.mkdirSync(staging + '/berita/b', { recursive: true });
      fs.writeFileSync(staging + '/berita/b/index.html', 'a late page');
      setTimeout(() => {
        fs.writeFileSync(cacheDir + '/dist/berita/baru/index.html', 'a late copy');
        const holder = Number(fs.readFileSync(lockFile, 'utf8'));
        console.log(JSON.stringify({ handedOver, holder, stagingThere: fs.existsSync(staging) }));
      }, 2000);
    `;
    const child = spawn(
      process.execPath,
      ['--input-type=module', '-e', script, build.staging, build.cacheDir, build.lockFile, String(build.since)],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    await new Promise((resolve) => child.on('exit', resolve));
    const { handedOver, holder, stagingThere } = JSON.parse(out) as {
      handedOver: boolean;
      holder: number;
      stagingThere: boolean;
    };
    expect(handedOver).toBe(true);
    // Handed to the cleanup, which was still waiting 2 s later, with the folder still there.
    expect(holder).toBeGreaterThan(0);
    expect(holder).not.toBe(child.pid);
    expect(stagingThere).toBe(true);
    // The build has ended; the cleanup, after it, deletes what it wrote last, then lets go of the lock.
    await expect.poll(() => lockHolder(build.lockFile), { timeout: 20_000, interval: 50 }).toBeUndefined();
    expect(fs.existsSync(build.staging)).toBe(false);
    expect(cachedPages(build.cacheDir)).toEqual([path.join('dist', 'berita', 'lama', 'index.html')]);
    expect(fs.existsSync(path.join(build.cacheDir, 'warta-failed-build.json'))).toBe(false);
  });
});
