import { z } from 'zod';
import { ContentErrors, createError, type WartaError } from '../errors/index.ts';
import { readFocalPoint } from '../images/image-source.ts';
import type { ImageAsset } from '../images/variants.ts';
import type { RenderOptions } from '../markdown/processor.ts';
import { isValidSlug, MAX_TERM_SLUG_LENGTH } from '../slug.ts';
import { issueToError, readFrontMatterFile, type ContentSource } from './front-matter-file.ts';
import { name, text, urlField } from './front-matter-schema.ts';
import { resolveImage } from './resolve-image.ts';

/**
 * The newsroom's people (issue #18): each is described once, in `content/<PEOPLE_FOLDER>/<slug>.md`,
 * and stories credit them by role. The folder sits inside the content folder so an archive and its
 * people move together, and its files are not articles.
 */
export const PEOPLE_FOLDER = 'penulis';

/** The roles a story credits people in, in the order a byline lists them. */
export const ROLES = ['penulis', 'pewarta', 'editor', 'fotografer'] as const;
/** A role in which a story credits someone. */
export type Role = (typeof ROLES)[number];
/** How pages name each role. */
export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  penulis: 'Penulis',
  pewarta: 'Pewarta',
  editor: 'Editor',
  fotografer: 'Fotografer',
};

/** Whether a content file (path relative to the content folder) describes a person, not an article. */
export function isPersonFile(path: string): boolean {
  return path.startsWith(`${PEOPLE_FOLDER}/`);
}

/** The front matter of a person's file. Unknown fields are rejected to catch typos. */
const personSchema = z.strictObject({
  /** The name as bylines print it, e.g. `Dewi Lestari`. Required. */
  name,
  /** Their usual role, shown on their page: penulis, pewarta, editor or fotografer. Required. */
  role: z.enum(ROLES, { error: `must be one of ${ROLES.join(', ')}` }),
  /** A short biography, one or two sentences. Required: an author page without one tells a reader nothing. */
  bio: text,
  /** A portrait: a file next to this one (`./dewi.jpg`), under `public/`, or on an allowed host. */
  photo: z
    .strictObject({
      src: text,
      /** Default: the person's name. */
      alt: text.optional(),
      focus: text
        .refine((value) => readFocalPoint(value) !== undefined, 'must be two percentages, e.g. "50% 30%"')
        .optional(),
    })
    .optional(),
  /** Profiles elsewhere (X, LinkedIn, a personal site): each `{ name, url }`. Default: none. */
  links: z.array(z.strictObject({ name: text, url: urlField })).default([]),
});

/** A person as the pages receive them. */
export interface Person {
  /** The file name without `.md`: their page is /penulis/<slug>/. */
  readonly slug: string;
  readonly name: string;
  readonly role: Role;
  readonly bio: string;
  readonly photo?: { readonly src: string; readonly alt: string; readonly asset?: ImageAsset };
  readonly links: readonly { readonly name: string; readonly url: string }[];
  /** Source file, relative to the content folder. */
  readonly sourceFile: string;
}

/** Every person file that parsed, and the problems of those that did not. */
export interface ParsedPeople {
  /** Sorted by slug. */
  readonly people: readonly Person[];
  readonly errors: readonly WartaError[];
  /** Remote portraits not downloaded yet (each also an error): the loader downloads them and parses again. */
  readonly downloads: readonly string[];
}

/** Parses the people's files (see {@link isPersonFile}); `render` says where their photos are looked for. */
export function parsePeople(sources: readonly ContentSource[], render: RenderOptions = {}): ParsedPeople {
  const people: Person[] = [];
  const errors: WartaError[] = [];
  const downloads: string[] = [];
  for (const source of sources) {
    const result = parsePerson(source, render);
    if (result.ok) people.push(result.person);
    else {
      errors.push(...result.errors);
      downloads.push(...(result.downloads ?? []));
    }
  }
  people.sort((a, b) => (a.slug < b.slug ? -1 : 1));
  return { people, errors, downloads };
}

/** Parses one person's file, collecting every problem in it. */
export function parsePerson(
  source: ContentSource,
  render: RenderOptions = {},
):
  | { readonly ok: true; readonly person: Person }
  | { readonly ok: false; readonly errors: WartaError[]; readonly downloads?: readonly string[] } {
  const read = readFrontMatterFile(source);
  if (!read.ok) return read;
  const { data, file, text: fileText, at, fieldAt } = read;
  const errors: WartaError[] = [];
  const parsed = personSchema.safeParse(data);
  if (!parsed.success) for (const issue of parsed.error.issues) errors.push(issueToError(issue, data, fieldAt));
  const slug = source.path.replace(/^.*\//, '').replace(/\.md$/i, '');
  if (slug.length > MAX_TERM_SLUG_LENGTH || !isValidSlug(slug))
    errors.push(createError(ContentErrors.InvalidSlug, { slug, from: 'file name' }, at()));
  // The bio is a front matter field; text after the front matter would be dropped, so it is refused.
  if (file.content.trim() !== '') {
    const bodyLine = fileText.slice(0, fileText.length - file.content.length).split('\n').length;
    const firstLine = file.content.split('\n').findIndex((line) => line.trim() !== '');
    errors.push(createError(ContentErrors.PersonFileBody, {}, at(bodyLine + firstLine, 1)));
  }
  if (!parsed.success || errors.length > 0) return { ok: false, errors };
  const fm = parsed.data;
  let asset: ImageAsset | undefined;
  if (fm.photo && render.images) {
    const image = resolveImage(fm.photo.src, fm.photo.focus, source.path, render.images, fieldAt(['photo', 'src']));
    if (!image.ok)
      return {
        ok: false,
        errors: [image.error],
        ...(image.download === undefined ? {} : { downloads: [image.download] }),
      };
    asset = image.asset;
  }
  return {
    ok: true,
    person: {
      slug,
      name: fm.name,
      role: fm.role,
      bio: fm.bio,
      ...(fm.photo ? { photo: { src: fm.photo.src, alt: fm.photo.alt ?? fm.name, ...(asset ? { asset } : {}) } } : {}),
      links: fm.links,
      sourceFile: source.path,
    },
  };
}
