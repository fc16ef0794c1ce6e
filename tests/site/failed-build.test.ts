import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, digestFiles, pageCounts, type SiteBuild } from '../helpers/build-site.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

// Issue 16, classes 4 and 5: a build that fails leaves the output folder exactly as it was (the
// previous complete site, or nothing), and reports the failure naming the article, without a stack
// trace. The failures are injected with WARTA_FAULT (test-only: src/data/article-body.ts and
// src/integrations/search-integration.ts), except the over-long slug, which fails on its own.
const SITE = 'tests/fixtures/failed-build/site';
const LONG_SLUG = 'tests/fixtures/failed-build/long-slug';
const NOW = { WARTA_NOW: '2025-01-01T00:00:00+07:00' };
const STACK_LINE = /^\s+at /m;

const snapshot = digestFiles;

/** Folders next to `outDir` that a build stages into or swaps out (`dist.staging-<pid>-<n>`, `dist.old-<pid>`). */
const leftovers = (outDir: string): string[] =>
  fs.readdirSync(path.dirname(outDir)).filter((name) => name.startsWith(`${path.basename(outDir)}.`));

/**
 * {@link leftovers} once a failed build's cleanup has had its time: a process of its own deletes the
 * staging folder once the build's has ended, a fraction of a second later (src/integrations/failed-build.ts).
 * Waits up to 30 s for it to go.
 */
const leftoversAfterCleanUp = (outDir: string): string[] => {
  const until = Date.now() + 30_000;
  let found = leftovers(outDir);
  while (found.some((name) => name.includes('.staging-')) && Date.now() < until) {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
    found = leftovers(outDir);
  }
  return found;
};

/** The id of a process that has exited. */
const deadPid = (): number => {
  const child = spawnSync(process.execPath, ['-e', '0']);
  return child.pid;
};

const expectNoTrace = (build: SiteBuild): void => {
  expect(build.output).not.toMatch(STACK_LINE);
};

