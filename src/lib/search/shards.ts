import { createHash } from 'node:crypto';
import type { IndexedArticle } from './build-index.ts';
import { DEFAULT_SHARD_SIZE } from './fields.ts';
import { toSearchRecord, type SearchRecord } from './record.ts';

/** One Pagefind index: a run of articles adjacent in date order. */
export interface SearchShard {
  /** Folder name under the search bundle, e.g. `arsip-0003`; shard 0 holds the oldest articles. */
  readonly name: string;
  /** Digest of the records: an unchanged shard reuses the index built for it last time. */
  readonly digest: string;
  /** The shard's search records, newest first (Pagefind's page order, its tie-break, then favours recent news). */
  readonly records: readonly SearchRecord[];
}

/**
 * Splits the articles into shards of at most `size`, by date from the oldest, so a new article
 * lands in the newest shard and an edit changes only the shard that holds the article. Yields them
 * oldest first, one at a time, so that only one shard's records need to be alive at once.
 */
export function* planShards(articles: readonly IndexedArticle[], size: number = DEFAULT_SHARD_SIZE, salt = ''): Generator<SearchShard> {
  if (!Number.isInteger(size) || size < 1) throw new Error(`Search shard size must be a positive integer, got ${size}`);
  const ordered = [...articles].sort((a, b) => a.data.date.getTime() - b.data.date.getTime() || (a.data.slug < b.data.slug ? -1 : a.data.slug > b.data.slug ? 1 : 0));
  for (let start = 0, n = 0; start < ordered.length; start += size, n++) {
    const records = ordered
      .slice(start, start + size)
      .reverse()
      .map(({ data, text }) => toSearchRecord(data, text));
    const hash = createHash('sha256').update(salt);
    for (const record of records) hash.update(JSON.stringify(record)).update('\n');
    yield { name: `arsip-${String(n).padStart(4, '0')}`, digest: hash.digest('hex').slice(0, 20), records };
  }
}
