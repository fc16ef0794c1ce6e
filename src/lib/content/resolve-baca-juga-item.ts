import { ContentErrors, createError, type SourcePosition, type WartaError } from '../errors/index.ts';
import type { BacaJugaItem } from '../markdown/baca-juga.ts';
import { keptWhileSame, oncePerObject } from '../once-per-object.ts';
import { titleKey } from '../slug.ts';
import { lookupKey } from './kept-links.ts';
import { linkedPath, type ArticleTarget, type LinkIndex } from './link-index.ts';

/** Result of resolving one "Baca juga" item. */
export type ItemResolution = { ok: true; target: ArticleTarget } | { ok: false; error: WartaError };

/**
 * Resolves one "Baca juga" item of the article at `fromPath` (slug `fromSlug`) to a target that
 * is on the site (`isVisible`), or explains why it cannot be.
 */
export function resolveBacaJugaItem(
  item: BacaJugaItem,
  from: { path: string; slug: string },
  index: LinkIndex,
  isVisible: (target: ArticleTarget) => boolean,
  position: SourcePosition,
): ItemResolution {
  const fail = (error: WartaError): ItemResolution => ({ ok: false, error });
  const reference = item.reference;
  let target: ArticleTarget | undefined;
  switch (reference.kind) {
    case 'unsupported':
      return fail(createError(ContentErrors.BacaJugaUnsupportedLink, { url: reference.url }, position));
    case 'file':
      target = index.byPath(pathOf(reference, from.path));
      break;
    case 'slug':
      target = index.bySlug(reference.slug);
      break;
    case 'title': {
      const matches = index.byTitleKey(titleKeyOf(reference));
      if (matches.length > 1) {
        return fail(
          createError(
            ContentErrors.BacaJugaAmbiguous,
            // In path order (see LinkTable).
            { item: item.text, files: matches.map((m) => m.displayPath) },
            position,
          ),
        );
      }
      target = matches[0];
      break;
    }
  }
  if (!target) {
    return fail(
      createError(
        ContentErrors.BacaJugaUnresolved,
        { item: item.text, suggestions: index.closestTitles(item.text) },
        position,
      ),
    );
  }
  if (target.slug === from.slug) return fail(createError(ContentErrors.BacaJugaSelf, { item: item.text }, position));
  if (!isVisible(target)) {
    const state = target.state === 'scheduled' ? 'scheduled' : 'draft';
    return fail(
      createError(ContentErrors.BacaJugaUnpublished, { item: item.text, target: target.displayPath, state }, position),
    );
  }
  return { ok: true, target };
}

/**
 * The link table key `item` of the file at `fromPath` is looked up by (see kept-links.ts), or
 * undefined for a link that names no article.
 */
export function itemLookupKey(item: BacaJugaItem, fromPath: string): string | undefined {
  const reference = item.reference;
  switch (reference.kind) {
    case 'unsupported':
      return undefined;
    case 'file':
      return lookupKey('path', pathOf(reference, fromPath));
    case 'slug':
      return lookupKey('slug', reference.slug);
    case 'title':
      return lookupKey('title', titleKeyOf(reference));
  }
}

// An item's reference is part of its parsed article, which the publish server's parse cache hands
// each build again while the file is unchanged (see `acrossBuilds`): the path a file link names and
// the key of a headline are then made once, not on every publish for each of the archive's items
// (with the link index's own keys, about 0.5 s of a 100,000-article publish; issue #20).

/** The key a headline item is matched by (see `titleKey`). */
const titleKeyOf = oncePerObject(
  (reference: { readonly title: string }) => titleKey(reference.title),
  'item-title-key',
);

/**
 * The content-relative path the file link `reference` names from the file at `fromPath`. A reference
 * is one article's, so the file it is linked from is checked, not assumed.
 */
const pathOf = keptWhileSame(
  'item-linked-path',
  (reference: { readonly path: string }, fromPath: string) => linkedPath(fromPath, reference.path),
  (kept, fromPath) => kept === fromPath,
);
