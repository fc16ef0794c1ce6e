import fs from 'node:fs';
import path from 'node:path';
import { ContentErrors, createError, type WartaError } from '../errors/index.ts';
import type { ArticleSource } from '../content/parse-article.ts';
import { fileStamp, type FileStamp } from './file-stamps.ts';
import { readFully } from './write-fully.ts';

/** The content directory's article files, and the problems met while reading them. */
export interface ContentFiles {
  /** Every readable article file, sorted by path. */
  readonly sources: ArticleSource[];
  /** Files that could not be read or were not followed; each one is reported, never skipped silently. */
  readonly errors: WartaError[];
}

/** Options of {@link readContentDirectory}. */
export interface ReadOptions {
  /**
   * Whether the file at `relative` (shown as `displayPath`) is, by its stamp, the one a previous build
   * read (see file-stamps.ts). Such a file is not read: its source's bytes are read if and when asked.
   * Without it every file is read, and given no stamp.
   */
  readonly unchanged?: ((relative: string, displayPath: string, stamp: FileStamp) => boolean) | undefined;
  /**
   * The folder as {@link listContentDirectory} found it, when the caller listed it first (to stamp
   * its files on another thread meanwhile, see stamp-files.ts). Default: listed here.
   */
  readonly listing?: ContentListing | undefined;
  /**
   * Each listed file's stamp, in the listing's order, taken on another thread (see stamp-files.ts);
   * null for a file that may still change or could not be stat'ed, which is stat'ed again here (to
   * report why). Default: each file is stat'ed here. Used only with `unchanged`.
   */
  readonly stamps?: readonly (FileStamp | null)[] | undefined;
  /**
   * A file's stamp without stat'ing it, when the caller knows it unchanged since that stamp was taken
   * (the publish server's watcher: see reported-changes.ts); undefined to stat the file. Used only
   * with `unchanged`, for files `stamps` does not give.
   */
  readonly remembered?: ((relative: string, displayPath: string) => FileStamp | undefined) | undefined;
}

/** The article files of a content folder, before any is read; see {@link listContentDirectory}. */
export interface ContentListing {
  /** Content-relative paths with `/`, sorted. */
  readonly files: readonly string[];
  /** Entries that are not followed or cannot be named (see {@link listMarkdownFiles}). */
  readonly errors: readonly WartaError[];
  /**
   * The files that are symbolic links (to a file inside the folder): a change to the file one names
   * is reported under that file's name, not the link's, so a build that trusts the publish server's
   * watcher stats these every time (reported-changes.ts).
   */
  readonly links: ReadonlySet<string>;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads every `**\/*.md` file under `directory` (dot-folders skipped), sorted by path so builds are
 * deterministic. `displayBase` is the folder that shown paths are made relative to.
 *
 * Symbolic links to a file inside the directory are followed; any other link (outside it, to a
 * folder, or dangling) is reported, as is a file name that is not UTF-8 or a file that cannot be
 * read: issue #16 found such files skipped without a word, or crashing the read.
 * Throws a WartaError when the directory is missing or holds no article.
 */
export function readContentDirectory(
  directory: string,
  displayBase: string = process.cwd(),
  options: ReadOptions = {},
): ContentFiles {
  const listing = options.listing ?? listContentDirectory(directory, displayBase);
  const { files } = listing;
  const errors: WartaError[] = [...listing.errors];
  const sources: ArticleSource[] = [];
  const slabs = new SlabReader();
  const { unchanged, stamps, remembered } = options;
  for (const [i, relative] of files.entries()) {
    const file = path.join(directory, relative);
    const displayPath = shownPath(directory, relative, displayBase);
    try {
      if (unchanged) {
        const stamp =
          stamps?.[i] ?? remembered?.(relative, displayPath) ?? fileStamp(fs.statSync(file, { bigint: true }));
        if (stamp !== undefined && unchanged(relative, displayPath, stamp)) {
          sources.push(unreadSource(file, relative, displayPath, stamp));
          continue;
        }
      }
      const { bytes, stats } = slabs.read(file);
      // Stamped as read: from the descriptor the bytes came through, so stamp and bytes agree.
      const stamp = unchanged ? fileStamp(stats) : undefined;
      sources.push({ path: relative, displayPath, bytes, ...(stamp === undefined ? {} : { stamp }) });
    } catch (error) {
      errors.push(unreadable(error, displayPath));
    }
  }
  return { sources, errors };
}

/**
 * The first step of {@link readContentDirectory}: lists the article files under `directory`.
 * Throws a WartaError when the directory is missing or holds no article.
 */
export function listContentDirectory(directory: string, displayBase: string = process.cwd()): ContentListing {
  let stat: fs.Stats | undefined;
  try {
    stat = fs.statSync(directory);
  } catch {
    stat = undefined;
  }
  if (!stat?.isDirectory()) throw createError(ContentErrors.ContentDirectoryNotFound, { directory });
  const errors: WartaError[] = [];
  const links = new Set<string>();
  const files = listMarkdownFiles(directory, displayBase, errors, links);
  if (files.length === 0 && errors.length === 0) throw createError(ContentErrors.ContentDirectoryEmpty, { directory });
  return { files, errors, links };
}

/**
 * The source of a file known unchanged by its stamp, whose bytes are read only if asked: by a parse,
 * when the cache turns the file's entry down after all (a picture it names changed). A file that
 * cannot be read by then fails as FileUnreadable, like one that could not be read up front; the parse
 * reports it against the file (see `readFailure` in parse-changed.ts).
 */
function unreadSource(file: string, relative: string, displayPath: string, stamp: FileStamp): ArticleSource {
  let bytes: Uint8Array | undefined;
  return {
    path: relative,
    displayPath,
    stamp,
    get bytes(): Uint8Array {
      if (bytes) return bytes;
      try {
        bytes = fs.readFileSync(file);
      } catch (error) {
        throw unreadable(error, displayPath);
      }
      return bytes;
    },
  };
}

/** The error for a file that could not be read, shown as `displayPath`: up front, or when its bytes were asked for. */
function unreadable(error: unknown, displayPath: string): WartaError {
  const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
  return createError(ContentErrors.FileUnreadable, { reason }, { file: displayPath });
}

/** Bytes of the files {@link SlabReader} puts in one slab, unless a file is larger. */
const SLAB_BYTES = 8 * 1024 * 1024;
/**
 * Bytes of a reader's first slab; each next one is twice as large, up to {@link SLAB_BYTES}. A publish
 * reads the few files that changed, and an 8 MB slab for them counted against the external memory
 * that starts a full collection of the publish server's heap (src/lib/storage/release-bytes.ts).
 */
const FIRST_SLAB_BYTES = 256 * 1024;

/**
 * Reads files into large shared buffers ("slabs"), each file a view of its slab. A load reads every
 * article whole to key the parse cache, about 430 MB at 100,000 articles, and drops them all once
 * parsing ends. Read one buffer per file, they were 100,000 small blocks of the main thread's malloc
 * heap, between blocks still in use, so the process kept their 600 MB to the end of the build after
 * freeing them (issue #20); a slab is one block large enough to be mapped on its own, returned to
 * the system as soon as no file in it is referenced.
 */
class SlabReader {
  #slab = Buffer.alloc(0);
  #used = 0;
  #next = FIRST_SLAB_BYTES;

