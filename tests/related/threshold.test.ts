// The minimum score (config `minScore`): computed neighbours below it are left
// out, so a list may stay short rather than be padded with unrelated stories.
import { describe, expect, it } from 'vitest';
import {
  createRelatedIndex,
  defaultRelatedConfig,
  parseRelatedConfig,
  rankRelated,
} from '../../src/lib/related/index.ts';
import type { RelatedConfigInput, RelatedDocument } from '../../src/lib/related/index.ts';
import { loadFixture, makeDoc } from './helpers.ts';

function build(docs: readonly RelatedDocument[], input: RelatedConfigInput = {}) {
  const index = createRelatedIndex(parseRelatedConfig(input));
  for (const doc of docs) index.add(doc);
  index.finalize();
  return index;
}

// "Pemerintah" is in every article, as such common words are in real copy; the query and `kembar`
// share their whole headline, `tetangga` (same section, published the same day) shares only that word.
const docs = [
  makeDoc('kueri', {
    title: 'Banjir rob rendam kampung nelayan pesisir',
    body: 'Pemerintah kirim bantuan.',
    category: 'Nasional',
    day: 10,
  }),
  makeDoc('kembar', {
    title: 'Banjir rob rendam kampung nelayan pesisir',
    body: 'Pemerintah data korban.',
    category: 'Nasional',
    day: 9,
  }),
  makeDoc('tetangga', {
    title: 'Harga cabai merah melonjak pedagang pasar',
    body: 'Pemerintah pantau harga.',
    category: 'Nasional',
    day: 10,
  }),
  makeDoc('pengisi', {
    title: 'Harga cabai merah melonjak pedagang pasar',
    body: 'Pemerintah gelar operasi.',
    category: 'Ekonomi',
    day: 40,
  }),
];

describe('minimum score', () => {
  const open = build(docs, { minScore: 0 });
  const scoreOf = (slug: string): number => open.search('kueri').find((m) => m.slug === slug)?.score ?? NaN;

  it('drops a same-section, same-day neighbour that shares only a common word', () => {
    expect(open.search('kueri').map((m) => m.slug)).toEqual(['kembar', 'tetangga', 'pengisi']);
    // Almost all of its score (0.216) is section and recency, which every story of the day gets.
    expect(scoreOf('tetangga')).toBeLessThan(defaultRelatedConfig.minScore);
    expect(scoreOf('tetangga')).toBeGreaterThan(defaultRelatedConfig.weights.category);
    expect(
      build(docs)
        .search('kueri')
        .map((m) => m.slug),
    ).toEqual(['kembar']);
  });

  it('keeps a match scoring exactly the minimum and drops one just below it', () => {
    const score = scoreOf('tetangga');
    expect(
      build(docs, { minScore: score })
        .search('kueri')
        .map((m) => m.slug),
    ).toEqual(['kembar', 'tetangga']);
    const above = score + Number.EPSILON * 4;
    expect(above).toBeGreaterThan(score);
    expect(
      build(docs, { minScore: above })
        .search('kueri')
        .map((m) => m.slug),
    ).toEqual(['kembar']);
  });

  it('may leave a list empty, and never lets the limit pad it', () => {
    const strict = build(docs, { minScore: 100 });
    for (const doc of docs) expect(strict.search(doc.slug, { limit: 10 })).toEqual([]);
  });

  // Cutting the best-first list of a search without a minimum at the threshold must give exactly
  // the search with it, on the exact path and on the capped-postings (rescored) path alike.
  it.each([
    ['exact posting lists', {}],
    ['capped posting lists', { maxPostingsPerTerm: 3, maxPostingsPerTag: 3, rescoreDepth: 4 }],
  ])('equals the unthresholded ranking cut at the minimum (%s)', (_name, input: RelatedConfigInput) => {
    const fixture = loadFixture();
    const unfiltered = build(fixture, { ...input, minScore: 0 });
    if (input.maxPostingsPerTerm !== undefined) expect(unfiltered.stats().cappedTerms).toBeGreaterThan(0);
    for (const minScore of [0.15, defaultRelatedConfig.minScore, 0.3, 0.5]) {
      const index = build(fixture, { ...input, minScore });
      let dropped = 0;
      for (const doc of fixture) {
        const all = unfiltered.search(doc.slug, { limit: 8 });
        const kept = all.filter((m) => m.score >= minScore);
        dropped += all.length - kept.length;
        expect(index.search(doc.slug, { limit: 8 })).toEqual(kept);
      }
      expect(dropped).toBeGreaterThan(0);
    }
  });

  it('applies to rankRelated, which build scripts use', () => {
    const lists = rankRelated(docs);
    expect(lists.get('kueri')?.map((m) => m.slug)).toEqual(['kembar']);
    expect(lists.get('tetangga')?.map((m) => m.slug)).toEqual(['pengisi']);
  });
});
