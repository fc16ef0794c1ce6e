// Ingests articles one by one into flat typed buffers: integer term ids with
// field-weighted counts, tag ids, category ids and times. IDF needs the whole
// corpus, so weighting waits for finalize; this step only counts.
import type { RelatedConfig } from './config.ts';
import { foldLabel } from './fold.ts';
import { GrowableFloat32Array, GrowableUint32Array } from './growable.ts';
import { documentKey, type TermCacheContents, type TermCacheSnapshot } from './term-cache.ts';
import type { TermCounter } from './term-counter.ts';
import { createTermCounter } from './term-counter.ts';
import type { RelatedDocument } from './types.ts';

/** Everything counted while adding articles, indexed by document id (add order). */
export interface RawCorpus {
  readonly slugs: readonly string[];
  readonly slugToId: ReadonlyMap<string, number>;
  /** Publication time per document (ms since epoch). */
  readonly times: Float64Array;
  /** Category id per document; -1 for an empty category. */
  readonly categories: Int32Array;
  /** Document d's distinct terms are termIds[termStart[d] .. termStart[d+1]). */
  readonly termStart: Uint32Array;
  readonly termIds: Uint32Array;
  /** Field-weighted occurrence count of the matching termIds entry. */
  readonly termCounts: Float32Array;
  /** Documents containing each term (document frequency), by term id. */
  readonly termDocFrequency: Uint32Array;
  /** Document d's distinct tags are tagIds[tagStart[d] .. tagStart[d+1]). */
  readonly tagStart: Uint32Array;
  readonly tagIds: Uint32Array;
  readonly tagCount: number;
}

/**
 * What counting more documents after {@link DocumentIntake.finish} goes on with (the publish server's
 * update, incremental.ts): the term ids, tags and categories stay those this intake gave.
 */
export interface IntakeContinuation {
  readonly counter: TermCounter;
  /** Documents containing each term, by term id; counting a document adds its terms. */
  readonly termDocFrequency: GrowableUint32Array;
  readonly tagIds: Map<string, number>;
  readonly categoryIds: Map<string, number>;
  /** Each document's key ({@link documentKey}) when documents were keyed. */
  readonly keys: readonly string[] | undefined;
}

/** Accumulates documents for the related index; see {@link RawCorpus}. */
export class DocumentIntake {
  readonly #titleWeight: number;
  readonly #summaryWeight: number;
  readonly #slugs: string[] = [];
  readonly #slugToId = new Map<string, number>();
  readonly #times: number[] = [];
  readonly #categories: number[] = [];
  readonly #categoryIds = new Map<string, number>();
  readonly #terms: TermCounter;
  readonly #termDocFrequency = new GrowableUint32Array(4096);
  readonly #termStart = new GrowableUint32Array(1024);
  readonly #termIds: GrowableUint32Array;
  readonly #termCounts: GrowableFloat32Array;
  readonly #tagDictionary = new Map<string, number>();
  readonly #tagStart = new GrowableUint32Array(1024);
  readonly #tagIds = new GrowableUint32Array(1024);
  /** Each document's key, when terms are kept for the next build (see term-cache.ts). */
  readonly #keys: string[] | undefined;
  readonly #kept: (TermCacheSnapshot & { readonly remap: Int32Array }) | undefined;
  /** Documents whose terms came from the previous build rather than from counting. */
  #replayed = 0;

  /**
   * With `terms`, keys every document so its terms can be kept, and takes the terms of a document
   * whose text the previous build counted (`terms.previous`) from there instead of counting them.
   */
  constructor(config: RelatedConfig, terms?: { readonly previous: TermCacheSnapshot | undefined }) {
    this.#titleWeight = config.titleWeight;
    this.#summaryWeight = config.summaryWeight;
    this.#terms = createTermCounter(config.minTokenLength);
    this.#termStart.push(0);
    this.#tagStart.push(0);
    this.#keys = terms ? [] : undefined;
    const previous = terms?.previous;
    this.#kept = previous && { ...previous, remap: new Int32Array(previous.vocabulary.length).fill(-1) };
    // Sized for the previous build's terms and a little more: a publish adds a story or a few, and
    // doubling from a small array allocated twice the 120 MB that 100,000 articles' terms take, each
    // 64 MB of it a full garbage collection of the whole heap (V8 counts typed arrays as external
    // memory; see term-cache.ts).
    const capacity = previous ? previous.ids.length + (previous.ids.length >> 6) + (1 << 16) : 1 << 16;
    this.#termIds = new GrowableUint32Array(capacity);
    this.#termCounts = new GrowableFloat32Array(capacity);
  }

