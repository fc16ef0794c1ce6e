import { describe, expect, it } from 'vitest';
import type { SearchSource } from '../../src/lib/search/record.ts';
import { splitIntoShards, type ShardArticle } from '../../src/lib/search/shards.ts';

/** An article at a WIB time such as `2024-11-30T23:30`; only the slug and date matter to the split. */
const at = (slug: string, wib: string): ShardArticle => ({
  data: { slug, date: new Date(`${wib}:00+07:00`) } as SearchSource,
  text: '',
});
const layout = (articles: readonly ShardArticle[], size: number, recent: number) =>
  splitIntoShards(articles, size, recent).map((s) => [s.name, s.articles.map((a) => a.data.slug)]);
/** `n` articles a day apart from `first` (a WIB date), slugs `<prefix>-00` … */
const daily = (prefix: string, first: string, n: number, hour = 10): ShardArticle[] =>
  Array.from({ length: n }, (_, i) => {
    const day = new Date(Date.parse(`${first}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10);
    return at(`${prefix}-${String(i).padStart(2, '0')}`, `${day}T${String(hour).padStart(2, '0')}:00`);
  });
const names = (articles: readonly ShardArticle[], size: number, recent: number) =>
  splitIntoShards(articles, size, recent).map((s) => s.name);

describe('splitting the archive into search shards', () => {
  it('cuts the newest month into small shards from its oldest story, newest first within each', () => {
    expect(layout(daily('des', '2024-12-01', 5), 30, 2)).toEqual([
      ['arsip-2024-12-01', ['des-01', 'des-00']],
      ['arsip-2024-12-02', ['des-03', 'des-02']],
      ['arsip-2024-12-03', ['des-04']],
    ]);
  });

  it("keeps a small year whole, and packs a large year's months into shards, cutting a month too large", () => {
    const archive = [
      ...daily('y22', '2022-03-01', 4),
      ...daily('jan', '2023-01-01', 3),
      ...daily('feb', '2023-02-01', 2),
      ...daily('jul', '2023-07-01', 1),
      ...daily('okt', '2023-10-01', 5),
      ...daily('nov', '2023-11-01', 2),
      ...daily('des', '2023-12-01', 1),
    ];
    expect(names(archive, 4, 2)).toEqual([
      'arsip-2022',
      // 2023 (13 before December) is too large: January (3) alone, February and July (2 + 1)
      // together, October (5) cut in two, November.
      'arsip-2023-01',
      'arsip-2023-02',
      'arsip-2023-10-01',
      'arsip-2023-10-02',
      'arsip-2023-11',
      'arsip-2023-12-01',
    ]);
    expect(layout(archive, 4, 2)[2]).toEqual(['arsip-2023-02', ['jul-00', 'feb-01', 'feb-00']]);
    expect(layout(archive, 4, 2)[0]).toEqual(['arsip-2022', ['y22-03', 'y22-02', 'y22-01', 'y22-00']]);
  });

  it('puts a story by its WIB date: 30 November 23:30 WIB is November, 1 December 06:30 WIB is December', () => {
    const first = (a: ShardArticle) => names([a, at('later', '2025-01-05T10:00')], 10, 10)[0];
    expect(first(at('late', '2024-11-30T23:30'))).toBe('arsip-2024');
    expect(first(at('early', '2024-12-31T23:30'))).toBe('arsip-2024');
    expect(first(at('new-year', '2025-01-01T06:30'))).toBe('arsip-2025-01-01');
  });

  it('orders stories of the same minute by slug, so the split does not depend on the order given', () => {
    const same = [at('b', '2024-12-01T10:00'), at('a', '2024-12-01T10:00'), at('c', '2024-12-01T10:00')];
    expect(layout(same, 2, 2)).toEqual(layout([...same].reverse(), 2, 2));
    expect(layout(same, 2, 2)[0]).toEqual(['arsip-2024-12-01', ['b', 'a']]);
  });

  /** The shards whose articles differ between two splits: what a build must re-index. */
  const changed = (before: readonly ShardArticle[], after: readonly ShardArticle[]) => {
    const key = (articles: readonly ShardArticle[]) =>
      new Map(splitIntoShards(articles, 40, 5).map((s) => [s.name, s.articles.map((a) => a.data.slug).join()]));
    const [b, a] = [key(before), key(after)];
    return [...new Set([...b.keys(), ...a.keys()])].filter((name) => b.get(name) !== a.get(name)).sort();
  };
  // Two stories a day in July and August: each is cut in two; September and October, one a day, fit one shard each.
  const archive = [
    ...daily('jul', '2024-07-01', 31, 8),
    ...daily('jul-sore', '2024-07-01', 31, 16),
    ...daily('agu', '2024-08-01', 31, 8),
    ...daily('agu-sore', '2024-08-01', 31, 16),
    ...daily('sep', '2024-09-01', 30, 8),
    ...daily('okt', '2024-10-01', 31, 8),
    ...daily('nov', '2024-11-01', 12, 8),
  ];

  it('splits the test archive as intended', () => {
    expect(names(archive, 40, 5)).toEqual([
      'arsip-2024-07-01',
      'arsip-2024-07-02',
      'arsip-2024-08-01',
      'arsip-2024-08-02',
      'arsip-2024-09',
      'arsip-2024-10',
      'arsip-2024-11-01',
      'arsip-2024-11-02',
      'arsip-2024-11-03',
    ]);
  });

  it('re-indexes only the newest small shard when a story is published', () => {
    expect(changed(archive, [...archive, at('baru', '2024-11-20T10:00')])).toEqual(['arsip-2024-11-03']);
  });

  it("re-indexes only a deleted old story's own shards, not the shards after it", () => {
    expect(
      changed(
        archive,
        archive.filter((a) => a.data.slug !== 'jul-10'),
      ),
    ).toEqual(['arsip-2024-07-01', 'arsip-2024-07-02']);
    expect(
      changed(
        archive,
        archive.filter((a) => a.data.slug !== 'sep-10'),
      ),
    ).toEqual(['arsip-2024-09']);
  });

  it("merges the newest month's small shards into its period when the next month's first story is published", () => {
    // November (12) does not fit beside October (31) in 40: it becomes a shard of its own, and
    // nothing older is re-indexed.
    expect(changed(archive, [...archive, at('desember', '2024-12-01T08:00')])).toEqual([
      'arsip-2024-11',
      'arsip-2024-11-01',
      'arsip-2024-11-02',
      'arsip-2024-11-03',
      'arsip-2024-12-01',
    ]);
    expect(names([...archive, at('desember', '2024-12-01T08:00')], 40, 5).slice(-3)).toEqual([
      'arsip-2024-10',
      'arsip-2024-11',
      'arsip-2024-12-01',
    ]);
  });

  it('refuses a size that is not a positive integer', () => {
    expect(() => splitIntoShards(archive, 0)).toThrow('Search shard size must be a positive integer, got 0');
    expect(() => splitIntoShards(archive, 10, 1.5)).toThrow(
      'Search shard recent size must be a positive integer, got 1.5',
    );
  });
});
