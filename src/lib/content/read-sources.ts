import fs from 'node:fs';
import path from 'node:path';
import { ContentErrors, createError } from '../errors/index.ts';
import type { ArticleSource } from './parse-article.ts';

/**
 * Reads every `**\/*.md` file under `directory` (dot-folders skipped), sorted by path so builds are
 * deterministic. `displayBase` is the folder that shown paths are made relative to.
 * Throws a WartaError when the directory is missing or holds no article.
 */
export function readContentDirectory(directory: string, displayBase: string = process.cwd()): ArticleSource[] {
  let stat: fs.Stats | undefined;
  try {
    stat = fs.statSync(directory);
  } catch {
    stat = undefined;
  }
  if (!stat?.isDirectory()) throw createError(ContentErrors.ContentDirectoryNotFound, { directory });
  const files = listMarkdownFiles(directory);
  if (files.length === 0) throw createError(ContentErrors.ContentDirectoryEmpty, { directory });
  return files.map((relative) => readArticleSource(directory, relative, displayBase));
}

/** Reads one file of the content directory. */
export function readArticleSource(directory: string, relative: string, displayBase: string): ArticleSource {
  const absolute = path.join(directory, relative);
  const shown = path.relative(displayBase, absolute);
  return {
    path: relative,
    displayPath: shown.startsWith('..') ? absolute : shown,
    bytes: fs.readFileSync(absolute),
  };
}

/** Content-relative paths (with `/`) of every Markdown article under `directory`, sorted. */
export function listMarkdownFiles(directory: string): string[] {
  const found: string[] = [];
  const walk = (relative: string): void => {
    for (const entry of fs.readdirSync(path.join(directory, relative), { withFileTypes: true })) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(child);
      else if (entry.isFile() && /\.md$/i.test(entry.name)) found.push(child);
    }
  };
  walk('');
  return found.sort();
}
