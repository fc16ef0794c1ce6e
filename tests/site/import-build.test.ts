import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../helpers/build-site.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

const root = path.resolve(import.meta.dirname, '../..');
const SEED_TEXT = path.resolve(root, 'tests/fixtures/seed/000_eaf8b70a383e2324.txt');
const SEED_FILE = 'kirim-pesan-tahun-baru-ke-kim-jong-un-presiden-putin-harapkan-kerja-sama.md';
const SEED_PAGE = `berita/${SEED_FILE.replace(/\.md$/, '')}/index.html`;

describe('the seed text imported with one command', () => {
  it('builds into the same article page as the shipped seed article', () => {
    const dir = makeTempDir('warta-import-');
    fs.cpSync(path.join(root, 'content'), dir, { recursive: true });
    fs.rmSync(path.join(dir, SEED_FILE));
    const run = spawnSync(
      process.execPath,
      [
        'scripts/import.ts',
        '--out',
        dir,
        '--category',
        'Internasional',
        '--date',
        '2024-12-27T10:15',
        '--author',
        'Redaksi Warta',
        '--tags',
        'Rusia, Korea Utara, Vladimir Putin, Kim Jong-un',
        '--source',
        'The Korea Times / KCNA',
        SEED_TEXT,
      ],
      { cwd: root, encoding: 'utf8' },
    );
    expect(run.stderr + run.stdout).toContain(`created ${path.join(dir, SEED_FILE)}`);
    expect(run.status).toBe(0);
    // The wire copy names no editor; the desk adds one, as the shipped seed has (issue #18's byline).
    const importedFile = path.join(dir, SEED_FILE);
    fs.writeFileSync(
      importedFile,
      fs.readFileSync(importedFile, 'utf8').replace(/^author: .*$/m, (line) => `${line}\neditor: bambang-sutrisno`),
    );

    const imported = buildSite(dir);
    const shipped = buildSite('content');
    expect(imported.status, imported.output).toBe(0);
    expect(shipped.status, shipped.output).toBe(0);
    const article = (html: string): string => parse(html).querySelector('article')?.toString() ?? '';
    const importedArticle = article(imported.read(SEED_PAGE));
    expect(importedArticle).toContain('data-related="baca-juga"');
    expect(importedArticle).toBe(article(shipped.read(SEED_PAGE)));
  }, 180_000);
});
