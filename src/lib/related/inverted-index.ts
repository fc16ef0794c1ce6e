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
import { frozenCount, frozenFlags, frozenFrequencies, idfTable } from './frozen.ts';
import { keepResults, keptResults, keptState, lastRanking, updateIndex, type RelatedState } from './incremental.ts';
import type { RelatedDocument } from './types.ts';

export interface FinalIndex {
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
  keep: KeptDocuments | undefined,
): FinalIndex & { readonly state?: RelatedState } {
  // The raw counts go out of scope here; only the compact tables stay alive.
  const raw = intake.finish();
  const kept = intake.keptTerms();
  if (termCache && kept) writeTermCache(termCache, config, kept);
  const documents = raw.slugs.length;
  const termCount = raw.termDocFrequency.length;
  const tieRanks = buildTieRanks(raw.slugs, raw.times);
  // The IDF of the archive's oldest stories (frozen.ts).
  const frozen = frozenCount(documents);
  const flags = frozenFlags(tieRanks, frozen);
  const frozenDf = frozenFrequencies(flags, raw.termStart, raw.termIds, termCount);
  const idf = idfTable(frozen, raw.termDocFrequency, frozenDf);
  const vectors = buildTermVectors(raw, config.termsPerDocument, idf);
  const termPostings = buildTermPostings(vectors, termCount, config.maxPostingsPerTerm, tieRanks);
  const documentTags = { start: raw.tagStart, tags: raw.tagIds, tagCount: raw.tagCount };
  const totalTagDf = frozenFrequencies(new Uint8Array(documents).fill(1), raw.tagStart, raw.tagIds, raw.tagCount);
  const frozenTagDf = frozenFrequencies(flags, raw.tagStart, raw.tagIds, raw.tagCount);
  const tags = buildTagIndex(documentTags, config.maxPostingsPerTag, idfTable(frozen, totalTagDf, frozenTagDf));
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
  const final = { slugs: raw.slugs, slugToId: raw.slugToId, tables, searcher, stats };
  if (keep === undefined) return final;
  const state = keptState(
    config,
    {
      raw,
      continuation: intake.continuation(),
      sources: keep.sources,
      tables,
      frozen: { count: frozen, flags, termDf: frozenDf, tagDf: frozenTagDf, totalTagDf },
    },
    final,
  );
  return { ...final, state };
}

/** The documents as added, kept for the publish server's update (see incremental.ts). */
interface KeptDocuments {
  readonly sources: RelatedDocument[];
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
  /**
   * Where the index is kept for the next one, in a process that builds again (the publish server):
   * the next index then searches again only the lists a change can reach, with the lists a full
   * ranking gives, unless the archive crossed a step of the weights (frozen.ts, incremental.ts).
   * Each index takes what it finds there and leaves its own.
   */
  readonly keep?: { value: RelatedState | undefined } | undefined;
}

/** Creates an empty related index for an already validated config (see parseRelatedConfig). */
export function createRelatedIndex(
  config: RelatedConfig = defaultRelatedConfig,
  options: RelatedIndexOptions = {},
): RelatedIndex {
  const { termCache, parallel, keep } = options;
  const makeIntake = (): DocumentIntake =>
    new DocumentIntake(config, termCache ? { previous: readTermCache(termCache, config) } : undefined);
  // With a kept index, the documents wait for finalize(), which decides whether to update it or to
  // count them; the intake (and the kept terms it reads, with arrays sized for them) only then.
  const sources: RelatedDocument[] | undefined = keep ? [] : undefined;
  let intake: DocumentIntake | undefined = keep?.value ? undefined : makeIntake();
  let open = true;
  const slugs = new Set<string>();
  let final: FinalIndex | undefined;
  const defaultBest = new TopK(config.limit);

  const finalized = (): FinalIndex => {
    if (final === undefined) throw new Error('related: call finalize() before search() or stats()');
    return final;
  };

  return {
    add(doc) {
      if (!open) throw new Error('related: cannot add articles after finalize()');
      if (sources === undefined) {
        intake?.add(doc);
        return;
      }
      if (Number.isNaN(doc.date.getTime())) throw new TypeError(`related: article "${doc.slug}" has an invalid date`);
      if (slugs.has(doc.slug)) throw new Error(`related: article "${doc.slug}" was added twice`);
      slugs.add(doc.slug);
      sources.push(doc);
    },
    finalize() {
      if (!open) throw new Error('related: finalize() was already called');
      open = false;
      const previous = keep?.value;
      // Taken out while it changes: an error half way leaves nothing, and the next index counts anew.
      if (keep) keep.value = undefined;
      const update = previous && sources ? updateIndex(previous, sources, config) : 'nothing was kept yet';
      lastRanking.updated = typeof update !== 'string';
      lastRanking.moved = typeof update === 'string' ? { terms: 0, tags: 0 } : update.moved;
      // Said only where an index is kept (the publish server); an `astro build` always ranks in full.
      lastRanking.why = keep && typeof update === 'string' ? update : '';
      if (typeof update !== 'string') {
        final = update.final;
        if (keep) keep.value = update.state;
      } else {
        const counting = intake ?? makeIntake();
        if (sources) for (const doc of sources) counting.add(doc);
        const built = finalizeIndex(counting, config, termCache, parallel, sources && { sources });
        final = built;
        if (keep) keep.value = built.state;
      }
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
      const state = keep?.value;
      const docs = requests.map(({ slug }) => {
        const doc = index.slugToId.get(slug);
        if (doc === undefined) throw new Error(`related: unknown article "${slug}"`);
        return doc;
      });
      if (limit === 0) return requests.map(() => []);
      // What the kept index already knows (incremental.ts), and the rest searched.
      const known = state ? keptResults(state, requests, limit) : requests.map(() => undefined);
      const todo: { doc: number; exclude: number[] }[] = [];
      requests.forEach(({ exclude }, i) => {
        if (known[i] === undefined) todo.push({ doc: docs[i] ?? 0, exclude: excludedIds(index, exclude) });
      });
      const found = searchMany(config, index.tables, index.searcher, todo, limit, parallel).map(({ ids, scores }) =>
        ids.map((id, k) => ({ slug: index.slugs[id] ?? '', score: scores[k] ?? 0 })),
      );
      let next = 0;
      const results = known.map((matches) => matches ?? found[next++] ?? []);
      if (state) keepResults(state, requests, limit, results, known);
      return results;
    },
    has(slug) {
      if (!open) return finalized().slugToId.has(slug);
      return sources !== undefined ? slugs.has(slug) : (intake?.has(slug) ?? false);
    },
    stats() {
      return finalized().stats;
    },
  };
}
