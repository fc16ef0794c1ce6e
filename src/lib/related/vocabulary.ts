// Term dictionary keyed by UTF-8 bytes. The ASCII fast path hashes words while
// scanning a byte buffer and resolves them here without creating a string per
// token; a string is decoded only the first time a word is seen. Plain fields
// (not #private): lookups run once per token.

/** FNV-1a offset basis; scanners that hash inline must start from it. */
export const FNV_OFFSET = 0x811c9dc5 | 0;
/** FNV-1a prime; scanners that hash inline must use `Math.imul(hash ^ byte, FNV_PRIME)`. */
export const FNV_PRIME = 0x01000193;

/** FNV-1a hash of bytes[start..end), as computed inline by the scanners. */
export function hashBytes(bytes: Uint8Array, start: number, end: number): number {
  let hash = FNV_OFFSET;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ (bytes[i] ?? 0), FNV_PRIME);
  return hash;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Interns words as dense term ids; words judged not content get code 0 and no id. */
export class Vocabulary {
  /** Content terms interned so far; ids run 0 .. size-1 in order of first sight. */
  size = 0;
  // Open addressing: slot → entry index + 1 (0 = empty). Entries: pool offset,
  // length, hash and code (term id + 1, or 0 for a non-content word).
  slots = new Int32Array(1 << 12);
  entryOffset = new Uint32Array(1 << 11);
  entryLength = new Uint32Array(1 << 11);
  entryHash = new Int32Array(1 << 11);
  entryCode = new Uint32Array(1 << 11);
  entries = 0;
  pool = new Uint8Array(1 << 16);
  poolLength = 0;
  scratch = new Uint8Array(256);
  readonly isContent: (word: string) => boolean;

  /** `isContent` classifies a word the first time it is seen (e.g. "not a stopword"). */
  constructor(isContent: (word: string) => boolean) {
    this.isContent = isContent;
  }

  /** Code of the word in bytes[start..end) with its FNV-1a `hash`: term id + 1, or 0 if not content. */
  codeOfBytes(bytes: Uint8Array, start: number, end: number, hash: number): number {
    const { slots, entryOffset, entryLength, entryHash, pool } = this;
    const mask = slots.length - 1;
    const length = end - start;
    let slot = hash & mask;
    for (let entry = slots[slot] ?? 0; entry !== 0; entry = slots[slot] ?? 0) {
      const e = entry - 1;
      if (entryHash[e] === hash && entryLength[e] === length) {
        const offset = entryOffset[e] ?? 0;
        let k = 0;
        while (k < length && pool[offset + k] === bytes[start + k]) k++;
        if (k === length) return this.entryCode[e] ?? 0;
      }
      slot = (slot + 1) & mask;
    }
    return this.#insert(bytes, start, end, hash, slot);
  }

  /** Code of `word` (see codeOfBytes); for tokens that already exist as strings. */
  codeOfString(word: string): number {
    if (this.scratch.length < word.length * 3) this.scratch = new Uint8Array(word.length * 3);
    const { written } = encoder.encodeInto(word, this.scratch);
    return this.codeOfBytes(this.scratch, 0, written, hashBytes(this.scratch, 0, written));
  }

  /** The content terms' words, by term id. */
  words(): string[] {
    const words = new Array<string>(this.size);
    for (let e = 0; e < this.entries; e++) {
      const code = this.entryCode[e] ?? 0;
      if (code === 0) continue;
      const offset = this.entryOffset[e] ?? 0;
      words[code - 1] = decoder.decode(this.pool.subarray(offset, offset + (this.entryLength[e] ?? 0)));
    }
    return words;
  }

  #insert(bytes: Uint8Array, start: number, end: number, hash: number, slot: number): number {
    const word = decoder.decode(bytes.subarray(start, end));
    const code = this.isContent(word) ? ++this.size : 0;
    const e = this.entries++;
    if (e === this.entryCode.length) this.#growEntries();
    if (this.poolLength + (end - start) > this.pool.length)
      this.pool = grow(this.pool, Math.max(this.pool.length * 2, this.poolLength + end - start));
    this.pool.set(bytes.subarray(start, end), this.poolLength);
    this.entryOffset[e] = this.poolLength;
    this.entryLength[e] = end - start;
    this.entryHash[e] = hash;
    this.entryCode[e] = code;
    this.poolLength += end - start;
    this.slots[slot] = e + 1;
    // Keep the load factor under 1/2 so probe chains stay short.
    if (this.entries * 2 > this.slots.length) this.#rehash();
    return code;
  }

  #growEntries(): void {
    const capacity = this.entryCode.length * 2;
    this.entryOffset = grow(this.entryOffset, capacity);
    this.entryLength = grow(this.entryLength, capacity);
    this.entryHash = grow(this.entryHash, capacity);
    this.entryCode = grow(this.entryCode, capacity);
  }

  #rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let e = 0; e < this.entries; e++) {
      let slot = (this.entryHash[e] ?? 0) & mask;
      while ((slots[slot] ?? 0) !== 0) slot = (slot + 1) & mask;
      slots[slot] = e + 1;
    }
    this.slots = slots;
  }
}

function grow<T extends Uint8Array | Uint32Array | Int32Array>(array: T, capacity: number): T {
  const bigger = new (array.constructor as new (length: number) => T)(capacity);
  bigger.set(array);
  return bigger;
}
