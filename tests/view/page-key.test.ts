import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { keepResultsAcrossBuilds } from '../../src/lib/once-per-object.ts';
import { toListView } from '../../src/lib/view/article-view.ts';
import { keptPageKeys, pageCacheKey } from '../../src/lib/view/page-key.ts';
import { makeArticle } from './make-article.ts';

// Props as pages pass them: an object of fields, some of them arrays of views.
const props = fc.dictionary(
  fc.string({ maxLength: 6 }),
  fc.oneof(
    fc.jsonValue({ maxDepth: 3 }),
    fc.array(fc.dictionary(fc.string({ maxLength: 4 }), fc.jsonValue({ maxDepth: 2 })), { maxLength: 4 }),
  ),
  { maxKeys: 5 },
);

describe('pageCacheKey', () => {
  it('gives two props the same key exactly when their JSON is the same', () => {
    fc.assert(
      fc.property(props, props, (a, b) => {
        expect(pageCacheKey(a, 'nav')).toBe(pageCacheKey(structuredClone(a), 'nav'));
        expect(pageCacheKey(a, 'nav') === pageCacheKey(b, 'nav')).toBe(JSON.stringify(a) === JSON.stringify(b));
      }),
    );
  });

  it('keeps its keys from build to build: a new key re-renders every page once', () => {
    // Pinned so that the format changes only on purpose (it last did in session 24: one JSON of the
    // props, with shared views as their digests and top-level dates as their times).
    const props = {
      title: 'Banjir "Jakarta" é',
      when: new Date('2024-12-27T10:00:00Z'),
      items: [{ a: 1 }, 2, null, undefined, 'x'],
      none: undefined,
      nested: { b: [1, { c: 'd' }] },
    };
    expect(pageCacheKey(props, 'nav|x=y')).toBe('nzJn4So8oCY7y_0WJHwSV6vaqjc');
  });

  it('serializes an object that is not frozen each time, so a changed one changes the key', () => {
    const page = { items: [{ title: 'a' }], heading: { text: 'x' } };
    const before = pageCacheKey(page, 'nav');
    page.items[0]!.title = 'b';
    const afterItem = pageCacheKey(page, 'nav');
    expect(afterItem).not.toBe(before);
    page.heading.text = 'y';
    expect(pageCacheKey(page, 'nav')).not.toBe(afterItem);
  });

  it('keys a shared (frozen) view by its content, at the top level and in a list', () => {
    const view = (title: string) => Object.freeze({ title, date: new Date('2024-12-27T10:00:00Z') });
    const page = (title: string) => ({ sidebar: view(title), items: [view(title), view('b')] });
    // A new build makes new objects: the same content gives the same key.
    expect(pageCacheKey(page('a'), 'nav')).toBe(pageCacheKey(page('a'), 'nav'));
    expect(pageCacheKey(page('a'), 'nav')).not.toBe(pageCacheKey(page('c'), 'nav'));
    expect(pageCacheKey({ items: [view('a'), view('b')] }, 'nav')).not.toBe(
      pageCacheKey({ items: [view('b'), view('a')] }, 'nav'),
    );
  });

  it('counts a date by its time', () => {
    const at = (time: number) => pageCacheKey({ date: new Date(time), items: [new Date(time)] }, 'nav');
    expect(at(1_735_286_400_000)).toBe(at(1_735_286_400_000));
    expect(at(1_735_286_400_000)).not.toBe(at(1_735_286_400_001));
    expect(pageCacheKey({ items: [new Date(0)] }, 'nav')).not.toBe(pageCacheKey({ items: [new Date(1)] }, 'nav'));
  });

  it('depends on the navigation', () => {
    expect(pageCacheKey({ a: 1 }, 'x')).not.toBe(pageCacheKey({ a: 1 }, 'y'));
  });

  it('follows a changed article into a new view and a new key', () => {
    const before = makeArticle('a', { title: 'Banjir di Jakarta' });
    const after = makeArticle('a', { title: 'Banjir besar di Jakarta' });
    const key = (article: typeof before): string => pageCacheKey({ items: [toListView(article)] }, 'nav');
    expect(key(before)).toBe(key(before));
    expect(key(after)).not.toBe(key(before));
  });
});

