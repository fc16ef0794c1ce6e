import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildContent } from '../../src/lib/content/build-content.ts';
import { parsePerson } from '../../src/lib/content/people.ts';
import { formatError } from '../../src/lib/errors/index.ts';
import { article, source } from '../helpers/article-source.ts';

const images = {
  contentDirectory: path.resolve(import.meta.dirname, '../fixtures/site-basic'),
  publicDirectory: path.resolve(import.meta.dirname, '../../public'),
  hosts: [],
  remoteDirectory: path.join(os.tmpdir(), 'warta-people-no-downloads'),
};
const person = (slug: string, front: string) =>
  source(`penulis/${slug}.md`, `---\nname: ${slug.replace('-', ' ')}\nrole: penulis\nbio: Menulis.\n${front}---\n`);

describe('a person file', () => {
  it('takes a portrait from public/, checked and measured, with the name as its default text', () => {
    const result = parsePerson(person('dewi-lestari', 'photo:\n  src: /images/banjir-rob-jakarta-utara.jpg\n'), {
      images,
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.person.photo?.alt).toBe('dewi lestari');
    expect(result.person.photo?.asset?.width).toBeGreaterThan(100);
  });

  it('reports a missing portrait at the line that names it', () => {
    const result = parsePerson(person('dewi-lestari', 'photo:\n  src: /images/tidak-ada.jpg\n'), { images });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map(formatError).join('\n')).toMatch(
      /content\/penulis\/dewi-lestari\.md:6:\d+.*ImageNotFound/,
    );
  });
});

describe('credits', () => {
  const people = [
    person('dewi-lestari', ''),
    source('penulis/budi-santoso.md', '---\nname: Budi Santoso\nrole: fotografer\nbio: Memotret.\n---\n'),
  ];
  const credits = (front: string) => {
    const built = buildContent([...people, article('a.md', { front })], {
      now: new Date('2025-01-01'),
      siteName: 'Warta',
    });
    expect(built.errors.map(formatError)).toEqual([]);
    return built.articles[0]?.data.credits;
  };

  it('finds people by slug or by name in any case, and orders the byline by role', () => {
    expect(credits('editor: DEWI  LESTARI\nauthor: [dewi-lestari, Tamu Redaksi]\n')).toEqual([
      { role: 'penulis', name: 'dewi lestari', slug: 'dewi-lestari' },
      { role: 'penulis', name: 'Tamu Redaksi' },
      { role: 'editor', name: 'dewi lestari', slug: 'dewi-lestari' },
    ]);
  });

  it('credits the newsroom by the site name, and a picture credit that names a person as fotografer', () => {
    expect(
      credits(
        'author: Redaksi Warta\nimage:\n  src: https://foto.example/x.jpg\n  alt: Foto\n  credit: Budi Santoso\n',
      ),
    ).toEqual([
      { role: 'penulis', name: 'Redaksi Warta', newsroom: true },
      { role: 'fotografer', name: 'Budi Santoso', slug: 'budi-santoso' },
    ]);
  });

  it('keeps a one-word lowercase byline from an older archive as a plain name, not a missing slug', () => {
    expect(credits('author: admin\n')).toEqual([{ role: 'penulis', name: 'admin' }]);
  });

  it('lists the names without a person file, most credited first, for the build report', () => {
    const built = buildContent(
      [...people, article('a.md', { front: 'author: Tamu\n' }), article('b.md', { front: 'pewarta: [Tamu, Lain]\n' })],
      { now: new Date('2025-01-01'), siteName: 'Warta' },
    );
    expect(built.stats.unlistedNames).toEqual([
      { name: 'Tamu', stories: 2 },
      { name: 'Lain', stories: 1 },
    ]);
  });
});
