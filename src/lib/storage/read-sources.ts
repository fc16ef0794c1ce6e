import fs from 'node:fs';
import path from 'node:path';
import { ContentErrors, createError, type WartaError } from '../errors/index.ts';
import type { ArticleSource } from '../content/parse-article.ts';

/** The content directory's article files, and the problems met while reading them. */
export interface ContentFiles {
  /** Every readable article file, sorted by path. */
  readonly sources: ArticleSource[];
  /** Files that could not be read or were not followed; each one is reported, never skipped silently. */
  readonly errors: WartaError[];
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
export function readContentDirectory(directory: string, displayBase: string = process.cwd()): ContentFiles {
  let stat: fs.Stats | undefined;
  try {
    stat = fs.statSync(directory);
  } catch {
    stat = undefined;
  }
  if (!stat?.isDirectory()) throw createError(ContentErrors.ContentDirectoryNotFound, { directory });
  const errors: WartaError[] = [];
  const files = listMarkdownFiles(directory, displayBase, errors);
  if (files.length === 0 && errors.length === 0) throw createError(ContentErrors.ContentDirectoryEmpty, { directory });
  const sources: ArticleSource[] = [];
  for (const relative of files) {
    try {
      sources.push(readArticleSource(directory, relative, displayBase));
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
      errors.push(
        createError(ContentErrors.FileUnreadable, { reason }, { file: shownPath(directory, relative, displayBase) }),
      );
    }
  }
  return { sources, errors };
}

/** Reads one file of the content directory. */
export function readArticleSource(directory: string, relative: string, displayBase: string): ArticleSource {
  return {
    path: relative,
    displayPath: shownPath(directory, relative, displayBase),
    bytes: fs.readFileSync(path.join(directory, relative)),
  };
}

/** `relative` (inside `directory`) as messages show it: relative to `displayBase`, or absolute when outside it. */
export function shownPath(directory: string, relative: string, displayBase: string): string {
  const absolute = path.join(directory, relative);
  const shown = path.relative(displayBase, absolute);
  return shown.startsWith('..') ? absolute : shown;
}

/**
 * Content-relative paths (with `/`) of every Markdown article under `directory`, sorted. Problems
 * with single entries (see {@link readContentDirectory}) go to `errors`.
 */
export function listMarkdownFiles(
  directory: string,
  displayBase: string = process.cwd(),
  errors: WartaError[] = [],
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
        else found.push(child);
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
