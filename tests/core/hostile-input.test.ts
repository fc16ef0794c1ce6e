import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildContent } from '../../src/lib/content/build-content.ts';
import { articleFailure, parseArticle } from '../../src/lib/content/parse-article.ts';
import { readContentDirectory } from '../../src/lib/storage/read-sources.ts';
import { formatError, formatErrorReport } from '../../src/lib/errors/index.ts';
import { checkInlineMarkers, checkNesting, MAX_INLINE_MARKERS } from '../../src/lib/markdown/nesting.ts';
import { hasRawNodes } from '../../src/lib/markdown/rehype-raw-when-needed.ts';
import { cleanText } from '../../src/lib/text/clean-text.ts';
import { checkPublicUrl } from '../../src/lib/text/safe-url.ts';
import { article, source } from '../helpers/article-source.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

// Issue #16: one test per class of hostile or broken input that has no error fixture of its own in
// tests/fixtures/errors (those show the messages for URLs, slugs, dates, nesting and links).

const now = new Date('2025-01-01T00:00:00Z');
// Finding the characters XML forbids, controls among them, is this regex's job.
const XML_FORBIDDEN =
  // eslint-disable-next-line no-control-regex -- see above
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('text at the input boundary (class 6)', () => {
  it('turns XML-forbidden controls into spaces and lone surrogates into U+FFFD, from the file and from YAML escapes', () => {
    const file = source(
      'kontrol.md',
      '---\ntitle: "Baris\\vbaru \\ud83d dan \\u0008"\ndate: 2024-12-20T10:00:00+07:00\ncategory: "Nasional\\u000C"\ntags: ["Korea\\u000BUtara"]\nauthor: "Tim\\u0000Liputan"\n---\n\nJAKARTA - Isi\u000Bberita\u0008 di sini.\n',
    );
    const result = buildContent([file], { now });
    expect(result.errors.map(formatError)).toEqual([]);
    const data = result.articles[0]?.data;
    expect(data?.title).toBe('Baris baru \uFFFD dan');
    expect(data?.category).toEqual({ name: 'Nasional', slug: 'nasional' });
    expect(data?.tags).toEqual([{ name: 'Korea Utara', slug: 'korea-utara' }]);
    expect(data?.credits).toEqual([{ role: 'penulis', name: 'Tim Liputan' }]);
    expect(data?.summary).toBe('Isi berita di sini.');
    for (const value of [
      data?.title,
      data?.summary,
      data?.credits[0]?.name,
      result.articles[0]?.html,
      result.articles[0]?.text,
    ]) {
      expect(value).not.toMatch(XML_FORBIDDEN);
    }
  });

  it('treats NFC and NFD spellings of a name as one name with one page', () => {
    const nfc = 'Caf\u00e9';
    const nfd = 'Cafe\u0301';
    const result = buildContent(
      [
        article('a.md', { front: `tags: ["${nfc}"]\n` }),
        article('b.md', { title: 'Lain', front: `tags: ["${nfd}"]\n` }),
      ],
      { now },
    );
    expect(result.errors.map(formatError)).toEqual([]);
    expect(result.articles.map((a) => a.data.tags)).toEqual([
      [{ name: nfc, slug: 'cafe' }],
      [{ name: nfc, slug: 'cafe' }],
    ]);
  });

  it('cuts a 300-character tag to a bounded slug instead of a file name the disk refuses', () => {
    const long = Array.from({ length: 60 }, () => 'kata').join(' ');
    const result = buildContent([article('a.md', { front: `tags: ["${long}"]\n` })], { now });
    const slug = result.articles[0]?.data.tags[0]?.slug ?? '';
    expect(slug.length).toBeGreaterThan(40);
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('cleans in linear passes', () => {
    expect(cleanText('a\u000Bb\uD83D\uDE00c\uDE00')).toBe('a b\uD83D\uDE00c\uFFFD');
  });
});

describe('URL fields (class 2)', () => {
  it.each([
    ['javascript:alert(1)'],
    [' javascript:alert(1)'],
    ['JAVASCRIPT:alert(1)'],
    ['java\tscript:alert(1)'],
    ['&#106;avascript:alert(1)'],
    ['data:text/html,<script>alert(1)</script>'],
    ['vbscript:msgbox(1)'],
    ['//evil.example/x.jpg'],
    ['/\\evil.example/x.jpg'],
    ['https://foto warta.example/x.jpg'],
    ['https://'],
    ['foto.jpg'],
    ['http://exa mple.com'],
    ['https://[::1'],
  ])('refuses %j', (url) => {
    expect(checkPublicUrl(url).ok).toBe(false);
  });

  it.each([
    ['https://foto.example.id/banjir.jpg'],
    ['http://example.com/a?b=c#d'],
    ['/images/banjir.jpg'],
    ['/images/banjir%20rob.jpg'],
  ])('accepts %j', (url) => {
    expect(checkPublicUrl(url)).toEqual({ ok: true, url });
  });
});

describe('summaries (class 7)', () => {
  it('takes a summary from a first paragraph with inline HTML as its text only', () => {
    const body = 'JAKARTA - Harga <b>cabai</b> naik <img src=x onerror=alert(1)> tajam.\n\nParagraf kedua.';
    const result = buildContent([article('a.md', { body })], { now });
    expect(result.articles[0]?.data.summary).toBe('Harga cabai naik tajam.');
    expect(result.articles[0]?.text).not.toContain('<');
  });
});

describe('faults that are not Warta’s own (class 4)', () => {
  it('ties any thrown error to the article and keeps it as the cause, without a stack in the report', () => {
    const fault = new TypeError('Cannot read properties of undefined');
    const error = articleFailure(fault, { file: 'content/a.md' });
    expect(error.name).toBe('ArticleFailed');
    expect(error.cause).toBe(fault);
    const report = formatErrorReport([error]);
    expect(report).toContain('content/a.md  Article could not be processed [ArticleFailed]');
    expect(report).not.toMatch(/^\s+at /m);
  });

  it('reports a stack overflow in the pipeline as BodyTooDeep for that file', () => {
    const body = `Isi.\n\n${'*'.repeat(4000)}x${'*'.repeat(4000)}\n`;
    const result = parseArticle(article('a.md', { body }));
    // Either it renders (the pipeline coped) or it names the file; it never throws.
    if (!result.ok)
      expect(result.errors.map((e) => `${e.name} ${e.position?.file ?? '-'}`)).toEqual(['BodyTooDeep content/a.md']);
  });

  it('counts a run of emphasis delimiters as nesting, so the outcome never depends on the stack', () => {
    expect(checkNesting(`Isi.\n\n${'*'.repeat(3000)}isi${'*'.repeat(3000)}`)).toEqual({ line: 3, depth: 101 });
    expect(checkNesting(`**tebal** __miring__ ${'*'.repeat(3)} ${'_'.repeat(20)}`)).toBeUndefined();
  });

  it('counts emphasis and link markers per paragraph, so micromark never matches them in quadratic time', () => {
    const many = '_a_*'.repeat(400); // 1,200 markers
    expect(checkInlineMarkers(`Isi.\n\nBaris ${many}\nlanjut *x*\n\nAkhir.`)).toEqual({ line: 3, count: 1202 });
    // The same markers spread over paragraphs, escaped, or inside a fenced code block are fine.
    const spread = Array.from({ length: 4 }, () => '_a_*'.repeat(100)).join('\n\n');
    expect(checkInlineMarkers(spread)).toBeUndefined();
    expect(checkInlineMarkers('\\*'.repeat(2000))).toBeUndefined();
    expect(checkInlineMarkers(`Isi.\n\n\`\`\`\n${many}\n\`\`\`\n\nAkhir.`)).toBeUndefined();
    // A fence opening straight after the paragraph still ends it, and a last paragraph counts too.
    expect(checkInlineMarkers(`${many}\n\`\`\`\nkode\n\`\`\``)).toEqual({ line: 1, count: 1200 });
    expect(checkInlineMarkers(`Isi.\n\n${'[a]('.repeat(MAX_INLINE_MARKERS / 2)}`)).toBeUndefined();
    expect(checkInlineMarkers(`Isi.\n\n${'[a]('.repeat(MAX_INLINE_MARKERS / 2 + 1)}`)).toEqual({
      line: 3,
      count: 1002,
    });
  });

  it('refuses a paragraph with too many markers as ParagraphTooComplex at its line', () => {
    const body = `Isi.\n\n${'[a]('.repeat(600)}\n`;
    const result = parseArticle(article('a.md', { body }));
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.errors.map((e) => `${e.name} ${e.position?.file ?? '-'}:${e.position?.line ?? '-'}`)).toEqual([
        'ParagraphTooComplex content/a.md:9',
      ]);
  });

  it('looks for raw HTML in a tree of 200,000 top-level nodes without overflowing the stack', () => {
    const children = Array.from({ length: 200_000 }, () => ({ type: 'text' as const, value: 'x' }));
    expect(hasRawNodes({ type: 'root', children })).toBe(false);
    expect(hasRawNodes({ type: 'root', children: [...children, { type: 'raw', value: '<b>' }] })).toBe(true);
  });

  it('finds nesting in one linear pass, on the line where it goes too deep', () => {
    expect(checkNesting(`a\n\n${'> '.repeat(101)}x`)).toEqual({ line: 3, depth: 101 });
    expect(checkNesting(`${'<span>'.repeat(50)}\n${'<div>'.repeat(60)}`)).toEqual({ line: 2, depth: 101 });
    expect(checkNesting(`${'<p><br><img>'.repeat(500)}\n${'      kode\n'.repeat(10)}`)).toBeUndefined();
  });
});

describe('files (class 8)', () => {
  it('reports a file name that is not UTF-8 and still reads the other files', () => {
    const dir = makeTempDir('warta-names-');
    fs.writeFileSync(
      path.join(dir, 'baik.md'),
      '---\ntitle: Baik\ndate: 2024-12-20\ncategory: Nasional\n---\n\nIsi.\n',
    );
    fs.writeFileSync(
      Buffer.concat([Buffer.from(`${dir}/berita-`), Buffer.from([0xff, 0xfe]), Buffer.from('.md')]),
      'x',
    );
    const { sources, errors } = readContentDirectory(dir, dir);
    expect(sources.map((s) => s.path)).toEqual(['baik.md']);
    expect(errors.map(formatError)).toEqual([
      'berita-\uFFFD\uFFFD.md  File name is not UTF-8 [FileNameNotUtf8]\n' +
        '  The name of the file shown as "berita-\uFFFD\uFFFD.md" is not valid UTF-8, so it cannot be read reliably or turned into a URL.\n' +
        '  Hint: Rename the file using lowercase letters, digits and hyphens, e.g. `harga-cabai.md`.',
    ]);
  });

  it('follows a link to a file inside the content folder', () => {
    const dir = path.resolve(import.meta.dirname, '../fixtures/errors/symlink-not-followed');
    const { sources } = readContentDirectory(dir, dir);
    expect(sources.map((s) => s.path)).toEqual(['asli.md', 'salinan.md']);
  });
});
