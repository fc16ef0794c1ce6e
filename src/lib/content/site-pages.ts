import { z } from 'zod';
import { ContentErrors, createError, type WartaError } from '../errors/index.ts';
import type { ImageAsset } from '../images/variants.ts';
import { firstParagraphText } from '../markdown/plain-text.ts';
import { parseMarkdown, renderMarkdownTree, type RenderOptions } from '../markdown/processor.ts';
import { isValidSlug, MAX_TERM_SLUG_LENGTH } from '../slug.ts';
import { issueToError, readFrontMatterFile, type ContentSource } from './front-matter-file.ts';
import { dateField, text } from './front-matter-schema.ts';
import { bodyImageContext, refuseHostileBody } from './parse-article.ts';

/**
 * The newsroom's own pages (issue #19): Tentang Kami, Redaksi, Pedoman Media Siber, Kontak,
 * Kebijakan Privasi, Disclaimer. `content/<SITE_PAGES_FOLDER>/<slug>.md` becomes /halaman/<slug>/.
 * They go through the articles' Markdown pipeline and errors, but they are not news: no feed, list,
 * related list, news sitemap or search index has them. The footer links them.
 */
export const SITE_PAGES_FOLDER = 'halaman';

/** Whether a content file (path relative to the content folder) is one of the newsroom's pages. */
export function isSitePageFile(path: string): boolean {
  return path.startsWith(`${SITE_PAGES_FOLDER}/`);
}

const sitePageSchema = z.strictObject({
  /** The page's heading, e.g. `Pedoman Media Siber`. Required. */
  title: text,
  /** One sentence for search engines and shares. Default: the first paragraph. */
  description: text.optional(),
  /** Last change, shown under the heading ("Diperbarui …"): a policy page says when it changed. */
  updated: dateField.optional(),
  /** Place in the footer's list, lowest first; pages with the same number by title. Default: 100. */
  order: z.number().int().default(100),
});

/** One of the newsroom's pages, rendered. */
export interface SitePage {
  /** The file name without `.md`: the page is /halaman/<slug>/. */
  readonly slug: string;
  readonly title: string;
  readonly description: string;
  readonly updated?: Date;
  readonly order: number;
  /** The body, sanitized like an article's. */
  readonly html: string;
  /** Its pictures, whose variants the image integration publishes. */
  readonly images: readonly ImageAsset[];
  /** Source file, relative to the content folder. */
  readonly sourceFile: string;
}

/**
 * Parses the newsroom's pages, collecting every problem. A slug that is a number is refused:
 * /halaman/2/ is an archive page of the front page's list.
 */
export function parseSitePages(
  sources: readonly ContentSource[],
  render: RenderOptions = {},
): {
  readonly pages: readonly SitePage[];
  readonly errors: readonly WartaError[];
  /** Remote pictures not downloaded yet (each also an error): the loader downloads them and parses again. */
  readonly downloads: readonly string[];
} {
  const pages: SitePage[] = [];
  const errors: WartaError[] = [];
  const downloads: string[] = [];
  for (const source of sources) {
    const result = parseSitePage(source, render);
    if (result.ok) pages.push(result.page);
    else {
      errors.push(...result.errors);
      downloads.push(...(result.downloads ?? []));
    }
  }
  pages.sort((a, b) => a.order - b.order || a.title.localeCompare(b.title, 'id'));
  return { pages, errors, downloads };
}

function parseSitePage(
  source: ContentSource,
  render: RenderOptions,
):
  | { readonly ok: true; readonly page: SitePage }
  | { readonly ok: false; readonly errors: WartaError[]; readonly downloads?: readonly string[] } {
  const read = readFrontMatterFile(source);
  if (!read.ok) return read;
  const { data, file, text: fileText, at, fieldAt } = read;
  const errors: WartaError[] = [];
  const parsed = sitePageSchema.safeParse(data);
  if (!parsed.success) for (const issue of parsed.error.issues) errors.push(issueToError(issue, data, fieldAt));
  const slug = source.path.replace(/^.*\//, '').replace(/\.md$/i, '');
  if (/^\d+$/.test(slug)) errors.push(createError(ContentErrors.SitePageNumberSlug, { slug }, at()));
  else if (slug.length > MAX_TERM_SLUG_LENGTH || !isValidSlug(slug))
    errors.push(createError(ContentErrors.InvalidSlug, { slug, from: 'file name' }, at()));
  const body = file.content;
  const bodyLine = fileText.slice(0, fileText.length - body.length).split('\n').length;
  if (body.trim() === '') errors.push(createError(ContentErrors.EmptyBody, {}, at(bodyLine)));
  if (!parsed.success || errors.length > 0) return { ok: false, errors };
  const refused = refuseHostileBody(body, bodyLine, at);
  if (refused) return { ok: false, errors: [refused] };
  const tree = parseMarkdown(body);
  const firstParagraph = firstParagraphText(tree);
  const rendered = renderMarkdownTree(tree, render, bodyImageContext(source, bodyLine, render));
  if (rendered.imageErrors.length > 0)
    return { ok: false, errors: [...rendered.imageErrors], downloads: rendered.imageDownloads };
  // "Baca juga" belongs to news: the renderer takes such a block out to fill it with links to
  // articles, which a newsroom page does not get, so it would vanish without a word. Reported at the
  // "Baca juga:" line, which stands two lines above its first item.
  const [bacaJuga] = rendered.bacaJuga;
  if (bacaJuga)
    return {
      ok: false,
      errors: [createError(ContentErrors.BacaJugaOnSitePage, {}, at(bodyLine + (bacaJuga.items[0]?.line ?? 3) - 3, 1))],
    };
  const fm = parsed.data;
  return {
    ok: true,
    page: {
      slug,
      title: fm.title,
      description: fm.description ?? firstParagraph ?? fm.title,
      ...(fm.updated ? { updated: fm.updated } : {}),
      order: fm.order,
      html: rendered.html,
      images: rendered.bodyImages,
      sourceFile: source.path,
    },
  };
}
