import { shownPath } from '../lib/storage/read-sources.ts';
import { buildSettings } from './build-context.ts';

/**
 * An article's source file as error reports show it: relative to the working folder, like the
 * content errors' `content/x.md:3:1`, or absolute when it lies outside it. `sourceFile` is the
 * article's path inside the content folder.
 */
export function shownArticleFile(sourceFile: string): string {
  return shownPath(buildSettings().contentDirectory, sourceFile, process.cwd());
}
