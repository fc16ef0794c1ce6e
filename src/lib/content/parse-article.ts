import matter from 'gray-matter';
import yaml from 'js-yaml';
import type { z } from 'zod';
import { ContentErrors, createError, WartaError, type SourcePosition } from '../errors/index.ts';
import { findBacaJugaBlocks, type BacaJugaBlock } from '../markdown/baca-juga.ts';
import { leadText, readDateline, stripDateline } from '../markdown/dateline.ts';
import { countWords, firstParagraphText, plainText } from '../markdown/plain-text.ts';
import { parseMarkdown, renderMarkdownTree, type RenderOptions } from '../markdown/processor.ts';
import { isValidSlug, MAX_ARTICLE_SLUG_LENGTH } from '../slug.ts';
import { cleanText, cleanValue } from '../text/clean-text.ts';
import { checkInlineMarkers, checkNesting, MAX_INLINE_MARKERS, MAX_NESTING } from '../markdown/nesting.ts';
import { DATE_ISSUE, frontMatterSchema, UPDATED_ISSUE, URL_ISSUE, type FrontMatter } from './front-matter-schema.ts';
import { locateField } from './locate-field.ts';
import { resolveImage, type ImageResolution } from './resolve-image.ts';
import type { ImageAsset } from '../images/variants.ts';
import type { ImageDependency } from '../storage/image-probe.ts';

/** A content file as read from disk. */
export interface ArticleSource {
  /** Path relative to the content directory, with `/` separators, e.g. `2024/putin.md`. */
  readonly path: string;
  /** Path shown in messages (relative to the project when possible). */
  readonly displayPath: string;
  /** Raw file contents. */
  readonly bytes: Uint8Array;
}

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
  /** Body HTML, sanitized, without its "Baca juga" blocks. */
  readonly html: string;
  /** Offset in `html` where each "Baca juga" block goes (see `fillBacaJuga`). */
  readonly bacaJugaSlots: readonly number[];
  /** Plain text of the body without "Baca juga" blocks, one paragraph per line. */
  readonly text: string;
  /** Front matter summary, or the first paragraph without its dateline. */
  readonly summary: string;
  readonly words: number;
  /** The lead picture's file, checked and measured; absent without a picture or for a remote one. */
  readonly imageAsset?: ImageAsset;
  /** The body's pictures, checked: their variants are published with the article. */
  readonly bodyImages?: readonly ImageAsset[];
  /** Files besides the article that this result was made from: the parse cache re-checks them. */
  readonly dependencies?: readonly ImageDependency[];
}

/** Result of {@link parseArticle}: the article, or every problem found in the file. */
export type ParseResult = { ok: true; article: ParsedArticle } | { ok: false; errors: WartaError[] };

