import { describe, expect, it } from 'vitest';
import {
  articlesResolved,
  buildClock,
  deferWrite,
  endBuild,
  finishWrites,
  onArticlesResolved,
  perBuild,
  publishArticleList,
  publishedArticleList,
  publishArticle,
  publishedArticle,
  publishedBody,
  readSettings,
  setCommand,
  startBuild,
  takeResolvedArticles,
} from '../../src/data/build-context.ts';
import { buildContent } from '../../src/lib/content/build-content.ts';
import { source } from '../helpers/article-source.ts';

describe('article data handed from the loader to the pages by digest', () => {
  const [built] = buildContent(
    [
      source(
        'putin.md',
        '---\ntitle: "Putin Kirim Pesan"\ndate: 2024-12-27T10:15:00+07:00\ncategory: Internasional\n---\n\nJAKARTA - Isi.\n',
      ),
    ],
    {
      now: new Date('2025-01-01T00:00:00Z'),
    },
  ).articles;

  it('gives each digest the article published under it, old digests included', () => {
    const article = built!.data;
    const oldBody = { pack: '000000000000001-000000-1.pack', offset: 0, length: 120 };
    const newBody = { pack: '000000000000002-000000-1.pack', offset: 0, length: 130 };
    publishArticle('digest-lama', article, oldBody);
    const edited = { ...article, title: 'Putin Kirim Pesan Baru' };
    publishArticle('digest-baru', edited, newBody);
    expect(publishedArticle('putin', 'digest-baru').title).toBe('Putin Kirim Pesan Baru');
    expect(publishedBody('putin', 'digest-baru')).toEqual(newBody);
    // The dev server's entries name the previous digest until Astro picks up the reload.
    expect(publishedArticle('putin', 'digest-lama').title).toBe('Putin Kirim Pesan');
    expect(publishedBody('putin', 'digest-lama')).toEqual(oldBody);
  });

  it('names the entry and says what to run when the loader did not publish it in this process', () => {
    expect(() => publishedArticle('hilang', 'abc123')).toThrow(
      /no data for the article entry "hilang" \(digest abc123\).*`astro build`/s,
    );
    expect(() => publishedArticle('tanpa-digest', undefined)).toThrow(/"tanpa-digest" \(digest undefined\)/);
    expect(() => publishedBody('hilang', 'abc123')).toThrow(/no data for the article entry "hilang" \(digest abc123\)/);
  });
});

describe('the settings read from the environment', () => {
  it('resolves the folders against the working folder and defaults them', () => {
    const settings = readSettings({}, '/proyek');
    expect(settings).toEqual({
      contentDirectory: '/proyek/content',
      outDirectory: '/proyek/dist',
      cacheDirectory: '/proyek/node_modules/.astro',
      bodyDirectory: '/proyek/node_modules/.astro/warta-bodies',
      fixedNow: undefined,
      debug: false,
      fault: undefined,
      pageSize: undefined,
      searchShardSize: undefined,
      searchRecentArticles: undefined,
      imageHosts: [],
    });
  });

  it('reads every WARTA_ variable', () => {
    const settings = readSettings(
      {
        WARTA_CONTENT_DIR: 'arsip',
        WARTA_OUT_DIR: '/tmp/keluar',
        WARTA_CACHE_DIR: 'cache',
        WARTA_NOW: '2025-01-01T12:00:00+07:00',
        WARTA_DEBUG: '1',
        WARTA_FAULT: 'render:x',
        WARTA_PAGE_SIZE: '5',
        WARTA_SEARCH_SHARD_SIZE: '2',
        WARTA_SEARCH_RECENT: '3',
        WARTA_IMAGE_HOSTS: 'foto.antaranews.com, 127.0.0.1:8443,',
      },
      '/proyek',
    );
    expect(settings.contentDirectory).toBe('/proyek/arsip');
    expect(settings.outDirectory).toBe('/tmp/keluar');
    expect(settings.bodyDirectory).toBe('/proyek/cache/warta-bodies');
    expect(settings.fixedNow?.toISOString()).toBe('2025-01-01T05:00:00.000Z');
    expect([settings.debug, settings.fault, settings.pageSize, settings.searchShardSize]).toEqual([
      true,
      'render:x',
      5,
      2,
    ]);
    expect(settings.searchRecentArticles).toBe(3);
    expect(settings.imageHosts).toEqual(['foto.antaranews.com', '127.0.0.1:8443']);
  });

  it('refuses a malformed clock or number with the variable named', () => {
    expect(() => readSettings({ WARTA_NOW: 'besok' }, '/')).toThrow(/WARTA_NOW is not a date: "besok"/);
    expect(() => readSettings({ WARTA_PAGE_SIZE: '0' }, '/')).toThrow(
      /WARTA_PAGE_SIZE must be a positive whole number, got "0"/,
    );
  });
});

