import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { feedChannelData, toFeedItems } from '../../src/lib/view/feed.ts';
import { articlesNewestFirst, makeArticle } from './make-article.ts';

describe('toFeedItems', () => {
  it('takes the newest `limit` articles, in order', () => {
    const items = toFeedItems(articlesNewestFirst(60), 50);
    expect(items).toHaveLength(50);
    expect(items[0]?.link).toBe('/berita/berita-1/');
    expect(items[49]?.link).toBe('/berita/berita-50/');
    expect(toFeedItems(articlesNewestFirst(3), 50)).toHaveLength(3);
  });

  it('carries title, link, date, summary and category', () => {
    const date = new Date('2025-01-10T02:00:00Z');
    const [item] = toFeedItems(
      [makeArticle('rupiah', { title: 'Rupiah Menguat', date, summary: 'Rupiah menguat.', category: 'Ekonomi' })],
      50,
    );
    expect(item).toEqual({
      title: 'Rupiah Menguat',
      link: '/berita/rupiah/',
      pubDate: date,
      description: 'Rupiah menguat.',
      categories: ['Ekonomi'],
    });
  });

  it('gives the summary as text a feed reader cannot take for markup (issue #16)', () => {
    const [item] = toFeedItems([makeArticle('a', { summary: 'Harga <b>naik</b> & <script>x</script>' })], 50);
    expect(item?.description).toBe('Harga &lt;b&gt;naik&lt;/b&gt; &amp; &lt;script&gt;x&lt;/script&gt;');
  });

  it('names the byline as dc:creator, escaped', () => {
    const [item] = toFeedItems(
      [makeArticle('a', { credits: [{ role: 'penulis', name: 'Tim <Liputan> & Kawan' }] })],
      50,
    );
    expect(item?.customData).toBe('<dc:creator>Tim &lt;Liputan&gt; &amp; Kawan</dc:creator>');
  });

  it('names writers and reporters, not the editor, and says when a story was corrected', () => {
    const date = new Date('2025-01-10T03:00:00Z');
    const [item] = toFeedItems(
      [
        makeArticle('a', {
          date,
          modified: new Date('2025-01-11T01:00:00Z'),
          credits: [
            { role: 'penulis', name: 'Dewi Lestari', slug: 'dewi-lestari' },
            { role: 'pewarta', name: 'Andi Pratama' },
            { role: 'editor', name: 'Maya Sari', slug: 'maya-sari' },
          ],
        }),
      ],
      50,
    );
    expect(item?.customData).toBe(
      '<dc:creator>Dewi Lestari</dc:creator><dc:creator>Andi Pratama</dc:creator><dcterms:modified>2025-01-11T08:00:00+07:00</dcterms:modified>',
    );
  });
});

/** What the test reads of the parsed channel data. */
interface FeedChannel {
  language: unknown;
  lastBuildDate: unknown;
  'atom:link': { '@_href': unknown };
}

describe('feedChannelData', () => {
  it('gives the language, the newest item’s time and the self link as XML', () => {
    const xml = feedChannelData(articlesNewestFirst(2), {
      locale: 'id-ID',
      selfUrl: 'https://warta.example/rss.xml?a=1&b=2',
    });
    const { channel } = new XMLParser({ ignoreAttributes: false }).parse(`<channel>${xml}</channel>`) as {
      channel: FeedChannel;
    };
    expect(channel.language).toBe('id');
    expect(channel.lastBuildDate).toBe('Fri, 10 Jan 2025 03:00:00 GMT');
    expect(channel['atom:link']['@_href']).toBe('https://warta.example/rss.xml?a=1&b=2');
  });

  it('leaves out lastBuildDate for an empty feed', () => {
    expect(feedChannelData([], { locale: 'id-ID', selfUrl: 'https://warta.example/rss.xml' })).not.toContain(
      'lastBuildDate',
    );
  });
});
