import { mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import matter from 'gray-matter';
import { afterEach, describe, expect, it } from 'vitest';
import { article, listNames, runImport, tempDir, writeFiles } from './run-cli.ts';

const STORY = `Putin Kirim Pesan Tahun Baru ke Kim Jong-un
JAKARTA - Presiden Vladimir Putin mengharapkan Rusia dan Korea Utara terus menjalin kerja sama.
Baca juga:
- Kim Balas Pesan Putin
Korea Utara dituduh mengirim sekitar 11.000 tentara ke Rusia.
`;
const REPLY = `Kim Balas Pesan Putin
PYONGYANG - Pemimpin Kim Jong-un membalas pesan Tahun Baru Presiden Putin.
`;
const SLUG = 'putin-kirim-pesan-tahun-baru-ke-kim-jong-un';
const COMMON = ['--category', 'Internasional', '--date', '2024-12-27T10:15'];

const folders: string[] = [];
function setup(files: Record<string, string | Uint8Array>): {
  input: string;
  out: string;
  paths: Record<string, string>;
} {
  const input = tempDir();
  const out = tempDir();
  folders.push(input, out);
  return { input, out, paths: writeFiles(input, files) };
}
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe('node scripts/import.ts', () => {
  it('writes one article per story and links "Baca juga" to a story of the same run', () => {
    const { input, out } = setup({ 'a.txt': STORY, 'b.txt': REPLY, 'notes.md': 'not a story' });
    const result = runImport([...COMMON, '--tags', 'Rusia, Korea Utara', '--author', 'Redaksi', '--out', out, input]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(listNames(out)).toEqual(['kim-balas-pesan-putin.md', `${SLUG}.md`]);
    const written = matter(readFileSync(join(out, `${SLUG}.md`), 'utf8'));
    expect(written.content).toContain('- [Kim Balas Pesan Putin](kim-balas-pesan-putin.md)');
    expect(written.data).toMatchObject({
      category: 'Internasional',
      tags: ['Rusia', 'Korea Utara'],
      author: 'Redaksi',
      dateline: 'JAKARTA',
    });
    expect(result.stdout).toContain('wrote 2 of 2 stories');
  });

  it('writes nothing in a dry run, and prints what it would write', () => {
    const { paths, out } = setup({ 'a.txt': STORY });
    const target = join(out, 'content');
    const result = runImport([...COMMON, '--dry-run', '--out', target, paths['a.txt'] ?? '']);
    expect(result.status).toBe(0);
    expect(listNames(out)).toEqual([]);
    expect(result.stdout).toContain(`would create ${join(target, `${SLUG}.md`)}`);
    expect(result.stdout).toContain('title: Putin Kirim Pesan Tahun Baru ke Kim Jong-un');
    // The unmatched "Baca juga" headline is reported with the file the build would reject.
    expect(result.stderr).toMatch(
      /a\.txt:4: warning: "Baca juga" headline "Kim Balas Pesan Putin" matches no article title/,
    );
  });

  it('leaves an existing article alone without --force and exits 1', () => {
    const { paths, out } = setup({ 'a.txt': STORY });
    const existing = writeFiles(out, { [`${SLUG}.md`]: article('Putin Kirim Pesan Tahun Baru ke Kim Jong-un') });
    const before = statSync(existing[`${SLUG}.md`] ?? '').mtimeMs;
    const result = runImport([...COMMON, '--out', out, paths['a.txt'] ?? '']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`already exists`);
    expect(result.stderr).toContain('--force');
    expect(readFileSync(existing[`${SLUG}.md`] ?? '', 'utf8')).toBe(
      article('Putin Kirim Pesan Tahun Baru ke Kim Jong-un'),
    );
    expect(statSync(existing[`${SLUG}.md`] ?? '').mtimeMs).toBe(before);
    expect(listNames(out)).toEqual([`${SLUG}.md`]);
  });

  it('overwrites the earlier import of the same story with --force, without a suffix', () => {
    const { paths, out } = setup({ 'a.txt': STORY });
    expect(runImport([...COMMON, '--out', out, paths['a.txt'] ?? '']).status).toBe(0);
    const result = runImport([
      '--category',
      'Dunia',
      '--date',
      '2024-12-28T08:00',
      '--force',
      '--out',
      out,
      paths['a.txt'] ?? '',
    ]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('overwrote');
    expect(listNames(out)).toEqual([`${SLUG}.md`]);
    const data = matter(readFileSync(join(out, `${SLUG}.md`), 'utf8')).data as Record<string, unknown>;
    expect(data['category']).toBe('Dunia');
  });

  it('adds -2 when another article or another story of the run has the slug', () => {
    const { input, out } = setup({ 'a.txt': STORY, 'b.txt': STORY.replace('Kim Jong-un\n', 'Kim Jong-un!\n') });
    writeFiles(out, { [`${SLUG}.md`]: article('Putin Kirim Pesan Natal') });
    const result = runImport([...COMMON, '--out', out, input]);
    expect(result.status).toBe(0);
    expect(listNames(out)).toEqual([`${SLUG}-2.md`, `${SLUG}-3.md`, `${SLUG}.md`]);
  });

  it('writes the good stories when one file is bad, and exits 1 naming the bad file', () => {
    const { input, out, paths } = setup({
      'a.txt': STORY,
      'b.txt': new Uint8Array([0x4a, 0x75, 0x64, 0x75, 0x6c, 0x0a, 0x93, 0x61, 0x0a]),
      'c.txt': REPLY,
      'd.txt': '',
    });
    const result = runImport([...COMMON, '--out', out, input]);
    expect(result.status).toBe(1);
    expect(listNames(out)).toEqual(['kim-balas-pesan-putin.md', `${SLUG}.md`]);
    expect(result.stderr).toContain(`${paths['b.txt']!}:2:1  Not UTF-8 [NotUtf8]\n  The file is not valid UTF-8`);
    expect(result.stderr).toContain(`${paths['d.txt']!}  Empty file [EmptyFile]\n  The file is empty`);
    expect(result.stdout).toContain('wrote 2 of 4 stories; 2 failed');
  });

  it('uses $WARTA_CONTENT_DIR, defaults the category with a warning, and reads dates from the text', () => {
    const { paths, out } = setup({ 'a.txt': STORY.replace('\nJAKARTA', '\nJumat, 27 Desember 2024\nJAKARTA') });
    const content = join(out, 'nested', 'content');
    mkdirSync(content, { recursive: true });
    const result = runImport(['--date-from-text', paths['a.txt'] ?? ''], { WARTA_CONTENT_DIR: content });
    expect(result.status).toBe(0);
    expect(result.stderr).toContain('no --category given; the stories are filed under "Umum"');
    const text = readFileSync(join(content, `${SLUG}.md`), 'utf8');
    expect(text).toContain('\ndate: 2024-12-27T00:00:00+07:00\n');
    expect(text).toContain('\ncategory: Umum\n');
  });

  it('rejects unknown options and missing inputs with usage and exit 2', () => {
    const unknown = runImport(['--categori', 'X', 'a.txt']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('import: unknown option --categori');
    expect(unknown.stderr).toContain('Usage:');
    expect(runImport(['--category', 'X']).status).toBe(2);
    expect(runImport(['--date', '27-12-2024', 'a.txt']).stderr).toContain(
      '--date: "27-12-2024" is not an ISO 8601 date',
    );
  });

  it('prints help', () => {
    const help = runImport(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('--date-from-text');
  });

  it('reports a missing input path and goes on', () => {
    const { paths, out } = setup({ 'a.txt': STORY });
    const result = runImport([...COMMON, '--out', out, join(out, 'missing.txt'), paths['a.txt'] ?? '']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      'missing.txt  Cannot read input [ReadFailed]\n  Cannot read the input: no such file or folder.\n  Hint: ',
    );
    expect(listNames(out)).toEqual([`${SLUG}.md`]);
  });
});
