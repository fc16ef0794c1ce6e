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
export function createLinkIndex(targets: readonly ArticleTarget[]): LinkTable {
  const table = new LinkTable();
  for (const target of targets) table.add(target);
  return table;
}

/**
 * A {@link LinkIndex} that targets can be added to and removed from: the publish server keeps one
 * from build to build and changes only the targets of the files that changed (kept-links.ts).
 */
export class LinkTable implements LinkIndex {
  readonly #slugs = new Map<string, ArticleTarget>();
  readonly #paths = new Map<string, ArticleTarget>();
  readonly #titles = new Map<string, ArticleTarget[]>();

  /** Adds `target`; a slug already taken keeps its first target (the build reports the clash). */
  add(target: ArticleTarget): void {
    if (!this.#slugs.has(target.slug)) this.#slugs.set(target.slug, target);
    this.#paths.set(target.path, target);
    const key = targetTitleKey(target);
    const list = this.#titles.get(key);
    if (!list) this.#titles.set(key, [target]);
    else {
      // Kept in path order, as the content folder is read, whatever order the targets come in (a
      // kept table's in the order of the builds that added them): the first is the one "did you
      // mean" suggests, and an ambiguous headline lists the files in this order.
      const at = list.findIndex((t) => t.path > target.path);
      list.splice(at === -1 ? list.length : at, 0, target);
    }
  }

  /** Removes `target`, the very object {@link add} was given. */
  remove(target: ArticleTarget): void {
    if (this.#slugs.get(target.slug) === target) this.#slugs.delete(target.slug);
    if (this.#paths.get(target.path) === target) this.#paths.delete(target.path);
    const key = targetTitleKey(target);
    const list = this.#titles.get(key)?.filter((t) => t !== target);
    if (list?.length) this.#titles.set(key, list);
    else this.#titles.delete(key);
  }

  bySlug(slug: string): ArticleTarget | undefined {
    return this.#slugs.get(slug);
  }

  byPath(linked: string): ArticleTarget | undefined {
    return this.#paths.get(linked);
  }

  byTitleKey(key: string): readonly ArticleTarget[] {
    return this.#titles.get(key) ?? [];
  }

  closestTitles(text: string, count = 3): string[] {
    const key = titleKey(text);
    const scored: { title: string; score: number }[] = [];
    for (const [candidate, list] of this.#titles) {
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
  }
}

/** The key `target` is found by in {@link LinkTable.byTitleKey}. */
export function targetTitleKey(target: ArticleTarget): string {
  return target.titleKey ?? titleKey(target.title);
}
