// Many searches at once, on this thread and on worker threads over the same tables. Ranking the
// whole archive is most of the related step of a build that ranks it all (an `astro build`, the
// publish server's first publish, or one whose archive crossed a step of the weights, frozen.ts;
// issue #20), and each search is independent of the others, so a second core halves it.
//
// The tables are copied once into SharedArrayBuffers, which every thread reads in place; the work
// is a shared counter each thread takes the next batch of searches from, so a thread that starts late
// or runs slowly takes fewer batches, and results go straight into a shared array. The calling
// thread searches too and then waits (Atomics.wait) for batches a worker is still running: the call
// stays synchronous, as the single-threaded one was. Node's worker_threads and Atomics do all of
// this; no library wraps shared typed arrays with work stealing, and a pool library's messages would
// copy the tables or the results.
import { Worker } from 'node:worker_threads';
import type { RelatedConfig } from './config.ts';
import type { TagIndex, TermPostings } from './postings.ts';
import { createScorer } from './score.ts';
import { Searcher } from './search.ts';
import { TopK } from './top-k.ts';
import type { TermVectors } from './vectors.ts';

/** The finalized tables one search reads, before a scorer is made over them. */
export interface IndexTables {
  readonly documents: number;
  readonly termCount: number;
  readonly vectors: TermVectors;
  readonly termPostings: TermPostings;
  readonly tags: TagIndex;
  readonly tieRanks: Uint32Array;
  readonly categories: Int32Array;
  readonly times: Float64Array;
}

/** A searcher over `tables` (its scratch buffers are its own: one per thread). */
export function createSearcher(config: RelatedConfig, tables: IndexTables): Searcher {
  const { vectors, termPostings, tags, tieRanks, categories, times, termCount, documents } = tables;
  const scorer = createScorer(config, { vectors, tags, categories, times, termCount });
  return new Searcher({ vectors, termPostings, tags, tieRanks, scorer }, documents, config);
}

// Slots of the control array.
const NEXT = 0; // first search not yet taken
const ACTIVE = 1; // workers between their first take and their last result
const DONE = 2; // searches finished, by every thread (progress, for the stall guard)
const FAILED = 3; // 1 once a worker failed
const WORKERS_DONE = 4; // searches finished by workers

/** Searches one thread takes at a time: small enough to balance two threads, large enough to be rare. */
const BATCH = 256;

/** A worker that shows no progress for this long is taken for dead (a batch takes milliseconds). */
const STALL_MS = 60_000;

/** The searches to run, and where their results go; every array is shared between the threads. */
export interface SearchBatch {
  readonly control: Int32Array;
  /** The article each search is for. */
  readonly docs: Uint32Array;
  /** Search i leaves out excludeIds[excludeStart[i] .. excludeStart[i + 1]). */
  readonly excludeStart: Uint32Array;
  readonly excludeIds: Uint32Array;
  /** Most matches per search. */
  readonly limit: number;
  /** Search i's matches: ids at [i × limit, …), best first, padded with -1; scores beside them. */
  readonly ids: Int32Array;
  readonly scores: Float64Array;
}

/** What a worker is started with. */
export interface WorkerInput {
  readonly config: RelatedConfig;
  readonly tables: IndexTables;
  readonly batch: SearchBatch;
}

/** One search to run: the article and the ids its list must leave out. */
export interface SearchRequest {
  readonly doc: number;
  readonly exclude: readonly number[];
}

/** Where and when to search on more threads. */
export interface ParallelOptions {
  /** Threads in all, this one included; 1 searches on this thread only. */
  readonly threads: number;
  /** Absolute path of search-worker.ts (bundling moves this module away from it). */
  readonly workerFile: string;
  /** Fewer searches than this run on this thread: starting a worker costs more than it saves. Default 10,000. */
  readonly minSearches?: number | undefined;
}

/** Whether `searches` searches run on workers too, by `options`. */
export function usesWorkers(options: ParallelOptions, searches: number): boolean {
  return options.threads > 1 && searches >= (options.minSearches ?? 10_000);
}

/** How the last {@link searchMany} shared its searches: all of them, and those workers ran. */
export const lastShare = { searches: 0, onWorkers: 0 };

/** Each request's matches (ids and scores, best first), searched on `options.threads` threads. */
export function searchMany(
  config: RelatedConfig,
  tables: IndexTables,
  searcher: Searcher,
  requests: readonly SearchRequest[],
  limit: number,
  options: ParallelOptions | undefined,
): { ids: number[]; scores: number[] }[] {
  const workers = options && usesWorkers(options, requests.length) ? options.threads - 1 : 0;
  lastShare.searches = requests.length;
  lastShare.onWorkers = 0;
  const batch = makeBatch(requests, limit, workers > 0);
  const started: Worker[] = [];
  try {
    if (workers > 0 && options) {
      const input: WorkerInput = { config, tables: inSharedMemory(tables) ? tables : shareTables(tables), batch };
      for (let w = 0; w < workers; w++) {
        const worker = new Worker(options.workerFile, { workerData: input });
        // A worker that fails before it takes a search leaves them all to this thread, with the same
        // results; one that fails while searching sets FAILED (and prints why), which throws below.
        worker.on('error', () => undefined);
        started.push(worker);
      }
    }
    runBatches(searcher, batch);
    awaitWorkers(batch.control);
    lastShare.onWorkers = Atomics.load(batch.control, WORKERS_DONE);
  } finally {
    // Finished or failed: either way nothing is left for them to do.
    for (const worker of started) void worker.terminate();
  }
  return requests.map((_, i) => {
    const ids: number[] = [];
    const scores: number[] = [];
    for (let k = i * limit; k < (i + 1) * limit && (batch.ids[k] ?? -1) >= 0; k++) {
      ids.push(batch.ids[k] ?? 0);
      scores.push(batch.scores[k] ?? 0);
    }
    return { ids, scores };
  });
}

