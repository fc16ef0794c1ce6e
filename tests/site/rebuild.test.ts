import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildSite,
  digestFiles,
  listFiles,
  pageCounts,
  type PageCounts,
  type SiteBuild,
} from '../helpers/build-site.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

// A warm rebuild reuses the parse cache, the rendered bodies, Astro's incremental page cache and the
// cached search shards. Whatever it reuses, its output must be exactly a clean build's.
const NATO = 'nato-serukan-penyelidikan-menyeluruh-jatuhnya-pesawat-azerbaijan-airlines';
const LAVROV = 'sebut-gencatan-senjata-jalan-buntu-menlu-lavrov-kita-butuh-perjanjian-final-yang';
const OLD_TITLE = 'NATO Serukan Penyelidikan Menyeluruh Jatuhnya Pesawat Azerbaijan Airlines';
const NEW_TITLE = 'NATO Desak Penyelidikan Independen atas Jatuhnya Pesawat Azerbaijan Airlines';

/** The search index files /cari/ preloads from its head (page-preloads.ts), in order. */
function indexPreloads(build: SiteBuild): string[] {
  return parse(build.read('cari/index.html'))
    .querySelectorAll('head link[rel="preload"][data-search-index]')
    .map((link) => link.getAttribute('href') ?? '');
}

/** The inode of each sitemap file (`sitemap-*.xml`) of a build's output, by name. */
function sitemapInodes(build: SiteBuild): Map<string, number> {
  return new Map(
    fs
      .readdirSync(build.outDir)
      .filter((name) => /^sitemap-.*\.xml$/.test(name) && name !== 'sitemap-news.xml')
      .map((name) => [name, fs.statSync(path.join(build.outDir, name)).ino]),
  );
}

