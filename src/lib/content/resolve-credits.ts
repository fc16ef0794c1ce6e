import { distance } from 'fastest-levenshtein';
import { ContentErrors, createError, type WartaError } from '../errors/index.ts';
import { SLUG_PATTERN } from '../slug.ts';
import { keptWhileSame } from '../once-per-object.ts';
import { locateFrontMatterField } from './front-matter-file.ts';
import type { ParsedArticle } from './parse-article.ts';
import { ROLES, type Person, type Role } from './people.ts';

/**
 * One name in a story's byline. `slug` is set when it names a person file (their page links from
 * the byline); `newsroom` when it names the newsroom itself; neither for a name with no file, which
 * is printed as text so an archive written before person files builds as it is.
 */
export interface Credit {
  readonly role: Role;
  readonly name: string;
  readonly slug?: string;
  readonly newsroom?: true;
}

/** The site's people, found by slug or by name. */
export interface PeopleIndex {
  readonly bySlug: ReadonlyMap<string, Person>;
  /** By name, compared without case and with runs of spaces as one. */
  readonly byName: ReadonlyMap<string, Person>;
  /** Names that mean the newsroom itself, compared as {@link byName}: the site's name and "Redaksi <name>". */
  readonly newsroomNames: ReadonlySet<string>;
  /** The people's slugs and names and the site's name: two indexes with the same key resolve alike. */
  readonly key: string;
}

const nameKey = (value: string): string => value.trim().replace(/\s+/g, ' ').toLowerCase();

/** Indexes `people` for {@link resolveCredits}; `siteName` (`Warta`) names the newsroom. */
export function createPeopleIndex(people: readonly Person[], siteName: string): PeopleIndex {
  return {
    bySlug: new Map(people.map((p) => [p.slug, p])),
    byName: new Map(people.map((p) => [nameKey(p.name), p])),
    newsroomNames: new Set([nameKey(siteName), nameKey(`Redaksi ${siteName}`)]),
    key: JSON.stringify([siteName, people.map((p) => [p.slug, p.name])]),
  };
}

/** An article's byline as {@link resolveCredits} makes it, with what it reported. */
export interface Byline {
  readonly credits: readonly Credit[];
  readonly errors: readonly WartaError[];
  /** The plain names with no person file, once per mention. */
  readonly unlisted: readonly string[];
}

/**
 * {@link resolveCredits} of `article`, kept across the publish server's builds (see `acrossBuilds`)
 * while the people are the same ({@link PeopleIndex.key}): a publish resolves the bylines of the
 * changed stories, not the archive's 100,000 (issue #20). What it reported is kept with it, for the
 * caller to report again each build: a byline with an error fails every build until it is fixed.
 */
export const bylineOf = keptWhileSame(
  'article-byline',
  (article: ParsedArticle, index: PeopleIndex): Byline => {
    const errors: WartaError[] = [];
    const unlisted: string[] = [];
    const credits = resolveCredits(article, index, errors, (name) => unlisted.push(name));
    return { credits, errors, unlisted };
  },
  (kept, index) => kept.key === index.key,
);

/** The front matter field that credits each role. */
const ROLE_FIELDS: Readonly<Record<Role, 'author' | 'pewarta' | 'editor' | 'fotografer'>> = {
  penulis: 'author',
  pewarta: 'pewarta',
  editor: 'editor',
  fotografer: 'fotografer',
};

/**
 * The byline of `article`: its credits in the order of {@link ROLES}, each role's names in the order
 * written, without repeats. A value written as a slug (lowercase words joined by hyphens) must name a
 * person file (see looksLikeSlug): otherwise an error at its line goes to `errors`, with the closest people. A picture
 * credit that names a person credits them as fotografer too. `unlisted` receives each plain name
 * with no person file, for the build report.
 */
export function resolveCredits(
  article: ParsedArticle,
  index: PeopleIndex,
  errors: WartaError[],
  unlisted: (name: string) => void,
): Credit[] {
  const fm = article.frontMatter;
  const credits: Credit[] = [];
  const seen = new Set<string>();
  const add = (credit: Credit): void => {
    const key = `${credit.role}|${credit.slug ?? nameKey(credit.name)}`;
    if (seen.has(key)) return;
    seen.add(key);
    credits.push(credit);
  };
  for (const role of ROLES) {
    const field = ROLE_FIELDS[role];
    fm[field].forEach((value, i) => {
      const found = findPerson(value, index);
      if (found) {
        add(
          found === 'newsroom' ? { role, name: value, newsroom: true } : { role, name: found.name, slug: found.slug },
        );
      } else if (looksLikeSlug(value)) {
        const position =
          locateFrontMatterField(article.frontMatterText, [field, i]) ??
          locateFrontMatterField(article.frontMatterText, [field]);
        errors.push(
          createError(
            ContentErrors.PersonNotFound,
            { field, slug: value, suggestions: closestPeople(value, index) },
            { file: article.source.displayPath, ...(position ?? { line: 1, column: 1 }) },
          ),
        );
      } else {
        unlisted(value);
        add({ role, name: value });
      }
    });
  }
  const pictureCredit = fm.image?.credit;
  const photographer = pictureCredit === undefined ? undefined : findPerson(pictureCredit, index);
  if (photographer && photographer !== 'newsroom')
    add({ role: 'fotografer', name: photographer.name, slug: photographer.slug });
  return credits;
}

/**
 * Whether a credit that names no person was meant as a slug: lowercase words joined by hyphens
 * (`dewi-lestary`). A single lowercase word (`admin`, `redaksi`), which older archives use as a
 * byline, stays a plain name, so such an archive still builds as it is.
 */
function looksLikeSlug(value: string): boolean {
  return value.includes('-') && SLUG_PATTERN.test(value);
}

function findPerson(value: string, index: PeopleIndex): Person | 'newsroom' | undefined {
  const key = nameKey(value);
  if (index.newsroomNames.has(key)) return 'newsroom';
  return index.bySlug.get(value) ?? index.byName.get(key);
}

/** Up to three people whose slug or name is closest to `value`, as "Name (slug)". */
function closestPeople(value: string, index: PeopleIndex): string[] {
  const scored = [...index.bySlug.values()].map((p) => ({
    label: `${p.name} (${p.slug})`,
    score: Math.min(distance(value, p.slug), distance(nameKey(value), nameKey(p.name))) / Math.max(value.length, 1),
  }));
  scored.sort((a, b) => a.score - b.score || (a.label < b.label ? -1 : 1));
  // Past 60% edits a suggestion is noise rather than help (as for "Baca juga" titles).
  return scored
    .filter((s) => s.score < 0.6)
    .slice(0, 3)
    .map((s) => s.label);
}
