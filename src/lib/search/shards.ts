import { DEFAULT_SHARD_SIZE } from './fields.ts';
import { toSearchRecord, type SearchRecord, type SearchSource } from './record.ts';

/** What a shard holds: an article's search fields and its plain body text. */
export interface ShardArticle {
  readonly data: SearchSource;
  readonly text: string;
}

/** One Pagefind index's articles: a run of articles adjacent in date order. */
export interface ShardArticles<T extends ShardArticle = ShardArticle> {
  /** Folder name under the search bundle, e.g. `arsip-0003`; shard 0 holds the oldest articles. */
  readonly name: string;
  /** Newest first (Pagefind's page order, its tie-break, then favours recent news). */
  readonly articles: readonly T[];
}

/**
 * Splits the articles into shards of at most `size`, by date from the oldest, so a new article
 * lands in the newest shard and an edit changes only the shard that holds the article. Returned
 * oldest first.
 */
export function splitIntoShards<T extends ShardArticle>(
  articles: readonly T[],
  size: number = DEFAULT_SHARD_SIZE,
): ShardArticles<T>[] {
  if (!Number.isInteger(size) || size < 1) throw new Error(`Search shard size must be a positive integer, got ${size}`);
  const ordered = [...articles].sort(
    (a, b) =>
      a.data.date.getTime() - b.data.date.getTime() ||
      (a.data.slug < b.data.slug ? -1 : a.data.slug > b.data.slug ? 1 : 0),
  );
  const shards: ShardArticles<T>[] = [];
  for (let start = 0, n = 0; start < ordered.length; start += size, n++) {
    shards.push({
      name: `arsip-${String(n).padStart(4, '0')}`,
      articles: ordered.slice(start, start + size).reverse(),
    });
  }
  return shards;
}

/** A shard's search records, in its articles' order. */
export function shardRecords(shard: ShardArticles): SearchRecord[] {
  return shard.articles.map(({ data, text }) => toSearchRecord(data, text));
}
