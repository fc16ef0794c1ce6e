// Append-only typed arrays. The index buffers tens of millions of (term, count)
// pairs while adding articles; typed storage keeps that off the JS heap's
// per-object overhead and avoids GC pauses that plain arrays of numbers cause.
// Fields are plain (not #private) because push() runs per term occurrence and
// V8 optimises ordinary property access in such loops markedly better.

/** An append-only Uint32Array that doubles its capacity when full. */
export class GrowableUint32Array {
  /** Backing store; entries at and past `length` are unused. Do not keep a reference across a push. */
  data: Uint32Array;
  /** Number of values appended so far; read-only outside this class. */
  length = 0;

  constructor(initialCapacity = 1024) {
    this.data = new Uint32Array(Math.max(16, initialCapacity));
  }

  /** Appends one value. */
  push(value: number): void {
    if (this.length === this.data.length) this.data = grown(this.data, new Uint32Array(this.data.length * 2));
    this.data[this.length++] = value;
  }

  /**
   * Room for `more` values past `length`, so that a loop may write them into {@link data} directly
   * (then setting `length`): replaying a story's kept terms pushes millions of values a publish.
   */
  reserve(more: number): Uint32Array {
    const needed = this.length + more;
    if (needed > this.data.length)
      this.data = grown(this.data, new Uint32Array(Math.max(needed, this.data.length * 2)));
    return this.data;
  }

  /** Adds `delta` to the value at `index`, growing with zeros so `index` exists. */
  increment(index: number, delta = 1): void {
    while (index >= this.data.length) this.data = grown(this.data, new Uint32Array(this.data.length * 2));
    if (index >= this.length) this.length = index + 1;
    this.data[index] = (this.data[index] ?? 0) + delta;
  }

  /** The values without copying; valid until the next push. */
  view(): Uint32Array {
    return this.data.subarray(0, this.length);
  }

  /** A copy of the first `length` values (zero-padded), safe to keep after this buffer is dropped. */
  toArray(length = this.length): Uint32Array {
    const out = new Uint32Array(length);
    out.set(this.data.subarray(0, Math.min(length, this.length)));
    return out;
  }
}

/** An append-only Float32Array that doubles its capacity when full. */
export class GrowableFloat32Array {
  /** Backing store; entries at and past `length` are unused. Do not keep a reference across a push. */
  data: Float32Array;
  /** Number of values appended so far; read-only outside this class. */
  length = 0;

  constructor(initialCapacity = 1024) {
    this.data = new Float32Array(Math.max(16, initialCapacity));
  }

  /** Appends one value. */
  push(value: number): void {
    if (this.length === this.data.length) this.data = grown(this.data, new Float32Array(this.data.length * 2));
    this.data[this.length++] = value;
  }

  /** Appends `values` in one copy. */
  pushAll(values: Float32Array): void {
    const needed = this.length + values.length;
    if (needed > this.data.length)
      this.data = grown(this.data, new Float32Array(Math.max(needed, this.data.length * 2)));
    this.data.set(values, this.length);
    this.length = needed;
  }

  /** The values without copying; valid until the next push. */
  view(): Float32Array {
    return this.data.subarray(0, this.length);
  }
}

function grown<T extends Uint32Array | Float32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