/**
 * Takes batches of `batch` until none is left and runs them with `searcher`. Called by every thread;
 * a worker counts itself in ACTIVE before its first take, so the calling thread, once the counter is
 * spent, waits for exactly the batches a worker has taken.
 */
export function runBatches(searcher: Searcher, batch: SearchBatch, worker = false): void {
  const { control, docs, excludeStart, excludeIds, limit, ids, scores } = batch;
  const best = new TopK(Math.max(1, limit));
  const total = docs.length;
  for (;;) {
    const first = Atomics.add(control, NEXT, BATCH);
    if (first >= total) return;
    const end = Math.min(total, first + BATCH);
    for (let i = first; i < end; i++) {
      best.clear();
      searcher.search(docs[i] ?? 0, excludeIds.subarray(excludeStart[i] ?? 0, excludeStart[i + 1] ?? 0), best);
      for (let k = 0; k < best.size && k < limit; k++) {
        ids[i * limit + k] = best.ids[k] ?? 0;
        scores[i * limit + k] = best.keys[k] ?? 0;
      }
    }
    Atomics.add(control, DONE, end - first);
    if (worker) Atomics.add(control, WORKERS_DONE, end - first);
  }
}

/** A worker's side: counts itself in, runs batches, and always counts itself out (FAILED on an error). */
export function workerRun(input: WorkerInput): void {
  const { control } = input.batch;
  Atomics.add(control, ACTIVE, 1);
  try {
    runBatches(createSearcher(input.config, input.tables), input.batch, true);
  } catch (error) {
    // The calling thread is blocked in Atomics.wait and cannot take an error event: say it here.
    console.error('related: a search worker failed:', error);
    Atomics.store(control, FAILED, 1);
  } finally {
    Atomics.sub(control, ACTIVE, 1);
    Atomics.notify(control, ACTIVE);
  }
}

function awaitWorkers(control: Int32Array): void {
  let done = Atomics.load(control, DONE);
  let quietSince = performance.now();
  for (;;) {
    const active = Atomics.load(control, ACTIVE);
    if (active === 0) break;
    Atomics.wait(control, ACTIVE, active, 1000);
    const now = Atomics.load(control, DONE);
    if (now !== done) {
      done = now;
      quietSince = performance.now();
    } else if (performance.now() - quietSince > STALL_MS) {
      throw new Error(`related: a search worker made no progress for ${STALL_MS / 1000} s`);
    }
  }
  if (Atomics.load(control, FAILED) !== 0) throw new Error('related: a search worker failed (see its error above)');
}

function makeBatch(requests: readonly SearchRequest[], limit: number, shared: boolean): SearchBatch {
  const excludeStart = new Uint32Array(requests.length + 1);
  requests.forEach((r, i) => (excludeStart[i + 1] = (excludeStart[i] ?? 0) + r.exclude.length));
  const excludeIds = new Uint32Array(excludeStart[requests.length] ?? 0);
  requests.forEach((r, i) => excludeIds.set(r.exclude, excludeStart[i]));
  const docs = Uint32Array.from(requests, (r) => r.doc);
  const ids = new Int32Array(allocate(shared, requests.length * limit * 4)).fill(-1);
  const scores = new Float64Array(allocate(shared, requests.length * limit * 8));
  return {
    control: new Int32Array(allocate(shared, 5 * 4)),
    docs: share(docs, shared),
    excludeStart: share(excludeStart, shared),
    excludeIds: share(excludeIds, shared),
    limit,
    ids,
    scores,
  };
}

function allocate(shared: boolean, bytes: number): ArrayBufferLike {
  return shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes);
}

type Typed = Uint32Array | Int32Array | Float32Array | Float64Array | Uint8Array;

/** A copy of `array` in shared memory (or `array` itself when nothing is shared). */
function share<T extends Typed>(array: T, shared = true): T {
  if (!shared) return array;
  const Constructor = array.constructor as new (buffer: ArrayBufferLike) => T;
  const copy = new Constructor(new SharedArrayBuffer(array.byteLength));
  copy.set(array);
  return copy;
}

function inSharedMemory(tables: IndexTables): boolean {
  return tables.vectors.terms.buffer instanceof SharedArrayBuffer;
}

/**
 * The tables in shared memory, read in place by every worker instead of copied into each. An index
 * that will search on workers moves its tables there once they are built, so that the build does not
 * hold two copies (about 60 MB at 100,000 articles).
 */
export function shareTables(tables: IndexTables): IndexTables {
  const { vectors, termPostings, tags } = tables;
  return {
    documents: tables.documents,
    termCount: tables.termCount,
    vectors: { start: share(vectors.start), terms: share(vectors.terms), weights: share(vectors.weights) },
    termPostings: {
      start: share(termPostings.start),
      docs: share(termPostings.docs),
      weights: share(termPostings.weights),
      limited: share(termPostings.limited),
      limitedCount: termPostings.limitedCount,
    },
    tags: {
      start: share(tags.start),
      tags: share(tags.tags),
      idf: share(tags.idf),
      norms: share(tags.norms),
      postings: {
        start: share(tags.postings.start),
        docs: share(tags.postings.docs),
        limited: share(tags.postings.limited),
        limitedCount: tags.postings.limitedCount,
      },
    },
    tieRanks: share(tables.tieRanks),
    categories: share(tables.categories),
    times: share(tables.times),
  };
}
