import { describe, expect, it } from 'vitest';
import { articleBreadcrumbs } from '../../src/lib/view/breadcrumbs.ts';
import {
  breadcrumbJsonLd,
  newsArticleJsonLd,
  profilePageJsonLd,
  serializeJsonLd,
  type Publisher,
} from '../../src/lib/view/json-ld.ts';
import { makeArticle } from './make-article.ts';

const publisher: Publisher = {
  name: 'Warta',
  url: 'https://warta.example',
  locale: 'id-ID',
  logo: { src: '/logo.svg', width: 600, height: 60 },
  tagline: 'Berita terkini',
  shareCardDays: 30,
};
const now = new Date('2025-01-11T00:00:00Z');

describe('newsArticleJsonLd', () => {
  const article = makeArticle('rupiah-menguat', {
    title: 'Rupiah Menguat',
    summary: 'Rupiah menguat pagi ini.',
    date: new Date('2025-01-10T02:00:00Z'),
    updated: new Date('2025-01-10T04:30:00Z'),
    category: 'Ekonomi',
    tags: [{ name: 'Rupiah', slug: 'rupiah' }],
    credits: [{ role: 'penulis', name: 'Dewi Lestari' }],
    image: { src: '/images/pasar.jpg', alt: 'Pasar' },
  });

  it('has every field Google News reads', () => {
    expect(newsArticleJsonLd(article, publisher, now)).toEqual({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'Rupiah Menguat',
      description: 'Rupiah menguat pagi ini.',
      url: 'https://warta.example/berita/rupiah-menguat/',
      mainEntityOfPage: { '@type': 'WebPage', '@id': 'https://warta.example/berita/rupiah-menguat/' },
      datePublished: '2025-01-10T09:00:00+07:00',
      dateModified: '2025-01-10T11:30:00+07:00',
      author: [{ '@type': 'Person', name: 'Dewi Lestari' }],
      publisher: {
        '@type': 'Organization',
        name: 'Warta',
        url: 'https://warta.example/',
        logo: { '@type': 'ImageObject', url: 'https://warta.example/logo.svg', width: 600, height: 60 },
      },
      image: ['https://warta.example/images/pasar.jpg'],
      articleSection: 'Ekonomi',
      keywords: ['Rupiah'],
      inLanguage: 'id-ID',
      isAccessibleForFree: true,
    });
  });

  it('lists the 16:9, 4:3 and 1:1 crops of a checked photo, with their sizes', () => {
    const asset = { key: 'k1', file: '/x.jpg', width: 1600, height: 1200, role: 'lead' as const };
    const ld = newsArticleJsonLd(makeArticle('c', { image: { src: './x.jpg', alt: 'x', asset } }), publisher, now);
    expect(ld['image']).toEqual([
      { '@type': 'ImageObject', url: 'https://warta.example/gambar/k1/hero-1200.jpg', width: 1200, height: 675 },
      { '@type': 'ImageObject', url: 'https://warta.example/gambar/k1/4x3.jpg', width: 1200, height: 900 },
      { '@type': 'ImageObject', url: 'https://warta.example/gambar/k1/1x1.jpg', width: 900, height: 900 },
    ]);
  });

  it('credits a desk byline or no byline to an organisation, and keeps an absolute image URL', () => {
    const desk = newsArticleJsonLd(
      makeArticle('a', {
        credits: [{ role: 'penulis', name: 'Tim Liputan Khusus' }],
        image: { src: 'https://cdn.example/x.jpg', alt: 'x' },
      }),
      publisher,
      now,
    );
    expect(desk['author']).toEqual([{ '@type': 'Organization', name: 'Tim Liputan Khusus' }]);
    expect(desk['image']).toEqual(['https://cdn.example/x.jpg']);
    const none = newsArticleJsonLd(makeArticle('b'), publisher, now);
    expect(none['author']).toEqual([{ '@type': 'Organization', name: 'Warta', url: 'https://warta.example/' }]);
    expect(none['dateModified']).toBe(none['datePublished']);
    // Without a photo, the article's share card stands in (src/lib/images/share.ts).
    expect(none['image']).toEqual([
      {
        '@type': 'ImageObject',
        url: expect.stringMatching(/^https:\/\/warta\.example\/gambar\/kartu\/[0-9a-f]{32}\.jpg$/) as unknown,
        width: 1200,
        height: 675,
      },
    ]);
    expect(none).not.toHaveProperty('keywords');
  });
});

