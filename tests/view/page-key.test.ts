import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toListView } from '../../src/lib/view/article-view.ts';
import { pageCacheKey } from '../../src/lib/view/page-key.ts';
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
