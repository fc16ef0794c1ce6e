import { posix } from 'node:path';
import { titleKey } from '../slug.ts';

/** An article a "Baca juga" headline may point to. */
export interface LinkTarget {
  /** POSIX path relative to the content directory. */
  readonly path: string;
  /** Its exact title, used as the link text. */
  readonly title: string;
}

/** Outcome of looking up one headline. */
export type BacaJugaResolution =
  /** Found: write `- [title](href)`. */
  | { readonly kind: 'link'; readonly title: string; readonly href: string; readonly ambiguous: readonly string[] }
  /** Not found: write the plain headline (the site build will reject it). */
  | { readonly kind: 'plain'; readonly text: string };

/** Looks headlines up by {@link titleKey}, the same key the site build matches with. */
export interface TitleIndex {
  /** Resolves `headline` for the article written at `fromPath`; that article never links to itself. */
  readonly resolve: (headline: string, fromPath: string) => BacaJugaResolution;
}

/**
 * Builds a title index over `targets`. Earlier targets win ties, so callers list the stories
 * of the current run first, then existing articles sorted by path; a tie is reported in
 * `ambiguous` so it can be warned about.
 */
export function createTitleIndex(targets: readonly LinkTarget[]): TitleIndex {
  const byKey = new Map<string, LinkTarget[]>();
  for (const target of targets) {
    const key = titleKey(target.title);
    if (key === '') continue;
    const list = byKey.get(key) ?? [];
    if (!list.some((entry) => entry.path === target.path)) list.push(target);
    byKey.set(key, list);
  }
  return {
    resolve(headline, fromPath) {
      const matches = (byKey.get(titleKey(headline)) ?? []).filter((target) => target.path !== fromPath);
      const [first, ...others] = matches;
      if (!first) return { kind: 'plain', text: headline };
      return {
        kind: 'link',
        title: first.title,
        href: posix.relative(posix.dirname(fromPath), first.path),
        ambiguous: others.map((other) => other.path),
      };
    },
  };
}
