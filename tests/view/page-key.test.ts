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
    expect(toListView(makeArticle('a'))).toStrictEqual(toListView(article));
  });
});