describe('toListView', () => {
  it('makes one view per article, shared by every list it stands on', () => {
    const article = makeArticle('a');
    expect(toListView(article)).toBe(toListView(article));
    // Frozen, so pageCacheKey serializes it once for every list page it is on.
    expect(Object.isFrozen(toListView(article))).toBe(true);
    expect(toListView(makeArticle('a'))).toStrictEqual(toListView(article));
  });
});

describe('keptPageKeys (issue #20)', () => {
  const KEPT = Symbol.for('warta.results-across-builds');
  const view = (title: string) => Object.freeze({ title, href: `/berita/${title}/` });
  const pool = ['a', 'b', 'c', 'd', 'e'].map(view);
  // A route's pages as a build makes them: new props objects, the views shared from build to build.
  const page = fc.record({
    items: fc.array(fc.constantFrom(...pool), { maxLength: 4 }),
    pagination: fc.record({ front: fc.boolean(), label: fc.constantFrom('', '3–9 Desember 2024') }),
    sidebar: fc.constantFrom(...pool),
    count: fc.nat({ max: 3 }),
  });
  // Builds in turn, each with its navigation (a section renamed changes every page) and its pages,
  // drawn from a few props so that a page often has the props it had in the last build.
  const builds = fc
    .array(page, { minLength: 1, maxLength: 3 })
    .chain((props) =>
      fc.array(
        fc.tuple(
          fc.constantFrom('nav', 'nav2'),
          fc.array(fc.tuple(fc.constantFrom('/p/1/', '/p/2/'), fc.constantFrom(...props)), { maxLength: 4 }),
        ),
        { minLength: 1, maxLength: 6 },
      ),
    );

  afterEach(() => {
    Reflect.deleteProperty(globalThis, KEPT);
  });

  it('gives every page the key pageCacheKey gives its props, build after build, in the server and outside it', () => {
    for (const server of [false, true]) {
      if (server) keepResultsAcrossBuilds();
      fc.assert(
        fc.property(builds, (sequence) => {
          for (const [navigation, pages] of sequence) {
            const keys = keptPageKeys('uji');
            for (const [path, props] of pages) {
              const copy = { ...props, pagination: { ...props.pagination } };
              expect(keys.key(path, copy, navigation)).toBe(pageCacheKey(copy, navigation));
            }
          }
        }),
      );
    }
  });

  it('in the server, keys a page whose props hold the same views again without serializing them', () => {
    keepResultsAcrossBuilds();
    const props = () => ({ items: [pool[0], pool[1]], sidebar: pool[2], count: 1 });
    keptPageKeys('uji-hemat').key('/p/1/', props(), 'nav');
    const stringify = vi.spyOn(JSON, 'stringify');
    try {
      const keys = keptPageKeys('uji-hemat');
      const same = keys.key('/p/1/', props(), 'nav');
      expect(stringify).not.toHaveBeenCalled();
      expect(same).toBe(pageCacheKey(props(), 'nav'));
      // Another view, another count, another navigation: keyed again.
      expect(keys.key('/p/1/', { ...props(), items: [pool[0], pool[3]] }, 'nav')).not.toBe(same);
      expect(stringify).toHaveBeenCalled();
    } finally {
      stringify.mockRestore();
    }
  });

  it('serializes an object that is not frozen every build, so one changed in place changes the key', () => {
    keepResultsAcrossBuilds();
    const pagination = { label: 'a' };
    const first = keptPageKeys('uji-ubah').key('/p/1/', { items: [pool[0]], pagination }, 'nav');
    pagination.label = 'b';
    const second = keptPageKeys('uji-ubah').key('/p/1/', { items: [pool[0]], pagination }, 'nav');
    expect(second).not.toBe(first);
    expect(second).toBe(pageCacheKey({ items: [pool[0]], pagination }, 'nav'));
  });
});
