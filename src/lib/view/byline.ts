import type { Article } from '../content/article.ts';
import { ROLE_LABELS, ROLES, type Role } from '../content/people.ts';
import { personPath } from '../routes.ts';

type Credit = Article['credits'][number];

/** One role of a byline as pages print it: "Penulis: Dewi Lestari, Andi Pratama". */
export interface BylineRole {
  readonly role: Role;
  /** `Penulis`, `Editor`… */
  readonly label: string;
  /** The names, each with its page when the person has a file. */
  readonly people: readonly { readonly name: string; readonly href: string | undefined }[];
}

/** The byline grouped by role in the portals' order: penulis, pewarta, editor, fotografer. */
export function bylineView(credits: readonly Credit[]): BylineRole[] {
  return ROLES.flatMap((role) => {
    const people = credits
      .filter((c) => c.role === role)
      .map((c) => ({ name: c.name, href: c.slug === undefined ? undefined : personPath(c.slug) }));
    return people.length > 0 ? [{ role, label: ROLE_LABELS[role], people }] : [];
  });
}

/**
 * The names a feed's `<dc:creator>` and the page's `<meta name="author">` give: the writers and
 * reporters, who wrote the story; the editor and photographer only when no one else is credited.
 */
export function authorNames(credits: readonly Credit[]): string[] {
  const writers = credits.filter((c) => c.role === 'penulis' || c.role === 'pewarta');
  return [...new Set((writers.length > 0 ? writers : credits).map((c) => c.name))];
}
