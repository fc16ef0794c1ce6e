import { createHash } from 'node:crypto';
import { ContentErrors, createError, WartaError, type SourcePosition } from '../errors/index.ts';
import { findBacaJugaBlocks, type BacaJugaBlock } from '../markdown/baca-juga.ts';
import { leadText, readDateline, stripDateline } from '../markdown/dateline.ts';
import { countWords, firstParagraphText, plainText } from '../markdown/plain-text.ts';
import { parseMarkdown, renderMarkdownTree, type RenderOptions } from '../markdown/processor.ts';
import type { ImageContext } from '../markdown/rehype-images.ts';
import { isValidSlug, MAX_ARTICLE_SLUG_LENGTH } from '../slug.ts';
import { checkInlineMarkers, checkNesting, MAX_INLINE_MARKERS, MAX_NESTING } from '../markdown/nesting.ts';
import { frontMatterSchema, type FrontMatter } from './front-matter-schema.ts';
import { issueToError, readFrontMatterFile, type ContentSource } from './front-matter-file.ts';
import { resolveImage, type ImageResolution } from './resolve-image.ts';
import type { ImageAsset } from '../images/variants.ts';
import type { ImageDependency } from '../storage/image-probe.ts';

/** An article file as read from disk. */
export type ArticleSource = ContentSource;

/** Where an article came from, without its bytes. */
export type ArticleOrigin = Omit<ArticleSource, 'bytes'>;

/**
 * An article whose front matter is valid and whose body is rendered, before links are resolved.
 * It depends on its own file only, so it can be cached by the file's digest and made in a worker.
 */
export interface ParsedArticle {
  readonly source: ArticleOrigin;
  readonly slug: string;
  readonly frontMatter: FrontMatter;
  /** Raw front matter text, for locating fields in messages. */
  readonly frontMatterText: string;
  /** Line of the file on which the Markdown body starts (1-based). */
  readonly bodyLine: number;
  readonly bacaJuga: readonly BacaJugaBlock[];
  /** Dateline from the front matter or the lead. */
  readonly dateline: string | undefined;
  /**
   * Body HTML, sanitized, without its "Baca juga" blocks. With `text` and `frontMatterText`, most of
   * an article's bytes: an article from the parse cache reads the three from disk only when asked
   * (see parse-cache.ts), so a publish compares their digests instead.
   */
  readonly html: string;
  /** A digest of `html`: what a publish compares (see render-articles.ts) instead of the HTML. */
  readonly htmlDigest: string;
  /** Offset in `html` where each "Baca juga" block goes (see `fillBacaJuga`). */
  readonly bacaJugaSlots: readonly number[];
  /** Plain text of the body without "Baca juga" blocks, one paragraph per line. */
  readonly text: string;
  /** A digest of `text`: what the related terms' cache and the search shards compare instead of the text. */
  readonly textDigest: string;
  /** Front matter summary, or the first paragraph without its dateline. */
  readonly summary: string;
  readonly words: number;
  /** The lead picture's file (for a remote one, its downloaded copy), checked and measured; absent without a picture. */
  readonly imageAsset?: ImageAsset;
  /** The body's pictures, checked: their variants are published with the article. */
  readonly bodyImages?: readonly ImageAsset[];
  /** Files besides the article that this result was made from: the parse cache re-checks them. */
  readonly dependencies?: readonly ImageDependency[];
}

/**
 * Result of {@link parseArticle}: the article, or every problem found in the file, with the remote
 * pictures it names that are not downloaded yet (the loader downloads them and parses again).
 */
export type ParseResult =
  { ok: true; article: ParsedArticle } | { ok: false; errors: WartaError[]; downloads?: readonly string[] };

/**
 * Parses one article file: decoding, front matter, slug and Markdown body. Never throws: whatever
 * goes wrong, even inside a library, comes back as an error naming this file (issue #16, class 4).
 */
export function parseArticle(source: ArticleSource, options: RenderOptions = {}): ParseResult {
  try {
    return parseArticleFile(source, options);
  } catch (error) {
    return fail(articleFailure(error, { file: source.displayPath }));
  }
}

