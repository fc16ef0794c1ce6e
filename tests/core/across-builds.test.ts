import v8 from 'node:v8';
import vm from 'node:vm';
import { afterAll, describe, expect, it } from 'vitest';
import { parseArticle, type ArticleSource, type ParsedArticle } from '../../src/lib/content/parse-article.ts';
import { parsePerson, type Person } from '../../src/lib/content/people.ts';
import { parseSources } from '../../src/lib/content/parse-sources.ts';
import type { LinkState } from '../../src/lib/content/kept-links.ts';
import { keepResultsAcrossBuilds, type KeptBox } from '../../src/lib/once-per-object.ts';
import { article, source } from '../helpers/article-source.ts';

// Issue #20: the publish server keeps what a build works out from an unchanged parsed article for
// the next build (acrossBuilds). Each build loads Warta's modules anew, so each build here imports
// its own copies of the content steps (a query makes a new module), as the server's builds do, and
// hands unchanged files' parsed articles on, as the parse cache does. What a build keeps must be
// exactly what it would make again: a changed headline, link or byline must show.

const KEPT = Symbol.for('warta.results-across-builds');
keepResultsAcrossBuilds();
afterAll(() => {
  Reflect.deleteProperty(globalThis, KEPT);
});
// Loaded once results are kept, as in the server: the bylines it resolves are kept too (bylineOf).
// Every build's copy of the content steps shares this module (it is imported without a query).
const { createPeopleIndex } = await import('../../src/lib/content/resolve-credits.ts');

const now = new Date('2025-01-01T00:00:00Z');
let builds = 0;
const linkState: KeptBox<LinkState> = { value: undefined };

/**
 * What each build made whole for itself (its site and related lists), held weakly: a build's kept
 * results must not hold them (see `builtArticle` in render-articles.ts).
 */
const perBuild: { site: WeakRef<object>; lists: WeakRef<object> }[] = [];

/** One build of `files` in fresh copies of the content steps; `parsed` is the parse cache, by file text. */
async function build(
  files: readonly ArticleSource[],
  parsed: Map<string, ParsedArticle>,
  people: readonly Person[] = [],
) {
  builds += 1;
  const copy = `?build-${builds}`;
  const fresh = async <M>(file: string): Promise<M> =>
    (await import(/* @vite-ignore */ `${new URL(`../../src/lib/content/${file}`, import.meta.url).href}${copy}`)) as M;
  const { resolveLinks } = await fresh<typeof import('../../src/lib/content/resolve-links.ts')>('resolve-links.ts');
  const { rankRelatedArticles } =
    await fresh<typeof import('../../src/lib/content/rank-related-articles.ts')>('rank-related-articles.ts');
  const { renderArticles } =
    await fresh<typeof import('../../src/lib/content/render-articles.ts')>('render-articles.ts');
  const sources = parseSources(files, (file) => {
    const key = new TextDecoder().decode(file.bytes);
    let result = parsed.get(key);
    if (result === undefined) {
      const outcome = parseArticle(file);
      if (!outcome.ok) throw new Error(`${file.path} does not parse`);
      parsed.set(key, (result = outcome.article));
    }
    return { ok: true, article: result };
  });
  // The link table and resolved links are kept too, as the server keeps them (kept-links.ts).
  const resolution = resolveLinks(sources, { now, people: createPeopleIndex(people, 'Warta'), keep: linkState });
  if (!resolution.ok) throw new Error(resolution.errors.map((e) => e.message).join('\n'));
  const lists = rankRelatedArticles(resolution.site, undefined);
  const built = renderArticles(resolution.site, lists);
  perBuild.push({ site: new WeakRef(resolution.site), lists: new WeakRef(lists) });
  return new Map(built.map((a) => [a.data.slug, a]));
}

const bacaJuga = (title: string) => `JAKARTA - Pembuka.\n\nBACA JUGA\n- [${title}](/berita/sasaran/)\n\nPenutup.`;

