import matter from 'gray-matter';
import yaml from 'js-yaml';
import type { z } from 'zod';
import { ContentErrors, createError, type SourcePosition, type WartaError } from '../errors/index.ts';
import { cleanText, cleanValue } from '../text/clean-text.ts';
import { CORRECTION_ISSUE, DATE_ISSUE, UPDATED_ISSUE, URL_ISSUE } from './front-matter-schema.ts';
import { locateField } from './locate-field.ts';

// Reading a content file up to its front matter data, shared by articles (parse-article.ts) and
// people (parse-person.ts): the same decoding, the same YAML, the same messages at the same
// positions, whichever kind of file an editor got wrong.

/** A content file as read from disk. */
export interface ContentSource {
  /** Path relative to the content directory, with `/` separators, e.g. `2024/putin.md`. */
  readonly path: string;
  /** Path shown in messages (relative to the project when possible). */
  readonly displayPath: string;
  /** Raw file contents. */
  readonly bytes: Uint8Array;
  /**
   * The file's stamp when it was read (see file-stamps.ts), for the parse cache to know it next time
   * without reading it; absent for a file too fresh to stamp, or not read from disk.
   */
  readonly stamp?: string | undefined;
}

/** A file whose front matter is a YAML mapping, not yet checked against a schema. */
export interface FrontMatterFile {
  readonly ok: true;
  /** The whole file, decoded and cleaned. */
  readonly text: string;
  /** gray-matter's view of it: `content` is the body. */
  readonly file: matter.GrayMatterFile<string>;
  /** Raw front matter text, for locating fields in messages. */
  readonly frontMatterText: string;
  /** The front matter's data, cleaned. */
  readonly data: Record<string, unknown>;
  /** A position in the file. */
  readonly at: (line?: number, column?: number) => SourcePosition;
  /** The position of a front matter field, or the file's start when it has none. */
  readonly fieldAt: (path: readonly PropertyKey[]) => SourcePosition;
}

const decoder = new TextDecoder('utf-8', { fatal: true });
const lenientDecoder = new TextDecoder('utf-8');
// CORE_SCHEMA keeps dates as text, so `2024-12-27 10:15` is read as WIB rather than UTC by js-yaml.
const matterOptions = { engines: { yaml: (text: string) => yaml.load(text, { schema: yaml.CORE_SCHEMA }) as object } };

/**
 * Decodes `source`, checks that it opens with a closed front matter block of YAML that is a mapping,
 * and returns its data; or the one error that stops reading it, at its position.
 */
export function readFrontMatterFile(
  source: ContentSource,
): FrontMatterFile | { readonly ok: false; readonly errors: WartaError[] } {
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
    return failed(
      createError(ContentErrors.FileNotUtf8, { offset: Buffer.from(lenient.slice(0, index)).length }, at(line, column)),
    );
  }
  // The input boundary: nothing below meets a character XML forbids, or a name in two spellings.
  text = cleanText(text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'));

  if (!/^---[ \t]*\n/.test(text)) return failed(createError(ContentErrors.FrontMatterMissing, {}, at(1, 1)));
  if (!/\n---[ \t]*(\n|$)/.test(text.slice(3)))
    return failed(createError(ContentErrors.FrontMatterNotClosed, {}, at(1, 1)));

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
      return failed(createError(ContentErrors.FrontMatterYamlSyntax, { reason: error.reason }, at(line, column)));
    }
    return failed(createError(ContentErrors.FrontMatterYamlSyntax, { reason: String(error) }, at(1, 1)));
  }

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
    return failed(createError(ContentErrors.FrontMatterEmpty, {}, at(1, 1)));
  }
  if (typeof data !== 'object' || Array.isArray(data)) {
    return failed(
      createError(
        ContentErrors.FrontMatterNotMapping,
        { found: Array.isArray(data) ? 'a list' : `a single ${typeof data}` },
        at(2),
      ),
    );
  }

  return { ok: true, text, file, frontMatterText, data: data as Record<string, unknown>, at, fieldAt };
}

function failed(error: WartaError): { readonly ok: false; readonly errors: WartaError[] } {
  return { ok: false, errors: [error] };
}

/** The message for one schema issue in a front matter, at the field's position. */
export function issueToError(
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
  if (kind === CORRECTION_ISSUE) {
    return createError(
      ContentErrors.CorrectionBeforeDate,
      { field, correction: showValue(value), date: showValue(valueAt(data, ['date'])) },
      fieldAt(issue.path),
    );
  }
  if (kind === DATE_ISSUE) {
    if (value === undefined)
      return createError(
        ContentErrors.FrontMatterField,
        { field, problem: 'is required (an ISO 8601 date, e.g. 2024-12-27T10:15:00+07:00)' },
        // A top-level field has no line of its own; a nested one (`koreksi.0.date`) has its item's.
        fieldAt(issue.path.slice(0, -1)),
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
