import { XMLParser } from 'fast-xml-parser';
import { SyntaxValidator } from 'fast-xml-validator';
import { describe, expect, it } from 'vitest';
import { newsSitemapXml, recentArticles } from '../../src/lib/view/news-sitemap.ts';
import { makeArticle } from './make-article.ts';

const now = new Date('2025-01-10T05:00:00Z');
const hoursBefore = (h: number, ms = 0): Date => new Date(now.getTime() - h * 3600_000 - ms);
/** True for well-formed XML with one root element; throws, naming the fault, for anything else. */
const wellFormed = (xml: string): true => SyntaxValidator.validate(xml, { multipleRoots: false });
/** What the test reads of a parsed news sitemap. */
interface NewsUrlSet {
  urlset: { '@_xmlns:news': unknown; url: unknown };
}

describe('recentArticles', () => {
  it('keeps articles from the last 48 hours, the edge included, and nothing from the future', () => {
    const articles = [
      makeArticle('besok', { date: new Date(now.getTime() + 1) }),
      makeArticle('sekarang', { date: now }),
      makeArticle('kemarin', { date: hoursBefore(24) }),
      makeArticle('tepat-48-jam', { date: hoursBefore(48) }),
      makeArticle('lewat-48-jam', { date: hoursBefore(48, 1) }),
      makeArticle('pekan-lalu', { date: hoursBefore(24 * 7) }),
    ];
    expect(recentArticles(articles, now, 48).map((a) => a.slug)).toEqual(['sekarang', 'kemarin', 'tepat-48-jam']);
  });
});

describe('newsSitemapXml', () => {
  it('writes a news:news entry per article, escaped, that an XML parser reads back', () => {
    const xml = newsSitemapXml(
      [
        makeArticle('harga-beras', {
          title: 'Harga Beras & Minyak <Naik>',
          date: new Date('2025-01-10T02:00:00Z'),
          // A correction: the page changed after it was published, so crawlers should fetch it again.
          modified: new Date('2025-01-10T05:00:00Z'),
        }),
      ],
      { siteUrl: 'https://warta.example', publicationName: 'Warta', locale: 'id-ID' },
    );
    expect(wellFormed(xml)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false }).parse(xml) as NewsUrlSet;
    expect(doc.urlset['@_xmlns:news']).toBe('http://www.google.com/schemas/sitemap-news/0.9');
    expect(doc.urlset.url).toEqual({
      loc: 'https://warta.example/berita/harga-beras/',
      lastmod: '2025-01-10T12:00:00+07:00',
      'news:news': {
        'news:publication': { 'news:name': 'Warta', 'news:language': 'id' },
        'news:publication_date': '2025-01-10T09:00:00+07:00',
        'news:title': 'Harga Beras & Minyak <Naik>',
      },
    });
  });

  it('is a valid, empty urlset when nothing is recent', () => {
    const xml = newsSitemapXml([], { siteUrl: 'https://warta.example', publicationName: 'Warta', locale: 'id-ID' });
    expect(wellFormed(xml)).toBe(true);
    expect(xml).not.toContain('<url>');
  });
});
