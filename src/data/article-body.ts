import { readBody } from '../lib/content/body-store.ts';
import { bodyDirectory } from './cache-paths.ts';

/** The rendered, sanitized body of an article entry (stored by the loader under the entry's digest). */
export function articleBody(entry: { readonly id: string; readonly digest?: string | undefined }): string {
  if (!entry.digest) throw new Error(`Article "${entry.id}" has no digest; the content loader always sets one.`);
  return readBody(bodyDirectory, entry.digest, entry.id);
}
