import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import { describe, expect, it } from 'vitest';
import {
  pagesByPathKey,
  plannedFile,
  readPagePlan,
  routePathKey,
  selectChangedPages,
  selectRoutePaths,
  writePagePlan,
  type PlannedPage,
} from '../../src/lib/storage/page-plan.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

const ARTICLE = 'src/pages/berita/[slug].astro';
const LIST = 'src/pages/kategori/[slug]/[...page].astro';

function page(component: string, pathname: string, key: string): PlannedPage {
  const file = plannedFile(pathname);
  if (file === undefined) throw new Error(`no file for ${pathname}`);
  return { component, pathname, file, key };
}

const byFile = (pages: readonly PlannedPage[]) => new Map(pages.map((p) => [p.file, p]));

describe('plannedFile', () => {
  it('names the file Astro writes for a page in the directory format', () => {
    expect(plannedFile('/')).toBe('index.html');
    expect(plannedFile('/berita/banjir-rob/')).toBe('berita/banjir-rob/index.html');
    expect(plannedFile('/kategori/ekonomi/halaman/3/')).toBe('kategori/ekonomi/halaman/3/index.html');
  });

  it('leaves endpoints, the 404 page and odd paths to Astro', () => {
    expect(plannedFile('/rss.xml')).toBeUndefined();
    expect(plannedFile('/404')).toBeUndefined();
    expect(plannedFile('berita/x/')).toBeUndefined();
    expect(plannedFile('/berita/../x/')).toBeUndefined();
  });
});

describe('the page plan file', () => {
  const folder = () => makeTempDir('warta-plan-');

  it('keeps every page, its route and key, and whether Astro’s manifest is behind', () => {
    const file = path.join(folder(), 'cache', 'plan.bin');
    const pages = [
      page(ARTICLE, '/berita/a/', 'k1'),
      page(LIST, '/kategori/ekonomi/', 'k2'),
      page(ARTICLE, '/berita/b/', 'k3'),
    ];
    writePagePlan(file, { version: 'v1', astroManifestBehind: true, pages: byFile(pages) });
    const read = readPagePlan(file);
    expect(read?.version).toBe('v1');
    expect(read?.astroManifestBehind).toBe(true);
    expect([...(read?.pages.values() ?? [])]).toEqual(pages);
  });

  it('is no plan when missing, damaged or of another format', () => {
    const dir = folder();
    expect(readPagePlan(path.join(dir, 'none.bin'))).toBeUndefined();
    fs.writeFileSync(path.join(dir, 'junk.bin'), 'not a plan');
    expect(readPagePlan(path.join(dir, 'junk.bin'))).toBeUndefined();
    fs.writeFileSync(path.join(dir, 'other.bin'), v8.serialize(['warta-page-plan-0', 'v1', false, [], []]));
    expect(readPagePlan(path.join(dir, 'other.bin'))).toBeUndefined();
    fs.writeFileSync(path.join(dir, 'short.bin'), v8.serialize(['warta-page-plan-2', 'v1', false, ['x'], [0, '/a/']]));
    expect(readPagePlan(path.join(dir, 'short.bin'))).toBeUndefined();
    // The rows of the first format, without inodes, are not read as the second's.
    const first = [0, '/a/', 'a/index.html', 'k1', 0, '/b/', 'b/index.html', 'k2'];
    fs.writeFileSync(path.join(dir, 'v1.bin'), v8.serialize(['warta-page-plan-1', 'v1', false, ['x'], first]));
    expect(readPagePlan(path.join(dir, 'v1.bin'))).toBeUndefined();
    fs.writeFileSync(path.join(dir, 'mixed.bin'), v8.serialize(['warta-page-plan-2', 'v1', false, ['x'], first]));
    expect(readPagePlan(path.join(dir, 'mixed.bin'))).toBeUndefined();
    // The second format's rows (inodes, no path keys) are not read as the third's.
    const second = [0, '/a/', 'a/index.html', 'k1', 7, 0, '/b/', 'b/index.html', 'k2', 8, 0, '/c/'];
    fs.writeFileSync(path.join(dir, 'v2.bin'), v8.serialize(['warta-page-plan-3', 'v1', false, ['x'], second]));
    expect(readPagePlan(path.join(dir, 'v2.bin'))).toBeUndefined();
  });

  it('keeps the path key of each page whose route handed it, and none for the others', () => {
    const file = path.join(folder(), 'plan.bin');
    const pages = [
      { ...page(ARTICLE, '/berita/a/', 'k1'), pathKey: routePathKey('/berita/[slug]', { slug: 'a' }) },
      page(ARTICLE, '/berita/b/', 'k2'),
    ];
    writePagePlan(file, { version: 'v1', astroManifestBehind: false, pages: byFile(pages) });
    const read = [...(readPagePlan(file)?.pages.values() ?? [])];
    expect(read).toEqual(pages);
    expect(read[1]).not.toHaveProperty('pathKey');
  });

  it('keeps the inode of each page whose inode is known, and no inode for the others', () => {
    const file = path.join(folder(), 'plan.bin');
    const pages = [{ ...page(ARTICLE, '/berita/a/', 'k1'), ino: 1_234_567_890_123 }, page(ARTICLE, '/berita/b/', 'k2')];
    writePagePlan(file, { version: 'v1', astroManifestBehind: false, pages: byFile(pages) });
    const read = [...(readPagePlan(file)?.pages.values() ?? [])];
    expect(read).toEqual(pages);
    expect(read[1]).not.toHaveProperty('ino');
  });
});

