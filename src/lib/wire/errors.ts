/**
 * Catalogue of wire-import errors. Each is declared once with a stable name, a message
 * that says what is wrong and why, and a hint that says how to fix it (Astro style).
 */

import { WartaError, formatPosition, type SourcePosition } from '../errors/warta-error.ts';

/** Where in an input file a problem sits (the input path as the user named it); 1-based. */
export type WirePosition = SourcePosition;

/** One catalogue entry. */
export interface WireErrorData<Args extends unknown[]> {
  /** Stable machine-readable name, e.g. `EmptyFile`. */
  readonly name: string;
  /** Short human title. */
  readonly title: string;
  /** What happened and why. */
  readonly message: (...args: Args) => string;
  /** How to fix it. */
  readonly hint: string;
}

const HEADLINE_HINT = 'Put the headline alone on the first line and start the story on the next line.';

/** Every error the wire importer can report for one input file. */
export const WireErrors = {
  EmptyFile: {
    name: 'EmptyFile',
    title: 'Empty file',
    message: () => 'the file is empty or holds only blank lines, so there is no story to import',
    hint: 'Put the headline on the first line and the story paragraphs below it, or leave the file out of the import.',
  },
  Utf16File: {
    name: 'Utf16File',
    title: 'UTF-16 text',
    message: () => 'the file is encoded as UTF-16, but wire copy must be UTF-8',
    hint: 'Re-save the file as UTF-8 (in most editors: Save As, Encoding: UTF-8).',
  },
  BinaryFile: {
    name: 'BinaryFile',
    title: 'Binary file',
    message: () => 'the file contains a NUL byte, so it is binary data, not plain text',
    hint: 'Import the plain-text (.txt) export of the story, not a word-processor, PDF or image file.',
  },
  NotUtf8: {
    name: 'NotUtf8',
    title: 'Not UTF-8',
    message: (byte: number) =>
      `the file is not valid UTF-8: byte 0x${byte.toString(16).toUpperCase().padStart(2, '0')} here is not part of a valid UTF-8 character`,
    hint: 'Re-save the file as UTF-8 (in most editors: Save As, Encoding: UTF-8); files from older Windows tools are often Windows-1252.',
  },
  HeadlineTooLong: {
    name: 'HeadlineTooLong',
    title: 'First line too long for a headline',
    message: (length: number, max: number) =>
      `the first line is ${length} characters long, but a headline is at most ${max} characters; the headline seems to be missing or joined to the story`,
    hint: HEADLINE_HINT,
  },
  HeadlineIsSentence: {
    name: 'HeadlineIsSentence',
    title: 'First line reads like a paragraph',
    message: (length: number) =>
      `the first line ends with a full stop and is ${length} characters long, so it reads like a paragraph, not a headline`,
    hint: HEADLINE_HINT,
  },
  HeadlineIsLead: {
    name: 'HeadlineIsLead',
    title: 'First line is the lead',
    message: (dateline: string) =>
      `the first line starts with the dateline "${dateline}", so it is the lead paragraph and the headline is missing`,
    hint: 'Add the headline as the first line, above the lead.',
  },
  HeadlineIsBacaJuga: {
    name: 'HeadlineIsBacaJuga',
    title: 'First line is "Baca juga"',
    message: () => 'the first line is a "Baca juga" line, so the headline is missing',
    hint: 'Add the headline as the first line.',
  },
  HeadlineWithoutSlug: {
    name: 'HeadlineWithoutSlug',
    title: 'Headline gives no file name',
    message: (title: string) => `the headline "${title}" has no letters or digits to build the article's file name from`,
    hint: 'Write the headline in words on the first line.',
  },
  NoBody: {
    name: 'NoBody',
    title: 'No story text',
    message: () => 'the file has a headline but no story paragraphs below it',
    hint: 'Add the story text below the headline, one paragraph per line.',
  },
  NoDateInText: {
    name: 'NoDateInText',
    title: 'No date in the text',
    message: () => '--date-from-text was given, but the text holds no full date',
    hint: 'Add a date line such as "Jumat, 27 Desember 2024" or "27/12/2024" to the story, or pass --date.',
  },
  FileExists: {
    name: 'FileExists',
    title: 'Article already exists',
    message: (path: string) => `${path} already exists (an earlier import of the same headline) and was left untouched`,
    hint: 'Pass --force to overwrite it, or delete it first.',
  },
  ReadFailed: {
    name: 'ReadFailed',
    title: 'Cannot read input',
    message: (reason: string) => `cannot read the input: ${reason}`,
    hint: 'Check the path; pass story files (.txt) or folders that hold them.',
  },
  NoTextFiles: {
    name: 'NoTextFiles',
    title: 'Folder without stories',
    message: () => 'the folder holds no .txt files',
    hint: 'Pass a folder that holds wire stories saved as .txt files, or name the files directly.',
  },
  WriteFailed: {
    name: 'WriteFailed',
    title: 'Cannot write article',
    message: (path: string, reason: string) => `cannot write ${path}: ${reason}`,
    hint: 'Check that the output folder exists and is writable (see --out).',
  },
} as const satisfies Record<string, WireErrorData<never[]>>;

/** Name of a catalogue entry. */
export type WireErrorName = keyof typeof WireErrors;

/** An error tied to an input file: the project's own error type, with its catalogue name as `code`. */
export class WireImportError extends WartaError {
  /** Catalogue name, e.g. `EmptyFile`. */
  readonly code: WireErrorName;
  /** Where the problem is; always known for an input file. */
  declare readonly position: WirePosition;

  constructor(code: WireErrorName, position: WirePosition, message: string) {
    super(code, WireErrors[code].title, message, WireErrors[code].hint, position);
    this.code = code;
  }
}

/** Builds the error `code` for `position` with the catalogue's message for `args`. */
export function wireError<Name extends WireErrorName>(
  code: Name,
  position: WirePosition,
  ...args: Parameters<(typeof WireErrors)[Name]['message']>
): WireImportError {
  const message = (WireErrors[code].message as (...a: unknown[]) => string)(...args);
  return new WireImportError(code, position, message);
}

/** The two-line report printed for an error: `file:line: message` and `hint: ...`. */
export function formatWireError(error: WireImportError): string {
  return `${formatPosition(error.position)}: error: ${error.message}\n  hint: ${error.hint}`;
}

/** A non-fatal problem: the article is written, but someone should look. */
export interface WireWarning {
  /** Where the problem is. */
  readonly position: WirePosition;
  /** What is wrong and what to do. */
  readonly message: string;
}

/** `file:line: warning: message`. */
export function formatWireWarning(warning: WireWarning): string {
  return `${formatPosition(warning.position)}: warning: ${warning.message}`;
}
