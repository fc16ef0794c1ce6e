// Relevance on a labelled fixture of real-looking Indonesian news, with the
// DEFAULT config: this is what readers will see.
import { describe, expect, it } from 'vitest';
import { rankRelated } from '../../src/lib/related/index.ts';
import { loadFixture } from './helpers.ts';

const fixture = loadFixture();
const topicOf = new Map(fixture.map((doc) => [doc.slug, doc.topic]));
const ranked = rankRelated(fixture);

function sameTopicInTop3(slug: string): number {
  const top = (ranked.get(slug) ?? []).slice(0, 3);
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
    const precision = fixture.reduce((sum, doc) => sum + sameTopicInTop3(doc.slug) / 3, 0) / fixture.length;
    expect(precision).toBeGreaterThanOrEqual(0.9);
  });

  it("finds same-topic neighbours by text for an untagged article filed under another topic's category", () => {
    const orphan = fixture.find((doc) => doc.slug === 'gempa-rusak-pasar-garut');
    expect(orphan).toBeDefined();
    expect(orphan!.tags).toEqual([]);
    // Its category belongs to a different topic, so category pulls the wrong way.
    const peers = fixture.filter((doc) => doc.topic === orphan!.topic && doc !== orphan);
    expect(peers.some((doc) => doc.category === orphan!.category)).toBe(false);
    expect(fixture.some((doc) => doc.topic !== orphan!.topic && doc.category === orphan!.category)).toBe(true);
    expect(sameTopicInTop3(orphan!.slug)).toBe(3);
  });
});
