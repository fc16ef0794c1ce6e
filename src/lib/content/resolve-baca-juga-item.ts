import { ContentErrors, createError, type SourcePosition, type WartaError } from '../errors/index.ts';
import type { BacaJugaItem } from '../markdown/baca-juga.ts';
import type { ArticleTarget, LinkIndex } from './link-index.ts';

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
      target = index.byFile(from.path, reference.path);
      break;
    case 'slug':
      target = index.bySlug(reference.slug);
      break;
    case 'title': {
      const matches = index.byTitle(reference.title);
      if (matches.length > 1) {
        return fail(
          createError(
            ContentErrors.BacaJugaAmbiguous,
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
