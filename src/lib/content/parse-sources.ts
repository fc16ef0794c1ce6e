import type { WartaError } from '../errors/index.ts';
import { parseArticle, type ArticleSource, type ParsedArticle, type ParseResult } from './parse-article.ts';

/** The first step's outcome: every article that parsed, and the problems of those that did not. */
export interface ParsedSources {
  /** Articles whose file is valid on its own, in the order of the sources (file path order). */
  readonly articles: readonly ParsedArticle[];
  /** Problems of the files that failed, in the order of the sources. */
  readonly errors: readonly WartaError[];
  /** Files read: every source, parsed or not (the build report's "found"). */
  readonly found: number;
}

/** Parses one file; `index` is its place among the sources. */
export type ParseSource = (source: ArticleSource, index: number) => ParseResult;

/**
 * Step 1 of the content life cycle (parse, resolve, rank, render; see build-content.ts): parses and
 * validates each file on its own. `parse` lets the caller answer from results it already has (the
 * loader's parse cache and worker threads); default: {@link parseArticle} with default rendering.
 * `onProgress` is called after each file.
 */
export function parseSources(
  sources: readonly ArticleSource[],
  parse: ParseSource = (source) => parseArticle(source),
  onProgress?: (done: number, total: number) => void,
): ParsedSources {
  const articles: ParsedArticle[] = [];
  const errors: WartaError[] = [];
  sources.forEach((source, i) => {
    const result = parse(source, i);
    if (result.ok) articles.push(result.article);
    else errors.push(...result.errors);
    onProgress?.(i + 1, sources.length);
  });
  return { articles, errors, found: sources.length };
}
