// Relevance on a labelled fixture of real-looking Indonesian news, with the
// DEFAULT config: this is what readers will see.
import { describe, expect, it } from 'vitest';
import { defaultRelatedConfig, parseRelatedConfig, rankRelated } from '../../src/lib/related/index.ts';
import { evaluateThresholds } from '../../src/lib/related/evaluate.ts';
import { loadFixture } from './helpers.ts';

const fixture = loadFixture();
const topicOf = new Map(fixture.map((doc) => [doc.slug, doc.topic]));
const ranked = rankRelated(fixture);
// The ranking alone, before the minimum score cuts lists short.
const unfiltered = rankRelated(fixture, parseRelatedConfig({ minScore: 0 }));

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

  it('reaches precision@3 >= 0.9 with the default config', () => {
    // Counted against 3 whatever the list's length, so a list the minimum score cut short counts as
    // partly wrong here: this bounds both the ranking and what the threshold costs at the top.
    const precision = fixture.reduce((sum, doc) => sum + sameTopicInTop3(ranked, doc.slug) / 3, 0) / fixture.length;
    expect(precision).toBeGreaterThanOrEqual(0.9);
  });

  it('keeps precision >= 0.95 and recall >= 0.75 at the default minimum score (config.ts explains the choice)', () => {
    const [atDefault, atZero] = evaluateThresholds(unfiltered, topicOf, defaultRelatedConfig.limit, [
      defaultRelatedConfig.minScore,
      0,
    ]);
    expect(atDefault!.precision).toBeGreaterThanOrEqual(0.95);
    expect(atDefault!.recall).toBeGreaterThanOrEqual(0.75);
    // The threshold is worth having: it removes wrong matches the ranking alone lets through.
    expect(atZero!.precision).toBeLessThan(0.9);
    // And it is what the default search does: the same lists as cutting the ranking at it.
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
    expect(sameTopicInTop3(unfiltered, orphan!.slug)).toBe(3);
    // What readers see is only same-topic stories, if fewer: the right one ranked 3rd (0.219) falls
    // just under the minimum score (0.22) together with the wrong-category one ranked 4th (0.218).
    const shown = ranked.get(orphan!.slug) ?? [];
    expect(shown.length).toBeGreaterThanOrEqual(2);
    expect(shown.every((match) => topicOf.get(match.slug) === orphan!.topic)).toBe(true);
  });
});
