// Each article's counted terms, kept from one build to the next (issue #20). Counting the words of
// 100,000 articles took a publish 10-12 s of CPU and most of the related step's garbage collection,
// though a publish changes one article. The ranking itself still runs over the whole archive: every
// similarity moves with the archive's word counts, and the lists must equal a clean build's.
//
// What is kept is exactly what counting an article appends to the index (term.ts's flush): its
// distinct terms in order of first sight within the article, with their field-weighted counts. A
// term's id is its order of first sight in the whole archive, so replaying the kept terms in file
// order, giving each term not yet seen the next id, gives the ids, counts and document frequencies
// that counting the text again would: the index, and so every list, is the same.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import type { RelatedConfig } from './config.ts';
import type { RelatedDocument } from './types.ts';
import { writeFileReplacing } from '../storage/write-fully.ts';

/** Where the kept terms live, and the version of the code that counted them. */
export interface TermCacheOptions {
  readonly file: string;
  /** Changes whenever the counting code does (the caller digests it); another version is not read. */
  readonly version: string;
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
  return `${FORMAT}|${options.version}|${JSON.stringify({ titleWeight, summaryWeight, minTokenLength })}`;
}

const FORMAT = 'warta-related-terms-1';

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

/** The terms the previous build kept, or undefined when there are none of this version (then every article is counted). */
export function readTermCache(options: TermCacheOptions, config: RelatedConfig): TermCacheSnapshot | undefined {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(options.file);
  } catch {
    return undefined;
  }
  let stored: unknown;
  try {
    stored = v8.deserialize(bytes);
  } catch {
    // A file cut short (a build stopped while writing it is renamed only when complete, but a disk
    // may still fill): counted again, never trusted.
    return undefined;
  }
  if (!isStored(stored) || stored.version !== fullVersion(options, config)) return undefined;
  const documents = stored.keys.length;
  if (stored.start.length !== documents + 1 || stored.ids.length !== stored.counts.length) return undefined;
  if ((stored.start[documents] ?? -1) !== stored.ids.length) return undefined;
  return {
    vocabulary: stored.vocabulary,
    keys: new Map(stored.keys.map((key, i) => [key, i])),
    start: stored.start,
    ids: stored.ids,
    counts: stored.counts,
  };
}

/** Keeps `contents` for the next build: written whole under a temporary name, then renamed. */
export function writeTermCache(options: TermCacheOptions, config: RelatedConfig, contents: TermCacheContents): void {
  const stored: Stored = { version: fullVersion(options, config), ...contents, keys: [...contents.keys] };
  fs.mkdirSync(path.dirname(options.file), { recursive: true });
  writeFileReplacing(options.file, v8.serialize(stored));
}

interface Stored extends TermCacheContents {
  readonly version: string;
}

function isStored(value: unknown): value is Stored {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v['version'] === 'string' &&
    Array.isArray(v['keys']) &&
    Array.isArray(v['vocabulary']) &&
    v['start'] instanceof Uint32Array &&
    v['ids'] instanceof Uint32Array &&
    v['counts'] instanceof Float32Array
  );
}
