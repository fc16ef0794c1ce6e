import { parse } from 'node-html-parser';
import v8 from 'node:v8';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/lib/content/parse-article.ts';
import { buildContent } from '../../src/lib/content/build-content.ts';
import { parseSources } from '../../src/lib/content/parse-sources.ts';
import { rankRelatedArticles } from '../../src/lib/content/rank-related-articles.ts';
import { renderArticles } from '../../src/lib/content/render-articles.ts';
import { resolveLinks } from '../../src/lib/content/resolve-links.ts';
import { formatError } from '../../src/lib/errors/index.ts';
import { article, source } from '../helpers/article-source.ts';

const now = new Date('2025-01-01T00:00:00Z');

const target = (path: string, title: string, front = '') =>
  article(path, { title, front, body: 'MEDAN - Isi target.' });

describe('buildContent: "Baca juga"', () => {
  const targets = [
    target('nasional/banjir-rob.md', 'Banjir Rob Genangi Pesisir Utara Jakarta'),
    target('ekonomi/harga-cabai.md', 'Harga Cabai “Melonjak” Jelang Tahun Baru'),
    target('gempa-cianjur.md', 'Gempa Guncang Cianjur'),
  ];

  it('resolves file links, slug or URL links and plain headlines, in place', () => {
    const body = [
      'JAKARTA - Paragraf pertama.',
      '',
      'BACA JUGA',
      '- [judul lama](../nasional/banjir-rob.md)',
      '- [Apa saja](/berita/harga-cabai/)',
      '- gempa guncang CIANJUR!',
      '',
      'Paragraf terakhir.',
    ].join('\n');
    const result = buildContent([...targets, article('berita/utama.md', { title: 'Berita Utama', body })], { now });
    expect(result.errors.map(formatError)).toEqual([]);
    const main = result.articles.find((a) => a.data.slug === 'utama');
    expect(main?.data.bacaJuga.map((l) => l.slug)).toEqual(['banjir-rob', 'harga-cabai', 'gempa-cianjur']);
    expect(main?.html).toContain(
      '<aside data-related="baca-juga" aria-label="Baca juga" class="not-prose">\n<p class="baca-juga-label">Baca juga</p>\n<ul>\n' +
        '<li><a href="/berita/banjir-rob/">Banjir Rob Genangi Pesisir Utara Jakarta</a></li>\n' +
        '<li><a href="/berita/harga-cabai/">Harga Cabai “Melonjak” Jelang Tahun Baru</a></li>\n' +
        '<li><a href="/berita/gempa-cianjur/">Gempa Guncang Cianjur</a></li>\n</ul>\n</aside>',
    );
    // The block stays where the editor put it: between the two paragraphs.
    expect(main?.html.indexOf('Paragraf pertama')).toBeLessThan(main?.html.indexOf('<aside') ?? -1);
    expect(main?.html.indexOf('</aside>')).toBeLessThan(main?.html.indexOf('Paragraf terakhir') ?? -1);
    expect(main?.html).toContain('<p><span class="dateline">JAKARTA -</span> Paragraf pertama.</p>');
    expect(result.stats.bacaJugaLinks).toBe(3);
  });

  it('renders a body once with the offset where each block goes, kept as one-byte text', () => {
    const body = 'JAKARTA - Paragraf pertama.\n\nBaca juga:\n\n- Gempa Guncang Cianjur\n\nParagraf terakhir.\n';
    const parsed = parseArticle(article('utama.md', { body }));
    if (!parsed.ok) throw new Error('parse failed');
    const { html, bacaJugaSlots } = parsed.article;
    expect(bacaJugaSlots).toHaveLength(1);
    expect(html.slice(0, bacaJugaSlots[0])).toMatch(/Paragraf pertama\.<\/p>\n$/);
    expect(html.slice(bacaJugaSlots[0])).toMatch(/^\n<p>Paragraf terakhir\.<\/p>/);
    expect(html).not.toContain('baca-juga');
    expect(html).not.toMatch(/[\uE000-\uF8FF]/);
    // A Latin-1 body stays Latin-1: V8 serializes it at one byte per character (two-byte text
    // takes two), which halves the memory and parse cache of every such body.
    expect(v8.serialize(html).length).toBeLessThan(html.length + 16);
  });

  it('never fills a comment an editor wrote, raw or as text', () => {
    const body = [
      'Isi.',
      '',
      '<!--baca-juga-0-->',
      '',
      'Teks <!--baca-juga-0--> di tengah.',
      '',
      '`<!--baca-juga-0-->`',
      '',
      'Baca juga:',
      '',
      '- Gempa Guncang Cianjur',
    ].join('\n');
    const result = buildContent([...targets, article('utama.md', { body })], { now });
    expect(result.errors.map(formatError)).toEqual([]);
    const html = result.articles.find((a) => a.data.slug === 'utama')?.html ?? '';
    expect(html.match(/<aside data-related="baca-juga"/g)).toHaveLength(1);
    expect(html).not.toContain('<!--');
    expect(html).toContain('<code>&#x3C;!--baca-juga-0--></code>');
  });

  it('never rewrites text inside an attribute: the marker in alt or title stays an attribute value (issue #16)', () => {
    const smuggled = `<!--baca-juga-0--><meta http-equiv="refresh" content="0;url=https://evil.example">`;
    const body = [
      'Isi.',
      '',
      `<img src="/a.jpg" alt='${smuggled}' title='${smuggled}'>`,
      '',
      // The private-use marker typed by an editor is an ordinary paragraph.
      '\uE000baca-juga-0\uE000',
      '',
      'Baca juga:',
      '',
      '- Gempa Guncang Cianjur',
    ].join('\n');
    const result = buildContent([...targets, article('utama.md', { body })], { now });
    expect(result.errors.map(formatError)).toEqual([]);
    const html = result.articles.find((a) => a.data.slug === 'utama')?.html ?? '';
    const root = parse(html);
    expect(root.querySelectorAll('meta')).toHaveLength(0);
    expect(root.querySelectorAll('aside[data-related="baca-juga"]')).toHaveLength(1);
    expect(root.querySelector('img')?.getAttribute('alt')).toBe(smuggled);
    expect(root.querySelector('img')?.getAttribute('title')).toBe(smuggled);
    expect(root.querySelectorAll('p').map((p) => p.text)).toContain('\uE000baca-juga-0\uE000');
  });

  it('accepts "Baca Juga :" and a bare slug, and leaves a label without list alone', () => {
    const body = 'Isi.\n\nBaca Juga :\n\n- [x](gempa-cianjur)\n\nBaca juga: paragraf biasa.\n';
    const result = buildContent([...targets, article('utama.md', { body })], { now });
    expect(result.errors).toEqual([]);
    expect(result.articles.find((a) => a.data.slug === 'utama')?.data.bacaJuga).toEqual([
      { slug: 'gempa-cianjur', title: 'Gempa Guncang Cianjur' },
    ]);
  });

  it('reports every unresolved item with file, line, column and close titles', () => {
    const body =
      'Isi.\n\nBaca juga:\n\n- Banjir Rob Genangi Pesisir Jakarta Utara\n- [Utama](utama.md)\n- [Tidak ada](/berita/tidak-ada/)\n- [Situs lain](https://contoh.com/berita)\n';
    const result = buildContent([...targets, article('utama.md', { title: 'Berita Utama', body })], { now });
    expect(result.articles).toEqual([]);
    expect(
      result.errors.map(
        (e) => `${e.name} ${e.position?.file ?? '-'}:${e.position?.line ?? '-'}:${e.position?.column ?? '-'}`,
      ),
    ).toEqual([
      'BacaJugaUnresolved content/utama.md:11:1',
      'BacaJugaSelf content/utama.md:12:1',
      'BacaJugaUnresolved content/utama.md:13:1',
      'BacaJugaUnsupportedLink content/utama.md:14:1',
    ]);
    expect(result.errors[0]?.message).toContain('Closest titles:\n  - Banjir Rob Genangi Pesisir Utara Jakarta');
  });

  it('refuses links to drafts and scheduled articles, but allows them when unpublished articles are shown', () => {
    const sources = [
      target('konsep.md', 'Konsep', 'draft: true\n'),
      source('nanti.md', '---\ntitle: Nanti\ndate: 2030-01-01\ncategory: Nasional\n---\n\nIsi.\n'),
      article('utama.md', { body: 'Isi.\n\nBaca juga:\n\n- Konsep\n- [Nanti](nanti.md)\n' }),
    ];
    const strict = buildContent(sources, { now });
    expect(strict.errors.map((e) => e.name)).toEqual(['BacaJugaUnpublished', 'BacaJugaUnpublished']);
    expect(strict.errors[1]?.message).toContain('scheduled');
    expect(strict.stats).toMatchObject({ found: 3, published: 1, drafts: 1, scheduled: 1 });
    const dev = buildContent(sources, { now, includeUnpublished: true });
    expect(dev.errors).toEqual([]);
    expect(dev.articles.map((a) => a.data.slug)).toEqual(['nanti', 'konsep', 'utama']);
  });

  it('reports an ambiguous headline', () => {
    const sources = [
      target('a.md', 'Sama'),
      target('b.md', 'Sama'),
      article('utama.md', { body: 'Isi.\n\nBaca juga:\n\n- Sama\n' }),
    ];
    expect(buildContent(sources, { now }).errors.map((e) => e.name)).toEqual(['BacaJugaAmbiguous']);
  });
});

