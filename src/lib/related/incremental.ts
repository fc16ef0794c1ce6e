// The related index kept from one build to the next in the publish server (issue #20). Ranking the
// whole archive again was 4 to 6 s of every 100,000-article publish, though a publish changes a story
// or two. With the document frequencies taken from the oldest stories (frozen.ts), a change reaches
// only:
//
// - the changed stories' own vectors, and those of the stories holding a word whose IDF it moved (a
//   new story moves only words the oldest stories hold once at most; an edit, deletion or back-dated
//   story also the words it adds or removes);
// - the posting lists those stories are in, before or after, and the lists whose cut moved;
// - the lists of the stories whose search reads one of those posting lists (a story can only be
//   found through a posting list it is in; for a story only a tag's weight touched, only of those
//   that share a tag with it: see `tagTouchedIn`), and of the stories whose own search changed
//   (their vector, tags, category, date, or what they leave out).
//
// Everything else is the same as a full ranking would give, and kept. The tables are assembled again
// from the kept vectors in the build's order (tens of milliseconds), so the searches run over exactly
// the tables a full build would make, apart from term and tag ids, which no result depends on: ties
// between terms are broken by where the story first uses them (vectors.ts), between stories by date
// and slug (order.ts).
//
// The update gives up, and the caller ranks everything, when every IDF moves (the archive's size
// crosses a step, frozen.ts) or the settings changed. tests/related/incremental.test.ts checks the
// lists and scores against a full ranking after random publishes, edits, deletions and back-dated
// stories.
import type { RelatedConfig } from './config.ts';
import { effectiveFrequency, frozenCount, frozenIdf, idfTable } from './frozen.ts';
import { GrowableFloat32Array, GrowableUint32Array } from './growable.ts';
import { categoryId, tagIdsOf, type IntakeContinuation, type RawCorpus } from './intake.ts';
import type { FinalIndex } from './inverted-index.ts';
import { buildTieRanks } from './order.ts';
import { buildTagIndex, buildTermPostings, type Postings } from './postings.ts';
import { createSearcher, type IndexTables } from './shared-search.ts';
import { documentKey } from './term-cache.ts';
import type { TermCounter } from './term-counter.ts';
import { TopK } from './top-k.ts';
import type { RelatedDocument, RelatedMatch, RelatedSearchRequest } from './types.ts';
import { termVector } from './vectors.ts';

/** One story as the kept index knows it. */
interface KeptDocument {
  /** The object it was added as: the same object next time means the same story (the publish server's parse cache). */
  readonly source: RelatedDocument;
  /** Its counted text ({@link documentKey}). */
  readonly key: string;
  readonly time: number;
  readonly category: number;
  /** Its distinct tag ids, in its order. */
  readonly tags: Uint32Array;
  /** Its distinct terms and their field-weighted counts. */
  readonly termIds: Uint32Array;
  readonly termCounts: Float32Array;
  /** Its vector (vectors.ts). */
  readonly terms: Uint32Array;
  readonly weights: Float32Array;
  /** Whether it is among the stories the frequencies are frozen over (frozen.ts). */
  readonly frozen: boolean;
}

/** A list the last build found, with what its search left out. */
interface KeptResult {
  readonly matches: RelatedMatch[];
  readonly exclude: string;
  readonly limit: number;
  /**
   * The last request this list was found or kept for. A request is never changed once made, and the
   * build makes one per story object (rank-related-articles.ts), which an unchanged story keeps from
   * one publish to the next: the same request is the same exclusions, without joining them.
   */
  request: RelatedSearchRequest;
}

/** What one build's index leaves for the next (see the top of this file). */
export interface RelatedState {
  readonly config: RelatedConfig;
  readonly counter: TermCounter;
  /** Stories holding each term, of all and of the frozen ones (frozen.ts), by term id. */
  readonly termDf: GrowableUint32Array;
  readonly frozenTermDf: GrowableUint32Array;
  readonly tagIds: Map<string, number>;
  readonly tagDf: GrowableUint32Array;
  readonly frozenTagDf: GrowableUint32Array;
  readonly categoryIds: Map<string, number>;
  /** How many stories the frequencies are frozen over (frozen.ts). */
  readonly frozen: number;
  readonly documents: Map<string, KeptDocument>;
  /** The last build's index, in its order. */
  readonly index: FinalIndex;
  /** Its lists by slug; a list a change reached is not here. */
  readonly results: Map<string, KeptResult>;
}

