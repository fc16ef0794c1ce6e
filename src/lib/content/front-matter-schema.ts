import { z } from 'zod';
import { parseArticleDate } from '../dates/parse-date.ts';
import { readFocalPoint } from '../images/image-source.ts';
import { checkPublicUrl } from '../text/safe-url.ts';

/** Marks a date issue so it is reported as InvalidDate rather than a generic field error. */
export const DATE_ISSUE = 'warta-date';
/** Marks a URL issue so it is reported as UnsafeUrl. */
export const URL_ISSUE = 'warta-url';
/** Marks an `updated` earlier than `date`, reported as UpdatedBeforeDate. */
export const UPDATED_ISSUE = 'warta-updated';
/** Marks a correction dated before `date`, reported as CorrectionBeforeDate. */
export const CORRECTION_ISSUE = 'warta-correction';

/** Text that must not be empty once trimmed. */
export const text = z.string().trim().min(1, 'must not be empty');
/** A name (category, tag, person): runs of white space count as one space, so "Korea  Utara" is "Korea Utara". */
export const name = text.transform((value) => value.replace(/\s+/g, ' '));

/** An ISO 8601 date or date-time; no offset means Asia/Jakarta. */
export const dateField = z.unknown().transform((value, ctx) => {
  const parsed = parseArticleDate(value);
  if (parsed.ok) return parsed.date;
  ctx.addIssue({ code: 'custom', message: parsed.reason, params: { kind: DATE_ISSUE } });
  return z.NEVER;
});

/** A URL that may be emitted anywhere: http(s) or a site path (see checkPublicUrl). */
export const urlField = text.transform((value, ctx) => {
  const checked = checkPublicUrl(value);
  if (checked.ok) return checked.url;
  ctx.addIssue({ code: 'custom', message: checked.reason, params: { kind: URL_ISSUE } });
  return z.NEVER;
});

/**
 * Where the story was first published ("seperti dilansir dari ..."). A bare string is the name.
 * Not a union of the two forms: a union reports only that neither matched, and a bad `url` then
 * got no message of its own.
 */
const sourceSchema = z.preprocess(
  (value) => (typeof value === 'string' ? { name: value } : value),
  z.strictObject({
    /** Publication name, e.g. `The Korea Times`. */
    name: text,
    /** Link to the original story: http(s) only. */
    url: urlField.optional(),
  }),
);

/** The lead image. `alt` is required: screen-reader users must know what it shows. */
const imageSchema = z.strictObject({
  /**
   * The picture: a file next to the article (`./banjir.jpg`, preferred), a file under `public/`
   * (`/images/banjir.jpg`), or an https: URL on an allowed host. Checked when the article is parsed
   * (src/lib/images/image-source.ts, src/lib/storage/image-probe.ts).
   */
  src: text,
  /** Point to keep in frame when the picture is cropped, like CSS's object-position: `50% 30%`. */
  focus: text
    .refine((value) => readFocalPoint(value) !== undefined, 'must be two percentages, across then down, e.g. "50% 30%"')
    .optional(),
  /** Text alternative describing the image; required. */
  alt: z
    .string({ error: 'is required when an image is given (describe the picture for screen readers)' })
    .trim()
    .min(1, 'must describe the image'),
  /** Caption shown under the image. */
  caption: text.optional(),
  /** Photographer or agency, e.g. `ANTARA/Aditya`. */
  credit: text.optional(),
});

/** People credited in one role: one name or slug, or a list of them. Default: none. */
const credit = z.preprocess((value) => (typeof value === 'string' ? [value] : value), z.array(name)).default([]);

/**
 * One correction of a published story, shown dated in the article's "Koreksi" box, as Dewan Pers's
 * cyber-media guideline asks a correction to be: visible, at the story it corrects, with its time.
 */
const correctionSchema = z.strictObject({
  /** When the correction was made, ISO 8601; without offset it means WIB. */
  date: dateField,
  /** What was wrong and what is right now, as the reader sees it (plain text). */
  text,
});

/** Front matter of an article file, as an editor writes it. Unknown fields are rejected to catch typos. */
export const frontMatterSchema = z
  .strictObject({
    /** Headline. Required. */
    title: text,
    /** Publication time, ISO 8601; without offset it means WIB (Asia/Jakarta). Required. */
    date: dateField,
    /** Section name, e.g. `Internasional`. Required. */
    category: name,
    /** Topic names. Default: none. */
    tags: z.array(name).default([]),
    /**
     * The writer (penulis): a person's slug (`dewi-lestari`, their file in content/penulis/), their
     * exact name, any other name (shown as text), or the newsroom (`Redaksi Warta`). One or a list.
     */
    author: credit,
    /** The editor, named as `author` is. */
    editor: credit,
    /** The reporter (pewarta) in the field, named as `author` is. */
    pewarta: credit,
    /** The photographer (fotografer) of the story's pictures, named as `author` is. */
    fotografer: credit,
    /** City of the dateline, e.g. `JAKARTA`. Default: read from a `CITY - ` lead. */
    dateline: text.optional(),
    source: sourceSchema.optional(),
    image: imageSchema.optional(),
    /** One-sentence summary for lists and metadata. Default: the first paragraph, plain text. */
    summary: text.optional(),
    /** Time of the last significant update, ISO 8601: shown as "Diperbarui". Not for corrections. */
    updated: dateField.optional(),
    /** Corrections, each `{ date, text }`: shown in a dated "Koreksi" box. Default: none. */
    koreksi: z.array(correctionSchema).default([]),
    /** Kept out of the published site when true. Default: false. */
    draft: z.boolean().default(false),
    /** Slugs of hand-picked related articles, shown first under "Berita Terkait". Default: none. */
    related: z.array(z.string()).default([]),
    /** URL slug. Default: the file name without `.md`. Must match ^[a-z0-9]+(-[a-z0-9]+)*$. */
    slug: z.string().optional(),
  })
  .superRefine((fm, ctx) => {
    if (fm.updated && fm.updated < fm.date)
      ctx.addIssue({
        code: 'custom',
        path: ['updated'],
        message: 'is earlier than date',
        params: { kind: UPDATED_ISSUE },
      });
    fm.koreksi.forEach((correction, i) => {
      if (correction.date < fm.date)
        ctx.addIssue({
          code: 'custom',
          path: ['koreksi', i, 'date'],
          message: 'is earlier than date',
          params: { kind: CORRECTION_ISSUE },
        });
    });
  });

/** Front matter as written. */
export type FrontMatterInput = z.input<typeof frontMatterSchema>;
/** Front matter after validation and defaults. */
export type FrontMatter = z.output<typeof frontMatterSchema>;