describe('buildContent: site rules', () => {
  it('names both files of a duplicate slug', () => {
    const result = buildContent([article('a/sama.md'), article('b/sama.md')], { now });
    expect(result.errors.map((e) => `${e.position?.file ?? '-'}: ${e.message}`)).toEqual([
      'content/a/sama.md: The slug "sama" is also used by content/b/sama.md; two articles cannot share /berita/sama/.',
      'content/b/sama.md: The slug "sama" is also used by content/a/sama.md; two articles cannot share /berita/sama/.',
    ]);
  });

  it('refuses two category or tag names that share a slug, naming both', () => {
    const result = buildContent(
      [
        article('a.md', { front: 'tags: [Korea Utara]\n' }),
        source(
          'b.md',
          '---\ntitle: B\ndate: 2024-12-20\ncategory: NASIONAL\ntags:\n  - Pemilu\n  - Korea-Utara\n---\n\nIsi.\n',
        ),
      ],
      { now },
    );
    expect(
      result.errors.map(
        (e) => `${e.position?.file ?? '-'}:${e.position?.line ?? '-'}:${e.position?.column ?? '-'} ${e.message}`,
      ),
    ).toEqual([
      'content/b.md:4:1 The category "NASIONAL" and the category "Nasional" (in content/a.md) both become /kategori/nasional/, so their articles would be mixed on one page.',
      'content/b.md:7:3 The tag "Korea-Utara" and the tag "Korea Utara" (in content/a.md) both become /tag/korea-utara/, so their articles would be mixed on one page.',
    ]);
  });

  it('keeps drafts and scheduled articles off the site', () => {
    const result = buildContent(
      [
        article('terbit.md'),
        article('konsep.md', { front: 'draft: true\n' }),
        source('nanti.md', '---\ntitle: N\ndate: 2025-01-01T08:00:00\ncategory: A\n---\n\nIsi.\n'),
      ],
      { now },
    );
    expect(result.articles.map((a) => a.data.slug)).toEqual(['terbit']);
  });

  it('resolves the published articles without their links, for the search index to start with; nothing when a link fails', () => {
    const sources = [
      article('terbit.md', { front: 'related: [lain]\n', body: 'MEDAN - Isi terbit.' }),
      article('lain.md'),
      article('konsep.md', { front: 'draft: true\n' }),
    ];
    const resolution = resolveLinks(parseSources(sources), { now });
    if (!resolution.ok) throw new Error(resolution.errors.map(formatError).join('\n'));
    const handed = resolution.site.articles;
    expect(handed.map((a) => a.data.slug).sort()).toEqual(['lain', 'terbit']);
    const built = renderArticles(resolution.site, rankRelatedArticles(resolution.site, undefined));
    const terbit = built.find((a) => a.data.slug === 'terbit')!;
    const { related, bacaJuga, moreInCategory, ...fields } = terbit.data;
    expect(related.map((r) => r.slug)).toEqual(['lain']);
    expect(bacaJuga).toEqual([]);
    // Its only neighbour in the section is already in "Berita Terkait".
    expect(moreInCategory).toEqual([]);
    expect(handed.find((a) => a.data.slug === 'terbit')).toEqual({
      data: fields,
      text: terbit.text,
      textDigest: terbit.textDigest,
    });
    // buildContent is these steps run in order.
    expect(buildContent(sources, { now }).articles).toEqual(built);
    const failed = resolveLinks(parseSources([article('a.md', { front: 'related: [hilang]\n' })]), { now });
    expect(failed.ok).toBe(false);
    expect(failed).not.toHaveProperty('site');
  });

  it('lists hand-picked related articles first and checks them', () => {
    const ok = buildContent([article('a.md', { front: 'related: [b]\n' }), article('b.md', { title: 'Bee' })], { now });
    expect(ok.articles.find((a) => a.data.slug === 'a')?.data.related.map((r) => r.title)).toEqual(['Bee']);
    const bad = buildContent([article('a.md', { front: 'related:\n  - b\n  - hilang\n' }), article('b.md')], { now });
    expect(
      bad.errors.map((e) => `${e.name} ${e.position?.line ?? '-'}:${e.position?.column ?? '-'} ${e.message}`),
    ).toEqual(['RelatedUnresolved 7:3 related: "hilang" names no article.']);
  });

  it('derives summary, dateline, reading time and term slugs', () => {
    const words = Array.from({ length: 620 }, (_, i) => `kata${i}`).join(' ');
    const result = buildContent(
      [
        article('a.md', {
          front: 'tags: [Korea Utara, "Korea  Utara", Ékonomi]\n',
          body: `PYONGYANG, KCNA - Ringkasan singkat.\n\n${words}`,
        }),
      ],
      { now },
    );
    const data = result.articles[0]?.data;
    expect(data?.summary).toBe('Ringkasan singkat.');
    expect(data?.dateline).toBe('PYONGYANG');
    expect(data?.readingMinutes).toBe(3);
    expect(data?.tags).toEqual([
      { name: 'Korea Utara', slug: 'korea-utara' },
      { name: 'Ékonomi', slug: 'ekonomi' },
    ]);
    expect(data?.category).toEqual({ name: 'Nasional', slug: 'nasional' });
  });

  it('drops raw HTML instead of publishing it', () => {
    const result = buildContent(
      [article('a.md', { body: 'Isi <script>alert(1)</script> teks.\n\n<img src=x onerror=alert(1)>\n' })],
      { now },
    );
    expect(result.articles[0]?.html).not.toMatch(/<script|onerror/);
  });
});

