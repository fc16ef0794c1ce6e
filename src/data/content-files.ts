import path from 'node:path';
import { buildSettings } from './build-context.ts';

/**
 * An article's source file as error reports show it: relative to the working folder, like the
 * content errors' `content/x.md:3:1` (read-sources.ts), or absolute when it lies outside it.
 * `sourceFile` is the article's path inside the content folder.
 */
export function shownArticleFile(sourceFile: string): string {
  const absolute = path.join(buildSettings().contentDirectory, sourceFile);
  const shown = path.relative(process.cwd(), absolute);
  return shown.startsWith('..') ? absolute : shown;
}