/**
 * How the last index in this module's copy was made, for the build's log: updated from the kept one,
 * or ranked in full, and why (a process's first build keeps nothing yet).
 */
export const lastRanking = { updated: false, why: '', moved: { terms: 0, tags: 0 } };

/** What {@link updateIndex} gives: the index for this build, and what to keep for the next. */
export interface IndexUpdate {
  readonly final: FinalIndex;
  readonly state: RelatedState;
  /** How many word and tag weights the change moved, for the build log (see {@link lastRanking}). */
  readonly moved: { readonly terms: number; readonly tags: number };
}

/** What the full build hands over to make the first kept state. */
export interface FullBuild {
  readonly raw: RawCorpus;
  readonly continuation: IntakeContinuation;
  readonly sources: readonly RelatedDocument[];
  readonly tables: IndexTables;
  readonly frozen: {
    readonly count: number;
    readonly flags: Uint8Array;
    readonly termDf: Uint32Array;
    readonly tagDf: Uint32Array;
    readonly totalTagDf: Uint32Array;
  };
}

/** The state a full build leaves: its documents' terms, tags and vectors, as views of its arrays. */
export function keptState(config: RelatedConfig, build: FullBuild, index: FinalIndex): RelatedState {
  const { raw, continuation, sources, tables, frozen } = build;
  const documents = new Map<string, KeptDocument>();
  for (let d = 0; d < raw.slugs.length; d++) {
    const source = sources[d];
    if (source === undefined) throw new Error('related: the kept documents do not match the index');
    const slug = raw.slugs[d] ?? '';
    const time = raw.times[d] ?? 0;
    documents.set(slug, {
      source,
      key: continuation.keys?.[d] ?? documentKey(source),
      time,
      category: raw.categories[d] ?? -1,
      tags: raw.tagIds.subarray(raw.tagStart[d] ?? 0, raw.tagStart[d + 1] ?? 0),
      termIds: raw.termIds.subarray(raw.termStart[d] ?? 0, raw.termStart[d + 1] ?? 0),
      termCounts: raw.termCounts.subarray(raw.termStart[d] ?? 0, raw.termStart[d + 1] ?? 0),
      terms: tables.vectors.terms.subarray(tables.vectors.start[d] ?? 0, tables.vectors.start[d + 1] ?? 0),
      weights: tables.vectors.weights.subarray(tables.vectors.start[d] ?? 0, tables.vectors.start[d + 1] ?? 0),
      frozen: frozen.flags[d] === 1,
    });
  }
  return {
    config,
    counter: continuation.counter,
    termDf: continuation.termDocFrequency,
    frozenTermDf: growable(frozen.termDf),
    tagIds: continuation.tagIds,
    tagDf: growable(frozen.totalTagDf),
    frozenTagDf: growable(frozen.tagDf),
    categoryIds: continuation.categoryIds,
    frozen: frozen.count,
    documents,
    index,
    results: new Map(),
  };
}

function growable(values: Uint32Array): GrowableUint32Array {
  const out = new GrowableUint32Array(values.length + 16);
  out.reserve(values.length).set(values);
  out.length = values.length;
  return out;
}

/** A story the update counts again: its new fields. */
interface Changed {
  readonly source: RelatedDocument;
  readonly key: string;
  readonly time: number;
  readonly category: number;
  readonly tags: Uint32Array;
}

/** A changed story with its terms counted. */
interface Counted extends Changed {
  readonly termIds: Uint32Array;
  readonly termCounts: Float32Array;
}

/**
 * This build's index from `previous` and its documents (in the build's order), ranking again only
 * what the change reaches; or why not, when every IDF moves (then the caller builds the index in
 * full). `previous` is changed in place and must not be used afterwards but through the returned
 * state.
 */
