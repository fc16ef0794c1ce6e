// "Lainnya di <Kategori>": the space a short "Berita Terkait" leaves goes to the
// stories of the same section published just before the article (issue #18).
import { describe, expect, it } from 'vitest';
import { buildContent, type BuildContentOptions } from '../../src/lib/content/build-content.ts';
import { parseSources } from '../../src/lib/content/parse-sources.ts';
import {
  moreInCategory,
  rankRelatedArticles,
  type RelatedRanker,
} from '../../src/lib/content/rank-related-articles.ts';
import { createRelatedRanker } from '../../src/lib/content/related-ranker.ts';
import { resolveLinks } from '../../src/lib/content/resolve-links.ts';
import { formatError } from '../../src/lib/errors/index.ts';
import { parseRelatedConfig } from '../../src/lib/related/index.ts';
import { source } from '../helpers/article-source.ts';

const now = new Date('2025-01-01T00:00:00Z');

/** A story of `category` published on 2024-12-`day`; `front` adds front matter, `body` replaces the body. */
const story = (
  slug: string,
  category: string,
  day: number,
  { title = `Judul ${slug}`, front = '', body = `Isi ${slug}.` } = {},
) =>
  source(
    `${slug}.md`,
    `---\ntitle: ${title}\ndate: 2024-12-${String(day).padStart(2, '0')}T08:00:00Z\ncategory: ${category}\n${front}---\n\n${body}\n`,
  );

// Olahraga o1 (oldest) .. o8 (newest), with Ekonomi stories in between that must never show up.
const olahraga = Array.from({ length: 8 }, (_, i) => story(`o${i + 1}`, 'Olahraga', 2 * i + 2));
const ekonomi = Array.from({ length: 6 }, (_, i) => story(`e${i + 1}`, 'Ekonomi', 2 * i + 3));

function build(sources: Parameters<typeof buildContent>[0], options: Partial<BuildContentOptions> = {}) {
  const result = buildContent(sources, { now, ...options });
  expect(result.errors.map(formatError)).toEqual([]);
  const bySlug = new Map(result.articles.map((a) => [a.data.slug, a.data]));
  return {
    more: (slug: string) => bySlug.get(slug)?.moreInCategory.map((l) => l.slug),
    related: (slug: string) => bySlug.get(slug)?.related.map((l) => l.slug),
    data: (slug: string) => bySlug.get(slug),
  };
}

/** A ranker that finds, for every article, the given slugs (minus what it is told to exclude). */
const fixedRanker =
  (found: Record<string, string[]>): RelatedRanker =>
  () =>
  (requests) =>
    requests.map(({ slug, exclude }) => (found[slug] ?? []).filter((s) => !exclude.has(s)));

