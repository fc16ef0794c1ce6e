// One-call convenience over the index life cycle for build scripts that want
// every article's list at once.
import type { RelatedConfig } from './config.ts';
import { defaultRelatedConfig } from './config.ts';
import { createRelatedIndex } from './inverted-index.ts';
import type { RelatedDocument, RelatedMatch } from './types.ts';

/** Options for {@link rankRelated}. */
export interface RankRelatedOptions {
  /** Slugs to leave out of one article's list (its "Baca juga" and pinned links); default none. */
  readonly exclude?: ((slug: string) => ReadonlySet<string> | undefined) | undefined;
}

/** Indexes `docs` and returns each article's related list, keyed by slug, in input order. */
export function rankRelated(
  docs: Iterable<RelatedDocument>,
  config: RelatedConfig = defaultRelatedConfig,
  options: RankRelatedOptions = {},
): Map<string, RelatedMatch[]> {
  const index = createRelatedIndex(config);
  const slugs: string[] = [];
  for (const doc of docs) {
    index.add(doc);
    slugs.push(doc.slug);
  }
  index.finalize();
  const result = new Map<string, RelatedMatch[]>();
  for (const slug of slugs) result.set(slug, index.search(slug, { exclude: options.exclude?.(slug) }));
  return result;
}