describe('a warm rebuild after editing one article', () => {
  let work: string;
  let content: string;
  let cold: SiteBuild;
  let warm: SiteBuild;
  let restored: SiteBuild;
  let clean: SiteBuild;
  let coldCategoryPage: string;
  let coldPreloads: string[];
  /** The inode of each sitemap file of the first build, by name. */
  let coldSitemaps: Map<string, number>;
  const env = (name: string, cache: string) => ({
    WARTA_NOW: '2025-01-01T00:00:00+07:00',
    WARTA_SEARCH_SHARD_SIZE: '4',
    WARTA_OUT_DIR: path.join(work, name),
    WARTA_CACHE_DIR: path.join(work, cache),
  });

  beforeAll(() => {
    work = makeTempDir('warta-rebuild-');
    content = path.join(work, 'content');
    fs.cpSync('content', content, { recursive: true });
    cold = buildSite(content, env('dist', 'cache'));
    if (cold.status !== 0) throw new Error(`cold build failed:\n${cold.output}`);
    coldCategoryPage = cold.read('kategori/internasional/index.html');
    coldPreloads = indexPreloads(cold);
    coldSitemaps = sitemapInodes(cold);
    // The edit changes a headline that the seed's "Baca juga" box, lists and feeds all print (and
    // that the Lavrov article links by headline, so its editor updates that link too).
    const edit = (name: string, change: (text: string) => string) => {
      const file = path.join(content, `${name}.md`);
      fs.writeFileSync(file, change(fs.readFileSync(file, 'utf8')));
    };
    edit(NATO, (text) =>
      text.replace(/^title: .*$/m, `title: "${NEW_TITLE}"`).replace('38 orang', '38 orang dan melukai 29 lainnya'),
    );
    edit(LAVROV, (text) => text.replace(OLD_TITLE, NEW_TITLE));
    // Into the same output folder, and into an empty one (pages restored from the cache).
    warm = buildSite(content, env('dist', 'cache'));
    restored = buildSite(content, env('dist-restored', 'cache'));
    clean = buildSite(content, env('dist-clean', 'cache-clean'));
    for (const build of [warm, restored, clean])
      if (build.status !== 0) throw new Error(`build failed:\n${build.output}`);
  }, 180_000);

  it('reuses the unchanged work: parsed articles, pages and search shards', () => {
    expect(warm.output).toMatch(/cache 11 hit, 2 parsed/);
    expect(warm.output).toMatch(/Pagefind: indexed 13 articles in 4 shards \(3 reused\)/);
    // Bodies: the two edited stories' and the two whose "Baca juga" shows the new headline (the
    // Putin and Houthi stories) are written again; the other nine are read where the first build
    // wrote them (body-store.ts).
    expect(warm.output).toMatch(/Bodies: 4 written, 9 kept from the previous build/);
    expect(restored.output).toMatch(/Bodies: 0 written, 13 kept from the previous build/);
    // The edit goes by the page plan: the unchanged pages stay in the live site and Astro is handed
    // only the changed ones (kept-pages.ts). Into an empty folder, the pages are restored from
    // Astro's cache instead, whose manifest is first brought in line with the plan; the build log
    // counts both (build-logger.mjs, staged-output.ts).
    expect(warm.output).toContain('Publishing by the page plan');
    expect(restored.output).toContain("Every page goes through Astro's incremental build: there is no live site");
    const [w, r, c] = [warm, restored, cold].map((build) => pageCounts(build.output)) as [
      PageCounts,
      PageCounts,
      PageCounts,
    ];
    expect(w).toMatchObject({ restored: 0 });
    expect(w.kept).toBeGreaterThan(30);
    // The third build changes nothing since the second: every page with a key comes from the cache,
    // those the second rendered too, so it renders fewer than the second did (only the unkeyed ones).
    expect(r.kept).toBe(0);
    expect(r.restored).toBeGreaterThan(w.kept);
    expect(r.rendered).toBeLessThan(w.rendered);
    expect(r.files).toBe(w.files);
    expect(c).toMatchObject({ restored: 0, kept: 0, rendered: w.files });
    expect(c.rendered).toBeGreaterThan(w.kept);
  });

  it("lists in /cari/'s head the files the newest shards read first, as the publish left them", () => {
    for (const build of [warm, restored, clean]) {
      const manifest = JSON.parse(build.read('pagefind/shards.json')) as { preload: string[] };
      const preloads = indexPreloads(build);
      expect(preloads).toEqual(manifest.preload.map((file) => `/pagefind/${file}`));
      for (const href of preloads) expect(build.exists(href.slice(1).split('?')[0] ?? ''), href).toBe(true);
    }
    // The edited story's shard has new files: a page kept from the first build would name the old ones.
    expect(indexPreloads(warm)).not.toEqual(coldPreloads);
    expect(coldPreloads.length).toBeGreaterThan(0);
  });

  it('shows the edit on the article, in the seed\'s "Baca juga" box and on its category page', () => {
    expect(warm.read(`berita/${NATO}/index.html`)).toContain('38 orang dan melukai 29 lainnya');
    expect(
      warm.read('berita/kirim-pesan-tahun-baru-ke-kim-jong-un-presiden-putin-harapkan-kerja-sama/index.html'),
    ).toContain(NEW_TITLE);
    expect(warm.read('kategori/internasional/index.html')).toContain(NEW_TITLE);
    expect(coldCategoryPage).not.toContain(NEW_TITLE);
  });

  it('leaves the sitemaps in place when the edit changes none of them', () => {
    // The same pages, and no story's publication or update date changed: every sitemap is as it was.
    expect(coldSitemaps.size).toBe(3);
    expect(sitemapInodes(warm)).toEqual(coldSitemaps);
    expect(warm.output).toMatch(/3 sitemaps \(1 of articles by month\) in [\d.]+ s: 0 written, 3 unchanged kept/);
    expect(restored.output).toMatch(/3 sitemaps \(1 of articles by month\) in [\d.]+ s: 3 written, 0 unchanged kept/);
  });

  it('writes exactly what a clean build writes, into the same folder and into an empty one', () => {
    const expected = digestFiles(clean.outDir);
    expect(digestFiles(warm.outDir)).toEqual(expected);
    expect(digestFiles(restored.outDir)).toEqual(expected);
  });
});

