import { describe, expect, it } from 'vitest';
import { defineSiteConfig, integerOverride } from '../../src/lib/site-config.ts';
import { robotsTxt } from '../../src/lib/view/robots.ts';
import { absoluteUrl, escapeXml, languageCode, ogLocale } from '../../src/lib/view/urls.ts';

describe('site config', () => {
  const identity = {
    name: 'Kabar',
    tagline: 'Kabar terkini',
    description: 'Kabar terkini.',
    url: 'https://kabar.example',
  };

  it('fills in defaults for what is not set', () => {
    const config = defineSiteConfig(identity);
    expect(config).toMatchObject({
      name: 'Kabar',
      locale: 'id-ID',
      pageSize: 20,
      feedSize: 50,
      newsSitemapHours: 48,
      categoryBlockSize: 4,
    });
    expect(config.related).toMatchObject({
      limit: 5,
      weights: { text: 1, tags: 0.5, category: 0.1, recency: 0.1 },
      halfLifeDays: 30,
    });
  });

  it('rejects unknown keys and bad values', () => {
    expect(() => defineSiteConfig({ ...identity, pageSize: 0 })).toThrow();
    expect(() => defineSiteConfig({ ...identity, url: 'bukan url' })).toThrow();
    expect(() => defineSiteConfig({ ...identity, pagesize: 10 } as never)).toThrow();
    // A time zone setting did nothing (dates are WIB throughout); it is gone, and naming it is an error.
    expect(() => defineSiteConfig({ ...identity, timeZone: 'Asia/Makassar' } as never)).toThrow(/timeZone/);
  });

  it('has no default identity: a site must say its name and URL', () => {
    expect(() => defineSiteConfig({ ...identity, url: undefined } as never)).toThrow(/url/);
    expect(() => defineSiteConfig({ ...identity, name: undefined } as never)).toThrow(/name/);
  });

  it('gives the locale to <html lang> and the feeds as its language code', () => {
    expect(languageCode(defineSiteConfig({ ...identity, locale: 'en-US' }).locale)).toBe('en');
    expect(languageCode(defineSiteConfig(identity).locale)).toBe('id');
  });

  it('reads WARTA_PAGE_SIZE-style overrides strictly', () => {
    expect(integerOverride('WARTA_PAGE_SIZE', undefined)).toBeUndefined();
    expect(integerOverride('WARTA_PAGE_SIZE', '')).toBeUndefined();
    expect(integerOverride('WARTA_PAGE_SIZE', '3')).toBe(3);
    for (const bad of ['0', '-1', '2.5', 'tiga', '3 '])
      expect(() => integerOverride('WARTA_PAGE_SIZE', bad)).toThrow(/WARTA_PAGE_SIZE/);
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