describe('moreInCategory', () => {
  it('lists the nearest older stories of the same section, newest first, up to the limit', () => {
    const site = build([...olahraga, ...ekonomi]);
    expect(site.more('o7')).toEqual(['o6', 'o5', 'o4', 'o3', 'o2']);
    expect(site.more('o8')).toEqual(['o7', 'o6', 'o5', 'o4', 'o3']);
    expect(site.more('e6')).toEqual(['e5', 'e4', 'e3', 'e2', 'e1']);
    // Full links, as "Berita Terkait" has them.
    expect(site.data('o7')?.moreInCategory[0]).toMatchObject({
      slug: 'o6',
      title: 'Judul o6',
      category: 'Olahraga',
      categorySlug: 'olahraga',
      date: new Date('2024-12-12T08:00:00Z'),
    });
  });

  it('falls back to the nearest newer stories only when there are too few older ones', () => {
    const site = build([...olahraga, ...ekonomi]);
    // o2 has one older story; the four nearest newer ones fill the rest, and the list reads newest first.
    expect(site.more('o2')).toEqual(['o6', 'o5', 'o4', 'o3', 'o1']);
    expect(site.more('o1')).toEqual(['o6', 'o5', 'o4', 'o3', 'o2']);
    expect(site.more('o4')).toEqual(['o6', 'o5', 'o3', 'o2', 'o1']);
    // A section smaller than the limit gives every other story of it, never another section's.
    const small = build([story('k1', 'Kesehatan', 5), story('k2', 'Kesehatan', 7), ...ekonomi]);
    expect(small.more('k1')).toEqual(['k2']);
    expect(small.more('k2')).toEqual(['k1']);
  });

  it('takes limit minus the length of "Berita Terkait", which it never repeats', () => {
    // o7's computed list holds o6 (its nearest older story) and e1; o5 is hand-picked.
    const ranker = fixedRanker({ o7: ['o6', 'e1'] });
    const site = build(
      [...olahraga.slice(0, 6), story('o7', 'Olahraga', 14, { front: 'related: [o5]\n' }), olahraga[7]!, ...ekonomi],
      {
        rankRelated: ranker,
      },
    );
    expect(site.related('o7')).toEqual(['o5', 'o6', 'e1']);
    expect(site.more('o7')).toEqual(['o4', 'o3']);
    // A full "Berita Terkait" leaves no space.
    const full = build([...olahraga, ...ekonomi], { rankRelated: fixedRanker({ o8: ['e1', 'e2', 'e3', 'e4', 'e5'] }) });
    expect(full.related('o8')).toHaveLength(5);
    expect(full.more('o8')).toEqual([]);
    // The limit is the build's.
    expect(build([...olahraga], { relatedLimit: 2 }).more('o8')).toEqual(['o7', 'o6']);
  });

  it('never lists the article itself or what its "Baca juga" links', () => {
    const body = 'Isi o7.\n\nBaca juga:\n\n- [Judul o6](o6.md)\n- [Judul e3](e3.md)\n';
    const site = build([
      ...olahraga.filter((s) => s.path !== 'o7.md'),
      story('o7', 'Olahraga', 14, { body }),
      ...ekonomi,
    ]);
    expect(site.data('o7')?.bacaJuga.map((l) => l.slug)).toEqual(['o6', 'e3']);
    expect(site.more('o7')).toEqual(['o5', 'o4', 'o3', 'o2', 'o1']);
    for (const slug of ['o1', 'o2', 'o3', 'o4', 'o5', 'o6', 'o8']) expect(site.more(slug)).not.toContain(slug);
  });

  it('leaves the lists of older stories as they are when a new story is published', () => {
    const before = build([...olahraga.slice(0, 7), ...ekonomi]);
    const after = build([...olahraga, ...ekonomi, story('e7', 'Ekonomi', 20)]);
    // o6 and o7 have five older stories each; only the oldest ones reach for newer stories.
    for (const slug of ['o6', 'o7', 'e6']) expect(after.more(slug)).toEqual(before.more(slug));
  });

  it('follows the site order for stories of the same instant: slug ascending counts as newer', () => {
    const site = build([story('b', 'Nasional', 5), story('a', 'Nasional', 5), story('c', 'Nasional', 5)]);
    expect(site.more('b')).toEqual(['a', 'c']);
    expect(site.more('a')).toEqual(['b', 'c']);
  });

  it('keeps hand-picked "Berita Terkait" whatever its score, and gives the space the threshold frees to the section', () => {
    const flood = {
      title: 'Banjir Rob Rendam Kampung Nelayan Pesisir Utara',
      body: 'Banjir rob merendam kampung nelayan sejak pagi. Air laut pasang setinggi lutut. Pemerintah kirim bantuan.',
    };
    const sources = [
      story('banjir-1', 'Nasional', 10, flood),
      story('banjir-2', 'Nasional', 11, flood),
      // Shares only its section and a common word with the flood stories (its topical similarity to them is under related.minSimilarity).
      story('pilkada', 'Nasional', 3, {
        title: 'Debat Calon Kepala Daerah',
        body: 'Debat digelar di gedung dewan. Pendukung calon memadati halaman gedung. Pemerintah siapkan keamanan.',
      }),
      story('debat', 'Daerah', 2, {
        title: 'Debat Calon Kepala Daerah Ditunda',
        body: 'Debat calon kepala daerah digelar di gedung dewan. Pendukung calon memadati halaman gedung.',
      }),
      story('bola', 'Olahraga', 1, {
        title: 'Timnas Menang atas Vietnam',
        body: 'Gol babak kedua di stadion. Pemerintah beri bonus.',
      }),
      story('utama', 'Nasional', 12, { ...flood, front: 'related: [bola]\n' }),
    ];
    const site = build(sources, { rankRelated: createRelatedRanker(parseRelatedConfig()) });
    expect(site.related('utama')).toEqual(['bola', 'banjir-2', 'banjir-1']);
    expect(site.more('utama')).toEqual(['pilkada']);
    // Even a minimum no computed match reaches keeps the hand-picked one.
    const strict = build(sources, { rankRelated: createRelatedRanker(parseRelatedConfig({ minSimilarity: 100 })) });
    expect(strict.related('utama')).toEqual(['bola']);
    expect(strict.more('utama')).toEqual(['banjir-2', 'banjir-1', 'pilkada']);
    // Without the minimum the unrelated story of the section is passed off as related instead.
    const open = build(sources, {
      rankRelated: createRelatedRanker(parseRelatedConfig({ minSimilarity: 0, minSharedTerms: 1 })),
    });
    expect(open.related('utama')).toEqual(['bola', 'banjir-2', 'banjir-1', 'pilkada']);
  });
});

describe('moreInCategory on its own', () => {
  it('groups the site once: each list costs the same whatever the size of the site', () => {
    const many = Array.from({ length: 3000 }, (_, i) =>
      story(`s${String(i).padStart(4, '0')}`, i % 2 === 0 ? 'Nasional' : 'Ekonomi', 1 + (i % 28)),
    );
    const resolution = resolveLinks(parseSources(many), { now });
    if (!resolution.ok) throw new Error('resolution failed');
    const { site } = resolution;
    const empty = new Map<string, never[]>();
    // Reading entries is all it does: count the reads of their parts.
    let reads = 0;
    const counted = site.entries.map((entry) => ({
      ...entry,
      get article() {
        reads++;
        return entry.article;
      },
      get parsed() {
        reads++;
        return entry.parsed;
      },
    }));
    const lists = moreInCategory(counted, empty, 5);
    expect(lists.size).toBe(3000);
    for (const list of lists.values()) expect(list).toHaveLength(5);
    // A few reads per list entry and per article; one scan of the site per article would be millions.
    expect(reads).toBeLessThanOrEqual(20 * 3000);
    // And it is what rankRelatedArticles hands on.
    expect(rankRelatedArticles(site, undefined).moreBySlug).toEqual(lists);
  });
});
