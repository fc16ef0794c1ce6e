import { describe, expect, it } from 'vitest';
import { publishArticle, publishedArticle } from '../../src/data/published-articles.ts';
import { buildContent } from '../../src/lib/content/build-content.ts';
import { source } from '../helpers/article-source.ts';

describe('article data handed from the loader to the pages by digest', () => {
  const [built] = buildContent([source('putin.md', '---\ntitle: "Putin Kirim Pesan"\ndate: 2024-12-27T10:15:00+07:00\ncategory: Internasional\n---\n\nJAKARTA - Isi.\n')], {
    now: new Date('2025-01-01T00:00:00Z'),
  }).articles;

  it('gives each digest the article published under it, old digests included', () => {
    const article = built!.data;
    publishArticle('digest-lama', article);
    const edited = { ...article, title: 'Putin Kirim Pesan Baru' };
    publishArticle('digest-baru', edited);
    expect(publishedArticle('putin', 'digest-baru').title).toBe('Putin Kirim Pesan Baru');
    // The dev server's entries name the previous digest until Astro picks up the reload.
    expect(publishedArticle('putin', 'digest-lama').title).toBe('Putin Kirim Pesan');
  });

  it('names the entry and says what to run when the loader did not publish it in this process', () => {
    expect(() => publishedArticle('hilang', 'abc123')).toThrow(/no data for the article entry "hilang" \(digest abc123\).*`astro build`/s);
    expect(() => publishedArticle('tanpa-digest', undefined)).toThrow(/"tanpa-digest" \(digest undefined\)/);
  });
});
