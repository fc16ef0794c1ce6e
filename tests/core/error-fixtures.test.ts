import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildContent } from '../../src/lib/content/build-content.ts';
import { readContentDirectory } from '../../src/lib/storage/read-sources.ts';
import { WartaError, formatErrorReport } from '../../src/lib/errors/index.ts';

// One folder per content error: the files of a content directory and `expected.txt`, the report the
// build prints for them. UPDATE_FIXTURES=1 rewrites the expected reports.
const root = path.resolve(import.meta.dirname, '../fixtures/errors');
const cases = fs
  .readdirSync(root)
  .filter((name) => fs.statSync(path.join(root, name)).isDirectory())
  .sort();
const now = new Date('2025-01-01T00:00:00+07:00');

function report(dir: string): string {
  try {
    const files = readContentDirectory(dir, dir);
    // Pictures are looked for as a build looks for them: next to the articles, and in public/.
    const images = {
      contentDirectory: dir,
      publicDirectory: path.resolve(import.meta.dirname, '../../public'),
      hosts: ['foto.warta.example'],
      // Empty: a picture on an allowed host is reported as not downloaded (buildContent does not download).
      remoteDirectory: path.join(dir, '.no-downloads'),
    };
    const errors = [...files.errors, ...buildContent(files.sources, { now, render: { images } }).errors];
    return errors.length > 0 ? formatErrorReport(errors) : 'no errors';
  } catch (error) {
    if (error instanceof WartaError) return formatErrorReport([error]).replaceAll(dir, '<content>');
    throw error;
  }
}

describe('content error fixtures', () => {
  it('covers every kind of content error the build reports', () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
  });

  it.each(cases)('%s', (name) => {
    const dir = path.join(root, name);
    const expectedFile = path.join(dir, 'expected.txt');
    const actual = report(dir);
    if (process.env['UPDATE_FIXTURES'] === '1') fs.writeFileSync(expectedFile, `${actual}\n`);
    expect(actual).not.toBe('no errors');
    expect(`${actual}\n`).toBe(fs.readFileSync(expectedFile, 'utf8'));
  });
});
