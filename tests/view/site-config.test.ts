import { describe, expect, it } from 'vitest';
import { defineSiteConfig, integerOverride } from '../../src/lib/site-config.ts';
import { robotsTxt } from '../../src/lib/view/robots.ts';
import { absoluteUrl, escapeXml, languageCode, ogLocale } from '../../src/lib/view/urls.ts';

describe('site config', () => {
  it('fills in defaults for what is not set', () => {
    const config = defineSiteConfig({ name: 'Kabar' });
    expect(config).toMatchObject({ name: 'Kabar', locale: 'id-ID', pageSize: 20, feedSize: 50, newsSitemapHours: 48, categoryBlockSize: 4 });
    expect(config.related).toMatchObject({ limit: 5, weights: { text: 1, tags: 0.5, category: 0.1, recency: 0.1 }, halfLifeDays: 30 });
  });

  it('rejects unknown keys and bad values', () => {
    expect(() => defineSiteConfig({ pageSize: 0 })).toThrow();
    expect(() => defineSiteConfig({ url: 'bukan url' })).toThrow();
    expect(() => defineSiteConfig({ pagesize: 10 } as never)).toThrow();
  });

  it('reads WARTA_PAGE_SIZE-style overrides strictly', () => {
    expect(integerOverride('WARTA_PAGE_SIZE', undefined)).toBeUndefined();
    expect(integerOverride('WARTA_PAGE_SIZE', '')).toBeUndefined();
    expect(integerOverride('WARTA_PAGE_SIZE', '3')).toBe(3);
    for (const bad of ['0', '-1', '2.5', 'tiga', '3 ']) expect(() => integerOverride('WARTA_PAGE_SIZE', bad)).toThrow(/WARTA_PAGE_SIZE/);
  });
});

describe('URLs and locales', () => {
  it('makes site paths absolute and leaves absolute URLs alone', () => {
    expect(absoluteUrl('/berita/x/', 'https://warta.example')).toBe('https://warta.example/berita/x/');
    expect(absoluteUrl('https://cdn.example/a.jpg', 'https://warta.example')).toBe('https://cdn.example/a.jpg');
  });

  it('derives Open Graph and ISO 639 forms of the locale', () => {
    expect(ogLocale('id-ID')).toBe('id_ID');
    expect(languageCode('id-ID')).toBe('id');
  });

  it('escapes XML', () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
  });

  it('writes robots.txt naming both sitemaps', () => {
    expect(robotsTxt('https://warta.example')).toBe(
      'User-agent: *\nAllow: /\n\nSitemap: https://warta.example/sitemap-index.xml\nSitemap: https://warta.example/sitemap-news.xml\n',
    );
  });
});
