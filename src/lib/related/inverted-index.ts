// The related index's life cycle, after Hugo's related.InvertedIndex: add every
// article, finalize once (IDF, signatures, bounded posting lists), then search
// each article. Search generates candidates only from shared strong terms and
// shared tags, keeps those topically similar enough, then ranks them with the
// full weighted score.
import type { RelatedConfig } from './config.ts';
import { defaultRelatedConfig } from './config.ts';
import { DocumentIntake } from './intake.ts';
import { buildTieRanks } from './order.ts';
import { buildTagIndex, buildTermPostings } from './postings.ts';
import {
  createSearcher,
  searchMany,
  shareTables,
  usesWorkers,
  type IndexTables,
  type ParallelOptions,
} from './shared-search.ts';
import { readTermCache, writeTermCache, type TermCacheOptions } from './term-cache.ts';
import type { Searcher } from './search.ts';
import { TopK } from './top-k.ts';
import type { RelatedIndex, RelatedIndexStats, RelatedMatch, RelatedSearchOptions } from './types.ts';
import { buildTermVectors } from './vectors.ts';

interface FinalIndex {
  readonly slugs: readonly string[];
  readonly slugToId: ReadonlyMap<string, number>;
  readonly tables: IndexTables;
  readonly searcher: Searcher;
  readonly stats: RelatedIndexStats;
}

function finalizeIndex(
  intake: DocumentIntake,
  config: RelatedConfig,
  termCache: TermCacheOptions | undefined,
  parallel: ParallelOptions | undefined,
): FinalIndex {
  // The raw counts go out of scope here; only the compact tables stay alive.
  const raw = intake.finish();
  const kept = intake.keptTerms();
  if (termCache && kept) writeTermCache(termCache, config, kept);
  const documents = raw.slugs.length;
  const termCount = raw.termDocFrequency.length;
  const tieRanks = buildTieRanks(raw.slugs, raw.times);
  const vectors = buildTermVectors(raw, config.termsPerDocument);
  const termPostings = buildTermPostings(vectors, termCount, config.maxPostingsPerTerm, tieRanks);
  const tags = buildTagIndex(raw, config.maxPostingsPerTag);
  const built: IndexTables = {
    documents,
    termCount,
    vectors,
    termPostings,
    tags,
    tieRanks,
    categories: raw.categories,
    times: raw.times,
  };
  // Straight into shared memory when workers will search them (see searchMany), not copied later.
  const tables = parallel && usesWorkers(parallel, documents) ? shareTables(built) : built;
  const searcher = createSearcher(config, tables);
  const stats: RelatedIndexStats = {
    documents,
    terms: termCount,
    cappedTerms: termPostings.limitedCount,
    tags: raw.tagCount,
    droppedTags: tags.postings.limitedCount,
    postings: termPostings.docs.length + tags.postings.docs.length,
    termsKept: intake.replayed,
  };
  return { slugs: raw.slugs, slugToId: raw.slugToId, tables, searcher, stats };
}

function resolveLimit(limit: number | undefined, fallback: number): number {
  const value = limit ?? fallback;
  if (!Number.isInteger(value) || value < 0)
    throw new RangeError(`related: limit must be a non-negative integer, got ${value}`);
  return value;
}

function excludedIds(index: FinalIndex, exclude: ReadonlySet<string> | undefined): number[] {
  const ids: number[] = [];
  if (exclude === undefined) return ids;
  for (const slug of exclude) {
    // Unknown slugs are ignored: a "Baca juga" target may be unpublished.
    const id = index.slugToId.get(slug);
    if (id !== undefined) ids.push(id);
  }
  return ids;
}

/** Options of {@link createRelatedIndex}. */
export interface RelatedIndexOptions {
  /**
   * Keeps each article's counted terms in this file for the next index, and takes those of the
   * articles whose text has not changed from the previous one's (see term-cache.ts): the same
   * index, without counting the words of an unchanged archive again.
   */
  readonly termCache?: TermCacheOptions | undefined;
  /** Runs {@link RelatedIndex.searchMany} on worker threads too (see shared-search.ts). Default: this thread only. */
  readonly parallel?: ParallelOptions | undefined;
}

/** Creates an empty related index for an already validated config (see parseRelatedConfig). */
export function createRelatedIndex(
  config: RelatedConfig = defaultRelatedConfig,
  options: RelatedIndexOptions = {},
): RelatedIndex {
  const { termCache, parallel } = options;
  let intake: DocumentIntake | undefined = new DocumentIntake(
    config,
    termCache ? { previous: readTermCache(termCache, config) } : undefined,
  );
  let final: FinalIndex | undefined;
  const defaultBest = new TopK(config.limit);

  const finalized = (): FinalIndex => {
    if (final === undefined) throw new Error('related: call finalize() before search() or stats()');
    return final;
  };

  return {
    add(doc) {
      if (intake === undefined) throw new Error('related: cannot add articles after finalize()');
      intake.add(doc);
    },
    finalize() {
      if (intake === undefined) throw new Error('related: finalize() was already called');
      final = finalizeIndex(intake, config, termCache, parallel);
      intake = undefined;
    },
    search(slug: string, options: RelatedSearchOptions = {}): RelatedMatch[] {
      const index = finalized();
      const doc = index.slugToId.get(slug);
      if (doc === undefined) throw new Error(`related: unknown article "${slug}"`);
      const limit = resolveLimit(options.limit, config.limit);
      if (limit === 0) return [];
      // The common case reuses one buffer; only a custom limit allocates.
      const best = limit === config.limit ? defaultBest : new TopK(limit);
      best.clear();
      index.searcher.search(doc, excludedIds(index, options.exclude), best);
      const matches: RelatedMatch[] = [];
      for (let k = 0; k < best.size; k++) {
        matches.push({ slug: index.slugs[best.ids[k] ?? 0] ?? '', score: best.keys[k] ?? 0 });
      }
      return matches;
    },
    searchMany(requests, requestedLimit) {
      const index = finalized();
      const limit = resolveLimit(requestedLimit, config.limit);
      const searches = requests.map(({ slug, exclude }) => {
        const doc = index.slugToId.get(slug);
        if (doc === undefined) throw new Error(`related: unknown article "${slug}"`);
        return { doc, exclude: excludedIds(index, exclude) };
      });
      if (limit === 0) return searches.map(() => []);
      return searchMany(config, index.tables, index.searcher, searches, limit, parallel).map(({ ids, scores }) =>
        ids.map((id, k) => ({ slug: index.slugs[id] ?? '', score: scores[k] ?? 0 })),
      );
    },
    has(slug) {
      return intake !== undefined ? intake.has(slug) : finalized().slugToId.has(slug);
    },
    stats() {
      return finalized().stats;
    },
  };
}
