import { describe, expect, it } from 'vitest';
import type { ArticleFields } from '../../src/lib/content/resolve-links.ts';
import { articleSharePicture } from '../../src/lib/images/share.ts';
import { shareCardKey } from '../../src/lib/images/share-card.ts';
import { keepResultsAcrossBuilds } from '../../src/lib/once-per-object.ts';
import { siteConfig } from '../../src/site.config.ts';

// Issue #20: the publish server keeps each article's pictures and share card by its fields object
// (image-integration.ts, `articleWork`) while the story shares the same kind of card. This file runs
// as the server does.
keepResultsAcrossBuilds();
// Imported after that, as the server loads its integrations: what a module keeps is decided as it loads.
const { articleWork } = await import('../../src/integrations/image-integration.ts');

const DAY = 24 * 60 * 60 * 1000;
const published = new Date('2024-12-27T08:00:00Z');
const story = (): ArticleFields =>
  ({
    title: 'Putin kirim pesan Tahun Baru ke Kim Jong-un',
    category: { name: 'Internasional', slug: 'internasional' },
    date: published,
    sourceFile: 'content/putin.md',
  }) as unknown as ArticleFields;
const at = (now: Date) => ({ now, ownCard: now.getTime() - published.getTime() <= siteConfig.shareCardDays * DAY });
const cardOf = (article: ArticleFields, now: Date) => {
  const { card } = articleSharePicture(article, siteConfig, now);
  return card && shareCardKey(card);
};

describe('an article’s image work in the publish server', () => {
  it('is kept while the story shares the same kind of card, and made again when it ages into its section’s', () => {
    const article = story();
    const soon = new Date(published.getTime() + DAY);
    const first = articleWork(article, at(soon));
    expect(first.card?.key).toBe(cardOf(article, soon));
    expect(articleWork(article, at(new Date(published.getTime() + 2 * DAY)))).toBe(first);
    const later = new Date(published.getTime() + (siteConfig.shareCardDays + 1) * DAY);
    const aged = articleWork(article, at(later));
    expect(aged.card?.key).toBe(cardOf(article, later));
    expect(aged.card?.key).not.toBe(first.card?.key);
    expect(aged.assets).toEqual([]);
  });

  it('is made again for another fields object (an edited story)', () => {
    const now = new Date(published.getTime() + DAY);
    const first = articleWork(story(), at(now));
    const again = articleWork(story(), at(now));
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
  });
});
