import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/lib/content/parse-article.ts';
import { formatError } from '../../src/lib/errors/index.ts';
import { article, source } from '../helpers/article-source.ts';

/** Every error of a file as `name line:column`. */
function problems(text: string | Uint8Array, path = 'berita-uji.md'): string[] {
  const result = parseArticle(source(path, text));
  if (result.ok) return [];
  return result.errors.map((e) => `${e.name} ${e.position?.line ?? '-'}:${e.position?.column ?? '-'}`);
}

describe('parseArticle', () => {
  it('reads front matter, slug and dateline', () => {
    const result = parseArticle(
      article('2024/banjir-rob.md', { front: 'tags: [Banjir, Jakarta]\nimage:\n  src: /a.jpg\n  alt: "Banjir"\n' }),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.article.slug).toBe('banjir-rob');
    expect(result.article.dateline).toBe('JAKARTA');
    expect(result.article.frontMatter.tags).toEqual(['Banjir', 'Jakarta']);
    expect(result.article.frontMatter.date.toISOString()).toBe('2024-12-20T03:00:00.000Z');
    expect(result.article.bodyLine).toBe(10);
  });

  it('prefers the front matter slug and dateline', () => {
    const result = parseArticle(article('x.md', { front: 'slug: lain\ndateline: SURABAYA\n' }));
    expect(result.ok && result.article.slug).toBe('lain');
    expect(result.ok && result.article.dateline).toBe('SURABAYA');
  });

  it('accepts CRLF line endings and a BOM', () => {
    const text = '\uFEFF---\r\ntitle: T\r\ndate: 2024-12-20\r\ncategory: Nasional\r\n---\r\n\r\nIsi.\r\n';
    expect(parseArticle(source('a.md', text)).ok).toBe(true);
  });

  it('points YAML syntax errors at the line inside the file', () => {
    expect(problems('---\ntitle: "Judul\ndate: 2024-12-20\n---\n\nIsi.\n')).toEqual(['FrontMatterYamlSyntax 4:1']);
    expect(problems('---\ntitle: Judul\n  date: x: y\ncategory: A\n---\n\nIsi.\n')).toEqual([
      'FrontMatterYamlSyntax 3:7',
    ]);
  });

  it('reports missing, unclosed and empty front matter', () => {
    expect(problems('Isi saja.\n')).toEqual(['FrontMatterMissing 1:1']);
    expect(problems('---\ntitle: T\n\nIsi.\n')).toEqual(['FrontMatterNotClosed 1:1']);
    expect(problems('---\n---\n\nIsi.\n')).toEqual(['FrontMatterEmpty 1:1']);
    expect(problems('---\n- a\n- b\n---\n\nIsi.\n')).toEqual(['FrontMatterNotMapping 2:-']);
  });

  it('collects every field problem with its line', () => {
    const text =
      '---\ntitle: 42\ndate: 2024-02-30\ntags: Banjir\nimage:\n  src: /a.jpg\ndraft: "ya"\ntittle: salah ketik\n---\n\nIsi.\n';
    expect(problems(text)).toEqual([
      'FrontMatterField 2:1',
      'InvalidDate 3:1',
      'FrontMatterField 1:1',
      'FrontMatterField 4:1',
      'ImageAltMissing 5:1',
      'FrontMatterField 7:1',
      'FrontMatterField 8:1',
    ]);
  });

  it('explains field errors in words', () => {
    const result = parseArticle(source('a.md', '---\ntitle: 42\ndate: 2024-12-20\n---\n\nIsi.\n'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const text = result.errors.map(formatError).join('\n');
    expect(text).toContain('content/a.md:2:1  Invalid front matter field [FrontMatterField]');
    expect(text).toContain('title: must be text, not number 42');
    expect(text).toContain('category: is required (text)');
    expect(text).toContain('Hint:');
  });

  it('names a date that is not text without failing on odd YAML values', () => {
    // Found by the property test: a list holding a mapping with a `toString` key.
    const result = parseArticle(
      source('a.md', '---\ntitle: T\ncategory: A\ndate:\n  - toString: 1970-01-01\n---\n\nIsi.\n'),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(
      result.errors.map((e) => `${e.name} ${e.position?.line ?? '-'}:${e.position?.column ?? '-'} ${e.message}`),
    ).toEqual(['InvalidDate 4:1 date: "[{"toString":"1970-01-01"}]" must be an ISO 8601 date text, not a list.']);
  });

  it('rejects unsafe or invalid slugs', () => {
    expect(problems(article('Judul Besar.md').bytes, 'Judul Besar.md')).toEqual(['InvalidSlug -:-']);
    expect(problems('---\ntitle: T\ndate: 2024-12-20\ncategory: A\nslug: ../../etc/passwd\n---\n\nIsi.\n')).toEqual([
      'InvalidSlug 5:1',
    ]);
    expect(problems('---\ntitle: T\ndate: 2024-12-20\ncategory: A\nslug: "%2e%2e"\n---\n\nIsi.\n')).toEqual([
      'InvalidSlug 5:1',
    ]);
  });

  it('rejects an empty body', () => {
    expect(problems('---\ntitle: T\ndate: 2024-12-20\ncategory: A\n---\n\n   \n')).toEqual(['EmptyBody 6:-']);
  });

  it('rejects bytes that are not UTF-8, naming the line', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('---\ntitle: T\n'), 0xff, 0xfe, 0x0a]);
    expect(problems(bytes)).toEqual(['FileNotUtf8 3:1']);
  });
});
