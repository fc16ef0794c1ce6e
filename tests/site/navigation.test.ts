import { parse, type HTMLElement } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, listFiles, type SiteBuild } from '../helpers/build-site.ts';
import { brokenLinks, crawl } from '../helpers/links.ts';

/**
 * tests/fixtures/site-pagination with 3 articles a page: 11 published articles in five categories
 * (Nasional 2, Ekonomi 3 = one full page, Olahraga 4 = a page and one, Budaya 1, Gaya Hidup 1),
 * Internasional with only a scheduled article and Teknologi with only a draft (both configured in
 * categoryOrder), tags Jakarta 4, Sepak Bola 3, Cuaca 3.
 */
const FIXTURE = 'tests/fixtures/site-pagination';
const FIXTURE_ENV = { WARTA_PAGE_SIZE: '3', WARTA_NOW: '2025-01-10T12:00:00+07:00' };
/** Published slugs, newest first. */
const NEWEST_FIRST = [
  'rupiah-menguat',
  'timnas-menang',
  'banjir-bekasi',
  'harga-beras',
  'festival-wayang',
  'liga-dimulai',
  'cuaca-ekstrem',
  'ihsg-dibuka',
  'kopi-lokal',
  'piala-asia',
  'bulu-tangkis',
];
const SITE = 'https://warta.example';

const slugOf = (href: string | undefined): string =>
  /^\/berita\/([a-z0-9-]+)\/$/.exec(href ?? '')?.[1] ?? `not an article: ${href ?? 'no href'}`;