describe('content steps', () => {
  const dated = (path: string, date: string, front = '') =>
    source(path, `---\ntitle: ${path}\ndate: ${date}\ncategory: Nasional\n${front}---\n\nIsi ${path}.\n`);
  const sources = [
    dated('b.md', '2024-12-01'),
    dated('c.md', '2024-12-03'),
    dated('a.md', '2024-12-01'),
    dated('d.md', '2024-11-30'),
  ];

  it('resolves the site newest first, ties by slug, and keeps that order to the built articles', () => {
    const resolution = resolveLinks(parseSources(sources), { now });
    if (!resolution.ok) throw new Error('resolution failed');
    const { site } = resolution;
    expect(site.entries.map((e) => e.parsed.slug)).toEqual(['c', 'a', 'b', 'd']);
    expect(site.articles).toEqual(site.entries.map((e) => e.article));
    expect(site.fileOrder.map((e) => e.parsed.slug)).toEqual(['b', 'c', 'a', 'd']);
    const built = renderArticles(site, rankRelatedArticles(site, undefined));
    expect(built.map((a) => a.data.slug)).toEqual(['c', 'a', 'b', 'd']);
  });

  it('feeds the related ranker every article once, in file order, and caps each list at the limit', () => {
    const added: string[] = [];
    const searched: [string, string[]][] = [];
    const resolution = resolveLinks(
      parseSources([...sources.slice(0, 3), dated('d.md', '2024-11-30', 'related: [c]\n')]),
      { now },
    );
    if (!resolution.ok) throw new Error('resolution failed');
    const related = rankRelatedArticles(
      resolution.site,
      (documents) => {
        added.push(...documents.map((d) => d.slug));
        return (requests) =>
          requests.map(({ slug, exclude }) => {
            searched.push([slug, [...exclude]]);
            return ['a', 'b', 'c', 'd'].filter((s) => !exclude.has(s));
          });
      },
      2,
    );
    expect(added).toEqual(['b', 'c', 'a', 'd']);
    expect(searched.find(([slug]) => slug === 'd')?.[1]).toEqual(['d', 'c']);
    expect(related.bySlug.get('d')?.map((l) => l.slug)).toEqual(['c', 'a']);
    expect(related.bySlug.get('a')?.map((l) => l.slug)).toEqual(['b', 'c']);
    expect(related.listed).toBe(4);
  });

  it('takes each result from the parse function it is given, in order, with progress', () => {
    const seen: number[] = [];
    const progress: string[] = [];
    const parsed = parseSources(
      sources,
      (s, i) => {
        seen.push(i);
        return parseArticle(s);
      },
      (done, total) => progress.push(`${done}/${total}`),
    );
    expect(seen).toEqual([0, 1, 2, 3]);
    expect(progress).toEqual(['1/4', '2/4', '3/4', '4/4']);
    expect(parsed.articles.map((a) => a.slug)).toEqual(['b', 'c', 'a', 'd']);
    expect(parsed.found).toBe(4);
  });
});
