import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readPagePlan } from '../../src/lib/storage/page-plan.ts';
import { buildSite, digestFiles, listFiles, type SiteBuild } from '../helpers/build-site.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

// Issue #20: a publish moves what changed into the live site and leaves every unchanged page where
// it is (src/integrations/kept-pages.ts, mergeInto in staged-output.ts), instead of writing a whole
// new site beside it. Whatever it keeps, the output must be exactly a clean build's.
const DELETED = 'pemerintah-wajibkan-registrasi-imei-ponsel-impor';
const DELETED_TITLE = 'Pemerintah Perketat Registrasi IMEI untuk Ponsel dari Luar Negeri';
const KEPT = 'banjir-rob-genangi-pesisir-utara-jakarta-warga-mengungsi';

describe('publishing into the live site', () => {
  let work: string;
  let content: string;
  const env = (name = 'dist', cache = 'cache') => ({
    WARTA_NOW: '2025-01-01T00:00:00+07:00',
    WARTA_OUT_DIR: path.join(work, name),
    WARTA_CACHE_DIR: path.join(work, cache),
  });
  const build = (name?: string, cache?: string): SiteBuild => {
    const result = buildSite(content, env(name, cache));
    if (result.status !== 0) throw new Error(`build failed:\n${result.output}`);
    return result;
  };
  const inode = (file: string) => fs.statSync(path.join(work, 'dist', file)).ino;
  const page = (slug: string) => `berita/${slug}/index.html`;
  const expectCleanBuild = () => {
    const clean = build(`dist-clean-${Date.now()}`, `cache-clean-${Date.now()}`);
    expect(digestFiles(path.join(work, 'dist'))).toEqual(digestFiles(clean.outDir));
  };
  let first: SiteBuild;

  beforeAll(() => {
    work = makeTempDir('warta-in-place-');
    content = path.join(work, 'content');
    fs.cpSync('content', content, { recursive: true });
    first = build();
  }, 120_000);

  it('keeps unchanged pages as the very same files, and replaces the ones that change', () => {
    const keptBefore = inode(page(KEPT));
    const frontBefore = inode('index.html');
    const shard = fs
      .readdirSync(path.join(work, 'dist', 'pagefind'), { withFileTypes: true })
      .find((entry) => entry.isDirectory())?.name;
    const shardEntry = `pagefind/${shard ?? 'no-shard'}/pagefind-entry.json`;
    const shardBefore = inode(shardEntry);
    const again = build();
    expect(again.output).toMatch(
      /Published the build into .*: \d+ files or folders added, \d+ replaced, 0 removed; \d+ unchanged pages and search shards kept in place/,
    );
    expect(inode(page(KEPT))).toBe(keptBefore);
    // Every page the plan kept, its route kept before Astro made its URL path (kept-pages.ts,
    // selectPathsOfRoute): the first build noted each page's route and params in the plan.
    const byPlan = /\((\d+) pages by the page plan, (\d+) of them before Astro made their paths\)/.exec(again.output);
    expect(Number(byPlan?.[1])).toBeGreaterThan(50);
    expect(byPlan?.[2]).toBe(byPlan?.[1]);
    const plan = readPagePlan(path.join(work, 'cache', 'warta-page-plan.bin'));
    expect(plan?.pages.get(page(KEPT))?.pathKey).toBe(`/berita/[slug]\0${JSON.stringify({ slug: KEPT })}`);
    const keyed = [...(plan?.pages.values() ?? [])];
    expect(keyed.filter((p) => p.pathKey === undefined).map((p) => p.file)).toEqual([]);
    // The search index's unchanged shard stays too (search/build-index.ts).
    expect(again.output).toMatch(
      /Pagefind: indexed 13 articles in 1 shard \(1 reused\) .*, 1 shard kept in the live site/,
    );
    expect(inode(shardEntry)).toBe(shardBefore);
    // The front page has no cache key: rendered every time, and moved in by a rename.
    expect(inode('index.html')).not.toBe(frontBefore);
    // Nothing is left beside the output folder but the old files on their way out.
    const beside = fs.readdirSync(work).filter((name) => name.startsWith('dist.'));
    expect(beside.every((name) => name.startsWith('dist.trash-'))).toBe(true);
    expectCleanBuild();
  }, 120_000);

  it('removes an unpublished story with its folder, keeping the rest in place', () => {
    const keptBefore = inode(page(KEPT));
    for (const file of listFiles(content).filter((f) => f.endsWith('.md'))) {
      const text = fs.readFileSync(path.join(content, file), 'utf8');
      const without = text
        .split('\n')
        .filter((line) => !line.includes(`${DELETED}.md)`) && line !== `- ${DELETED_TITLE}`)
        .join('\n');
      if (without !== text) fs.writeFileSync(path.join(content, file), without);
    }
    fs.rmSync(path.join(content, 'teknologi', `${DELETED}.md`));
    const after = build();
    expect(after.exists(page(DELETED))).toBe(false);
    expect(after.exists(`berita/${DELETED}`)).toBe(false);
    expect(after.read('index.html')).not.toContain(`/berita/${DELETED}/`);
    expect(inode(page(KEPT))).toBe(keptBefore);
    expectCleanBuild();
  }, 180_000);

  it('puts back a live page that was changed by hand, since it is no longer the cached page', () => {
    const file = path.join(work, 'dist', page(KEPT));
    const original = fs.readFileSync(file, 'utf8');
    fs.rmSync(file);
    fs.writeFileSync(file, '<p>diubah di luar Warta</p>');
    build();
    expect(fs.readFileSync(file, 'utf8')).toBe(original);
    expectCleanBuild();
  }, 180_000);

  it('puts back a page whose build cache copy was deleted, which a publish by the plan checks with one stat', () => {
    // By now the page plan knows each kept page's inode (page-plan.ts): the live page is checked
    // against it, and against its second link, the build cache's copy.
    const plan = readPagePlan(path.join(work, 'cache', 'warta-page-plan.bin'));
    const planned = plan?.pages.get(page(KEPT));
    expect(planned?.ino).toBe(inode(page(KEPT)));
    const cached = path.join(work, 'cache', 'dist', page(KEPT));
    fs.rmSync(cached);
    const before = inode(page(KEPT));
    const after = build();
    expect(after.output).toContain('Publishing by the page plan');
    // Rendered again, moved in as a new file, and linked into the cache for the next publish.
    expect(inode(page(KEPT))).not.toBe(before);
    expect(fs.statSync(cached).ino).toBe(inode(page(KEPT)));
    expect(readPagePlan(path.join(work, 'cache', 'warta-page-plan.bin'))?.pages.get(page(KEPT))?.ino).toBe(
      inode(page(KEPT)),
    );
    expectCleanBuild();
  }, 180_000);

  it('replaces a folder where the new site has a file', () => {
    fs.rmSync(path.join(work, 'dist', 'robots.txt'));
    fs.mkdirSync(path.join(work, 'dist', 'robots.txt', 'isi'), { recursive: true });
    const after = build();
    expect(fs.statSync(path.join(work, 'dist', 'robots.txt')).isFile()).toBe(true);
    expect(after.read('robots.txt')).toContain('Sitemap:');
    expectCleanBuild();
  }, 180_000);

  it('finishes the removals of a publish that was stopped half-way', () => {
    // What a stopped merge leaves: a page the new site no longer has, noted in the cache folder.
    const stale = 'berita/berita-yang-sudah-dihapus/index.html';
    fs.mkdirSync(path.dirname(path.join(work, 'dist', stale)), { recursive: true });
    fs.writeFileSync(path.join(work, 'dist', stale), '<p>lama</p>');
    fs.writeFileSync(
      path.join(work, 'cache', 'warta-pending-removals.json'),
      JSON.stringify([stale, '../outside.txt', '/etc/passwd']),
    );
    fs.writeFileSync(path.join(work, 'outside.txt'), 'tetap');
    const after = build();
    expect(after.exists(stale)).toBe(false);
    expect(after.exists('berita/berita-yang-sudah-dihapus')).toBe(false);
    expect(fs.readFileSync(path.join(work, 'outside.txt'), 'utf8')).toBe('tetap');
    expect(fs.existsSync(path.join(work, 'cache', 'warta-pending-removals.json'))).toBe(false);
    expectCleanBuild();
  }, 180_000);

  it('builds a whole new site when there is no live one', () => {
    expect(first.output).toMatch(/Published the complete build to /);
  });

  it("gives Astro's content store one entry for the whole site, not one per article", () => {
    // The pages take the articles from the build context (warta-loader.ts, `SITE_ENTRY`).
    const store = fs.readFileSync(path.join(work, 'cache', 'data-store.json'), 'utf8');
    expect(store).toContain('"situs"');
    expect(store).not.toContain(KEPT);
    expect(first.exists(page(KEPT))).toBe(true);
  });
});
