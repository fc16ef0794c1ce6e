import { readBody } from '../lib/content/body-store.ts';
import { bodyDirectory } from './cache-paths.ts';

/** The rendered, sanitized body of an article (stored by the loader under its entry's digest). */
export function articleBody(slug: string, digest: string): string {
  return readBody(bodyDirectory, digest, slug);
}
