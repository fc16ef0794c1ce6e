// Worker entry for parsePool: parses the files it is sent and posts the results back. Errors
// cross the thread as plain data, since structured cloning drops an Error subclass's fields.
import { parentPort } from 'node:worker_threads';
import type { RenderOptions } from '../markdown/processor.ts';
import { parseArticle, type ArticleSource } from '../content/parse-article.ts';
import { toErrorData } from './parse-pool.ts';

parentPort?.on('message', ({ sources, options }: { sources: ArticleSource[]; options: RenderOptions }) => {
  const results = sources.map((source) => {
    const result = parseArticle(source, options);
    return result.ok ? result : { ...result, errors: result.errors.map(toErrorData) };
  });
  parentPort?.postMessage(results);
});
