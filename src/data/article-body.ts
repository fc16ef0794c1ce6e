import { readBody } from '../lib/content/body-store.ts';
import { bodyDirectory } from './cache-paths.ts';
import { publishedBody } from './published-articles.ts';

/** The rendered, sanitized body of an article (stored by the loader, located by its entry's digest). */
export function articleBody(slug: string, digest: string): string {
  return readBody(bodyDirectory, publishedBody(slug, digest), slug);
}
