import type { Article } from '../content/article.ts';
import { categoryPath, tagPath } from '../routes.ts';

/** A category or tag with the articles filed under it, newest first. */
export interface TermGroup {
  readonly name: string;
  readonly slug: string;
  readonly href: string;
  readonly articles: readonly Article[];
}

/** What list pages and navigation need, computed once per build from all articles. */
export interface SiteIndex {
  /** Every article on the site, newest first. */
  readonly articles: readonly Article[];
  /** Categories in the configured order, then the rest alphabetically. */
  readonly categories: readonly TermGroup[];
  /** Tags alphabetically. */
  readonly tags: readonly TermGroup[];
  /** The stories crediting each person with a file, in any role, newest first; by the person's slug. */
  readonly byPerson: ReadonlyMap<string, readonly Article[]>;
}

/** Groups articles by category and tag. `articles` must already be newest first. */
export function indexSite(articles: readonly Article[], categoryOrder: readonly string[]): SiteIndex {
  const categories = group(articles, (a) => [a.category], categoryPath);
  const rank = new Map(categoryOrder.map((name, i) => [name.toLowerCase(), i]));
  const order = (g: TermGroup): number => rank.get(g.name.toLowerCase()) ?? Number.POSITIVE_INFINITY;
  categories.sort((a, b) => order(a) - order(b) || a.name.localeCompare(b.name, 'id'));
  const tags = group(articles, (a) => a.tags, tagPath).sort((a, b) => a.name.localeCompare(b.name, 'id'));
  const byPerson = new Map<string, Article[]>();
  for (const article of articles) {
    // A person credited in two roles (writer and photographer) lists the story once.
    for (const slug of new Set(article.credits.flatMap((c) => (c.slug === undefined ? [] : [c.slug])))) {
      const list = byPerson.get(slug);
      if (list) list.push(article);
      else byPerson.set(slug, [article]);
    }
  }
  return { articles, categories, tags, byPerson };
}

function group(
  articles: readonly Article[],
  termsOf: (article: Article) => readonly { name: string; slug: string }[],
  href: (slug: string) => string,
): TermGroup[] {
  const groups = new Map<string, { name: string; slug: string; href: string; articles: Article[] }>();
  for (const article of articles) {
    for (const term of termsOf(article)) {
      let entry = groups.get(term.slug);
      if (!entry) {
        entry = { name: term.name, slug: term.slug, href: href(term.slug), articles: [] };
        groups.set(term.slug, entry);
      }
      entry.articles.push(article);
    }
  }
  return [...groups.values()];
}
