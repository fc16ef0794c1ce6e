import { feedPath } from '../routes.ts';
import { toListView, type ListItemView } from './article-view.ts';
import type { TermGroup } from './site-index.ts';

/** A category or tag with how many articles it has. */
export interface TermCount {
  readonly name: string;
  readonly href: string;
  readonly count: number;
}

/** Tags under one initial letter on the tag index. */
export interface InitialGroup {
  /** `A` … `Z`, or `#` for names that start with anything else. */
  readonly initial: string;
  /** Element id for links to the group: `huruf-a`, `huruf-lain`. */
  readonly anchor: string;
  readonly terms: readonly TermCount[];
}

/** A category on the category index: its size, newest story and feed. */
export interface CategorySummary extends TermCount {
  readonly feedHref: string;
  readonly newest: ListItemView | undefined;
}

/** Names with their counts, in the groups' order. */
export function termCounts(groups: readonly TermGroup[]): TermCount[] {
  return groups.map((g) => ({ name: g.name, href: g.href, count: g.articles.length }));
}

/** The first letter of a name, without accents, upper case; `#` when it is not a Latin letter. */
export function initialOf(name: string): string {
  const first = name
    .trim()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .charAt(0)
    .toUpperCase();
  return /^[A-Z]$/.test(first) ? first : '#';
}

/** Groups terms by initial letter, `#` first, then A–Z; the terms keep their order within a group. */
export function groupByInitial(terms: readonly TermCount[]): InitialGroup[] {
  const groups = new Map<string, TermCount[]>();
  for (const term of terms) {
    const initial = initialOf(term.name);
    const list = groups.get(initial) ?? [];
    list.push(term);
    groups.set(initial, list);
  }
  return [...groups]
    .sort(([a], [b]) => (a === b ? 0 : a === '#' ? -1 : b === '#' ? 1 : a < b ? -1 : 1))
    .map(([initial, list]) => ({
      initial,
      anchor: initial === '#' ? 'huruf-lain' : `huruf-${initial.toLowerCase()}`,
      terms: list,
    }));
}

/** The category index: every category in navigation order with its newest story. */
export function categorySummaries(categories: readonly TermGroup[]): CategorySummary[] {
  return categories.map((c) => {
    const newest = c.articles[0];
    return {
      name: c.name,
      href: c.href,
      count: c.articles.length,
      feedHref: feedPath(c.slug),
      newest: newest && toListView(newest),
    };
  });
}

/** What the side column of list pages shows: every category and the most used tags. */
export interface ListSidebar {
  readonly categories: readonly TermCount[];
  readonly popularTags: readonly TermCount[];
}

/** The side column for list pages, computed once per route. Ties in tag use go alphabetically. */
export function listSidebar(categories: readonly TermGroup[], tags: readonly TermGroup[], tagCount = 12): ListSidebar {
  const popular = termCounts(tags)
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'id'))
    .slice(0, tagCount);
  return { categories: termCounts(categories), popularTags: popular };
}