describe('selectChangedPages', () => {
  const previous = byFile([
    page(ARTICLE, '/berita/a/', 'a1'),
    page(ARTICLE, '/berita/b/', 'b1'),
    page(ARTICLE, '/berita/gone/', 'g1'),
    page(LIST, '/kategori/ekonomi/', 'e1'),
  ]);
  const current = (pages: PlannedPage[]) => pages.map((p) => ({ page: p, path: p.pathname }));

  it('renders new pages and pages whose key changed, keeps the rest, and removes what is gone', () => {
    const selection = selectChangedPages(
      current([
        page(ARTICLE, '/berita/a/', 'a1'),
        page(ARTICLE, '/berita/b/', 'b2'),
        page(ARTICLE, '/berita/new/', 'n1'),
        page(LIST, '/kategori/ekonomi/', 'e1'),
      ]),
      previous,
      () => true,
    );
    expect(selection.render).toEqual(['/berita/b/', '/berita/new/']);
    expect(selection.kept.map((p) => p.pathname)).toEqual(['/berita/a/', '/kategori/ekonomi/']);
    expect(selection.removed).toEqual(['berita/gone/index.html']);
  });

  it('renders a page whose live file is not the one the previous build made', () => {
    const asked: PlannedPage[] = [];
    const selection = selectChangedPages(
      current([
        page(ARTICLE, '/berita/a/', 'a1'),
        page(LIST, '/kategori/ekonomi/', 'e1'),
        page(ARTICLE, '/berita/b/', 'b2'),
      ]),
      previous,
      (p) => {
        asked.push(p);
        return p.pathname !== '/berita/a/';
      },
    );
    expect(selection.render).toEqual(['/berita/a/', '/berita/b/']);
    expect(selection.kept.map((p) => p.pathname)).toEqual(['/kategori/ekonomi/']);
    // Asked about the plan's own pages (which carry their inodes), and only where the key is unchanged.
    expect(asked).toEqual([previous.get('berita/a/index.html'), previous.get('kategori/ekonomi/index.html')]);
  });

  it('renders a page that another route now makes under the same key', () => {
    const selection = selectChangedPages(current([page(LIST, '/berita/a/', 'a1')]), previous, () => true);
    expect(selection.render).toEqual(['/berita/a/']);
  });
});

describe('selectRoutePaths', () => {
  const ROUTE = '/kategori/[slug]/[...page]';
  const planned = (pathname: string, params: Record<string, string | undefined>, key: string): PlannedPage => ({
    ...page(LIST, pathname, key),
    pathKey: routePathKey(ROUTE, params),
  });
  const previous = byFile([
    planned('/kategori/ekonomi/', { slug: 'ekonomi', page: undefined }, 'e1'),
    planned('/kategori/ekonomi/halaman/1/', { slug: 'ekonomi', page: 'halaman/1' }, 'h1'),
    planned('/kategori/hukum/', { slug: 'hukum', page: undefined }, 'u1'),
    // A page of the plan whose route did not hand it (no path key): found by its URL path later.
    page(LIST, '/kategori/olahraga/', 'o1'),
  ]);
  const byPathKey = pagesByPathKey(previous);

  it('keeps the paths whose route and params name an unchanged, intact page, and hands on the rest in order', () => {
    const paths = [
      { params: { slug: 'ekonomi', page: undefined }, cacheKey: 'e1' },
      { params: { slug: 'ekonomi', page: 'halaman/1' }, cacheKey: 'h2' },
      { params: { slug: 'hukum', page: undefined }, cacheKey: 'u1' },
      { params: { slug: 'olahraga', page: undefined }, cacheKey: 'o1' },
      { params: { slug: 'baru', page: undefined }, cacheKey: 'n1' },
    ];
    const selection = selectRoutePaths(ROUTE, paths, byPathKey, (before) => before.pathname !== '/kategori/hukum/');
    expect(selection.kept.map((p) => p.pathname)).toEqual(['/kategori/ekonomi/']);
    expect(selection.handed).toEqual([paths[1], paths[2], paths[3], paths[4]]);
    expect(selection.handedKeys).toEqual([
      routePathKey(ROUTE, { slug: 'ekonomi', page: 'halaman/1' }),
      routePathKey(ROUTE, { slug: 'hukum' }),
      routePathKey(ROUTE, { slug: 'olahraga' }),
      routePathKey(ROUTE, { slug: 'baru' }),
    ]);
  });

  it('never keeps a page of another route, or a path without a key', () => {
    const paths = [{ params: { slug: 'ekonomi', page: undefined }, cacheKey: 'e1' }];
    expect(selectRoutePaths('/tag/[slug]/[...page]', paths, byPathKey, () => true).kept).toEqual([]);
    expect(selectRoutePaths(ROUTE, [{ params: { slug: 'ekonomi' } }], byPathKey, () => true).kept).toEqual([]);
  });

  it('counts pages its routes kept as present, so selectChangedPages does not remove them', () => {
    const kept = [previous.get('kategori/ekonomi/index.html')].filter((p) => p !== undefined);
    const selection = selectChangedPages([], previous, () => true, kept);
    expect(selection.removed).toEqual([
      'kategori/ekonomi/halaman/1/index.html',
      'kategori/hukum/index.html',
      'kategori/olahraga/index.html',
    ]);
  });
});