  /** Whether a document with `slug` was added. */
  has(slug: string): boolean {
    return this.#slugToId.has(slug);
  }

  /** Tokenises and counts one document; throws on a duplicate slug or invalid date. */
  add(doc: RelatedDocument): void {
    const time = doc.date.getTime();
    if (Number.isNaN(time)) throw new TypeError(`related: article "${doc.slug}" has an invalid date`);
    if (this.#slugToId.has(doc.slug)) throw new Error(`related: article "${doc.slug}" was added twice`);
    this.#slugToId.set(doc.slug, this.#slugs.length);
    this.#slugs.push(doc.slug);
    this.#times.push(time);
    this.#categories.push(categoryId(this.#categoryIds, doc.category));
    const key = this.#keys && documentKey(doc);
    if (key !== undefined) this.#keys?.push(key);
    const kept = this.#kept;
    const at = key === undefined ? undefined : kept?.keys.get(key);
    if (kept && at !== undefined) {
      this.#terms.replay(
        { words: kept.vocabulary, ids: kept.ids, counts: kept.counts },
        kept.start[at] ?? 0,
        kept.start[at + 1] ?? 0,
        kept.remap,
        this.#termIds,
        this.#termCounts,
        this.#termDocFrequency,
      );
      this.#replayed++;
    } else {
      this.#terms.count(doc.title, this.#titleWeight);
      this.#terms.count(doc.summary, this.#summaryWeight);
      this.#terms.count(doc.body, 1);
      this.#terms.flush(this.#termIds, this.#termCounts, this.#termDocFrequency);
    }
    this.#termStart.push(this.#termIds.length);
    for (const id of tagIdsOf(this.#tagDictionary, doc.tags)) this.#tagIds.push(id);
    this.#tagStart.push(this.#tagIds.length);
  }

  /** Hands over the buffers; the intake must not be used afterwards. */
  finish(): RawCorpus {
    return {
      slugs: this.#slugs,
      slugToId: this.#slugToId,
      times: Float64Array.from(this.#times),
      categories: Int32Array.from(this.#categories),
      termStart: this.#termStart.view(),
      termIds: this.#termIds.view(),
      termCounts: this.#termCounts.view(),
      termDocFrequency: this.#termDocFrequency.toArray(this.#terms.vocabularySize()),
      tagStart: this.#tagStart.view(),
      tagIds: this.#tagIds.view(),
      tagCount: this.#tagDictionary.size,
    };
  }

  /** What counting more documents goes on with; see {@link IntakeContinuation}. */
  continuation(): IntakeContinuation {
    return {
      counter: this.#terms,
      termDocFrequency: this.#termDocFrequency,
      tagIds: this.#tagDictionary,
      categoryIds: this.#categoryIds,
      keys: this.#keys,
    };
  }

  /** How many documents took their terms from the previous build. */
  get replayed(): number {
    return this.#replayed;
  }

  /** What to keep for the next build (see term-cache.ts), when documents were keyed; call after {@link finish}. */
  keptTerms(): TermCacheContents | undefined {
    if (this.#keys === undefined) return undefined;
    return {
      keys: this.#keys,
      vocabulary: this.#terms.words(),
      start: this.#termStart.view(),
      ids: this.#termIds.view(),
      counts: this.#termCounts.view(),
    };
  }
}

/** The id of a category label in `ids` (folded; a new one gets the next id), -1 for an empty one. */
export function categoryId(ids: Map<string, number>, category: string): number {
  const key = foldLabel(category);
  if (key === '') return -1;
  let id = ids.get(key);
  if (id === undefined) {
    id = ids.size;
    ids.set(key, id);
  }
  return id;
}

/** The distinct ids of `tags` in `dictionary` (folded; new ones get the next ids), in their order. */
export function tagIdsOf(dictionary: Map<string, number>, tags: readonly string[]): Set<number> {
  // A Set: "Pemilu" and "pemilu" on one article are one tag, counted once.
  const ids = new Set<number>();
  for (const tag of tags) {
    const key = foldLabel(tag);
    if (key === '') continue;
    let id = dictionary.get(key);
    if (id === undefined) {
      id = dictionary.size;
      dictionary.set(key, id);
    }
    ids.add(id);
  }
  return ids;
}
