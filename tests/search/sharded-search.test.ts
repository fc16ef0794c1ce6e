import { describe, expect, it } from 'vitest';
import {
  joinShards,
  mergeResponses,
  openShards,
  openStagedShards,
  sumCounts,
  type CreateInstance,
  type PagefindApi,
  type PagefindResponse,
} from '../../src/lib/search/sharded-search.ts';

const response = (scores: Record<string, number>, counts: Record<string, number> = {}): PagefindResponse<string> => ({
  results: Object.entries(scores).map(([id, score]) => ({ id, score, data: () => Promise.resolve(id) })),
  totalFilters: { kategori: counts },
  unfilteredResultCount: Object.keys(scores).length,
});
const ids = (r: PagefindResponse<string> | null) => r?.results.map((x) => x.id);

describe('joining shard answers', () => {
  it('orders by score across shards, ties in shard order (newer shard first)', () => {
    const merged = mergeResponses([response({ a: 1, b: 5 }), response({ c: 5, d: 3 })], false);
    expect(ids(merged)).toEqual(['b', 'c', 'd', 'a']);
    expect(merged.unfilteredResultCount).toBe(4);
  });

  it("keeps each shard's date order, newest shard first, when sorted by date", () => {
    expect(ids(mergeResponses([response({ a: 1, b: 5 }), response({ c: 9, d: 3 })], true))).toEqual([
      'a',
      'b',
      'c',
      'd',
    ]);
  });

  it('adds up counts per filter value', () => {
    expect(
      sumCounts([
        { kategori: { Nasional: 2 } },
        { kategori: { Nasional: 1, Ekonomi: 4 }, tag: { Banjir: 1 } },
        { kategori: undefined },
      ]),
    ).toEqual({
      kategori: { Nasional: 3, Ekonomi: 4 },
      tag: { Banjir: 1 },
    });
  });

  it('passes options to every shard and gives up a search any shard superseded', async () => {
    const seen: unknown[] = [];
    const shard = (answer: PagefindResponse<string> | null): PagefindApi<string> => ({
      options: (o) => {
        seen.push(o);
        return Promise.resolve();
      },
      init: () => Promise.resolve(),
      filters: () => Promise.resolve({ kategori: { Nasional: 1 } }),
      search: (_term, o) => {
        seen.push(o);
        return Promise.resolve(answer);
      },
    });
    const joined = joinShards([shard(response({ a: 2 })), shard(response({ b: 3 }))]);
    await joined.options({ excerptLength: 32 });
    expect(await joined.filters()).toEqual({ kategori: { Nasional: 2 } });
    expect(ids(await joined.search('x', { sort: { date: 'desc' } }))).toEqual(['a', 'b']);
    expect(seen).toEqual([
      { excerptLength: 32 },
      { excerptLength: 32 },
      { sort: { date: 'desc' } },
      { sort: { date: 'desc' } },
    ]);
    expect(await joinShards([shard(response({ a: 2 })), shard(null)]).search('x')).toBeNull();
    expect(await joinShards([]).search('x')).toEqual({ results: [], totalFilters: {}, unfilteredResultCount: 0 });
  });
});

describe('opening the shards with one Pagefind module', () => {
  /** A fake createInstance that logs each step with the options it was opened with. */
  const fake = () => {
    const log: string[] = [];
    const createInstance: CreateInstance<string> = ({ basePath, metaCacheTag, noWorker }) => {
      log.push(
        `open ${basePath}${metaCacheTag === undefined ? '' : ` tag ${metaCacheTag}`}${noWorker ? ' noWorker' : ''}`,
      );
      return {
        options: () => Promise.resolve(),
        init: () => Promise.resolve(),
        filters: async () => {
          await Promise.resolve();
          log.push(`filters ${basePath}`);
          return {};
        },
        search: () => Promise.resolve(response({})),
      };
    };
    return { log, createInstance };
  };
  const sources = (...paths: string[]) => paths.map((basePath) => ({ basePath }));

  it('opens the newest shard alone and lets it load the WebAssembly before opening the others', async () => {
    const { log, createInstance } = fake();
    await openShards(createInstance, sources('/b/2/', '/b/1/', '/b/0/'));
    expect(log).toEqual(['open /b/2/ noWorker', 'filters /b/2/', 'open /b/1/ noWorker', 'open /b/0/ noWorker']);
  });

  it("opens every shard on the page's thread with its cache tag, so the page's preloads serve Pagefind's requests", async () => {
    const { log, createInstance } = fake();
    await openShards(createInstance, [
      { basePath: '/b/2/', metaCacheTag: 'id_2' },
      { basePath: '/b/1/', metaCacheTag: 'id_1' },
    ]);
    expect(log).toEqual(['open /b/2/ tag id_2 noWorker', 'filters /b/2/', 'open /b/1/ tag id_1 noWorker']);
  });

  it('opens the older shards only when the whole archive is asked for, once', async () => {
    const { log, createInstance } = fake();
    const staged = await openStagedShards(createInstance, sources('/b/3/', '/b/2/', '/b/1/', '/b/0/'), 2);
    expect(staged.complete).toBe(false);
    expect(log).toEqual(['open /b/3/ noWorker', 'filters /b/3/', 'open /b/2/ noWorker']);
    const prepared: string[] = [];
    const prepare = async (older: { filters(): Promise<unknown> }) => {
      prepared.push('prepare');
      await older.filters();
    };
    const [all, again] = await Promise.all([staged.all(prepare), staged.all(prepare)]);
    expect(all).toBe(again);
    expect(prepared).toEqual(['prepare']);
    expect(log.slice(3)).toEqual(['open /b/1/ noWorker', 'open /b/0/ noWorker', 'filters /b/1/', 'filters /b/0/']);
  });

  it('has nothing more to open when the recent shards are all of them', async () => {
    const { log, createInstance } = fake();
    const staged = await openStagedShards(createInstance, sources('/b/1/', '/b/0/'), 5);
    expect(staged.complete).toBe(true);
    expect(await staged.all(() => Promise.reject(new Error('not called')))).toBe(staged.recent);
    expect(log).toEqual(['open /b/1/ noWorker', 'filters /b/1/', 'open /b/0/ noWorker']);
  });

  it('opens nothing for a site without shards', async () => {
    const { log, createInstance } = fake();
    await expect((await openShards(createInstance, [])).search('x')).resolves.toMatchObject({ results: [] });
    expect(log).toEqual([]);
  });
});
