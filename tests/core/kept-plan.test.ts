import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readPagePlan, writePagePlan } from '../../src/lib/storage/page-plan.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

// Issue #20: the publish server keeps the page plan it saved for its next publish, and writes it once
// the publish has ended (kept-pages.ts, savePagePlan and writePendingPagePlan); the build lock goes
// with that write. `astro build` writes it at once.
const PLAN = 'warta-page-plan.bin';
const page = {
  pathname: '/berita/a/',
  cacheKey: 'k1',
  route: { component: 'src/pages/berita/[slug].astro', route: '/berita/[slug]' },
};

describe('the page plan a build saves', () => {
  let cacheDir: string;
  beforeEach(() => {
    cacheDir = makeTempDir('warta-kept-plan-');
    vi.resetModules();
  });
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  async function savedBy(server: boolean) {
    if (server) vi.stubEnv('WARTA_PUBLISH_SERVER', 'worker');
    const kept = await import('../../src/integrations/kept-pages.ts');
    kept.startPagePlan(cacheDir, 'v1');
    await kept.selectPathsToRender([page]);
    let released = 0;
    kept.savePagePlan(() => {
      released += 1;
    });
    return { kept, released: () => released };
  }

  it('is written at once by `astro build`, which then lets the lock go', async () => {
    const { released } = await savedBy(false);
    expect(released()).toBe(1);
    expect(readPagePlan(path.join(cacheDir, PLAN))?.pages.get('berita/a/index.html')?.key).toBe('k1');
  });

  it('in the publish server, is written once the publish has ended, and the lock goes only then', async () => {
    const { kept, released } = await savedBy(true);
    expect(released()).toBe(0);
    expect(fs.existsSync(path.join(cacheDir, PLAN))).toBe(false);
    kept.writePendingPagePlan();
    expect(released()).toBe(1);
    expect(readPagePlan(path.join(cacheDir, PLAN))?.pages.get('berita/a/index.html')?.key).toBe('k1');
    // Once only.
    kept.writePendingPagePlan();
    expect(released()).toBe(1);
  });

  it('is kept for the server’s next build while the file is the one it wrote, and read again once another build replaced it', async () => {
    const { kept } = await savedBy(true);
    kept.writePendingPagePlan();
    const written = kept.startPagePlan(cacheDir, 'v1');
    const first = kept.previousPagePlan();
    expect(first?.pages.get('berita/a/index.html')?.key).toBe('k1');
    expect(written.why).not.toBe('there is no page plan of a previous build');
    // The same object, not a read of the file.
    kept.startPagePlan(cacheDir, 'v1');
    expect(kept.previousPagePlan()).toBe(first);
    // Another process's build writes its own plan: the next build reads that one.
    writePagePlan(path.join(cacheDir, PLAN), {
      version: 'v1',
      astroManifestBehind: false,
      pages: new Map([
        ['berita/b/index.html', { component: 'c', pathname: '/berita/b/', file: 'berita/b/index.html', key: 'k9' }],
      ]),
    });
    kept.startPagePlan(cacheDir, 'v1');
    expect([...(kept.previousPagePlan()?.pages.keys() ?? [])]).toEqual(['berita/b/index.html']);
  });
});
