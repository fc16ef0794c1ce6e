import { ContentErrors, createError, type WartaError } from '../errors/index.ts';
import type { BacaJugaLink } from '../markdown/baca-juga.ts';
import { lookupKey } from './kept-links.ts';
import type { ArticleTarget, LinkIndex } from './link-index.ts';
import { locateFrontMatterField } from './front-matter-file.ts';
import type { ParsedArticle } from './parse-article.ts';
import { itemLookupKey, resolveBacaJugaItem } from './resolve-baca-juga-item.ts';

/**
 * Resolves every item of an article's "Baca juga" blocks; unresolvable items become errors. Adds the
 * link table keys the items are looked up by to `lookups` (see kept-links.ts).
 */
export function resolveBlocks(
  article: ParsedArticle,
  index: LinkIndex,
  isVisible: (target: ArticleTarget) => boolean,
  errors: WartaError[],
  lookups: string[] = [],
): BacaJugaLink[][] {
  return article.bacaJuga.map((block) =>
    block.items.flatMap((item) => {
      const key = itemLookupKey(item, article.source.path);
      if (key !== undefined) lookups.push(key);
      const position = {
        file: article.source.displayPath,
        line: article.bodyLine + item.line - 1,
        column: item.column,
      };
      const result = resolveBacaJugaItem(
        item,
        { path: article.source.path, slug: article.slug },
        index,
        isVisible,
        position,
      );
      if (!result.ok) {
        errors.push(result.error);
        return [];
      }
      return [{ slug: result.target.slug, title: result.target.title }];
    }),
  );
}

/**
 * Checks an article's `related:` slugs; returns those that name an article on the site (`isVisible`),
 * in order. Adds the link table keys they are looked up by to `lookups` (see kept-links.ts).
 */
export function resolvePinned(
  article: ParsedArticle,
  index: LinkIndex,
  isVisible: (target: ArticleTarget) => boolean,
  errors: WartaError[],
  lookups: string[] = [],
): string[] {
  const resolved: string[] = [];
  article.frontMatter.related.forEach((slug, i) => {
    lookups.push(lookupKey('slug', slug));
    let reason: string | undefined;
    const target = index.bySlug(slug);
    if (slug === article.slug) reason = 'is this article itself';
    else if (!target || !isVisible(target)) {
      const state = target?.state;
      reason = state === 'draft' ? 'is a draft' : state === 'scheduled' ? 'is scheduled for later' : 'names no article';
    }
    if (reason === undefined) {
      if (!resolved.includes(slug)) resolved.push(slug);
      return;
    }
    const found = locateFrontMatterField(article.frontMatterText, ['related', i]);
    errors.push(
      createError(ContentErrors.RelatedUnresolved, { slug, reason }, { file: article.source.displayPath, ...found }),
    );
  });
  return resolved;
}
