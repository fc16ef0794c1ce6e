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

/** A category or tag as a link, without its count. */
export interface TermLink {
  readonly name: string;
  readonly href: string;
}

/**
 * What the side column of list pages shows: every category and the most used tags, as links only.
 * Every section, tag, person and Indeks page prints it, so nothing in it may change when a story is
 * published: with each section's count shown here, one publish re-rendered every list page of the
 * site (632 of 3,598 files at 2,000 articles, `npm run bench -- 2000 --publish`). Counts are on the
 * section's own page header and on the category and tag indexes, which change with them anyway.
 */
export interface ListSidebar {
  readonly categories: readonly TermLink[];
  readonly popularTags: readonly TermLink[];
}

/**
 * The side column for list pages, computed once per route. Ties in tag use go alphabetically. The
 * order of the popular tags follows their use, so a publish changes the column only when it changes
 * which tags are the twelve most used, or their order.
 */
export function listSidebar(categories: readonly TermGroup[], tags: readonly TermGroup[], tagCount = 12): ListSidebar {
  const link = ({ name, href }: TermCount): TermLink => ({ name, href });
  const popular = termCounts(tags)
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'id'))
    .slice(0, tagCount)
    .map(link);
  // Frozen: one sidebar stands on every page of a list, and pageCacheKey serializes a frozen object once.
  return Object.freeze({ categories: termCounts(categories).map(link), popularTags: popular });
}