describe('a build that fails after a complete one', () => {
  let work: string;
  let outDir: string;
  let good: SiteBuild;
  let goodSnapshot: string[];
  let failedRender: SiteBuild;
  let failedSearch: SiteBuild;
  let failedTerms: SiteBuild;
  const afterFailures: {
    render: string[];
    search: string[];
    terms: string[];
    renderLeftovers: string[];
    searchLeftovers: string[];
    termsLeftovers: string[];
  } = { render: [], search: [], terms: [], renderLeftovers: [], searchLeftovers: [], termsLeftovers: [] };
  let termsFile: string;
  let rebuild: SiteBuild;
  let afterRebuildLeftovers: string[] = [];
  let stale: string[];

  beforeAll(() => {
    work = makeTempDir('warta-failed-build-');
    outDir = path.join(work, 'dist');
    const cache = path.join(work, 'cache');
    good = buildSite(SITE, { ...NOW, WARTA_OUT_DIR: outDir, WARTA_CACHE_DIR: cache });
    if (good.status !== 0) throw new Error(`first build failed:\n${good.output}`);
    goodSnapshot = snapshot(outDir);

    // With a cache of its own, every page renders, and the article's page fails (an EIO reading its body).
    failedRender = buildSite(SITE, {
      ...NOW,
      WARTA_OUT_DIR: outDir,
      WARTA_CACHE_DIR: path.join(work, 'cache-render'),
      WARTA_FAULT: 'render:harga-cabai',
    });
    afterFailures.render = snapshot(outDir);
    afterFailures.renderLeftovers = leftoversAfterCleanUp(outDir);
    // Every page is written and checked, then the search step fails.
    failedSearch = buildSite(SITE, {
      ...NOW,
      WARTA_OUT_DIR: outDir,
      WARTA_CACHE_DIR: cache,
      WARTA_FAULT: 'search:putin-kirim-pesan',
    });
    afterFailures.search = snapshot(outDir);
    afterFailures.searchLeftovers = leftoversAfterCleanUp(outDir);

    // The related terms cannot be written: their file's name is a folder that is not empty. The loader
    // hands that write to the build, which waits for it in astro:build:done, after every page is written.
    const termsCache = path.join(work, 'cache-terms');
    termsFile = path.join(termsCache, 'warta-related-terms.bin');
    fs.mkdirSync(path.join(termsFile, 'inside'), { recursive: true });
    failedTerms = buildSite(SITE, { ...NOW, WARTA_OUT_DIR: outDir, WARTA_CACHE_DIR: termsCache });
    afterFailures.terms = snapshot(outDir);
    afterFailures.termsLeftovers = leftoversAfterCleanUp(outDir);

    // Folders of builds killed before they could clean up: the next build deletes them.
    stale = [`${outDir}.staging-${deadPid()}`, `${outDir}.old-${deadPid()}`];
    for (const dir of stale) {
      fs.mkdirSync(path.join(dir, 'berita'), { recursive: true });
      fs.writeFileSync(path.join(dir, 'index.html'), 'half a site');
    }
    rebuild = buildSite(SITE, { ...NOW, WARTA_OUT_DIR: outDir, WARTA_CACHE_DIR: cache });
    afterRebuildLeftovers = leftovers(outDir);
    if (rebuild.status !== 0) throw new Error(`rebuild failed:\n${rebuild.output}`);
  }, 300_000);

  it('publishes a complete build into the output folder and nothing beside it', () => {
    expect(good.output).toContain(`Published the complete build to ${outDir}.`);
    expect(goodSnapshot.some((f) => f.startsWith('berita/harga-cabai/index.html '))).toBe(true);
    expect(goodSnapshot.some((f) => f.startsWith('pagefind/shards.json '))).toBe(true);
    expect(goodSnapshot.some((f) => f.startsWith('sitemap-index.xml '))).toBe(true);
  });

  it('fails while pages render: the previous site stays exactly as it was, with no staging folder beside it', () => {
    expect(failedRender.status).not.toBe(0);
    expect(afterFailures.render).toEqual(goodSnapshot);
    expect(afterFailures.renderLeftovers).toEqual([]);
  });

  it('fails at the search step: the previous site stays exactly as it was, with no staging folder beside it', () => {
    expect(failedSearch.status).not.toBe(0);
    // Every page had been written, checked and indexed before the failure.
    expect(failedSearch.output).toContain('Every published article has its page (4).');
    expect(afterFailures.search).toEqual(goodSnapshot);
    expect(afterFailures.searchLeftovers).toEqual([]);
  });

  it("fails when the related terms cannot be written, naming their file's error, and publishes nothing", () => {
    expect(failedTerms.status).not.toBe(0);
    expect(failedTerms.output).toContain('Content could not be loaded [ContentLoadFailed]');
    expect(failedTerms.output).toMatch(
      /Loading the content folder failed outside any one article: (EISDIR|ENOTEMPTY|EEXIST)/,
    );
    expect(failedTerms.output).not.toContain('Published the complete build');
    // The build went on while the terms were written, and failed only when it waited for them, before publishing.
    const failedAt = failedTerms.output.indexOf('Content could not be loaded');
    expect(failedTerms.output.search(/files written: \d+ rendered/)).toBeGreaterThan(-1);
    expect(failedTerms.output.search(/files written: \d+ rendered/)).toBeLessThan(failedAt);
    expect(afterFailures.terms).toEqual(goodSnapshot);
    expect(afterFailures.termsLeftovers).toEqual([]);
    // The failed write left no temporary file beside the folder in its way.
    expect(fs.readdirSync(path.dirname(termsFile))).not.toContainEqual(expect.stringMatching(/\.tmp$/));
    expectNoTrace(failedTerms);
  });

  it('names the article that failed to render, without a stack trace', () => {
    expect(failedRender.output).toContain(`${SITE}/harga-cabai.md  Page failed to render [PageRenderFailed]`);
    expect(failedRender.output).toContain('Rendering /berita/harga-cabai/ failed: EIO: i/o error, read');
    expect(failedRender.output).not.toContain('Published the complete build');
    expectNoTrace(failedRender);
  });

  it('names the article the search indexer failed on, without a stack trace', () => {
    expect(failedSearch.output).toContain(
      `${SITE}/dunia/putin-kirim-pesan.md  Search index failed [SearchIndexFailed]`,
    );
    expect(failedSearch.output).toContain('Pagefind could not index /berita/putin-kirim-pesan/');
    expect(failedSearch.output).not.toContain('Published the complete build');
    expectNoTrace(failedSearch);
  });

  it('rebuilds afterwards from the incremental cache, deleting the folders of killed builds', async () => {
    // A publish by the page plan of the last good build: the failed builds changed neither the live
    // site nor the plan, so every article, category and tag page stays (4 + 3 + 3 in this fixture).
    expect(rebuild.output).toContain('Publishing by the page plan');
    expect(pageCounts(rebuild.output).kept).toBeGreaterThanOrEqual(10);
    expect(snapshot(outDir)).toEqual(goodSnapshot);
    for (const dir of stale) expect(fs.existsSync(dir)).toBe(false);
    // The replaced site is deleted by a process of its own, after the build has ended; until then it
    // is only ever a trash folder, never an `.old-` one the next build could take for a complete site.
    expect(
      afterRebuildLeftovers.every((name) => /^dist\.trash-\d+-\d+$/.test(name)),
      afterRebuildLeftovers.join(),
    ).toBe(true);
    await expect.poll(() => leftovers(outDir), { timeout: 60_000, interval: 200 }).toEqual([]);
  });
});