export function updateIndex(
  previous: RelatedState,
  sources: readonly RelatedDocument[],
  config: RelatedConfig,
): IndexUpdate | string {
  if (previous.config !== config && JSON.stringify(previous.config) !== JSON.stringify(config))
    return 'the related settings changed';
  // A step crossed: every IDF moves with the count of frozen stories (frozen.ts).
  const frozen = frozenCount(sources.length);
  if (frozen !== previous.frozen)
    return `the weights are now taken from the oldest ${frozen.toLocaleString('en')} stories, not ${previous.frozen.toLocaleString('en')}`;

  // Which stories changed: a story is the same when it is the same object, or has the same fields.
  const documents = new Map<string, KeptDocument>();
  const changed = new Map<string, Changed>();
  const gone: KeptDocument[] = [];
  for (const source of sources) {
    const kept = previous.documents.get(source.slug);
    if (kept?.source === source) {
      documents.set(source.slug, kept);
      continue;
    }
    const time = source.date.getTime();
    const category = categoryId(previous.categoryIds, source.category);
    const tags = Uint32Array.from(tagIdsOf(previous.tagIds, source.tags));
    const key = documentKey(source);
    if (kept?.key === key && kept.time === time && kept.category === category && sameIds(kept.tags, tags)) {
      documents.set(source.slug, { ...kept, source });
      continue;
    }
    if (kept !== undefined) gone.push(kept);
    changed.set(source.slug, { source, key, time, category, tags });
  }
  for (const [slug, kept] of previous.documents) if (!documents.has(slug) && !changed.has(slug)) gone.push(kept);

  // The counts: the stories gone (or replaced) out, the changed ones counted in.
  const { counter, termDf, tagDf, frozenTermDf, frozenTagDf } = previous;
  const termsBefore = new Map<number, readonly [number, number]>();
  const tagsBefore = new Map<number, readonly [number, number]>();
  const noteTerm = (t: number): void => {
    if (!termsBefore.has(t)) termsBefore.set(t, [termDf.data[t] ?? 0, frozenTermDf.data[t] ?? 0]);
  };
  const noteTag = (g: number): void => {
    if (!tagsBefore.has(g)) tagsBefore.set(g, [tagDf.data[g] ?? 0, frozenTagDf.data[g] ?? 0]);
  };
  const count = (doc: Pick<KeptDocument, 'termIds' | 'tags'>, delta: number, frozen: boolean, total = true): void => {
    for (const t of doc.termIds) {
      noteTerm(t);
      if (total) termDf.increment(t, delta);
      if (frozen) frozenTermDf.increment(t, delta);
    }
    for (const g of doc.tags) {
      noteTag(g);
      tagDf.increment(g, delta);
      if (frozen) frozenTagDf.increment(g, delta);
    }
  };
  for (const kept of gone) count(kept, -1, kept.frozen);
  const counted: Counted[] = [];
  for (const change of changed.values()) {
    const ids = new GrowableUint32Array(256);
    const counts = new GrowableFloat32Array(256);
    counter.count(change.source.title, config.titleWeight);
    counter.count(change.source.summary, config.summaryWeight);
    counter.count(change.source.body, 1);
    counter.flush(ids, counts, termDf);
    const termIds = ids.toArray();
    // Counted in by the flush: what each term had before is one less (unless noted earlier).
    for (const t of termIds)
      if (!termsBefore.has(t)) termsBefore.set(t, [(termDf.data[t] ?? 0) - 1, frozenTermDf.data[t] ?? 0]);
    counted.push({ ...change, termIds, termCounts: Float32Array.from(counts.view()) });
  }

  // This build's order, and which stories are now the frozen ones (a story dated among them, or one
  // of them deleted, moves one in or out): their counts move between the frozen and the rest.
  const slugs = sources.map((s) => s.slug);
  const slugToId = new Map(slugs.map((slug, d) => [slug, d]));
  const documentCount = slugs.length;
  const times = new Float64Array(documentCount);
  for (let d = 0; d < documentCount; d++) {
    const slug = slugs[d] ?? '';
    times[d] = documents.get(slug)?.time ?? changed.get(slug)?.time ?? 0;
  }
  const tieRanks = buildTieRanks(slugs, times);
  const nowFrozen = (d: number): boolean => (tieRanks[d] ?? 0) >= documentCount - previous.frozen;
  for (const change of counted) {
    // Its terms are in the whole archive's counts already (the flush above).
    count(change, 1, nowFrozen(slugToId.get(change.source.slug) ?? 0), false);
  }
  for (let d = 0; d < documentCount; d++) {
    const kept = documents.get(slugs[d] ?? '');
    if (kept === undefined || kept.frozen === nowFrozen(d)) continue;
    // Moved in or out of the frozen stories: only the frozen counts change.
    for (const t of kept.termIds) {
      noteTerm(t);
      frozenTermDf.increment(t, kept.frozen ? -1 : 1);
    }
    for (const g of kept.tags) {
      noteTag(g);
      frozenTagDf.increment(g, kept.frozen ? -1 : 1);
    }
  }

  // The terms and tags whose IDF moved.
  const termCount = counter.vocabularySize();
  termDf.increment(termCount - 1, 0);
  frozenTermDf.increment(termCount - 1, 0);
  const idf = idfTable(frozen, termDf.view(), frozenTermDf.view());
  const tagCount = previous.tagIds.size;
  if (tagCount > 0) {
    tagDf.increment(tagCount - 1, 0);
    frozenTagDf.increment(tagCount - 1, 0);
  }
  const tagIdf = idfTable(frozen, tagDf.view(), frozenTagDf.view());
  const { flags: movedTerms, count: termsMoved } = moved(termsBefore, idf, frozen);
  const { flags: movedTags, count: tagsMoved } = moved(tagsBefore, tagIdf, frozen);
  const anyTermMoved = termsMoved > 0;
  const anyTagMoved = tagsMoved > 0;

  // New vectors: of the changed stories, and of those holding a term whose IDF moved. A story whose
  // vector or tag weights changed is "touched": whoever could find it must search again.
  const touched = new Set<string>();
  for (const kept of gone) touched.add(kept.source.slug);
  const best = new TopK(config.termsPerDocument);
  const vectorTerms = new Uint32Array(config.termsPerDocument);
  const vectorWeights = new Float32Array(config.termsPerDocument);
  const vectorOf = (termIds: Uint32Array, termCounts: Float32Array) => {
    const size = termVector(termIds, termCounts, 0, termIds.length, idf, best, vectorTerms, vectorWeights, 0);
    return { terms: vectorTerms.slice(0, size), weights: vectorWeights.slice(0, size) };
  };
  for (const change of counted) {
    const vector = vectorOf(change.termIds, change.termCounts);
    documents.set(change.source.slug, { ...change, ...vector, frozen: false });
    touched.add(change.source.slug);
  }
  // Of the touched stories, those whose vector is the same and only a tag's weight moved: see below.
  const byTagOnly = new Set<string>();
  if (anyTermMoved || anyTagMoved) {
    for (const [slug, kept] of documents) {
      if (touched.has(slug)) continue;
      const byTag = anyTagMoved && kept.tags.some((g) => movedTags[g] === 1);
      if (byTag) touched.add(slug);
      if (anyTermMoved && kept.termIds.some((t) => movedTerms[t] === 1)) {
        const vector = vectorOf(kept.termIds, kept.termCounts);
        if (!sameVector(kept, vector)) {
          documents.set(slug, { ...kept, ...vector });
          touched.add(slug);
          continue;
        }
      }
      if (byTag) byTagOnly.add(slug);
    }
  }

  // This build's tables, in its order.
  const categories = new Int32Array(documentCount);
  const vectorStart = new Uint32Array(documentCount + 1);
  const tagStart = new Uint32Array(documentCount + 1);
  const ordered: KeptDocument[] = [];
  for (let d = 0; d < documentCount; d++) {
    const kept = documents.get(slugs[d] ?? '');
    if (kept === undefined) throw new Error('related: a kept story went missing');
    ordered.push(kept);
    categories[d] = kept.category;
    vectorStart[d + 1] = (vectorStart[d] ?? 0) + kept.terms.length;
    tagStart[d + 1] = (tagStart[d] ?? 0) + kept.tags.length;
  }
  const terms = new Uint32Array(vectorStart[documentCount] ?? 0);
  const weights = new Float32Array(vectorStart[documentCount] ?? 0);
  const tagIds = new Uint32Array(tagStart[documentCount] ?? 0);
  for (let d = 0; d < documentCount; d++) {
    const kept = ordered[d];
    if (kept === undefined) continue;
    terms.set(kept.terms, vectorStart[d]);
    weights.set(kept.weights, vectorStart[d]);
    tagIds.set(kept.tags, tagStart[d]);
  }
  const vectors = { start: vectorStart, terms, weights };
  const termPostings = buildTermPostings(vectors, termCount, config.maxPostingsPerTerm, tieRanks);
  const tagIndex = buildTagIndex({ start: tagStart, tags: tagIds, tagCount }, config.maxPostingsPerTag, tagIdf);
  const tables: IndexTables = {
    documents: documentCount,
    termCount,
    vectors,
    termPostings,
    tags: tagIndex,
    tieRanks,
    categories,
    times,
  };

  // The posting lists a touched story is or was in, and those whose cut moved: whoever reads one
  // searches again. Lists hold at most maxPostingsPerTerm (and listed tags maxPostingsPerTag) stories.
  //
  // Except a term list that holds a story only a tag's weight touched (its vector the same): the
  // weight moves that story's tag norm, so its score changes only against a story that shares a
  // tag with it. Against any other, its tag cosine is 0 before and after, and its text cosine,
  // category and date are the same, so nothing a search of that other story computes changes
  // (search.ts: the partial and the exact scores alike). Such a list's readers search again only
  // when they share a tag with one of those stories in it. A deletion in the 100,000-story benchmark
  // moved the weight of a tag on 620 stories: 98,925 lists were searched again (3.48 s of a 12.11 s
  // publish), and 24,372 with this rule (1.97 s of 9.77 s). tests/related/incremental.test.ts fails
  // when such a list's readers that share a tag are not searched again (tried).
  const old = previous.index;
  const markedTerms = new Uint8Array(termCount);
  const markedTags = new Uint8Array(tagCount);
  /** By term: the stories in its list that only a tag's weight touched. */
  const tagTouchedIn = new Map<number, KeptDocument[]>();
  for (const slug of touched) {
    const before = previous.documents.get(slug);
    const after = documents.get(slug);
    const oldId = old.slugToId.get(slug);
    const newId = slugToId.get(slug);
    const tagOnly = after !== undefined && byTagOnly.has(slug);
    for (const vector of tagOnly ? [after.terms] : [before?.terms, after?.terms]) {
      for (const t of vector ?? []) {
        if (markedTerms[t] === 1) continue;
        if (limitedOf(old.tables.termPostings, t) !== limitedOf(termPostings, t)) markedTerms[t] = 1;
        else if (listed(old.tables.termPostings, t, oldId) || listed(termPostings, t, newId)) {
          if (!tagOnly) markedTerms[t] = 1;
          else {
            const stories = tagTouchedIn.get(t);
            if (stories) stories.push(after);
            else tagTouchedIn.set(t, [after]);
          }
        }
      }
    }
    for (const tags of [before?.tags, after?.tags]) {
      for (const g of tags ?? []) {
        if (markedTags[g] === 1) continue;
        if (
          movedTags[g] === 1 ||
          limitedOf(old.tables.tags.postings, g) !== limitedOf(tagIndex.postings, g) ||
          listed(old.tables.tags.postings, g, oldId) ||
          listed(tagIndex.postings, g, newId)
        )
          markedTags[g] = 1;
      }
    }
  }
  const results = previous.results;
  for (let d = 0; d < documentCount; d++) {
    const kept = ordered[d];
    const slug = slugs[d] ?? '';
    if (kept === undefined) continue;
    if (
      touched.has(slug) ||
      kept.terms.some((t) => markedTerms[t] === 1) ||
      kept.tags.some((g) => markedTags[g] === 1) ||
      (tagTouchedIn.size > 0 && kept.terms.some((t) => tagTouchedIn.get(t)?.some((s) => shareTag(kept, s))))
    )
      results.delete(slug);
  }
  for (const slug of results.keys()) if (!slugToId.has(slug)) results.delete(slug);

  const final: FinalIndex = {
    slugs,
    slugToId,
    tables,
    searcher: createSearcher(config, tables),
    stats: {
      documents: documentCount,
      terms: termCount,
      cappedTerms: termPostings.limitedCount,
      tags: tagCount,
      droppedTags: tagIndex.postings.limitedCount,
      postings: termPostings.docs.length + tagIndex.postings.docs.length,
      termsKept: documentCount - changed.size,
    },
  };
  // The kept vectors become views of this build's arrays, so the previous build's can go.
  for (let d = 0; d < documentCount; d++) {
    const kept = ordered[d];
    if (kept === undefined) continue;
    documents.set(kept.source.slug, {
      ...kept,
      terms: terms.subarray(vectorStart[d] ?? 0, vectorStart[d + 1] ?? 0),
      weights: weights.subarray(vectorStart[d] ?? 0, vectorStart[d + 1] ?? 0),
      frozen: nowFrozen(d),
    });
  }
  // For the build log: a publish that moved a weight searches many lists again (frozen.ts).
  return {
    final,
    state: { ...previous, documents, index: final, results },
    moved: { terms: termsMoved, tags: tagsMoved },
  };
}

