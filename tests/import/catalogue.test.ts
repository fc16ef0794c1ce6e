import { describe, expect, it } from 'vitest';
import * as catalogue from '../../src/lib/errors/catalogue.ts';
import { createError, formatError, WartaError } from '../../src/lib/errors/warta-error.ts';

// Wire-import errors live in the one catalogue beside content and build errors (issue #21); entries
// from several modules meet in that file, so names must stay unique and match their exports.

const entries = Object.entries(catalogue);

describe('the error catalogue', () => {
  it('declares each entry under its own name, once', () => {
    expect(entries.filter(([key, entry]) => key !== entry.name)).toEqual([]);
    const names = entries.map(([, entry]) => entry.name);
    expect(names.length).toBe(new Set(names).size);
  });

  it('holds the import errors docs/import.md lists', () => {
    for (const name of [
      'EmptyFile',
      'Utf16File',
      'BinaryFile',
      'NotUtf8',
      'HeadlineTooLong',
      'HeadlineIsSentence',
      'HeadlineIsLead',
      'HeadlineIsBacaJuga',
      'HeadlineWithoutSlug',
      'NoBody',
      'NoDateInText',
      'FileExists',
      'ReadFailed',
      'NoTextFiles',
      'WriteFailed',
    ]) {
      expect(entries.map(([key]) => key)).toContain(name);
    }
  });

  it('prints an import error like a content error: position, title, name, message, hint', () => {
    const error = createError(catalogue.NotUtf8, { byte: 0x93 }, { file: 'kawat/a.txt', line: 2, column: 1 });
    expect(error).toBeInstanceOf(WartaError);
    expect(formatError(error)).toBe(
      'kawat/a.txt:2:1  Not UTF-8 [NotUtf8]\n' +
        '  The file is not valid UTF-8: byte 0x93 here is not part of a valid UTF-8 character.\n' +
        '  Hint: Re-save the file as UTF-8 (in most editors: Save As, Encoding: UTF-8); files from older Windows tools are often Windows-1252.',
    );
  });
});
