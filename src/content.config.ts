import { defineCollection } from 'astro:content';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Where the articles' loader comes from. Astro loads this file through Vite for each build, and with
 * it every module it imports: transformed again, and evaluated again as new functions, which V8 runs
 * unoptimized until they are hot again. `astro build` runs one build a process, so that is its start.
 * The publish server (scripts/publish.ts) runs a build for each change in one process, and there the
 * loader and Warta's core come from Node's own module cache instead, loaded once with the server's
 * other modules (its code cannot change under it: a change starts a new process): each publish then
 * runs functions V8 has optimized over the previous ones. `import()` written in this file would be
 * Vite's, so the server's is made with `new Function`, which Vite does not transform.
 * The dev server keeps Vite's, so that an edit to the loader's code shows on the next reload.
 */
async function loadArticlesLoader(): Promise<typeof import('./loaders/articles-loader.ts')> {
  // isPublishServer() of src/data/build-context.ts, written out: importing that module here would
  // take it, and what it imports, through Vite again on every publish.
  if (process.env['WARTA_PUBLISH_SERVER'] !== 'worker') return import('./loaders/articles-loader.ts');
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- Node's own import(), out of Vite's reach (above)
  const nativeImport = new Function('url', 'return import(url)') as (url: string) => Promise<unknown>;
  const url = pathToFileURL(path.resolve('src/loaders/articles-loader.ts')).href;
  return (await nativeImport(url)) as typeof import('./loaders/articles-loader.ts');
}

const { articlesLoader } = await loadArticlesLoader();

export const collections = { articles: defineCollection({ loader: articlesLoader() }) };