describe('the "articles resolved" hand-over to the search index', () => {
  it('tells each listener, and is taken once', () => {
    const heard: number[] = [];
    const stop = onArticlesResolved((articles) => heard.push(articles.length));
    articlesResolved([]);
    stop();
    articlesResolved([]);
    expect(heard).toEqual([0]);
    expect(takeResolvedArticles()).toEqual([]);
    expect(takeResolvedArticles()).toBeUndefined();
  });
});

// The publish server (scripts/publish.ts) runs many builds in one process: each must start from
// nothing an earlier one left (issue #20).
describe('a build started in a process that built before', () => {
  /** What a build's loader publishes: one article, and the list. */
  const publishSomething = (digest: string, slug: string): void => {
    publishArticle(digest, { slug } as never, { pack: '000000000000001-000000-1.pack', offset: 0, length: 1 });
    publishArticleList([]);
  };

  it('has its own clock, no earlier articles, no earlier listeners and no earlier shared values', async () => {
    setCommand('build');
    startBuild();
    const first = buildClock();
    publishSomething('digest-build-1', 'lama');
    expect(perBuild('index', () => 'build 1')).toBe('build 1');
    // Made once per build: a second call gets the first value.
    expect(perBuild('index', () => 'again')).toBe('build 1');
    let calls = 0;
    // A build that failed before its articles resolved never removes its search listener.
    onArticlesResolved(() => (calls += 1));
    await new Promise((resolve) => setTimeout(resolve, 5));

    startBuild();
    expect(buildClock().getTime()).toBeGreaterThan(first.getTime());
    expect(() => publishedArticle('lama', 'digest-build-1')).toThrow(/no data for the article entry "lama"/);
    expect(publishedArticleList()).toBeUndefined();
    expect(perBuild('index', () => 'build 2')).toBe('build 2');
    articlesResolved([]);
    expect(calls).toBe(0);
    takeResolvedArticles();
  });

  // The publish server ends each build so that the next one does not run beside the whole previous site.
  it('holds nothing of a build once it has ended', () => {
    setCommand('build');
    startBuild();
    publishSomething('digest-ended', 'selesai');
    expect(perBuild('index', () => 'during')).toBe('during');
    let calls = 0;
    onArticlesResolved(() => (calls += 1));

    endBuild();
    expect(() => publishedArticle('selesai', 'digest-ended')).toThrow(/no data for the article entry "selesai"/);
    expect(publishedArticleList()).toBeUndefined();
    expect(perBuild('index', () => 'after')).toBe('after');
    articlesResolved([]);
    expect(calls).toBe(0);
    takeResolvedArticles();
  });
});

describe('writes a load leaves for its build to wait for', () => {
  it('are taken only by a build, and the build waits for them and fails with the first failure', async () => {
    setCommand('sync');
    startBuild();
    // Nothing would wait in `astro sync`: the loader must wait itself.
    expect(deferWrite(Promise.resolve())).toBe(false);

    setCommand('build');
    startBuild();
    let done = false;
    expect(
      deferWrite(
        new Promise<void>((resolve) =>
          setTimeout(() => {
            done = true;
            resolve();
          }, 20),
        ),
      ),
    ).toBe(true);
    await finishWrites();
    expect(done).toBe(true);

    expect(deferWrite(Promise.reject(new Error('disk full')))).toBe(true);
    await expect(finishWrites()).rejects.toThrow('disk full');
    // Taken once: the next wait has nothing left.
    await expect(finishWrites()).resolves.toBeUndefined();

    // A failed build's writes are forgotten with it, never waited for by the next build.
    expect(deferWrite(Promise.reject(new Error('earlier build')))).toBe(true);
    endBuild();
    await expect(finishWrites()).resolves.toBeUndefined();
  });
});
