import { z } from 'zod';

/** A link to another article as lists show it: title, date and category. */
/** A checked picture file (see src/lib/images/variants.ts, ImageAsset). */
const imageAssetSchema = z.object({
  key: z.string(),
  file: z.string(),
  width: z.number(),
  height: z.number(),
  focus: z.object({ x: z.number(), y: z.number() }).optional(),
  role: z.enum(['lead', 'body']),
});

export const articleLinkSchema = z.object({
  slug: z.string(),
  title: z.string(),
  date: z.date(),
  category: z.string(),
  categorySlug: z.string(),
  /** The linked article's picture, for the thumbnail of "Berita Terkait". */
  image: z.object({ src: z.string(), alt: z.string(), asset: imageAssetSchema.optional() }).optional(),
});

/** A category or tag name with its URL slug. */
export const termSchema = z.object({
  /** Name as written, e.g. `Korea Utara`. */
  name: z.string(),
  /** URL slug, e.g. `korea-utara`. */
  slug: z.string(),
});

/** A published (or, in dev, draft) article as the pages receive it. */
export const articleSchema = z.object({
  /** URL slug: the page is /berita/<slug>/. */
  slug: z.string(),
  title: z.string(),
  date: z.date(),
  /** The last significant update (front matter `updated`), shown as "Diperbarui". */
  updated: z.date().optional(),
  /** Corrections, oldest first, shown in the "Koreksi" box. */
  corrections: z.array(z.object({ date: z.date(), text: z.string() })),
  /**
   * The latest of `date`, `updated` and the corrections' times: `dateModified`, the feeds' and the
   * sitemaps' modification time, the search record's "Diperbarui".
   */
  modified: z.date(),
  category: termSchema,
  tags: z.array(termSchema),
  /**
   * The byline: who is credited in which role (penulis, pewarta, editor, fotografer), in that order.
   * `slug` names a person file (their page is /penulis/<slug>/); `newsroom` the newsroom itself.
   */
  credits: z.array(
    z.object({
      role: z.enum(['penulis', 'pewarta', 'editor', 'fotografer']),
      name: z.string(),
      slug: z.string().optional(),
      newsroom: z.literal(true).optional(),
    }),
  ),
  /** City of the dateline, e.g. `JAKARTA`. */
  dateline: z.string().optional(),
  source: z.object({ name: z.string(), url: z.string().optional() }).optional(),
  image: z
    .object({
      src: z.string(),
      alt: z.string(),
      caption: z.string().optional(),
      credit: z.string().optional(),
      /** The checked file (a remote picture's downloaded copy), whose variants the pages show; absent only when pictures were not checked. */
      asset: imageAssetSchema.optional(),
    })
    .optional(),
  /** The body's pictures, checked: the image integration publishes their variants. */
  bodyImages: z.array(imageAssetSchema).optional(),
  /** Plain-text summary (front matter, or the first paragraph without its dateline). */
  summary: z.string(),
  /** Estimated reading time in minutes, at least 1. */
  readingMinutes: z.number().int().positive(),
  /** Shown in dev only; production builds leave drafts out. */
  draft: z.boolean(),
  /** Targets of the article's "Baca juga" blocks, in order. */
  bacaJuga: z.array(z.object({ slug: z.string(), title: z.string() })),
  /** "Berita Terkait": hand-picked `related:` first, then computed. */
  related: z.array(articleLinkSchema),
  /**
   * "Lainnya di <Kategori>": stories of the same section that fill the space "Berita Terkait" leaves
   * when fewer related stories pass the similarity threshold; never shown under the "Terkait" heading.
   */
  moreInCategory: z.array(articleLinkSchema),
  /** Source file, relative to the content directory. */
  sourceFile: z.string(),
});

/** An article as the pages receive it. */
export type Article = z.output<typeof articleSchema>;
/** A link to another article as lists show it. */
export type ArticleLink = z.output<typeof articleLinkSchema>;
