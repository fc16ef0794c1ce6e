import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import matter from 'gray-matter';
import { describe, expect, it } from 'vitest';
import { slugify } from '../../src/lib/slug.ts';
import { article, runImport, tempDir, writeFiles } from './run-cli.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const SEED = resolve(ROOT, 'tests/fixtures/seed/000_eaf8b70a383e2324.txt');
const SHIPPED = join(ROOT, 'content/kirim-pesan-tahun-baru-ke-kim-jong-un-presiden-putin-harapkan-kerja-sama.md');
const TARGETS = [
  'Pemimpin Houthi Klaim Peluncuran Rudal Hipersonik ke Israel Mengejutkan Musuh',
  'NATO Serukan Penyelidikan Menyeluruh Jatuhnya Pesawat Azerbaijan Airlines',
  'Sebut Gencatan Senjata Jalan Buntu, Menlu Lavrov: Kita Butuh Perjanjian Final yang Mengikat',
  'Perangkat Mata-mata Israel Ditemukan di RS Gaza: Bisa Mengambil Foto dan Merekam Video',
];

const out = tempDir();

describe('importing the seed wire story', () => {
  it('links the four "Baca juga" targets and reproduces the shipped article body', () => {
    writeFiles(
      out,
      Object.fromEntries(TARGETS.map((title) => [`${slugify(title, { maxLength: 80 })}.md`, article(title)])),
    );
    const result = runImport([
      '--category',
      'Internasional',
      '--date',
      '2024-12-27T10:15:00+07:00',
      '--out',
      out,
      SEED,
    ]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);

    const file = join(
      out,
      `${slugify('Kirim Pesan Tahun Baru ke Kim Jong-un, Presiden Putin Harapkan Kerja Sama', { maxLength: 80 })}.md`,
    );
    const imported = matter(readFileSync(file, 'utf8'));
    for (const title of TARGETS) {
      expect(imported.content).toContain(`- [${title}](${slugify(title, { maxLength: 80 })}.md)\n`);
    }
    expect(imported.data).toMatchObject({
      title: 'Kirim Pesan Tahun Baru ke Kim Jong-un, Presiden Putin Harapkan Kerja Sama Berkelanjutan Rusia-Korut',
      category: 'Internasional',
      dateline: 'JAKARTA',
      source: { name: 'The Korea Times' },
    });

    const shipped = matter(readFileSync(SHIPPED, 'utf8'));
    expect(imported.content.trim()).toBe(shipped.content.trim());
  });
});
