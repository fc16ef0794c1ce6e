import { describe, expect, it } from 'vitest';
import { createRelatedIndex, parseRelatedConfig, rankRelated } from '../../src/lib/related/index.ts';
import type { RelatedDocument } from '../../src/lib/related/index.ts';
import { loadFixture, makeDoc } from './helpers.ts';

function build(docs: readonly RelatedDocument[], input: Parameters<typeof parseRelatedConfig>[0] = {}) {
  const index = createRelatedIndex(parseRelatedConfig(input));
  for (const doc of docs) index.add(doc);
  index.finalize();
  return index;
}

const SAME_TEXT = {
  title: 'Banjir rendam kampung nelayan',
  body: 'Banjir rob merendam kampung nelayan pesisir utara.',
};

describe('related index life cycle', () => {
  it('enforces add → finalize → search', () => {
    const index = createRelatedIndex();
    index.add(makeDoc('a', SAME_TEXT));
    expect(() => index.search('a')).toThrow(/finalize/);
    expect(() => index.add(makeDoc('a', SAME_TEXT))).toThrow(/added twice/);
    expect(() => index.add({ ...makeDoc('bad'), date: new Date('nope') })).toThrow(/invalid date/);
    index.add(makeDoc('b', SAME_TEXT));
    expect(index.has('b')).toBe(true);
    index.finalize();
    expect(() => index.finalize()).toThrow(/already/);
    expect(() => index.add(makeDoc('c', SAME_TEXT))).toThrow(/after finalize/);
    expect(() => index.search('missing')).toThrow(/unknown article/);
    expect(index.search('a').map((m) => m.slug)).toEqual(['b']);
  });

  it('rejects invalid per-search limits', () => {
    const index = build([makeDoc('a', SAME_TEXT), makeDoc('b', SAME_TEXT)]);
    expect(() => index.search('a', { limit: -1 })).toThrow(RangeError);
    expect(() => index.search('a', { limit: 1.5 })).toThrow(RangeError);
    expect(index.search('a', { limit: 0 })).toEqual([]);
  });
});

describe('related search', () => {
  const fixture = loadFixture();
  const index = build(fixture);

  // Without a minimum similarity or the shared-term guard every list fills up to the limit on this fixture.
  const unfiltered = build(fixture, { minSimilarity: 0, minSharedTerms: 1 });

  it('never returns the article itself, nor duplicates, and honours limit', () => {
    for (const doc of fixture) {
      const all = index.search(doc.slug, { limit: 100 });
      const slugs = all.map((m) => m.slug);
      expect(slugs).not.toContain(doc.slug);
      expect(new Set(slugs).size).toBe(slugs.length);
      // The default minimum similarity may leave a list short, never longer than the limit.
      expect(index.search(doc.slug)).toEqual(all.slice(0, 5));
      expect(unfiltered.search(doc.slug)).toHaveLength(5);
      expect(index.search(doc.slug, { limit: 2 })).toEqual(all.slice(0, 2));
      // Best first.
      for (let i = 1; i < all.length; i++) expect(all[i - 1]!.score).toBeGreaterThanOrEqual(all[i]!.score);
    }
  });

  it('honours the exclude set and ignores unknown slugs in it', () => {
    // Without a minimum, so the list is long enough to take two out of; the minimum is threshold.test.ts's.
    const slug = 'kasus-dbd-meningkat';
    const before = unfiltered.search(slug, { limit: 8 });
    expect(before).toHaveLength(8);
    const excluded = new Set([before[0]!.slug, before[2]!.slug, 'not-published']);
    const after = unfiltered.search(slug, { limit: 6, exclude: excluded });
    expect(after.map((m) => m.slug)).toEqual(before.filter((m) => !excluded.has(m.slug)).map((m) => m.slug));
    expect(after.some((m) => excluded.has(m.slug))).toBe(false);
  });

  it('is deterministic: two independent runs give identical lists', () => {
    const first = rankRelated(fixture);
    const second = rankRelated(fixture);
    expect([...second]).toEqual([...first]);
    expect(first.size).toBe(fixture.length);
  });

  it('passes per-article excludes through rankRelated', () => {
    const plain = rankRelated(fixture);
    const target = plain.get('bi-tahan-suku-bunga')![0]!.slug;
    const ranked = rankRelated(fixture, undefined, {
      exclude: (slug) => (slug === 'bi-tahan-suku-bunga' ? new Set([target]) : undefined),
    });
    expect(ranked.get('bi-tahan-suku-bunga')!.map((m) => m.slug)).not.toContain(target);
    expect(ranked.get('ihsg-cetak-rekor')).toEqual(plain.get('ihsg-cetak-rekor'));
  });
});