  /** The bytes of `file`, read whole: as many as its size when opened, as `fs.readFileSync` reads a file. */
  read(file: string): { bytes: Buffer; stats: fs.BigIntStats } {
    const fd = fs.openSync(file, 'r');
    try {
      const stats = fs.fstatSync(fd, { bigint: true });
      const size = Number(stats.size);
      if (this.#used + size > this.#slab.length) {
        this.#slab = Buffer.allocUnsafeSlow(Math.max(this.#next, size));
        this.#used = 0;
        this.#next = Math.min(2 * this.#next, SLAB_BYTES);
      }
      const filled = readFully(fd, this.#slab.subarray(this.#used, this.#used + size));
      const bytes = this.#slab.subarray(this.#used, this.#used + filled);
      this.#used += filled;
      return { bytes, stats };
    } finally {
      fs.closeSync(fd);
    }
  }
}

/** `relative` (inside `directory`) as messages show it: relative to `displayBase`, or absolute when outside it. */
export function shownPath(directory: string, relative: string, displayBase: string): string {
  const absolute = path.join(directory, relative);
  const shown = path.relative(displayBase, absolute);
  return shown.startsWith('..') ? absolute : shown;
}

/**
 * Content-relative paths (with `/`) of every Markdown article under `directory`, sorted. Problems
 * with single entries (see {@link readContentDirectory}) go to `errors`, and the files that are
 * symbolic links to `links`.
 */
export function listMarkdownFiles(
  directory: string,
  displayBase: string = process.cwd(),
  errors: WartaError[] = [],
  links = new Set<string>(),
): string[] {
  const found: string[] = [];
  const realRoot = fs.realpathSync(directory);
  const walk = (relative: string): void => {
    // Names as bytes: a name that is not UTF-8 would come back with U+FFFD and then not be found.
    const entries = fs.readdirSync(path.join(directory, relative), { withFileTypes: true, encoding: 'buffer' });
    for (const entry of entries) {
      let name: string;
      try {
        name = utf8.decode(entry.name);
      } catch {
        const shown = new TextDecoder('utf-8').decode(entry.name);
        errors.push(
          createError(
            ContentErrors.FileNameNotUtf8,
            { shown },
            { file: shownPath(directory, relative ? `${relative}/${shown}` : shown, displayBase) },
          ),
        );
        continue;
      }
      if (name.startsWith('.') || name === 'node_modules') continue;
      const child = relative ? `${relative}/${name}` : name;
      if (entry.isDirectory()) walk(child);
      else if (entry.isFile() && /\.md$/i.test(name)) found.push(child);
      else if (entry.isSymbolicLink() && /\.md$/i.test(name)) {
        const problem = linkProblem(path.join(directory, child), realRoot);
        if (problem)
          errors.push(
            createError(ContentErrors.ContentLinkNotFollowed, problem, {
              file: shownPath(directory, child, displayBase),
            }),
          );
        else {
          found.push(child);
          links.add(child);
        }
      }
    }
  };
  walk('');
  return found.sort();
}

/** Why the link at `file` is not followed, or undefined when it names a file inside `realRoot`. */
function linkProblem(file: string, realRoot: string): { target: string; reason: string } | undefined {
  const target = fs.readlinkSync(file);
  let real: string;
  try {
    real = fs.realpathSync(file);
  } catch {
    return { target, reason: 'does not exist' };
  }
  if (real !== realRoot && !real.startsWith(realRoot + path.sep))
    return { target, reason: 'is outside the content folder' };
  if (!fs.statSync(real).isFile()) return { target, reason: 'is not a file' };
  return undefined;
}