const decoder = new TextDecoder('utf-8', { fatal: true });
const lenientDecoder = new TextDecoder('utf-8');
// CORE_SCHEMA keeps dates as text, so `2024-12-27 10:15` is read as WIB rather than UTC by js-yaml.
const matterOptions = { engines: { yaml: (text: string) => yaml.load(text, { schema: yaml.CORE_SCHEMA }) as object } };

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
  const at = (line?: number, column?: number): SourcePosition => ({
    file: source.displayPath,
    ...(line === undefined ? {} : { line }),
    ...(column === undefined ? {} : { column }),
  });
  let text: string;
  try {
    text = decoder.decode(source.bytes);
  } catch {
    const lenient = lenientDecoder.decode(source.bytes);
    const index = lenient.indexOf('\uFFFD');
    const { line, column } = lineColumn(lenient, index);
    return fail(
      createError(ContentErrors.FileNotUtf8, { offset: Buffer.from(lenient.slice(0, index)).length }, at(line, column)),
    );
  }
  // The input boundary: nothing below meets a character XML forbids, or a name in two spellings.
  text = cleanText(text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'));

  if (!/^---[ \t]*\n/.test(text)) return fail(createError(ContentErrors.FrontMatterMissing, {}, at(1, 1)));
  if (!/\n---[ \t]*(\n|$)/.test(text.slice(3)))
    return fail(createError(ContentErrors.FrontMatterNotClosed, {}, at(1, 1)));

  let file: matter.GrayMatterFile<string>;
  try {
    file = matter(text, matterOptions);
  } catch (error) {
    if (error instanceof yaml.YAMLException) {
      // gray-matter hands js-yaml the text after the opening `---`, whose first line is that `---` line.
      // js-yaml's types declare `mark`, but some errors have none ("expected a single document in the
      // stream" for front matter with a `...` document end and more after it).
      const mark = error.mark as yaml.Mark | undefined;
      const line = mark ? mark.line + 1 : 1;
      const column = mark ? mark.column + 1 : 1;
      return fail(createError(ContentErrors.FrontMatterYamlSyntax, { reason: error.reason }, at(line, column)));
    }
    return fail(createError(ContentErrors.FrontMatterYamlSyntax, { reason: String(error) }, at(1, 1)));
  }

  const errors: WartaError[] = [];
  const frontMatterText = file.matter;
  const fieldAt = (path: readonly PropertyKey[]): SourcePosition => {
    const found = locateFrontMatterField(frontMatterText, path);
    return found ? at(found.line, found.column) : at(1, 1);
  };

  // YAML escapes ("\v", "\ud83d") can make characters the file text does not hold: clean again.
  const data: unknown = cleanValue(file.data);
  if (
    data === null ||
    data === undefined ||
    (typeof data === 'object' &&
      !Array.isArray(data) &&
      Object.keys(data).length === 0 &&
      frontMatterText.trim() === '')
  ) {
    return fail(createError(ContentErrors.FrontMatterEmpty, {}, at(1, 1)));
  }
  if (typeof data !== 'object' || Array.isArray(data)) {
    return fail(
      createError(
        ContentErrors.FrontMatterNotMapping,
        { found: Array.isArray(data) ? 'a list' : `a single ${typeof data}` },
        at(2),
      ),
    );
  }

  const parsed = frontMatterSchema.safeParse(data);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) errors.push(issueToError(issue, data as Record<string, unknown>, fieldAt));
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
  let image: ImageResolution = { ok: true, asset: undefined, dependency: undefined };
  if (parsed.success && parsed.data.image && options.images) {
    image = resolveImage(
      parsed.data.image.src,
      parsed.data.image.focus,
      source.path,
      options.images,
      fieldAt(['image', 'src']),
    );
    if (!image.ok) errors.push(image.error);
  }

  const body = file.content;
  const bodyLine = text.slice(0, text.length - body.length).split('\n').length;
  if (body.trim() === '') errors.push(createError(ContentErrors.EmptyBody, {}, at(bodyLine)));

  if (!parsed.success || errors.length > 0) return { ok: false, errors };

  // Deep nesting is refused before micromark sees it: 3,000 nested quotes took it minutes, and
  // the tree utilities after it recurse once per level.
  const tooDeep = checkNesting(body);
  if (tooDeep)
    return fail(
      createError(
        ContentErrors.BodyTooDeep,
        { depth: tooDeep.depth, max: MAX_NESTING },
        at(bodyLine + tooDeep.line - 1, 1),
      ),
    );
  // So is a paragraph with more emphasis and link markers than micromark matches in linear time.
  const tooManyMarkers = checkInlineMarkers(body);
  if (tooManyMarkers)
    return fail(
      createError(
        ContentErrors.ParagraphTooComplex,
        { count: tooManyMarkers.count, max: MAX_INLINE_MARKERS },
        at(bodyLine + tooManyMarkers.line - 1, 1),
      ),
    );
  const { article, imageErrors } = parseBody(source, parsed.data, slug, frontMatterText, bodyLine, body, options);
  if (imageErrors.length > 0) return { ok: false, errors: [...imageErrors] };
  const lead = image.ok && image.asset && image.dependency ? image : undefined;
  const dependencies = [...(lead?.dependency ? [lead.dependency] : []), ...(article.dependencies ?? [])];
  return {
    ok: true,
    article: {
      ...article,
      ...(lead?.asset ? { imageAsset: lead.asset } : {}),
      ...(dependencies.length > 0 ? { dependencies } : {}),
    },
  };
}

function parseBody(
  source: ArticleSource,
  frontMatter: FrontMatter,
  slug: string,
  frontMatterText: string,
  bodyLine: number,
  body: string,
  options: RenderOptions,
): { article: ParsedArticle; imageErrors: readonly WartaError[] } {
  const tree = parseMarkdown(body);
  const lead = leadText(tree);
  const bacaJuga = findBacaJugaBlocks(tree);
  const skip = new Set(bacaJuga.flatMap((b) => [b.index, b.index + 1]));
  const bodyText = plainText(tree, skip);
  const firstParagraph = firstParagraphText({ type: 'root', children: tree.children.filter((_, i) => !skip.has(i)) });
  // Rendering mutates the tree; every read of it happens above.
  const images = options.images;
  const rendered = renderMarkdownTree(
    tree,
    options,
    images && {
      options: images,
      articlePath: source.path,
      at: (line, column) => ({
        file: source.displayPath,
        ...(line === undefined ? {} : { line: bodyLine + line - 1 }),
        ...(column === undefined ? {} : { column }),
      }),
    },
  );
  const article: ParsedArticle = {
    source: { path: source.path, displayPath: source.displayPath },
    slug,
    frontMatter: frontMatter,
    frontMatterText,
    bodyLine,
    bacaJuga,
    dateline: frontMatter.dateline ?? (lead === undefined ? undefined : readDateline(lead)),
    html: rendered.html,
    bacaJugaSlots: rendered.bacaJugaSlots,
    text: bodyText,
    summary: frontMatter.summary ?? stripDateline(firstParagraph ?? frontMatter.title),
    words: countWords(bodyText),
    ...(rendered.bodyImages.length > 0 ? { bodyImages: rendered.bodyImages } : {}),
    ...(rendered.imageDependencies.length > 0 ? { dependencies: rendered.imageDependencies } : {}),
  };
  return { article, imageErrors: rendered.imageErrors };
}

