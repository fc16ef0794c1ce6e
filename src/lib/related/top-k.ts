// Bounded best-k selection with one total order used everywhere in the module:
// higher key first, then lower tie rank. Picking terms per document, champions
// per term and matches per search all need it, and sorting whole lists would
// cost n log n where k stays tiny.

/** Keeps the `capacity` best (id, key) pairs seen, ordered best first. */
export class TopK {
  /** Ids of the kept entries, best first; valid up to `size`. */
  readonly ids: Uint32Array;
  /** Keys of the kept entries, parallel to `ids`. */
  readonly keys: Float64Array;
  /** Tie ranks of the kept entries, parallel to `ids`. */
  readonly ranks: Float64Array;
  // Plain public fields rather than #private ones or getters: this sits in the
  // innermost loop, where V8 optimises plain property loads best.
  /** Number of entries kept so far; read-only outside this class. */
  size = 0;
  /** Key an offer must reach to be kept: the worst kept key once full, else -Infinity; read-only outside. */
  threshold = -Infinity;

  constructor(capacity: number) {
    this.ids = new Uint32Array(capacity);
    this.keys = new Float64Array(capacity);
    this.ranks = new Float64Array(capacity);
  }

  /** Empties the selection for reuse. */
  clear(): void {
    this.size = 0;
    this.threshold = -Infinity;
  }

  /** Offers `id` with `key`; equal keys are ordered by `tieRank`, lower first (ranks must be distinct). */
  offer(id: number, key: number, tieRank: number): void {
    const { ids, keys } = this;
    const ranks = this.ranks;
    const capacity = ids.length;
    let at = this.size;
    if (at === capacity) {
      const lastKey = keys[at - 1] ?? 0;
      if (key < lastKey || (key === lastKey && tieRank > (ranks[at - 1] ?? 0))) return;
      at -= 1;
    } else {
      this.size += 1;
    }
    // Shift worse entries down; insertion beats a heap for the small k used here.
    while (at > 0) {
      const prevKey = keys[at - 1] ?? 0;
      if (prevKey > key || (prevKey === key && (ranks[at - 1] ?? 0) < tieRank)) break;
      ids[at] = ids[at - 1] ?? 0;
      keys[at] = prevKey;
      ranks[at] = ranks[at - 1] ?? 0;
      at -= 1;
    }
    ids[at] = id;
    keys[at] = key;
    ranks[at] = tieRank;
    if (this.size === capacity) this.threshold = keys[capacity - 1] ?? 0;
  }
}
