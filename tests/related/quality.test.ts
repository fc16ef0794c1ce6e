// Relevance on a labelled fixture of real-looking Indonesian news, with the
// DEFAULT config: this is what readers will see.
import { describe, expect, it } from 'vitest';
import { defaultRelatedConfig, parseRelatedConfig, rankRelated } from '../../src/lib/related/index.ts';
import { evaluateThresholds } from '../../src/lib/related/evaluate.ts';
import { loadFixture } from './helpers.ts';

const fixture = loadFixture();
const topicOf = new Map(fixture.map((doc) => [doc.slug, doc.topic]));
const ranked = rankRelated(fixture);
// The ranking alone, before the minimum similarity cuts lists short.
const unfiltered = rankRelated(fixture, parseRelatedConfig({ minSimilarity: 0 }));

function sameTopicInTop3(lists: typeof ranked, slug: string): number {
  const top = (lists.get(slug) ?? []).slice(0, 3);
  return top.filter((match) => topicOf.get(match.slug) === topicOf.get(slug)).length;
}

describe('related articles on the labelled fixture', () => {
  it('is a fixture of at least 40 articles in at least 5 topics', () => {
    expect(fixture.length).toBeGreaterThanOrEqual(40);
    const topics = new Set(fixture.map((doc) => doc.topic));
    expect(topics.size).toBeGreaterThanOrEqual(5);
    for (const topic of topics) expect(fixture.filter((doc) => doc.topic === topic).length).toBeGreaterThanOrEqual(4);
  });

  it('ranks same-topic stories first: precision@3 >= 0.9 without a minimum', () => {
    // The order, where category and recency count. The minimum's cost in list length is bounded below.
    const precision = fixture.reduce((sum, doc) => sum + sameTopicInTop3(unfiltered, doc.slug) / 3, 0) / fixture.length;
    expect(precision).toBeGreaterThanOrEqual(0.9);
    // What readers see: of the first 3 shown (however many), at least 0.9 are on the topic.
    let shown = 0;
    let right = 0;
    for (const doc of fixture) {
      shown += Math.min(3, ranked.get(doc.slug)?.length ?? 0);
      right += sameTopicInTop3(ranked, doc.slug);
    }
    expect(right / shown).toBeGreaterThanOrEqual(0.9);
  });

  it('keeps precision >= 0.95 and recall >= 0.38 at the default minimum similarity (config.ts explains the choice)', () => {
    const [atDefault, atZero] = evaluateThresholds(fixture, topicOf, defaultRelatedConfig, [
      defaultRelatedConfig.minSimilarity,
      0,
    ]);
    expect(atDefault!.precision).toBeGreaterThanOrEqual(0.95);
    // Low, and known: the fixture's topics are sections, and the section no longer counts towards
    // the minimum; "Lainnya di <Kategori>" shows those stories instead.
    expect(atDefault!.recall).toBeGreaterThanOrEqual(0.38);
    expect(atDefault!.emptyLists).toBeLessThanOrEqual(8);
    // The minimum is worth having: it removes wrong matches the ranking alone lets through.
    expect(atZero!.precision).toBeLessThan(0.9);
    expect(atDefault!.wrong).toBeLessThan(atZero!.wrong / 5);
    // And it is what the default search does.
    const listed = [...ranked.values()].reduce((n, list) => n + list.length, 0);
    expect(listed).toBe(atDefault!.listed);
  });

  it("finds same-topic neighbours by text for an untagged article filed under another topic's category", () => {
    const orphan = fixture.find((doc) => doc.slug === 'gempa-rusak-pasar-garut');
    expect(orphan).toBeDefined();
    expect(orphan!.tags).toEqual([]);
    // Its category belongs to a different topic, so category pulls the wrong way.
    const peers = fixture.filter((doc) => doc.topic === orphan!.topic && doc !== orphan);
    expect(peers.some((doc) => doc.category === orphan!.category)).toBe(false);
    expect(fixture.some((doc) => doc.topic !== orphan!.topic && doc.category === orphan!.category)).toBe(true);
    // Two of the top three: the third is a tie-break away. Its short text has many words of equal
    // weight, and which of them make its 25 terms decides between a third quake story and a price
    // story. Ties between words went by the order the archive first used them until the publish
    // server began updating the index (issue #20), which a publish cannot keep; they now go by where
    // the story itself first uses them (vectors.ts). That showed the third quake story (score 0.2369)
    // before and leaves it under the minimum now; over the whole fixture, the figures at the default
    // minimum are the same either way (precision 0.96, recall 0.40, 100 listed, 4 wrong, 7 empty).
    expect(sameTopicInTop3(unfiltered, orphan!.slug)).toBeGreaterThanOrEqual(2);
    // What readers see is only same-topic stories: the section's story ranked 5th by score (similarity
    // 0.115, lifted by the shared category) stays under the minimum similarity (0.22).
    const shown = ranked.get(orphan!.slug) ?? [];
    expect(shown.length).toBeGreaterThanOrEqual(2);
    expect(shown.every((match) => topicOf.get(match.slug) === orphan!.topic)).toBe(true);
    expect(unfiltered.get(orphan!.slug)?.some((match) => topicOf.get(match.slug) !== orphan!.topic)).toBe(true);
  });
});
