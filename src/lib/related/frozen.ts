// Frozen document frequencies (issue #20). With the frequencies of the whole archive, one new story
// moves every term's IDF (the archive's size is in each), so every vector and every list had to be
// ranked again on every publish, 5 s of a 100,000-article publish. The IDF now comes from the
// archive's oldest K stories, K the archive's size rounded down to a step of 1/16 to 1/32 of it: a
// new story (the newest) changes no count the IDF is taken from, and an edit, a deletion or a
// back-dated story changes only the counts of the words it adds or removes, so only the stories
// holding those words get new vectors, and only the lists that can reach them are ranked again
// (incremental.ts). The rule is a function of the content alone: a clean build computes the same
// frequencies, and its lists equal those of any sequence of publishes that led to the same content.
//
// When every IDF moves, and the whole archive is ranked again: when the archive's size crosses a step
// (every 4,096 stories from 65,536 to 131,071; every story below 16, where it costs nothing).
//
// A word the oldest K stories hold once or not at all (a new name, a new topic) takes its frequency
// over the whole archive instead, so that two stories on a new topic find each other at once; such a
// word is in few stories, so its count moving reaches few.

/** How many of the oldest stories the IDF is computed from, for an archive of `documents`. */
export function frozenCount(documents: number): number {
  if (documents < 16) return documents;
  const step = 2 ** (Math.floor(Math.log2(documents)) - 4);
  return Math.floor(documents / step) * step;
}

/**
 * Which documents are frozen: the `count` oldest by the module's order (tie ranks, newest first:
 * see order.ts), as a flag per document.
 */
export function frozenFlags(tieRanks: Uint32Array, count: number): Uint8Array {
  const flags = new Uint8Array(tieRanks.length);
  const from = tieRanks.length - count;
  for (let d = 0; d < tieRanks.length; d++) if ((tieRanks[d] ?? 0) >= from) flags[d] = 1;
  return flags;
}

/**
 * The frequency a term's IDF is taken from: over the frozen stories, or over the whole archive when
 * those hold it once at most.
 */
export function effectiveFrequency(frozen: number, total: number): number {
  return frozen >= 2 ? frozen : total;
}

/**
 * Smoothed IDF, ln(1 + K/df), for a term's effective frequency, rounded to a sixteenth; 0 for a term
 * in one story, which can link it to nothing.
 *
 * Rounded, so that a count moving by one rarely moves the weight: deleting an old story takes one
 * from the counts of its 200 or so words (and the story that takes its place among the oldest adds
 * one to as many), and every story holding a word whose weight moved needs a new vector, every list
 * that can reach those stories a new search. Unrounded, deleting one of 100,000 stories searched
 * every list again (5 s); rounded, a word used by 16 stories or more moves with a chance of 16/df
 * at most. A sixteenth is 1 to 2% of a common word's weight (2 to 5 at 100,000 stories), below what
 * the ranking can tell apart on the labelled fixture (config.ts).
 */
export function frozenIdf(frozenDocuments: number, frequency: number): number {
  return frequency >= 2 ? Math.round(Math.log(1 + frozenDocuments / frequency) * 16) / 16 : 0;
}

/**
 * The IDF of every term: `total` counts each over the archive, `frozen` over the frozen stories
 * (shorter: 0 beyond).
 */
export function idfTable(frozenDocuments: number, total: ArrayLike<number>, frozen: ArrayLike<number>): Float64Array {
  const idf = new Float64Array(total.length);
  for (let t = 0; t < total.length; t++) {
    idf[t] = frozenIdf(frozenDocuments, effectiveFrequency(frozen[t] ?? 0, total[t] ?? 0));
  }
  return idf;
}

/**
 * How many frozen documents hold each of `keyCount` keys: document d holds keys[start[d] .. start[d+1]),
 * each once.
 */
export function frozenFrequencies(
  flags: Uint8Array,
  start: Uint32Array,
  keys: Uint32Array,
  keyCount: number,
): Uint32Array {
  const counts = new Uint32Array(keyCount);
  for (let d = 0; d < flags.length; d++) {
    if (flags[d] !== 1) continue;
    for (let i = start[d] ?? 0; i < (start[d + 1] ?? 0); i++) {
      const key = keys[i] ?? 0;
      counts[key] = (counts[key] ?? 0) + 1;
    }
  }
  return counts;
}