describe('a build that fails with no previous site', () => {
  let work: string;
  let failedRender: SiteBuild;
  let longSlug: SiteBuild;

  beforeAll(() => {
    work = makeTempDir('warta-failed-build-');
    failedRender = buildSite(SITE, {
      ...NOW,
      WARTA_OUT_DIR: path.join(work, 'dist'),
      WARTA_CACHE_DIR: path.join(work, 'cache'),
      WARTA_FAULT: 'render:gempa-guncang-cianjur',
    });
    // A slug longer than a file name may be: Node's ENAMETOOLONG when Astro writes the page, unless caught first.
    longSlug = buildSite(LONG_SLUG, {
      ...NOW,
      WARTA_OUT_DIR: path.join(work, 'long'),
      WARTA_CACHE_DIR: path.join(work, 'cache-long'),
    });
  }, 300_000);

  it('leaves no output folder and no staging folder', () => {
    expect(failedRender.status).not.toBe(0);
    expect(failedRender.output).toContain(`${SITE}/gempa-guncang-cianjur.md  Page failed to render [PageRenderFailed]`);
    expect(leftoversAfterCleanUp(path.join(work, 'dist'))).toEqual([]);
    expect(fs.readdirSync(work).sort()).toEqual(['cache', 'cache-long']);
  });

  it("reports an over-long slug as the article's error, before any page is written, without a stack trace", () => {
    expect(longSlug.status).not.toBe(0);
    expect(longSlug.output).toContain(`${LONG_SLUG}/judul-panjang.md`);
    expect(longSlug.output).not.toContain('ENAMETOOLONG');
    expectNoTrace(longSlug);
    expect(fs.existsSync(path.join(work, 'long'))).toBe(false);
  });
});

describe('a build stopped between its two renames', () => {
  let work: string;
  let outDir: string;
  let previous: string[];
  let failed: SiteBuild;

  beforeAll(() => {
    work = makeTempDir('warta-failed-build-');
    outDir = path.join(work, 'dist');
    const good = buildSite(SITE, { ...NOW, WARTA_OUT_DIR: outDir, WARTA_CACHE_DIR: path.join(work, 'cache') });
    if (good.status !== 0) throw new Error(`first build failed:\n${good.output}`);
    previous = snapshot(outDir);
    // As if killed after moving the site aside and before moving the new one in.
    const pid = deadPid();
    fs.renameSync(outDir, `${outDir}.old-${pid}`);
    fs.mkdirSync(`${outDir}.staging-${pid}`);
    failed = buildSite(SITE, {
      ...NOW,
      WARTA_OUT_DIR: outDir,
      WARTA_CACHE_DIR: path.join(work, 'cache-2'),
      WARTA_FAULT: 'render:harga-cabai',
    });
  }, 300_000);

  it('gets the previous site back at the next build, even one that fails', () => {
    expect(failed.status).not.toBe(0);
    expect(failed.output).toMatch(/was moved back to/);
    expect(snapshot(outDir)).toEqual(previous);
    expect(leftoversAfterCleanUp(outDir)).toEqual([]);
  });
});
