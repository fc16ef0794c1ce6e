import type { Article } from '../../src/lib/content/article.ts';
import { slugify } from '../../src/lib/slug.ts';

/** An article as pages receive it, with only what a test cares about given. */
export function makeArticle(
  slug: string,
  over: Partial<Omit<Article, 'category'>> & { category?: string; date?: Date } = {},
): Article {
  const { category = 'Nasional', ...rest } = over;
  const date = over.date ?? new Date('2025-01-10T03:00:00Z');
  return {
    slug,
    title: `Judul ${slug}`,
    date,
    corrections: [],
    credits: [],
    modified: over.updated && over.updated > date ? over.updated : date,
    category: { name: category, slug: slugify(category) },
    tags: [],
    summary: `Ringkasan ${slug}.`,
    readingMinutes: 1,
    draft: false,
    bacaJuga: [],
    related: [],
    moreInCategory: [],
    sourceFile: `${slug}.md`,
    ...rest,
  };
}

/** `n` articles, newest first, one hour apart, ending at `newest`. */
export function articlesNewestFirst(
  n: number,
  newest = new Date('2025-01-10T03:00:00Z'),
  category = 'Nasional',
): Article[] {
  return Array.from({ length: n }, (_, i) =>
    makeArticle(`berita-${i + 1}`, { date: new Date(newest.getTime() - i * 3600_000), category }),
  );
}