/**
 * A WartaError for something that went wrong while processing one article: a stack overflow (deep
 * inline nesting that the pre-scan in nesting.ts does not count) is BodyTooDeep, anything else
 * ArticleFailed, with the original error as `cause` for WARTA_DEBUG.
 */
export function articleFailure(error: unknown, position: SourcePosition): WartaError {
  if (error instanceof WartaError) return error;
  const failure =
    error instanceof RangeError && /call stack/i.test(error.message)
      ? createError(ContentErrors.BodyTooDeep, { depth: MAX_NESTING + 1, max: MAX_NESTING }, position)
      : createError(
          ContentErrors.ArticleFailed,
          { reason: error instanceof Error ? error.message : String(error) },
          position,
        );
  failure.cause = error;
  return failure;
}

function parseArticleFile(source: ArticleSource, options: RenderOptions): ParseResult {
  const read = readFrontMatterFile(source);
  if (!read.ok) return read;
  const { text, file, frontMatterText, data, at, fieldAt } = read;
  const errors: WartaError[] = [];
  const parsed = frontMatterSchema.safeParse(data);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) errors.push(issueToError(issue, data, fieldAt));
  }

  const fileSlug = source.path.replace(/^.*\//, '').replace(/\.md$/i, '');
  const frontMatterSlug = parsed.success ? parsed.data.slug : undefined;
  const slug = frontMatterSlug ?? fileSlug;
  if (slug.length > MAX_ARTICLE_SLUG_LENGTH) {
    const from = frontMatterSlug === undefined ? 'file name' : 'front matter';
    errors.push(
      createError(
        ContentErrors.SlugTooLong,
        { slug, max: MAX_ARTICLE_SLUG_LENGTH, from },
        frontMatterSlug === undefined ? at() : fieldAt(['slug']),
      ),
    );
  } else if (!isValidSlug(slug)) {
    errors.push(
      createError(
        ContentErrors.InvalidSlug,
        { slug, from: frontMatterSlug === undefined ? 'file name' : 'front matter' },
        frontMatterSlug === undefined ? at() : fieldAt(['slug']),
      ),
    );
  }

  // The lead picture is checked with the rest of the front matter, so its errors are reported together.
  let image: ImageResolution | undefined;
  if (parsed.success && parsed.data.image && options.images) {
    image = resolveImage(
      parsed.data.image.src,
      parsed.data.image.focus,
      source.path,
      options.images,
      fieldAt(['image', 'src']),
    );
  }
  // A lead picture still to download does not stop the body from being read: the body's own remote
  // pictures are downloaded in the same round.
  const pending = image && !image.ok && image.download !== undefined ? image : undefined;
  if (image && !image.ok && !pending) errors.push(image.error);

  const body = file.content;
  const bodyLine = text.slice(0, text.length - body.length).split('\n').length;
  if (body.trim() === '') errors.push(createError(ContentErrors.EmptyBody, {}, at(bodyLine)));

  if (!parsed.success || errors.length > 0) return withPending({ errors, downloads: [] }, pending);

  const refused = refuseHostileBody(body, bodyLine, at);
  if (refused) return withPending({ errors: [refused], downloads: [] }, pending);
  const { article, imageErrors, imageDownloads } = parseBody(
    source,
    parsed.data,
    slug,
    frontMatterText,
    bodyLine,
    body,
    options,
  );
  if (pending || imageErrors.length > 0)
    return withPending({ errors: [...imageErrors], downloads: [...imageDownloads] }, pending);
  const lead = image?.ok ? image : undefined;
  const dependencies = [...(lead ? [lead.dependency] : []), ...(article.dependencies ?? [])];
  return {
    ok: true,
    article: {
      ...article,
      ...(lead ? { imageAsset: lead.asset } : {}),
      ...(dependencies.length > 0 ? { dependencies } : {}),
    },
  };
}

/**
 * The body shapes refused before micromark sees them, as an error at the body's line, or undefined.
 * Deep nesting: 3,000 nested quotes took micromark minutes, and the tree utilities after it recurse
 * once per level. A paragraph with more emphasis and link markers than micromark matches in linear
 * time. Shared by every file with a Markdown body (articles, the newsroom's pages).
 */