describe('tie-breaking', () => {
  it('orders equal scores by date (newer first), then slug ascending', () => {
    const docs = [
      makeDoc('query', { ...SAME_TEXT, day: 10 }),
      makeDoc('older', { ...SAME_TEXT, day: 5 }),
      makeDoc('newer', { ...SAME_TEXT, day: 15 }),
      makeDoc('zeta', { ...SAME_TEXT, day: 12 }),
      makeDoc('alfa', { ...SAME_TEXT, day: 12 }),
    ];
    // Identical text and |Δt| pairs make exact ties; shuffled input order must not matter.
    for (const order of [docs, [...docs].reverse()]) {
      const matches = build(order).search('query');
      expect(matches.map((m) => m.slug)).toEqual(['alfa', 'zeta', 'newer', 'older']);
      expect(matches[0]!.score).toBe(matches[1]!.score);
      expect(matches[2]!.score).toBe(matches[3]!.score);
      expect(matches[1]!.score).toBeGreaterThan(matches[2]!.score);
    }
  });

  it('breaks ties by slug alone when dates are equal too', () => {
    const docs = ['q', 'm', 'c', 'x', 'a'].map((slug) => makeDoc(slug, SAME_TEXT));
    expect(
      build(docs)
        .search('q')
        .map((m) => m.slug),
    ).toEqual(['a', 'c', 'm', 'x']);
  });
});

describe('signals', () => {
  it('matches tags and categories case- and diacritic-insensitively', () => {
    const docs = [
      makeDoc('q', { title: 'Sidang perdana gugatan', tags: ['Pemilu Sèrentak'], category: 'Ékonomi' }),
      makeDoc('same-tag', { title: 'Debat kandidat ditunda', tags: ['pemilu serentak'] }),
      makeDoc('same-cat', { title: 'Sidang perdana gugatan', category: 'ekonomi' }),
      makeDoc('other-cat', { title: 'Sidang perdana gugatan', category: 'Olahraga' }),
      makeDoc('filler', { title: 'Debat kandidat ditunda' }),
    ];
    const matches = build(docs, { weights: { recency: 0 } }).search('q');
    const score = new Map(matches.map((m) => [m.slug, m.score]));
    // Found through the tag alone: no shared term with q.
    expect(score.get('same-tag')).toBeGreaterThan(0);
    expect(score.get('same-cat')! - score.get('other-cat')!).toBeCloseTo(0.1, 10);
  });

  it('lets recency re-rank otherwise equal candidates', () => {
    const docs = [
      makeDoc('q', { ...SAME_TEXT, day: 100 }),
      makeDoc('near', { ...SAME_TEXT, day: 95 }),
      makeDoc('far', { ...SAME_TEXT, day: 190 }),
    ];
    expect(
      build(docs)
        .search('q')
        .map((m) => m.slug),
    ).toEqual(['near', 'far']);
    // Without recency they tie, and the newer one wins.
    expect(
      build(docs, { weights: { recency: 0 } })
        .search('q')
        .map((m) => m.slug),
    ).toEqual(['far', 'near']);
  });
});

describe('posting bounds', () => {
  // Every article shares "wabah"; every other word is its own, so "wabah" is the only link.
  const docs = Array.from({ length: 30 }, (_, i) => {
    const own = `kata${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}q`;
    return makeDoc(`artikel-${String(i).padStart(2, '0')}`, {
      title: `Wabah ${own}`,
      body: `wabah ${own} ${own}`,
      day: i,
    });
  });

  it('a term in every article does not make every article a candidate', () => {
    // With the shared-term guard off: this is about who becomes a candidate, and one shared word is
    // not evidence enough to be listed (guard.test.ts), so by default every list here is empty.
    expect(build(docs).search('artikel-00', { limit: 100 })).toEqual([]);
    const unbounded = build(docs, { maxPostingsPerTerm: 1000, minSharedTerms: 1 });
    expect(unbounded.search('artikel-00', { limit: 100 })).toHaveLength(29);
    const bounded = build(docs, { maxPostingsPerTerm: 5, minSharedTerms: 1 });
    expect(bounded.stats().cappedTerms).toBe(1);
    for (const doc of docs) expect(bounded.search(doc.slug, { limit: 100 }).length).toBeLessThanOrEqual(5);
  });

  it('an over-common tag stops proposing candidates but a rare one still does', () => {
    const tagged = docs.map((doc, i) => ({
      ...doc,
      title: `Judul${i}x`,
      body: '',
      tags: i < 2 ? ['Umum', 'Langka'] : ['Umum'],
    }));
    // No minimum similarity: this is about who becomes a candidate, and artikel-05 shares only the
    // common tag with artikel-00 and -01 (similarity 0.5 × 0.24 = 0.12), under the default minimum.
    const open = build(tagged, { maxPostingsPerTag: 100, minSimilarity: 0 });
    expect(open.search('artikel-05', { limit: 100 })).toHaveLength(29);
    const shown = build(tagged, { maxPostingsPerTag: 100 }).search('artikel-05', { limit: 100 });
    expect(shown.map((m) => m.slug)).not.toContain('artikel-00');
    expect(shown).toHaveLength(27);
    const bounded = build(tagged, { maxPostingsPerTag: 5, minSimilarity: 0 });
    expect(bounded.stats().droppedTags).toBe(1);
    expect(bounded.search('artikel-05', { limit: 100 })).toEqual([]);
    expect(bounded.search('artikel-00', { limit: 100 }).map((m) => m.slug)).toEqual(['artikel-01']);
  });
});
