// Each article's counted terms, kept from one build to the next (issue #20). Counting the words of
// 100,000 articles took a publish 10-12 s of CPU and most of the related step's garbage collection,
// though a publish changes one article. A build that ranks the whole archive (an `astro build`, or the
// publish server's first publish; the server then keeps its index, incremental.ts) takes the terms
// of the unchanged stories from here.
//
// What is kept is exactly what counting an article appends to the index (term.ts's flush): its
// distinct terms in order of first sight within the article, with their field-weighted counts. A
// term's id is its order of first sight in the whole archive, so replaying the kept terms in file
// order, giving each term not yet seen the next id, gives the ids, counts and document frequencies
// that counting the text again would: the index, and so every list, is the same.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import type { RelatedConfig } from './config.ts';
import type { RelatedDocument } from './types.ts';
import { fileIdentity } from '../storage/same-file.ts';
import {
  readFully,
  removeAbandonedTemporaries,
  writePartsReplacing,
  writePartsReplacingInBackground,
} from '../storage/write-fully.ts';

/** Where the kept terms live, and the version of the code that counted them. */
export interface TermCacheOptions {
  readonly file: string;
  /** Changes whenever the counting code does (the caller digests it); another version is not read. */
  readonly version: string;
  /**
   * Write the file on libuv's threads while the build goes on (see {@link termCacheWritten}), not on
   * this one: at 100,000 articles it is 125 MB, and writing it held up a publish's related step for
   * about half a second. Default: written before the index is finalized.
   */
  readonly inBackground?: boolean | undefined;
  /**
   * Keep what was written in memory for the next build of this process, which then takes it instead
   * of reading the file back while the file is still the one written ({@link readTermCache}). For the
   * publish server, whose every publish is a build of one process; an `astro build` exits after its
   * build, and holding the arrays until then would only raise its peak. Default: false.
   */
  readonly keepInMemory?: boolean | undefined;
}

/** Terms counted by one build: document d's are ids[start[d] .. start[d+1]), with counts alike. */
interface CountedTerms {
  /** Term strings by that build's term id. */
  readonly vocabulary: readonly string[];
  readonly start: Uint32Array;
  readonly ids: Uint32Array;
  readonly counts: Float32Array;
}

/** The terms one build counted, as {@link readTermCache} returns them for the next. */
export interface TermCacheSnapshot extends CountedTerms {
  /** Document key ({@link documentKey}) → the document's position in `start`. */
  readonly keys: ReadonlyMap<string, number>;
}

/** What a build writes for the next one: its documents' keys in add order, and its counted terms. */
export interface TermCacheContents extends CountedTerms {
  readonly keys: readonly string[];
}

/** The fields of a kept file: counted with other settings, the counts differ. */
function fullVersion(options: TermCacheOptions, config: RelatedConfig): string {
  const { titleWeight, summaryWeight, minTokenLength } = config;
  return `${FORMAT}|${os.endianness()}|${options.version}|${JSON.stringify({ titleWeight, summaryWeight, minTokenLength })}`;
}

const FORMAT = 'warta-related-terms-2';

/**
 * The key of what is counted of `doc`: its headline, summary and body. The slug, tags, category and
 * date are not counted, so a story renamed or re-tagged keeps its terms.
 */
export function documentKey(doc: RelatedDocument): string {
  const hash = createHash('sha1').update(doc.title).update('\0').update(doc.summary).update('\0');
  // The body's digest stands for the body where the caller has one (a prefix keeps the two apart):
  // a story from the parse cache then keeps its terms without its text read from disk.
  if (doc.bodyDigest === undefined) hash.update('t').update(doc.body);
  else hash.update('d').update(doc.bodyDigest);
  return hash.digest('base64');
}

/**
 * The file's layout. It was `v8.serialize` of one object until 2026-12-02; at 100,000 articles
 * (125 MB) that copied the term arrays out of the file's bytes on reading and built the whole file in
 * one more buffer on writing. Each of those buffers counts as V8 external memory, and every 64 MB of
 * it started a full garbage collection of a heap then about 700 MB (half a second each, five in the
 * related step of a publish, freeing next to nothing; `--trace-incremental-marking` says "external
 * memory pressure"). The arrays are now read as views of the file's bytes and written from where
 * they are. Fields, all numbers in this machine's byte order (the cache never leaves it):
 *
 * - `MAGIC`, then the header's length (u32) and the header (JSON, {@link Header}), padded with
 *   spaces to a multiple of 4 bytes;
 * - `start` (u32 × documents + 1), `ids` (u32 × pairs), `counts` (f32 × pairs);
 * - the vocabulary, then the keys, each as UTF-8 joined by newlines (no word or key holds one: words
 *   are tokens and keys base64; a count that does not match on reading discards the file).
 */
