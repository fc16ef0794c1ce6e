import { distance } from 'fastest-levenshtein';
import path from 'node:path';
import { titleKey } from '../slug.ts';

/** Whether an article appears on the site being built. */
export type PublicationState = 'published' | 'draft' | 'scheduled';

/** What a "Baca juga" item or a `related:` slug can point at: any article of the content folder, whatever its state. */
export interface ArticleTarget {
  readonly slug: string;
  readonly title: string;
  /** Content-relative path with `/` separators. */
  readonly path: string;
  readonly displayPath: string;
  readonly state: PublicationState;
  /** {@link titleKey} of `title`, when the caller keeps it (see resolve-links.ts); made here otherwise. */
  readonly titleKey?: string;
}

/** Lookup of articles by slug, file path and normalised title; built once per build. */
export interface LinkIndex {
  bySlug(slug: string): ArticleTarget | undefined;
  /** The article at a content-relative path, as {@link linkedPath} makes it of a link. */
  byPath(path: string): ArticleTarget | undefined;
  /** Every article whose title's {@link titleKey} is `key`. */
  byTitleKey(key: string): readonly ArticleTarget[];
  /** Up to `count` titles closest to `text`, for "did you mean" hints. */
  closestTitles(text: string, count?: number): string[];
}

/** The content-relative path a file link `link` names from the file at `fromPath` (content-relative). */
export function linkedPath(fromPath: string, link: string): string {
  return path.posix.normalize(path.posix.join(path.posix.dirname(fromPath), link)).replace(/^\.\//, '');
}

/** Builds a {@link LinkIndex} over `targets` in one pass. */
export function createLinkIndex(targets: readonly ArticleTarget[]): LinkIndex {
  const slugs = new Map<string, ArticleTarget>();
  const paths = new Map<string, ArticleTarget>();
  const titles = new Map<string, ArticleTarget[]>();
  for (const target of targets) {
    if (!slugs.has(target.slug)) slugs.set(target.slug, target);
    paths.set(target.path, target);
    const key = target.titleKey ?? titleKey(target.title);
    const list = titles.get(key);
    if (list) list.push(target);
    else titles.set(key, [target]);
  }
  return {
    bySlug: (slug) => slugs.get(slug),
    byPath: (linked) => paths.get(linked),
    byTitleKey: (key) => titles.get(key) ?? [],
    closestTitles(text, count = 3) {
      const key = titleKey(text);
      const scored: { title: string; score: number }[] = [];
      for (const [candidate, list] of titles) {
        const first = list[0];
        if (first)
          scored.push({
            title: first.title,
            score: distance(key, candidate) / Math.max(key.length, candidate.length, 1),
          });
      }
      scored.sort((a, b) => a.score - b.score || (a.title < b.title ? -1 : 1));
      // Past 60% edits a suggestion is noise rather than help.
      return scored
        .filter((s) => s.score < 0.6)
        .slice(0, count)
        .map((s) => s.title);
    },
  };
}
