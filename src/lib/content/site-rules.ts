import { ContentErrors, createError, type SourcePosition, type WartaError } from '../errors/index.ts';
import { termSlug } from '../slug.ts';
import { locateFrontMatterField } from './front-matter-file.ts';
import type { ParsedArticle } from './parse-article.ts';

// Site-wide rules that no single file can check: unique slugs, and category or tag names that
// would share one page or could have none.

/** Keeps the articles whose slug no other article uses; reports both files of every clash. */
export function dropDuplicateSlugs(parsed: readonly ParsedArticle[], errors: WartaError[]): ParsedArticle[] {
  const first = new Map<string, ParsedArticle>();
  const duplicated = new Set<string>();
  for (const article of parsed) {
    const other = first.get(article.slug);
    if (!other) {
      first.set(article.slug, article);
      continue;
    }
    duplicated.add(article.slug);
    errors.push(
      createError(
        ContentErrors.DuplicateSlug,
        { slug: article.slug, otherFile: other.source.displayPath },
        slugPosition(article),
      ),
    );
    if (!errors.some((e) => e.name === 'DuplicateSlug' && e.position?.file === other.source.displayPath)) {
      errors.push(
        createError(
          ContentErrors.DuplicateSlug,
          { slug: other.slug, otherFile: article.source.displayPath },
          slugPosition(other),
        ),
      );
    }
  }
  return [...first.values()].filter((a) => !duplicated.has(a.slug));
}

/**
 * Two different category (or tag) names that slug alike would share one page; report both. A name
 * with no letter or digit would have no page at all: report it, never drop it (issue #16).
 */
export function checkTermSlugs(articles: readonly ParsedArticle[], errors: WartaError[]): void {
  for (const kind of ['category', 'tag'] as const) {
    const seen = new Map<string, { name: string; file: string }>();
    for (const article of articles) {
      const names = kind === 'category' ? [article.frontMatter.category] : article.frontMatter.tags;
      names.forEach((name, i) => {
        const slug = termSlug(name);
        const at = (): SourcePosition => ({
          file: article.source.displayPath,
          ...locateFrontMatterField(article.frontMatterText, kind === 'category' ? ['category'] : ['tags', i]),
        });
        if (slug === '') {
          errors.push(createError(ContentErrors.TermSlugEmpty, { kind, name }, at()));
          return;
        }
        const first = seen.get(slug);
        if (!first) {
          seen.set(slug, { name, file: article.source.displayPath });
          return;
        }
        if (first.name === name) return;
        errors.push(
          createError(
            ContentErrors.TermSlugCollision,
            { kind, name, otherName: first.name, otherFile: first.file, slug },
            at(),
          ),
        );
      });
    }
  }
}

function slugPosition(article: ParsedArticle): SourcePosition {
  const found =
    article.frontMatter.slug === undefined ? undefined : locateFrontMatterField(article.frontMatterText, ['slug']);
  return { file: article.source.displayPath, ...found };
}