const MAGIC = Buffer.from('WARTA-RT');

interface Header {
  readonly version: string;
  readonly documents: number;
  readonly pairs: number;
  readonly words: number;
  readonly wordBytes: number;
  readonly keyBytes: number;
}

/** The terms the previous build kept, or undefined when there are none of this version (then every article is counted). */
export function readTermCache(options: TermCacheOptions, config: RelatedConfig): TermCacheSnapshot | undefined {
  const kept = keptFor(options.file, fullVersion(options, config));
  if (kept) return { ...kept, keys: new Map(kept.keys.map((key, i) => [key, i])) };
  let bytes: Buffer;
  try {
    bytes = readWhole(options.file);
  } catch {
    return undefined;
  }
  // A file cut short (a build stopped while writing it is renamed only when complete, but a disk may
  // still fill) or of another version is counted again, never trusted.
  const header = readHeader(bytes);
  if (header?.version !== fullVersion(options, config)) return undefined;
  const { documents, pairs, words, wordBytes, keyBytes } = header;
  let at = header.end;
  const start = new Uint32Array(bytes.buffer, bytes.byteOffset + at, documents + 1);
  at += start.byteLength;
  const ids = new Uint32Array(bytes.buffer, bytes.byteOffset + at, pairs);
  at += ids.byteLength;
  const counts = new Float32Array(bytes.buffer, bytes.byteOffset + at, pairs);
  at += counts.byteLength;
  const vocabulary = splitLines(bytes.toString('utf8', at, at + wordBytes), words);
  at += wordBytes;
  const keys = splitLines(bytes.toString('utf8', at, at + keyBytes), documents);
  if (vocabulary === undefined || keys === undefined || (start[documents] ?? -1) !== pairs) return undefined;
  return { vocabulary, keys: new Map(keys.map((key, i) => [key, i])), start, ids, counts };
}

/**
 * Keeps `contents` for the next build: written whole under a temporary name, then renamed; on this
 * thread, or in the background with `options.inBackground` (then {@link termCacheWritten} says when
 * it is done). The arrays in `contents` must not change until then.
 */
export function writeTermCache(options: TermCacheOptions, config: RelatedConfig, contents: TermCacheContents): void {
  const parts = fileParts(options, config, contents);
  fs.mkdirSync(path.dirname(options.file), { recursive: true });
  removeAbandonedTemporaries(options.file);
  // What an earlier write kept is not the file's any more, whatever becomes of this write.
  processState.kept = undefined;
  const keep = (): void => {
    if (options.keepInMemory) keepInMemory(options.file, fullVersion(options, config), contents);
  };
  if (!options.inBackground) {
    writePartsReplacing(options.file, parts);
    keep();
    return;
  }
  // One write of a file at a time, in the order asked: a later build's file never loses to an
  // earlier one's.
  const write = (): Promise<void> => writePartsReplacingInBackground(options.file, parts).then(keep);
  const previous = processState.writes.get(options.file) ?? Promise.resolve();
  const next = previous.then(write, write);
  // Handled here so that a failure nobody asks about is not an unhandled rejection; termCacheWritten
  // still rejects with it.
  next.catch(() => undefined);
  processState.writes.set(options.file, next);
}

/** What a write kept in memory ({@link TermCacheOptions.keepInMemory}), with the file's identity once written. */
interface KeptTerms {
  readonly file: string;
  readonly version: string;
  readonly identity: string;
  readonly contents: TermCacheContents;
}

/**
 * This module's state for the whole process, on `globalThis`, not in module variables: Astro loads
 * the content config, and with it this module, anew through Vite for each build, so each build of a
 * process may run its own copy of this module (as the parse cache's, parse-cache.ts). The publish
 * server now loads it once from Node's own cache (src/content.config.ts); the state stays here so
 * that it holds whichever way the module was loaded.
 * - `kept`: what the last write kept in memory for the next build.
 * - `writes`: the last background write asked for, by file (see {@link writeTermCache}). A build
 *   ends its load with its write still under way (it waits for it only before it publishes,
 *   `deferWrite` in build-context.ts), so a publish server's build that fails in its page step can
 *   leave one running when the next build, with its own copy of this module, writes the same file;
 *   the two must still run one after the other.
 */