describe('credits and corrections in NewsArticle', () => {
  it('gives people with a file a Person with their page, the newsroom the publisher, and editors apart', () => {
    const ld = newsArticleJsonLd(
      makeArticle('a', {
        credits: [
          { role: 'penulis', name: 'Redaksi Warta', newsroom: true },
          { role: 'pewarta', name: 'Andi Pratama', slug: 'andi-pratama' },
          { role: 'editor', name: 'Maya Sari', slug: 'maya-sari' },
          { role: 'fotografer', name: 'Budi Santoso' },
        ],
      }),
      publisher,
      now,
    );
    expect(ld['author']).toEqual([
      { '@type': 'Organization', name: 'Warta', url: 'https://warta.example/' },
      { '@type': 'Person', name: 'Andi Pratama', url: 'https://warta.example/penulis/andi-pratama/' },
    ]);
    expect(ld['editor']).toEqual([
      { '@type': 'Person', name: 'Maya Sari', url: 'https://warta.example/penulis/maya-sari/' },
    ]);
    expect(ld['contributor']).toEqual([{ '@type': 'Person', name: 'Budi Santoso' }]);
  });

  it('takes dateModified from the latest correction', () => {
    const ld = newsArticleJsonLd(
      makeArticle('a', {
        date: new Date('2025-01-10T02:00:00Z'),
        corrections: [{ date: new Date('2025-01-12T05:00:00Z'), text: 'Nama menteri diperbaiki.' }],
        modified: new Date('2025-01-12T05:00:00Z'),
      }),
      publisher,
      now,
    );
    expect(ld['dateModified']).toBe('2025-01-12T12:00:00+07:00');
  });
});

describe('profilePageJsonLd', () => {
  it("describes the person as the page's main entity", () => {
    expect(
      profilePageJsonLd(
        {
          slug: 'dewi-lestari',
          name: 'Dewi Lestari',
          role: 'penulis',
          bio: 'Menulis ekonomi.',
          links: [{ name: 'X', url: 'https://x.com/dewi' }],
          sourceFile: 'penulis/dewi-lestari.md',
        },
        publisher,
      ),
    ).toEqual({
      '@context': 'https://schema.org',
      '@type': 'ProfilePage',
      url: 'https://warta.example/penulis/dewi-lestari/',
      mainEntity: {
        '@type': 'Person',
        name: 'Dewi Lestari',
        url: 'https://warta.example/penulis/dewi-lestari/',
        description: 'Menulis ekonomi.',
        jobTitle: 'Penulis',
        worksFor: { '@type': 'Organization', name: 'Warta', url: 'https://warta.example/' },
        sameAs: ['https://x.com/dewi'],
      },
    });
  });
});

describe('breadcrumbs', () => {
  it('go Beranda › category › headline, in the page and in JSON-LD', () => {
    const crumbs = articleBreadcrumbs(makeArticle('banjir', { title: 'Banjir Bekasi', category: 'Gaya Hidup' }));
    expect(crumbs).toEqual([
      { name: 'Beranda', href: '/' },
      { name: 'Gaya Hidup', href: '/kategori/gaya-hidup/' },
      { name: 'Banjir Bekasi', href: '/berita/banjir/' },
    ]);
    expect(breadcrumbJsonLd(crumbs, 'https://warta.example')).toEqual({
      '@context': 'https://schema.org',
      '@type': 'BreadcrumbList',
      itemListElement: [
        { '@type': 'ListItem', position: 1, name: 'Beranda', item: 'https://warta.example/' },
        { '@type': 'ListItem', position: 2, name: 'Gaya Hidup', item: 'https://warta.example/kategori/gaya-hidup/' },
        { '@type': 'ListItem', position: 3, name: 'Banjir Bekasi', item: 'https://warta.example/berita/banjir/' },
      ],
    });
  });
});

describe('serializeJsonLd', () => {
  it('cannot close its script element, and parses back to the same data', () => {
    const data = { headline: 'Awas </script><script>alert(1)</script> & <!-- lain', note: 'baris\u2028baru' };
    const json = serializeJsonLd(data);
    expect(json).not.toMatch(/<|>|&|\u2028/);
    expect(JSON.parse(json)).toEqual(data);
  });
});
