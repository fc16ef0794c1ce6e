import { ROLE_LABELS, type Person } from '../content/people.ts';
import { personFeedPath, personPath } from '../routes.ts';
import { pictureView, type PictureView } from './picture-view.ts';

/** A person's profile as their page prints it. */
export interface PersonView {
  readonly name: string;
  readonly href: string;
  /** `Editor`. */
  readonly role: string;
  readonly bio: string;
  /** Up to two initials, shown in place of a portrait: `BS`. */
  readonly initials: string;
  /** The portrait in the thumbnail's crop, when they have one. */
  readonly photo: PictureView | undefined;
  readonly links: readonly { readonly name: string; readonly url: string }[];
  readonly feed: { readonly title: string; readonly href: string };
}

/** Formats a person for their page; `siteName` titles their feed. */
export function toPersonView(person: Person, siteName: string): PersonView {
  return {
    name: person.name,
    href: personPath(person.slug),
    role: ROLE_LABELS[person.role],
    bio: person.bio,
    initials: person.name
      .split(/\s+/)
      .filter((word) => /^\p{L}/u.test(word))
      .slice(0, 2)
      .map((word) => word.charAt(0).toUpperCase())
      .join(''),
    photo: person.photo ? pictureView(person.photo, 'thumb') : undefined,
    links: person.links,
    feed: { title: `${siteName}: ${person.name}`, href: personFeedPath(person.slug) },
  };
}