// Publishing a story must not re-render the archive (issue #18): the lists every article page shows
// are its own ("Berita Terkait", "Lainnya di …", stories just before it), and "Terkini" is framed from
// one small page, so each article page keeps its cache key and is restored, not rendered.
describe('a warm rebuild after publishing one story', () => {
  let work: string;
  let after: SiteBuild;
  let afterFiles: string[];
  let again: SiteBuild;
  /** The article pages of the first build, by file: the second writes into the same folder. */
  let before: Map<string, string>;

  beforeAll(() => {
    work = makeTempDir('warta-publish-');
    const content = path.join(work, 'content');
    fs.cpSync('content', content, { recursive: true });
    const env = {
      WARTA_NOW: '2025-01-01T00:00:00+07:00',
      WARTA_OUT_DIR: path.join(work, 'dist'),
      WARTA_CACHE_DIR: path.join(work, 'cache'),
    };
    const first = buildSite(content, env);
    if (first.status !== 0) throw new Error(`first build failed:\n${first.output}`);
    before = new Map(articlePages(first).map((f) => [f, first.read(f)]));
    fs.writeFileSync(
      path.join(content, 'olahraga', 'persija-juara-liga-1.md'),
      [
        '---',
        'title: Persija Kunci Gelar Juara Liga 1 Setelah Tundukkan Persib',
        'date: 2024-12-31T20:00:00+07:00',
        'category: Olahraga',
        'tags: [Sepak Bola, Liga 1]',
        'author: fajar-nugroho',
        '---',
        '',
        'JAKARTA - Persija Jakarta memastikan gelar juara Liga 1 setelah menundukkan Persib Bandung 2-1',
        'di Stadion Utama Gelora Bung Karno, Selasa malam.',
        '',
      ].join('\n'),
    );
    after = buildSite(content, env);
    if (after.status !== 0) throw new Error(`second build failed:\n${after.output}`);
    afterFiles = digestFiles(after.outDir);
    // Other settings, the same content: the plan's version changes, so this build walks through
    // Astro's incremental build, whose manifest the publish by the plan left behind.
    again = buildSite(content, { ...env, WARTA_DEBUG: '1' });
    if (again.status !== 0) throw new Error(`third build failed:\n${again.output}`);
  }, 180_000);

  const articlePages = (build: SiteBuild): string[] =>
    listFiles(build.outDir).filter((f) => /^berita\/[^/]+\/index\.html$/.test(f));

  it('renders the new story and the lists that show it, and restores every other article page', () => {
    // A publish by the page plan: Astro renders the changed pages, the rest stay in the live site.
    expect(after.output).toContain('Publishing by the page plan');
    const { files, rendered, restored, kept } = pageCounts(after.output);
    expect(restored).toBe(0);
    expect(articlePages(after)).toHaveLength(before.size + 1);
    // An old article page changes only where its own lists do: the new story may join its
    // "Berita Terkait", and every similarity moves a little with the archive's word counts.
    const withoutLists = (html: string): string => {
      const root = parse(html);
      for (const list of root.querySelectorAll('section[data-related="computed"], section[data-related="section"]'))
        list.remove();
      return root.toString();
    };
    const changed = [...before].filter(([f, html]) => after.read(f) !== html);
    for (const [file, html] of changed) expect(withoutLists(after.read(file)), file).toBe(withoutLists(html));
    expect(changed.length).toBeLessThan(before.size);
    // What is rendered: the new story, the old ones whose lists changed, and the pages that list the
    // new story (front page, its section, tags and author, the "Terkini" fragment). Every other
    // article page is restored from the cache.
    const nonArticle = files - articlePages(after).length;
    expect(rendered).toBeLessThanOrEqual(nonArticle + 1 + changed.length);
    expect(kept).toBeGreaterThanOrEqual(before.size - changed.length);
    expect(after.read('sematan/terkini/index.html')).toContain('/berita/persija-juara-liga-1/');
    expect(after.read('penulis/fajar-nugroho/index.html')).toContain('/berita/persija-juara-liga-1/');
    // In its month's sitemap, newest first, dated as published.
    expect(after.read('sitemap-berita-2024-12.xml').split('\n')[2]).toBe(
      '<url><loc>https://warta.example/berita/persija-juara-liga-1/</loc><lastmod>2024-12-31T20:00:00+07:00</lastmod></url>',
    );
  });

  it('walks through Astro after a change of code or settings, restoring what the publish by the plan made', () => {
    expect(again.output).toContain(
      "Every page goes through Astro's incremental build: the code or the settings changed since the previous build.",
    );
    const [published, walked] = [after, again].map((build) => pageCounts(build.output)) as [PageCounts, PageCounts];
    // Astro's manifest was brought in line with the plan first: the pages the publish rendered (the
    // new story, its lists) are restored, not rendered again; only the pages without a key render.
    expect(walked.kept).toBe(0);
    expect(walked.restored).toBe(published.kept + published.rendered - walked.rendered);
    expect(walked.rendered).toBeLessThan(published.rendered);
    expect(digestFiles(again.outDir)).toEqual(afterFiles);
  });
});
