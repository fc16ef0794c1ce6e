import { slugify, titleKey } from '../slug.ts';

/** An article already in the content directory. */
export interface ExistingArticle {
  /** POSIX path relative to the content directory: `foo.md`, `2024/foo.md`. */
  readonly path: string;
  /** Its slug: front matter `slug`, else the file name without `.md`. */
  readonly slug: string;
  /** Its front matter title, if it has a readable one. */
  readonly title: string | undefined;
}

/** Where one imported story goes. */
export type Placement =
  /** A new file at `path` (relative to the content directory). */
  | { readonly kind: 'create'; readonly slug: string; readonly path: string }
  /** Re-import with --force: the same story's existing file is replaced. */
  | { readonly kind: 'overwrite'; readonly slug: string; readonly path: string }
  /** Re-import without --force: the same story's file exists and must be left alone. */
  | { readonly kind: 'exists'; readonly slug: string; readonly path: string };

/** Longest slug built from a headline, before any `-2` suffix. */
export const MAX_SLUG_LENGTH = 80;

/**
 * Chooses a slug and file for each story title, in order. The slug is
 * `slugify(title, { maxLength: 80 })`; when an existing article or an earlier story of the
 * same run already uses it (as slug or as file name), `-2`, `-3`... is appended.
 * An existing article with the same title key is the same story imported before: it is
 * `overwrite` with `force`, else `exists`; it never gets a suffixed copy. Stories of the
 * same run never share a file, even with equal titles.
 */
export function placeStories(
  titles: readonly string[],
  existing: readonly ExistingArticle[],
  force: boolean,
): Placement[] {
  const claimed = new Set<string>(); // slugs and paths taken by this run
  return titles.map((title): Placement => {
    const base = slugify(title, { maxLength: MAX_SLUG_LENGTH });
    const key = titleKey(title);
    for (let number = 1; ; number += 1) {
      const slug = number === 1 ? base : `${base}-${number}`;
      const path = `${slug}.md`;
      if (claimed.has(slug) || claimed.has(path)) continue;
      const occupants = existing.filter((article) => article.slug === slug || article.path === path);
      const [occupant] = occupants;
      if (!occupant) {
        claim(claimed, slug, path);
        return { kind: 'create', slug, path };
      }
      if (occupants.length === 1 && occupant.title !== undefined && titleKey(occupant.title) === key) {
        claim(claimed, slug, occupant.path);
        return { kind: force ? 'overwrite' : 'exists', slug, path: occupant.path };
      }
    }
  });
}

function claim(claimed: Set<string>, slug: string, path: string): void {
  claimed.add(slug);
  claimed.add(path);
}