describe('results kept across the publish server builds (acrossBuilds, issue #20)', () => {
  it('keeps an unchanged story’s data, and makes again what a changed headline, link or byline reaches', async () => {
    const parsed = new Map<string, ParsedArticle>();
    const target = (title: string) => article('sasaran.md', { title, body: 'MEDAN - Isi sasaran.' });
    const linker = article('penaut.md', { title: 'Penaut', body: bacaJuga('apa saja') });
    const pinner = article('penyemat.md', { title: 'Penyemat', front: 'related: [sasaran]\n' });
    // Another section: "Lainnya di Nasional" of the others lists each other, so the headline's change reaches those.
    const alone = source(
      'sendiri.md',
      '---\ntitle: Sendiri\ndate: 2024-12-20T10:00:00+07:00\ncategory: Olahraga\nauthor: Dewi Lestari\n---\n\nJAKARTA - Isi.\n',
    );

    const first = await build([target('Judul Lama'), linker, pinner, alone], parsed);
    const second = await build([target('Judul Lama'), linker, pinner, alone], parsed);
    for (const slug of ['sasaran', 'penaut', 'penyemat', 'sendiri']) {
      expect(second.get(slug)?.data, slug).toBe(first.get(slug)?.data);
      expect(second.get(slug)?.bodyKey, slug).toBe(first.get(slug)?.bodyKey);
    }

    // The target's headline changes: the story that links it in "Baca juga" and the one that pins it
    // show the new headline, in their data and (for the link) their body; the others are kept.
    const third = await build([target('Judul Baru'), linker, pinner, alone], parsed);
    expect(third.get('penaut')?.data.bacaJuga).toEqual([{ slug: 'sasaran', title: 'Judul Baru' }]);
    expect(third.get('penaut')?.bodyKey).not.toBe(second.get('penaut')?.bodyKey);
    expect(third.get('penaut')?.html).toContain('Judul Baru');
    expect(third.get('penyemat')?.data.related.map((l) => l.title)).toEqual(['Judul Baru']);
    expect(third.get('penyemat')?.data).not.toBe(second.get('penyemat')?.data);
    expect(third.get('sendiri')?.data).toBe(second.get('sendiri')?.data);
    expect(third.get('sasaran')?.data.moreInCategory.map((l) => l.slug)).toEqual(['penaut', 'penyemat']);

    // A person file for the byline's name: the story is credited to the person, with a link.
    const dewi = parsePerson(
      source('penulis/dewi-lestari.md', '---\nname: Dewi Lestari\nrole: penulis\nbio: Menulis.\n---\n'),
    );
    if (!dewi.ok) throw new Error('the person does not parse');
    const fourth = await build([target('Judul Baru'), linker, pinner, alone], parsed, [dewi.person]);
    expect(fourth.get('sendiri')?.data.credits).toEqual([
      { role: 'penulis', name: 'Dewi Lestari', slug: 'dewi-lestari' },
    ]);
    expect(fourth.get('penaut')?.data).toBe(third.get('penaut')?.data);

    // Each build's data equals what a build that keeps nothing makes of the same files.
    const fresh = await build([target('Judul Baru'), linker, pinner, alone], new Map(), [dewi.person]);
    for (const [slug, built] of fourth) {
      expect(built.data, slug).toEqual(fresh.get(slug)?.data);
      expect(built.bodyKey, slug).toBe(fresh.get(slug)?.bodyKey);
    }
  });

  it('keeps no build’s site or related lists once the build is over', async () => {
    // The publish server's heap grew by a build's related lists at every publish, about 27 MB at
    // 100,000 articles: each kept built article's getters held the scope of the build that made it.
    // The site is checked too: nothing kept may hold it either.
    const parsed = new Map<string, ParsedArticle>();
    const story = (n: number, body: string) => article(`berita-${n}.md`, { title: `Berita ${n}`, body });
    let results: Map<string, unknown> | undefined;
    const from = perBuild.length;
    // Each build changes one story, so each keeps some built articles of its own and some of the last's.
    for (let round = 0; round < 3; round++)
      results = await build(
        [0, 1, 2, 3].map((n) => story(n, n === round ? `JAKARTA - Isi baru ${round}.` : 'JAKARTA - Isi.')),
        parsed,
      );
    expect(results?.size).toBe(4);
    // After this job: a WeakRef holds its target until the job that made or read it ends.
    await new Promise((resolve) => setTimeout(resolve, 0));
    v8.setFlagsFromString('--expose-gc');
    (vm.runInNewContext('gc') as () => void)();
    const builds = perBuild.slice(from);
    expect(builds).toHaveLength(3);
    // The last build's kept results are alive (the registry is on globalThis): the earlier builds'
    // site and lists are not, though articles they built are still kept.
    for (const [i, made] of builds.slice(0, -1).entries()) {
      expect(made.lists.deref(), `build ${i + 1}'s related lists`).toBeUndefined();
      expect(made.site.deref(), `build ${i + 1}'s site`).toBeUndefined();
    }
  });

  it('reports a kept byline’s error at every build until its file is fixed', async () => {
    const parsed = new Map<string, ParsedArticle>();
    const other = article('lain.md', { title: 'Lain' });
    const wrong = article('salah.md', { title: 'Salah', front: 'author: dewi-lestary\n' });
    // The same parsed article twice, as the parse cache hands an unchanged file on: the second build
    // takes the kept byline, and its error with it.
    for (let i = 0; i < 2; i++)
      await expect(build([other, wrong], parsed)).rejects.toThrow('"dewi-lestary" is written as a slug');
    const fixed = await build(
      [other, article('salah.md', { title: 'Salah', front: 'author: Dewi Lestary\n' })],
      parsed,
    );
    expect(fixed.get('salah')?.data.credits).toEqual([{ role: 'penulis', name: 'Dewi Lestary' }]);
  });

  it('resolves kept file links and headline items against the current archive', async () => {
    const parsed = new Map<string, ParsedArticle>();
    const byFile = article('nasional/sasaran.md', { title: 'Banjir Rob', body: 'MEDAN - Isi sasaran.' });
    const byHeadline = article('nasional/kedua.md', { title: 'Gempa Guncang Cianjur', body: 'MEDAN - Isi kedua.' });
    const linker = article('opini/penaut.md', {
      title: 'Penaut',
      body: 'JAKARTA - Pembuka.\n\nBACA JUGA\n- [apa saja](../nasional/sasaran.md)\n- gempa guncang CIANJUR!\n\nPenutup.',
    });
    const links = [
      { slug: 'sasaran', title: 'Banjir Rob' },
      { slug: 'kedua', title: 'Gempa Guncang Cianjur' },
    ];
    expect((await build([byFile, byHeadline, linker], parsed)).get('penaut')?.data.bacaJuga).toEqual(links);
    expect((await build([byFile, byHeadline, linker], parsed)).get('penaut')?.data.bacaJuga).toEqual(links);
    // A second story of that headline: the kept item now matches two, and says so.
    const twin = article('ekonomi/kembar.md', { title: 'Gempa Guncang Cianjur', body: 'MEDAN - Isi kembar.' });
    await expect(build([byFile, byHeadline, linker, twin], parsed)).rejects.toThrow(
      /matches the titles of content\/(ekonomi\/kembar|nasional\/kedua)\.md, content\/(ekonomi\/kembar|nasional\/kedua)\.md/,
    );
    // The linked file gone: the kept path names no article.
    await expect(build([byHeadline, linker], parsed)).rejects.toThrow(/resolves to no article|apa saja/);
  });
});
