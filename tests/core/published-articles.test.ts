import { describe, expect, it } from 'vitest';
import { publishArticle, publishedArticle, publishedBody } from '../../src/data/published-articles.ts';
import { buildContent } from '../../src/lib/content/build-content.ts';
import { source } from '../helpers/article-source.ts';

describe('article data handed from the loader to the pages by digest', () => {
  const [built] = buildContent([source('putin.md', '---\ntitle: "Putin Kirim Pesan"\ndate: 2024-12-27T10:15:00+07:00\ncategory: Internasional\n---\n\nJAKARTA - Isi.\n')], {
    now: new Date('2025-01-01T00:00:00Z'),
  }).articles;

  it('gives each digest the article published under it, old digests included', () => {
    const article = built!.data;
    const oldBody = { pack: '000000000000001-000000-1.pack', offset: 0, length: 120 };
    const newBody = { pack: '000000000000002-000000-1.pack', offset: 0, length: 130 };
    publishArticle('digest-lama', article, oldBody);
    const edited = { ...article, title: 'Putin Kirim Pesan Baru' };
    publishArticle('digest-baru', edited, newBody);
    expect(publishedArticle('putin', 'digest-baru').title).toBe('Putin Kirim Pesan Baru');
    expect(publishedBody('putin', 'digest-baru')).toEqual(newBody);
    // The dev server's entries name the previous digest until Astro picks up the reload.
    expect(publishedArticle('putin', 'digest-lama').title).toBe('Putin Kirim Pesan');
    expect(publishedBody('putin', 'digest-lama')).toEqual(oldBody);
  });

  it('names the entry and says what to run when the loader did not publish it in this process', () => {
    expect(() => publishedArticle('hilang', 'abc123')).toThrow(/no data for the article entry "hilang" \(digest abc123\).*`astro build`/s);
    expect(() => publishedArticle('tanpa-digest', undefined)).toThrow(/"tanpa-digest" \(digest undefined\)/);
    expect(() => publishedBody('hilang', 'abc123')).toThrow(/no data for the article entry "hilang" \(digest abc123\)/);
  });
});