describe('navigation and lists of tests/fixtures/site-pagination (3 a page)', () => {
  let site: SiteBuild;
  const pages = new Map<string, HTMLElement>();
  /** Parsed page at a URL path such as `/kategori/olahraga/`. */
  const page = (urlPath: string): HTMLElement => {
    let root = pages.get(urlPath);
    if (!root) {
      root = parse(site.read(`${urlPath.slice(1)}index.html`));
      pages.set(urlPath, root);
    }
    return root;
  };
  /** Article slugs a list page lists, in order (front-page lists, category and tag lists). */
  const listed = (urlPath: string): string[] =>
    page(urlPath)
      .querySelectorAll('main ol h2 a')
      .map((a) => slugOf(a.getAttribute('href')));
  const pager = (urlPath: string) => {
    const nav = page(urlPath).querySelector('nav[aria-label="Halaman"]');
    if (!nav) return undefined;
    return {
      label: nav.querySelector('p')?.text,
      prev: nav.querySelector('a[rel="prev"]')?.getAttribute('href'),
      next: nav.querySelector('a[rel="next"]')?.getAttribute('href'),
      prevText: nav.querySelector('a[rel="prev"]')?.text.replace(/\W+/g, ' ').trim(),
      nextText: nav.querySelector('a[rel="next"]')?.text.replace(/\W+/g, ' ').trim(),
      ends: nav
        .querySelectorAll('li a:not([rel])')
        .map((a) => [a.text.replace(/\W+/g, ' ').trim(), a.getAttribute('href')]),
    };
  };
  const head = (urlPath: string, rel: string): string | undefined =>
    page(urlPath).querySelector(`head link[rel="${rel}"]`)?.getAttribute('href');

  beforeAll(() => {
    site = buildSite(FIXTURE, FIXTURE_ENV);
    if (site.status !== 0) throw new Error(`build failed:\n${site.output}`);
  });

  describe('the front page', () => {
    it('leads with the newest story, largest and with its image, then the next ones', () => {
      const lead = page('/').querySelector('main .lead-story');
      expect(lead?.querySelector('h2 a')?.getAttribute('href')).toBe('/berita/rupiah-menguat/');
      // The lead story shows the picture's 16:9 crop, loaded first (the public/ picture, processed).
      expect(lead?.querySelector('picture img')?.getAttribute('src')).toMatch(
        /^\/gambar\/[0-9a-f]{20}\/hero-800\.jpg$/,
      );
      expect(lead?.querySelector('picture img')?.getAttribute('fetchpriority')).toBe('high');
      expect(lead?.querySelector('h2')?.getAttribute('class')).toMatch(/text-3xl.*sm:text-4xl/);
      // 11 stories in pages of 3 on average, cut where the stories' slugs pick (pagination.ts): the
      // oldest 7 on three archive pages, the newest 4 on the front page.
      expect(listed('/')).toEqual(NEWEST_FIRST.slice(0, 4));
    });

    it('has one block per category in configured order, then the unconfigured ones alphabetically, each with "Selengkapnya"', () => {
      const blocks = page('/').querySelectorAll('main section.category-block');
      expect(blocks.map((b) => b.querySelector('h2')?.text)).toEqual([
        'Nasional',
        'Ekonomi',
        'Olahraga',
        'Budaya',
        'Gaya Hidup',
      ]);
      const olahraga = blocks[2];
      expect(olahraga?.querySelectorAll('h3 a').map((a) => slugOf(a.getAttribute('href')))).toEqual([
        'timnas-menang',
        'liga-dimulai',
        'piala-asia',
        'bulu-tangkis',
      ]);
      for (const block of blocks) {
        const more = block.querySelectorAll('a').find((a) => a.text.includes('Selengkapnya'));
        expect(more?.getAttribute('href')).toBe(block.querySelector('h2 a')?.getAttribute('href'));
      }
    });

    it('continues at the newest archive page, and links the oldest', () => {
      expect(pager('/')).toEqual({
        label: undefined,
        prev: undefined,
        next: '/halaman/3/',
        prevText: undefined,
        nextText: 'Lebih lama',
        ends: [['Terlama', '/halaman/1/']],
      });
      expect(head('/', 'next')).toBe('/halaman/3/');
      expect(head('/', 'prev')).toBeUndefined();
      expect(site.exists('halaman/4/index.html')).toBe(false);
    });
  });

  it('pages through every article exactly once, newest first: 4 + 3 + 2 + 2, archive pages named by their days', () => {
    // Archive pages are numbered from the oldest: /halaman/1/ holds the first stories published.
    expect(listed('/halaman/3/')).toEqual(NEWEST_FIRST.slice(4, 7));
    expect(listed('/halaman/2/')).toEqual(NEWEST_FIRST.slice(7, 9));
    expect(listed('/halaman/1/')).toEqual(NEWEST_FIRST.slice(9));
    expect(['/', '/halaman/3/', '/halaman/2/', '/halaman/1/'].flatMap(listed)).toEqual(NEWEST_FIRST);
    expect(page('/halaman/2/').querySelector('main ol')?.getAttribute('start')).toBeUndefined();
    expect(pager('/halaman/3/')).toMatchObject({ prev: '/', next: '/halaman/2/', ends: [['Terlama', '/halaman/1/']] });
    expect(pager('/halaman/2/')).toEqual({
      label: 'Berita 3–4 Januari 2025',
      prev: '/halaman/3/',
      next: '/halaman/1/',
      prevText: 'Lebih baru',
      nextText: 'Lebih lama',
      // "Terlama" would lead where "Lebih lama" does.
      ends: [['Terbaru', '/']],
    });
    expect(pager('/halaman/1/')).toEqual({
      label: 'Berita 1–2 Januari 2025',
      prev: '/halaman/2/',
      next: undefined,
      prevText: 'Lebih baru',
      nextText: undefined,
      ends: [['Terbaru', '/']],
    });
    expect([head('/halaman/1/', 'prev'), head('/halaman/1/', 'next')]).toEqual(['/halaman/2/', undefined]);
    expect(page('/halaman/1/').querySelector('title')?.text).toBe('Semua Berita – 1–2 Januari 2025 - Warta');
    expect(page('/halaman/1/').querySelector('main header h1 + p')?.text.trim()).toBe('Berita 1–2 Januari 2025');
  });

  describe('category pages', () => {
    it('fit fewer than a page, or exactly a page, on one page without a pager', () => {
      expect(listed('/kategori/nasional/')).toEqual(['banjir-bekasi', 'cuaca-ekstrem']);
      expect(listed('/kategori/ekonomi/')).toEqual(['rupiah-menguat', 'harga-beras', 'ihsg-dibuka']);
      expect(listed('/kategori/budaya/')).toEqual(['festival-wayang']);
      // Fewer than two pages' worth (Olahraga's 4 too) stays on the list's own page.
      expect(listed('/kategori/olahraga/')).toEqual(['timnas-menang', 'liga-dimulai', 'piala-asia', 'bulu-tangkis']);
      for (const slug of ['nasional', 'ekonomi', 'budaya', 'gaya-hidup', 'olahraga']) {
        expect(pager(`/kategori/${slug}/`), slug).toBeUndefined();
        expect(site.exists(`kategori/${slug}/halaman/1/index.html`), slug).toBe(false);
        expect(head(`/kategori/${slug}/`, 'next'), slug).toBeUndefined();
      }
    });

    it('exist only for categories with published articles, and only those are in the navigation', () => {
      const written = listFiles(site.outDir).filter((f) => /^kategori\/[^/]+\/index\.html$/.test(f));
      expect(written).toEqual(
        ['budaya', 'ekonomi', 'gaya-hidup', 'nasional', 'olahraga'].map((s) => `kategori/${s}/index.html`),
      );
      // Every page but the fragments article pages frame (sematan/), which have no header.
      for (const file of listFiles(site.outDir).filter((f) => f.endsWith('.html') && !f.startsWith('sematan/'))) {
        const nav = parse(site.read(file)).querySelector('header nav[aria-label="Kategori"]');
        expect(
          nav?.querySelectorAll('a').map((a) => a.text.trim()),
          file,
        ).toEqual(['Beranda', 'Nasional', 'Ekonomi', 'Olahraga', 'Budaya', 'Gaya Hidup', 'Semua Tag', 'Indeks']);
        const html = site.read(file);
        expect(html, file).not.toContain('/kategori/internasional/');
        expect(html, file).not.toContain('/kategori/teknologi/');
      }
    });

    it('mark their own entry in the navigation: "page" on that page, "true" within its section', () => {
      const current = (urlPath: string) =>
        page(urlPath)
          .querySelectorAll('header nav a[aria-current]')
          .map((a) => [a.getAttribute('href'), a.getAttribute('aria-current')]);
      expect(current('/')).toEqual([['/', 'page']]);
      expect(current('/kategori/olahraga/')).toEqual([['/kategori/olahraga/', 'page']]);
      expect(current('/berita/liga-dimulai/')).toEqual([['/kategori/olahraga/', 'true']]);
      expect(current('/tag/')).toEqual([['/tag/', 'page']]);
    });

    it('are listed with their counts at /kategori/', () => {
      const rows = page('/kategori/').querySelectorAll('main li h2');
      expect(rows.map((h) => [h.querySelector('a')?.getAttribute('href'), h.querySelector('span')?.text])).toEqual([
        ['/kategori/nasional/', '2 berita'],
        ['/kategori/ekonomi/', '3 berita'],
        ['/kategori/olahraga/', '4 berita'],
        ['/kategori/budaya/', '1 berita'],
        ['/kategori/gaya-hidup/', '1 berita'],
      ]);
    });
  });

  describe('tag pages', () => {
    it('paginate the same way: fewer than two pages stay on one', () => {
      expect(listed('/tag/sepak-bola/')).toEqual(['timnas-menang', 'liga-dimulai', 'piala-asia']);
      expect(pager('/tag/sepak-bola/')).toBeUndefined();
      expect(listed('/tag/jakarta/')).toEqual(['rupiah-menguat', 'timnas-menang', 'cuaca-ekstrem', 'ihsg-dibuka']);
      for (const tag of ['sepak-bola', 'jakarta']) expect(site.exists(`tag/${tag}/halaman/1/index.html`)).toBe(false);
    });

    it('are all listed at /tag/ ("Semua Tag") with their counts, and no tag of an unpublished article', () => {
      const index = page('/tag/');
      expect(index.querySelector('h1')?.text).toBe('Semua Tag');
      const rows = index
        .querySelectorAll('main section li a')
        .map((a) => [a.getAttribute('href'), [a.querySelector('span')?.text, a.querySelector('.tag-count')?.text]]);
      expect(rows).toEqual([
        ['/tag/banjir/', ['Banjir', '1 berita']],
        ['/tag/bulu-tangkis/', ['Bulu Tangkis', '1 berita']],
        ['/tag/cuaca/', ['Cuaca', '3 berita']],
        ['/tag/jakarta/', ['Jakarta', '4 berita']],
        ['/tag/kopi/', ['Kopi', '1 berita']],
        ['/tag/pasar/', ['Pasar', '3 berita']],
        ['/tag/rupiah/', ['Rupiah', '1 berita']],
        ['/tag/saham/', ['Saham', '1 berita']],
        ['/tag/sepak-bola/', ['Sepak Bola', '3 berita']],
        ['/tag/timnas/', ['Timnas', '2 berita']],
        ['/tag/wayang/', ['Wayang', '1 berita']],
      ]);
      expect(site.exists('tag/diplomasi/index.html')).toBe(false);
      expect(site.exists('tag/kecerdasan-buatan/index.html')).toBe(false);
    });
  });

  describe('article pages', () => {
    it('fill what "Berita Terkait" leaves with "Lainnya di <section>": its stories nearest in time', () => {
      const section = (urlPath: string, kind: string) =>
        page(urlPath)
          .querySelectorAll(`section[data-related="${kind}"] li a.font-serif`)
          .map((a) => slugOf(a.getAttribute('href')));
      // The oldest Olahraga story shares no topic with the others (no "Berita Terkait"); with no
      // older story in its section, the nearest newer ones fill the space, newest first.
      expect(section('/berita/bulu-tangkis/', 'computed')).toEqual([]);
      expect(page('/berita/bulu-tangkis/').querySelector('section[data-related="section"] h2')?.text.trim()).toBe(
        'Lainnya di Olahraga',
      );
      expect(section('/berita/bulu-tangkis/', 'section')).toEqual(['timnas-menang', 'liga-dimulai', 'piala-asia']);
      // A story whose section-mates are all in its own lists gets no "Lainnya" list.
      expect(section('/berita/rupiah-menguat/', 'section')).toEqual([]);
      // Stories alone in their section and with no related story end with "Terkini" only.
      expect(page('/berita/kopi-lokal/').querySelectorAll('section[data-related]')).toHaveLength(0);
      expect(page('/berita/kopi-lokal/').querySelector('iframe[title="Berita terkini"]')).not.toBeNull();
    });

    it('have breadcrumbs Beranda › Kategori › Judul, also as a JSON-LD BreadcrumbList', () => {
      const article = page('/berita/festival-wayang/');
      const nav = article.querySelector('nav[aria-label="Breadcrumb"]');
      expect(nav?.querySelectorAll('li a').map((a) => [a.text, a.getAttribute('href')])).toEqual([
        ['Beranda', '/'],
        ['Budaya', '/kategori/budaya/'],
        ['Festival Wayang Kulit Digelar Tiga Malam di Solo', '/berita/festival-wayang/'],
      ]);
      expect(nav?.querySelector('[aria-current="page"]')?.text).toBe(
        'Festival Wayang Kulit Digelar Tiga Malam di Solo',
      );
      const crumbs = jsonLd(article).find((d) => d['@type'] === 'BreadcrumbList');
      expect(crumbs?.['itemListElement']).toEqual([
        { '@type': 'ListItem', position: 1, name: 'Beranda', item: `${SITE}/` },
        { '@type': 'ListItem', position: 2, name: 'Budaya', item: `${SITE}/kategori/budaya/` },
        {
          '@type': 'ListItem',
          position: 3,
          name: 'Festival Wayang Kulit Digelar Tiga Malam di Solo',
          item: `${SITE}/berita/festival-wayang/`,
        },
      ]);
    });

    it('carry a NewsArticle JSON-LD with the required fields, parsed from the emitted script', () => {
      const [news] = jsonLd(page('/berita/rupiah-menguat/')).filter((d) => d['@type'] === 'NewsArticle');
      expect(news).toMatchObject({
        '@context': 'https://schema.org',
        headline: 'Rupiah Menguat ke Level Terkuat dalam Tiga Bulan',
        description:
          'Nilai tukar rupiah menguat ke level terkuat dalam tiga bulan terakhir pada perdagangan Jumat pagi.',
        datePublished: '2025-01-10T09:00:00+07:00',
        dateModified: '2025-01-10T11:30:00+07:00',
        author: [{ '@type': 'Person', name: 'Dewi Lestari' }],
        publisher: {
          '@type': 'Organization',
          name: 'Warta',
          logo: { '@type': 'ImageObject', url: `${SITE}/logo.svg` },
        },
        image: [
          {
            '@type': 'ImageObject',
            url: expect.stringMatching(/\/hero-1200\.jpg$/) as unknown,
            width: 1200,
            height: 675,
          },
          { '@type': 'ImageObject', url: expect.stringMatching(/\/4x3\.jpg$/) as unknown, width: 1200, height: 900 },
          { '@type': 'ImageObject', url: expect.stringMatching(/\/1x1\.jpg$/) as unknown, width: 900, height: 900 },
        ],
        mainEntityOfPage: { '@type': 'WebPage', '@id': `${SITE}/berita/rupiah-menguat/` },
        articleSection: 'Ekonomi',
        inLanguage: 'id-ID',
      });
      expect(site.exists('logo.svg')).toBe(true);
      const desk = jsonLd(page('/berita/timnas-menang/')).find((d) => d['@type'] === 'NewsArticle');
      expect(desk?.['author']).toEqual([{ '@type': 'Organization', name: 'Redaksi Uji' }]);
      const unsigned = jsonLd(page('/berita/harga-beras/')).find((d) => d['@type'] === 'NewsArticle');
      expect(unsigned).toMatchObject({
        headline: 'Harga Beras & Minyak Goreng “Meroket” Jelang Imlek',
        author: [{ '@type': 'Organization', name: 'Warta', url: `${SITE}/` }],
      });
      expect(unsigned?.['dateModified']).toBe(unsigned?.['datePublished']);
    });

    it('escape JSON-LD so it cannot end its script element, and ship no other script', () => {
      for (const file of listFiles(site.outDir).filter((f) => f.startsWith('berita/'))) {
        const html = site.read(file);
        const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
        expect(scripts.length, file).toBe(2);
        for (const [, attrs, body] of scripts) {
          expect(attrs, file).toContain('type="application/ld+json"');
          expect(body, file).not.toMatch(/[<>]/);
        }
      }
      // The "&" of a headline is escaped too (\u0026), and still reads back as "&".
      expect(site.read('berita/harga-beras/index.html')).toContain('Harga Beras \\u0026 Minyak');
    });

    it('have Open Graph and Twitter tags for articles, with an absolute image URL when there is an image', () => {
      const article = page('/berita/rupiah-menguat/');
      const meta = (key: string): string[] =>
        article
          .querySelectorAll(`meta[property="${key}"], meta[name="${key}"]`)
          .map((m) => m.getAttribute('content') ?? '');
      expect(meta('og:type')).toEqual(['article']);
      expect(meta('og:image')).toEqual([
        expect.stringMatching(new RegExp(`^${SITE}/gambar/[0-9a-f]{20}/hero-1200\\.jpg$`)),
      ]);
      expect(meta('twitter:card')).toEqual(['summary_large_image']);
      expect(meta('twitter:image')).toEqual(meta('og:image'));
      expect(meta('article:published_time')).toEqual(['2025-01-10T09:00:00+07:00']);
      expect(meta('article:modified_time')).toEqual(['2025-01-10T11:30:00+07:00']);
      expect(meta('article:section')).toEqual(['Ekonomi']);
      expect(meta('article:tag')).toEqual(['Rupiah', 'Pasar', 'Jakarta']);
      const plain = page('/berita/kopi-lokal/');
      // Without a photo: a card with the headline (within shareCardDays of the build) or the section's.
      expect(plain.querySelector('meta[property="og:image"]')?.getAttribute('content')).toMatch(
        new RegExp(`^${SITE}/gambar/kartu/[0-9a-f]{32}\\.jpg$`),
      );
      expect(plain.querySelector('meta[name="twitter:card"]')?.getAttribute('content')).toBe('summary_large_image');
      expect(plain.querySelector('meta[property="article:modified_time"]')?.getAttribute('content')).toBe(
        '2025-01-03T10:00:00+07:00',
      );
    });
  });

  it('gives every page a title, description, canonical URL, Open Graph and Twitter tags', () => {
    const htmlFiles = listFiles(site.outDir).filter(
      // Not the fragments article pages frame (sematan/): noindex, no canonical, no share tags.
      (f) => f.endsWith('.html') && f !== '404.html' && !f.startsWith('cari/') && !f.startsWith('sematan/'),
    );
    expect(htmlFiles.length).toBeGreaterThan(30);
    const titles = new Set<string>();
    for (const file of htmlFiles) {
      const root = parse(site.read(file));
      const url = `${SITE}/${file.replace(/index\.html$/, '')}`;
      const prop = (p: string) => root.querySelector(`meta[property="${p}"]`)?.getAttribute('content');
      const title = root.querySelector('title')?.text ?? '';
      expect(title, file).toMatch(/\S.* - Warta$/);
      // An article's title is its whole headline, never cut (issue #18).
      const h1 = root.querySelector('h1')?.text.trim() ?? '';
      if (file.startsWith('berita/')) expect(title, file).toBe(`${h1} - Warta`);
      titles.add(title);
      expect(root.querySelector('meta[name="description"]')?.getAttribute('content'), file).toMatch(/\S{3}/);
      expect(root.querySelector('link[rel="canonical"]')?.getAttribute('href'), file).toBe(url);
      expect(prop('og:url'), file).toBe(url);
      expect(prop('og:title'), file).toBe(title);
      expect(prop('og:description'), file).toMatch(/\S/);
      expect(prop('og:type'), file).toBe(file.startsWith('berita/') ? 'article' : 'website');
      expect(prop('og:site_name'), file).toBe('Warta');
      expect(prop('og:locale'), file).toBe('id_ID');
      expect(root.querySelector('meta[name="twitter:card"]')?.getAttribute('content'), file).toMatch(
        /^summary(_large_image)?$/,
      );
      expect(root.querySelector('meta[name="twitter:title"]')?.getAttribute('content'), file).toMatch(/\S/);
      expect(root.querySelector('meta[http-equiv="Content-Security-Policy"]'), file).not.toBeNull();
    }
    expect(titles.size).toBe(htmlFiles.length);
  });

  it('has an Indonesian 404 page kept out of search engines', () => {
    const notFound = parse(site.read('404.html'));
    expect(notFound.querySelector('h1')?.text).toBe('Halaman tidak ditemukan');
    expect(notFound.querySelector('html')?.getAttribute('lang')).toBe('id');
    expect(notFound.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');
    expect(notFound.querySelector('main a[href="/"]')?.text).toBe('Kembali ke Beranda');
  });

  it('links only to pages and files that exist, in every href and src of every page', () => {
    expect(brokenLinks(site.outDir)).toEqual([]);
  });

  it('reaches every published article, and every list page, from the front page by following links', () => {
    const reached = crawl(site.outDir, '/');
    const articles = listFiles(site.outDir).filter((f) => f.startsWith('berita/'));
    expect(articles).toHaveLength(NEWEST_FIRST.length);
    expect(articles.filter((f) => !reached.has(f))).toEqual([]);
    const lists = listFiles(site.outDir).filter((f) => /^(halaman|kategori|tag)\/.*index\.html$/.test(f));
    expect(lists.filter((f) => !reached.has(f))).toEqual([]);
  });

  /** The JSON-LD objects of a page, parsed from its script elements. */
  function jsonLd(root: HTMLElement): Record<string, unknown>[] {
    return root
      .querySelectorAll('script[type="application/ld+json"]')
      .map((s) => JSON.parse(s.innerHTML) as Record<string, unknown>);
  }
});
