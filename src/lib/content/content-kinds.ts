import type { ContentSource } from './front-matter-file.ts';
import { isPersonFile } from './people.ts';
import { isSitePageFile } from './site-pages.ts';

/** The content folder's files by kind: news, the newsroom's people, and its own pages. */
export interface ContentKinds<T> {
  /** Every file outside the folders below: a story. */
  readonly articles: T[];
  /** `penulis/*.md`: see people.ts. */
  readonly people: T[];
  /** `halaman/*.md`: see site-pages.ts. */
  readonly pages: T[];
}

/** Sorts the content folder's files by kind, each kept in the order given. */
export function sortContentKinds<T extends Pick<ContentSource, 'path'>>(sources: readonly T[]): ContentKinds<T> {
  const kinds: ContentKinds<T> = { articles: [], people: [], pages: [] };
  for (const source of sources) {
    if (isPersonFile(source.path)) kinds.people.push(source);
    else if (isSitePageFile(source.path)) kinds.pages.push(source);
    else kinds.articles.push(source);
  }
  return kinds;
}