// The keys (terms or tags) whose IDF is not what their counts before gave: a flag per key, and how many.
function moved(
  before: ReadonlyMap<number, readonly [number, number]>,
  idf: Float64Array,
  frozen: number,
): { flags: Uint8Array; count: number } {
  const flags = new Uint8Array(idf.length);
  let count = 0;
  for (const [key, [total, inFrozen]] of before) {
    if (frozenIdf(frozen, effectiveFrequency(inFrozen, total)) !== idf[key]) {
      flags[key] = 1;
      count += 1;
    }
  }
  return { flags, count };
}

function shareTag(a: KeptDocument, b: KeptDocument): boolean {
  for (const g of a.tags) if (b.tags.includes(g)) return true;
  return false;
}

function sameIds(a: Uint32Array, b: Uint32Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function sameVector(kept: KeptDocument, vector: { terms: Uint32Array; weights: Float32Array }): boolean {
  if (!sameIds(kept.terms, vector.terms)) return false;
  for (let i = 0; i < kept.weights.length; i++) if (kept.weights[i] !== vector.weights[i]) return false;
  return true;
}

function limitedOf(postings: Postings, key: number): number {
  return key < postings.limited.length ? (postings.limited[key] ?? 0) : 0;
}

// Whether `doc` is in `key`'s list (a list holds at most the bound, so a scan is cheap).
function listed(postings: Postings, key: number, doc: number | undefined): boolean {
  if (doc === undefined || key + 1 >= postings.start.length) return false;
  for (let p = postings.start[key] ?? 0; p < (postings.start[key + 1] ?? 0); p++)
    if (postings.docs[p] === doc) return true;
  return false;
}

// What a search leaves out, as one string to compare with the last build's.
function excludeKey(request: RelatedSearchRequest): string {
  return request.exclude === undefined ? '' : [...request.exclude].join('\n');
}

/** Each request's kept list, when the change did not reach it and it leaves out the same stories; else undefined. */
export function keptResults(
  state: RelatedState,
  requests: readonly RelatedSearchRequest[],
  limit: number,
): (RelatedMatch[] | undefined)[] {
  return requests.map((request) => {
    const kept = state.results.get(request.slug);
    if (kept?.limit !== limit) return undefined;
    if (kept.request === request) return kept.matches;
    if (kept.exclude !== excludeKey(request)) return undefined;
    kept.request = request;
    return kept.matches;
  });
}

/** Keeps this build's lists for the next: those searched (a `known` one is kept already). */
export function keepResults(
  state: RelatedState,
  requests: readonly RelatedSearchRequest[],
  limit: number,
  results: readonly RelatedMatch[][],
  known: readonly (RelatedMatch[] | undefined)[],
): void {
  requests.forEach((request, i) => {
    if (known[i] !== undefined) return;
    state.results.set(request.slug, { matches: results[i] ?? [], exclude: excludeKey(request), limit, request });
  });
}