interface ProcessState {
  kept: KeptTerms | undefined;
  readonly writes: Map<string, Promise<void>>;
}

const processState: ProcessState = ((globalThis as Record<symbol, ProcessState>)[Symbol.for('warta.related-terms')] ??=
  { kept: undefined, writes: new Map() });

function keepInMemory(file: string, version: string, contents: TermCacheContents): void {
  const identity = fileIdentity(file);
  processState.kept = identity === undefined ? undefined : { file, version, identity, contents };
}

/**
 * What {@link keepInMemory} kept for `file` and `version`, if the file is still the one written (any
 * other process that writes it, an `npm run build` of the checkout between two publishes, changes
 * its identity). Taken once: the build that takes it writes the next.
 */
function keptFor(file: string, version: string): TermCacheContents | undefined {
  const kept = processState.kept;
  processState.kept = undefined;
  if (kept?.file !== file || kept.version !== version || fileIdentity(file) !== kept.identity) return undefined;
  return kept.contents;
}

/**
 * Settles once the background writes of `options.file` asked for so far are on disk (at once when
 * there are none), or rejects with the error of the last one (its temporary file removed, the
 * previous file left in place).
 */
export function termCacheWritten(options: TermCacheOptions): Promise<void> {
  return processState.writes.get(options.file) ?? Promise.resolve();
}

/** The file's bytes in order, its arrays not copied (see {@link MAGIC}). */
function fileParts(options: TermCacheOptions, config: RelatedConfig, contents: TermCacheContents): Uint8Array[] {
  const { start, ids, counts } = contents;
  const vocabulary = Buffer.from(contents.vocabulary.join('\n'));
  const keys = Buffer.from(contents.keys.join('\n'));
  const header: Header = {
    version: fullVersion(options, config),
    documents: contents.keys.length,
    pairs: ids.length,
    words: contents.vocabulary.length,
    wordBytes: vocabulary.length,
    keyBytes: keys.length,
  };
  let json = JSON.stringify(header);
  // Padded so that the arrays after it start on a 4-byte boundary, as typed-array views must.
  json += ' '.repeat((4 - ((MAGIC.length + 4 + Buffer.byteLength(json)) % 4)) % 4);
  const length = Buffer.alloc(4);
  length.writeUInt32LE(Buffer.byteLength(json));
  return [MAGIC, length, Buffer.from(json), bytesOf(start), bytesOf(ids), bytesOf(counts), vocabulary, keys];
}

function bytesOf(array: Uint32Array | Float32Array): Uint8Array {
  return new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
}

/** The file's header with where the arrays start, or undefined when it is not one this code wrote whole. */
function readHeader(bytes: Buffer): (Header & { readonly end: number }) | undefined {
  if (bytes.length < MAGIC.length + 4 || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
  const length = bytes.readUInt32LE(MAGIC.length);
  const end = MAGIC.length + 4 + length;
  if (end > bytes.length) return undefined;
  let header: unknown;
  try {
    header = JSON.parse(bytes.toString('utf8', MAGIC.length + 4, end));
  } catch {
    return undefined;
  }
  if (!isHeader(header) || end % 4 !== 0) return undefined;
  const size = end + 4 * (header.documents + 1) + 8 * header.pairs + header.wordBytes + header.keyBytes;
  return size === bytes.length ? { ...header, end } : undefined;
}

function isHeader(value: unknown): value is Header {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  const count = (key: string): boolean => Number.isSafeInteger(v[key]) && (v[key] as number) >= 0;
  return (
    typeof v['version'] === 'string' &&
    count('documents') &&
    count('pairs') &&
    count('words') &&
    count('wordBytes') &&
    count('keyBytes')
  );
}

/** `text` split at newlines when it holds `expected` lines (none when empty), else undefined. */
function splitLines(text: string, expected: number): string[] | undefined {
  const lines = text === '' ? [] : text.split('\n');
  return lines.length === expected ? lines : undefined;
}

/**
 * The file's bytes in a buffer of their own: views of its arrays need a 4-byte aligned start, which a
 * buffer from Node's shared pool need not have.
 */
function readWhole(file: string): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const bytes = Buffer.allocUnsafeSlow(fs.fstatSync(fd).size);
    if (readFully(fd, bytes) < bytes.length) throw new Error(`${file} became shorter while it was read`);
    return bytes;
  } finally {
    fs.closeSync(fd);
  }
}