export function refuseHostileBody(
  body: string,
  bodyLine: number,
  at: (line?: number, column?: number) => SourcePosition,
): WartaError | undefined {
  const tooDeep = checkNesting(body);
  if (tooDeep)
    return createError(
      ContentErrors.BodyTooDeep,
      { depth: tooDeep.depth, max: MAX_NESTING },
      at(bodyLine + tooDeep.line - 1, 1),
    );
  const tooManyMarkers = checkInlineMarkers(body);
  if (tooManyMarkers)
    return createError(
      ContentErrors.ParagraphTooComplex,
      { count: tooManyMarkers.count, max: MAX_INLINE_MARKERS },
      at(bodyLine + tooManyMarkers.line - 1, 1),
    );
  return undefined;
}

/** Where a body's pictures are looked for, and how their errors are placed (body line → file line). */
export function bodyImageContext(
  source: ContentSource,
  bodyLine: number,
  options: RenderOptions,
): ImageContext | undefined {
  const images = options.images;
  return (
    images && {
      options: images,
      articlePath: source.path,
      at: (line, column) => ({
        file: source.displayPath,
        ...(line === undefined ? {} : { line: bodyLine + line - 1 }),
        ...(column === undefined ? {} : { column }),
      }),
    }
  );
}

function parseBody(
  source: ArticleSource,
  frontMatter: FrontMatter,
  slug: string,
  frontMatterText: string,
  bodyLine: number,
  body: string,
  options: RenderOptions,
): { article: ParsedArticle; imageErrors: readonly WartaError[]; imageDownloads: readonly string[] } {
  const tree = parseMarkdown(body);
  const lead = leadText(tree);
  const bacaJuga = findBacaJugaBlocks(tree);
  const skip = new Set(bacaJuga.flatMap((b) => [b.index, b.index + 1]));
  const bodyText = plainText(tree, skip);
  const firstParagraph = firstParagraphText({ type: 'root', children: tree.children.filter((_, i) => !skip.has(i)) });
  // Rendering mutates the tree; every read of it happens above.
  const rendered = renderMarkdownTree(tree, options, bodyImageContext(source, bodyLine, options));
  const article: ParsedArticle = {
    source: { path: source.path, displayPath: source.displayPath },
    slug,
    frontMatter: frontMatter,
    frontMatterText,
    bodyLine,
    bacaJuga,
    dateline: frontMatter.dateline ?? (lead === undefined ? undefined : readDateline(lead)),
    html: rendered.html,
    htmlDigest: textDigest(rendered.html),
    bacaJugaSlots: rendered.bacaJugaSlots,
    text: bodyText,
    textDigest: textDigest(bodyText),
    summary: frontMatter.summary ?? stripDateline(firstParagraph ?? frontMatter.title),
    words: countWords(bodyText),
    ...(rendered.bodyImages.length > 0 ? { bodyImages: rendered.bodyImages } : {}),
    ...(rendered.imageDependencies.length > 0 ? { dependencies: rendered.imageDependencies } : {}),
  };
  return { article, imageErrors: rendered.imageErrors, imageDownloads: rendered.imageDownloads };
}

/** SHA-1 of a string, base64url: a change detector for the parse cache's lazily read strings, not a security boundary. */
function textDigest(text: string): string {
  return createHash('sha1').update(text).digest('base64url');
}

/** A failed result, with the lead picture still to download (if any) first among its errors and downloads. */
function withPending(
  found: { errors: WartaError[]; downloads: string[] },
  pending: { readonly error: WartaError; readonly download?: string } | undefined,
): ParseResult {
  const errors = pending ? [pending.error, ...found.errors] : found.errors;
  const downloads = pending?.download === undefined ? found.downloads : [pending.download, ...found.downloads];
  return { ok: false, errors, ...(downloads.length > 0 ? { downloads } : {}) };
}

function fail(error: WartaError): ParseResult {
  return { ok: false, errors: [error] };
}
