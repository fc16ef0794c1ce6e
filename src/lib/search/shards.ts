import { calendarDateOf, wibDayNumber, type CalendarDate } from '../dates/wib-day.ts';
import { DEFAULT_RECENT_SHARD_SIZE, DEFAULT_SHARD_SIZE } from './fields.ts';
import { toSearchRecord, type SearchRecord, type SearchSource } from './record.ts';

/** What a shard holds: an article's search fields and its plain body text. */
export interface ShardArticle {
  readonly data: SearchSource;
  readonly text: string;
}

/** One Pagefind index's articles: a run of articles adjacent in date order. */
export interface ShardArticles<T extends ShardArticle = ShardArticle> {
  /** Folder name under the search bundle, e.g. `arsip-2024-12-01`: the first shard of the WIB month December 2024. */
  readonly name: string;
  /** Newest first (Pagefind's page order, its tie-break, then favours recent news). */
  readonly articles: readonly T[];
}

/**
 * Splits the articles into shards by WIB calendar periods, so that the shards a change touches are
 * few and small whatever the size of the archive, and a small archive still has few shards (each
 * shard costs the search page requests):
 *
 * - the newest month, where a newsroom publishes and corrects all day, is cut into shards of at most
 *   `recentSize` from its oldest story (`arsip-2024-12-01`, `-02`, …), so a publish re-indexes one
 *   small shard, not thousands of articles;
 * - every other story goes by year: a year of at most `size` stories is one shard (`arsip-2023`);
 *   a larger year's months go into shards of at most `size`, as many consecutive months to a shard
 *   as fit, named by the first (`arsip-2024-01` from January), and a month larger than `size` is
 *   cut into shards of its own (`arsip-2024-11-01`, `arsip-2024-11-02`).
 *
 * A change re-indexes only shards of its own year: deleting an old story no longer shifts every
 * later shard, as cutting the whole archive by position did (all 34 re-indexed at 100,000 articles).
 * When the next month's first story is published, the month's small shards join their year's last
 * shard: one larger re-index a month. Packing months, rather than giving each quarter or month its
 * own shard, keeps a 10,000-article archive over three years at 7 shards instead of 13: each shard
 * costs a whole-archive search its own index chunk, metadata and filters. Every boundary is a function of the content alone, so a
 * rebuild and a clean build split alike.
 *
 * Returned oldest first; each shard lists its articles newest first.
 */
export function splitIntoShards<T extends ShardArticle>(
  articles: readonly T[],
  size: number = DEFAULT_SHARD_SIZE,
  recentSize: number = Math.min(size, DEFAULT_RECENT_SHARD_SIZE),
): ShardArticles<T>[] {
  for (const [name, value] of [
    ['size', size],
    ['recent size', recentSize],
  ] as const)
    if (!Number.isInteger(value) || value < 1)
      throw new Error(`Search shard ${name} must be a positive integer, got ${value}`);
  const ordered = [...articles]
    .sort(
      (a, b) =>
        a.data.date.getTime() - b.data.date.getTime() ||
        (a.data.slug < b.data.slug ? -1 : a.data.slug > b.data.slug ? 1 : 0),
    )
    .map((article) => ({ article, date: calendarDateOf(wibDayNumber(article.data.date)) }));
  const monthOf = ({ year, month }: CalendarDate) => `${year}-${String(month).padStart(2, '0')}`;
  const last = ordered.at(-1);
  const newestMonth = last ? monthOf(last.date) : '';
  const shards: ShardArticles<T>[] = [];
  const cut = (name: string, list: readonly T[], at: number) => {
    for (let start = 0, n = 1; start < list.length; start += at, n++)
      shards.push({ name: `${name}-${String(n).padStart(2, '0')}`, articles: list.slice(start, start + at).reverse() });
  };
  const older = ordered.filter((e) => monthOf(e.date) !== newestMonth);
  for (const [year, inYear] of groupBy(older, (e) => String(e.date.year))) {
    const articlesOf = (list: readonly { article: T }[]) => list.map((e) => e.article);
    if (inYear.length <= size) {
      shards.push({ name: `arsip-${year}`, articles: articlesOf(inYear).reverse() });
      continue;
    }
    // A year too large for one shard: its months in order, as many to a shard as fit (named by
    // the first); a month too large by itself is cut. Greedy from January, so a month added at
    // the year's end changes only its last shard.
    let group: { article: T }[] = [];
    let groupName = '';
    const close = () => {
      if (group.length > 0) shards.push({ name: groupName, articles: articlesOf(group).reverse() });
      group = [];
    };
    for (const [month, inMonth] of groupBy(inYear, (e) => monthOf(e.date))) {
      if (inMonth.length > size) {
        close();
        cut(`arsip-${month}`, articlesOf(inMonth), size);
        continue;
      }
      if (group.length + inMonth.length > size) close();
      if (group.length === 0) groupName = `arsip-${month}`;
      group.push(...inMonth);
    }
    close();
  }
  cut(
    `arsip-${newestMonth}`,
    ordered.filter((e) => monthOf(e.date) === newestMonth).map((e) => e.article),
    recentSize,
  );
  return shards;
}

/** Runs of `list` with the same key, in order (the list is sorted by date, so each key is one run). */
function groupBy<E>(list: readonly E[], key: (e: E) => string): Map<string, E[]> {
  const groups = new Map<string, E[]>();
  for (const e of list) {
    const k = key(e);
    let group = groups.get(k);
    if (!group) groups.set(k, (group = []));
    group.push(e);
  }
  return groups;
}

/** A shard's search records, in its articles' order. */
export function shardRecords(shard: ShardArticles): SearchRecord[] {
  return shard.articles.map(({ data, text }) => toSearchRecord(data, text));
}