function issueToError(
  issue: z.core.$ZodIssue,
  data: Record<string, unknown>,
  fieldAt: (path: readonly PropertyKey[]) => SourcePosition,
): WartaError {
  if (issue.code === 'unrecognized_keys') {
    const [key = ''] = issue.keys;
    const field = [...issue.path, key].join('.');
    return createError(
      ContentErrors.FrontMatterField,
      { field, problem: `is not a known field (${issue.keys.join(', ')}); check the spelling` },
      fieldAt([...issue.path, key]),
    );
  }
  const field = issue.path.map(String).join('.') || '(front matter)';
  const value = valueAt(data, issue.path);
  if (field === 'image.alt')
    return createError(ContentErrors.ImageAltMissing, {}, fieldAt(value === undefined ? ['image'] : issue.path));
  const kind = issue.code === 'custom' ? (issue.params as { kind?: string } | undefined)?.kind : undefined;
  if (kind === URL_ISSUE)
    return createError(
      ContentErrors.UnsafeUrl,
      { field, value: showValue(value), reason: issue.message },
      fieldAt(issue.path),
    );
  if (kind === UPDATED_ISSUE) {
    return createError(
      ContentErrors.UpdatedBeforeDate,
      { updated: showValue(value), date: showValue(valueAt(data, ['date'])) },
      fieldAt(issue.path),
    );
  }
  if (kind === DATE_ISSUE) {
    if (value === undefined)
      return createError(
        ContentErrors.FrontMatterField,
        { field, problem: 'is required (an ISO 8601 date, e.g. 2024-12-27T10:15:00+07:00)' },
        fieldAt([]),
      );
    return createError(
      ContentErrors.InvalidDate,
      { field, value: showValue(value), reason: issue.message },
      fieldAt(issue.path),
    );
  }
  let problem = issue.message;
  if (issue.code === 'invalid_type') {
    problem =
      value === undefined
        ? `is required (${article(issue.expected)})`
        : `must be ${article(issue.expected)}, not ${describe(value)}`;
  } else if (issue.code === 'invalid_union' && field === 'source') {
    problem = 'must be a publication name, or { name, url }';
  }
  // A missing field has no line of its own: point at the front matter start.
  return createError(
    ContentErrors.FrontMatterField,
    { field, problem },
    value === undefined && issue.path.length === 1 ? fieldAt([]) : fieldAt(issue.path),
  );
}

/** File position of a front matter field: front matter line N is file line N + 1 (after the opening `---`). */
export function locateFrontMatterField(
  frontMatterText: string,
  path: readonly PropertyKey[],
): { line: number; column: number } | undefined {
  const found = locateField(frontMatterText.replace(/^\n/, ''), path);
  return found ? { line: found.line + 1, column: found.column } : undefined;
}

/** A front matter value as text for a message; YAML can yield objects that String() cannot convert. */
function showValue(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return jsonText(value) ?? typeof value;
  } catch {
    return typeof value;
  }
}

/** JSON.stringify as it behaves: declared to return a string, it returns undefined for undefined, a function or a symbol. */
function jsonText(value: unknown): string | undefined {
  return JSON.stringify(value);
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value: unknown = data;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function article(expected: string): string {
  if (expected === 'array') return 'a list';
  if (expected === 'object') return 'a set of fields';
  if (expected === 'string') return 'text';
  if (expected === 'boolean') return 'true or false';
  return `a ${expected}`;
}

function describe(value: unknown): string {
  if (value === null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a set of fields';
  if (typeof value === 'string') return `text "${value}"`;
  // What is left of a YAML value is a number or true/false.
  if (typeof value === 'number' || typeof value === 'boolean') return `${typeof value} ${String(value)}`;
  return typeof value;
}

function lineColumn(text: string, index: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, index));
  const line = before.split('\n').length;
  return { line, column: index - before.lastIndexOf('\n') };
}

function fail(error: WartaError): ParseResult {
  return { ok: false, errors: [error] };
}
