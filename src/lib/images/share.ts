import type { Article } from '../content/article.ts';
import { shareCardPath } from '../routes.ts';
import { SHARE_CARD_HEIGHT, SHARE_CARD_WIDTH, shareCardKey, type ShareCardInput } from './share-card.ts';
import { shareImageFor, structuredDataImages, type ShareImage } from './variants.ts';

/**
 * The picture a page is shared with (issue #17): WhatsApp, Facebook and X show only raster images,
 * about 1200×630 or 1200×675, and a link without one gets far fewer taps (../shared/NEWSROOM.md).
 *
 * - An article with a photo shares the photo's 16:9 crop.
 * - A recent article without one shares a card with its headline, section and the site's name.
 * - An older one shares its section's card. A card takes 0.1 to 0.2 s to render (README, "Pictures"):
 *   ten years of photo-less archive would cost a day of cards on a cold build, where a window of
 *   30 days costs a month's stories once, and each publish one card. Stories are shared while they
 *   are news; an old one still gets a raster card with its section and the site's name.
 * - The front page and tag pages share the site's card, a section page its own.
 */
export interface SharePicture extends ShareImage {
  readonly alt: string;
  /** The card to render for this picture, when it is one; the image integration renders it. */
  readonly card: ShareCardInput | undefined;
}

/** What a page needs to know of the site to choose its share picture. */
export interface ShareSettings {
  readonly name: string;
  readonly tagline: string;
  /** Articles newer than this many days get a card of their own. */
  readonly shareCardDays: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The share picture of `article` for a build at `now`. */
export function articleSharePicture(
  article: Pick<Article, 'title' | 'category' | 'image' | 'date'>,
  site: ShareSettings,
  now: Date,
): SharePicture {
  const asset = article.image?.asset;
  if (asset && article.image) return { ...shareImageFor(asset), alt: article.image.alt, card: undefined };
  if (sharesOwnCard(article, site, now))
    return cardPicture({ headline: article.title, section: article.category.name, brand: site.name }, article.title);
  return sectionSharePicture(article.category.name, site);
}

/**
 * Whether `article`, were it without a photo, would share a card of its own in a build at `now`
 * rather than its section's: it is at most `shareCardDays` old. The only way the build's clock
 * changes an article's share picture.
 */
export function sharesOwnCard(
  article: Pick<Article, 'date'>,
  site: Pick<ShareSettings, 'shareCardDays'>,
  now: Date,
): boolean {
  return now.getTime() - article.date.getTime() <= site.shareCardDays * DAY_MS;
}

/** A section's card: its name over the site's tagline. */
export function sectionSharePicture(section: string, site: Pick<ShareSettings, 'name' | 'tagline'>): SharePicture {
  return cardPicture({ headline: section, section: site.tagline, brand: site.name }, `${section} - ${site.name}`);
}

/** The site's own card, for the front page and the tag pages: its tagline, under "Beranda". */
export function siteSharePicture(site: Pick<ShareSettings, 'name' | 'tagline'>): SharePicture {
  return cardPicture({ headline: site.tagline, section: 'Beranda', brand: site.name }, `${site.name}: ${site.tagline}`);
}

function cardPicture(card: ShareCardInput, alt: string): SharePicture {
  return { path: shareCardPath(shareCardKey(card)), width: SHARE_CARD_WIDTH, height: SHARE_CARD_HEIGHT, alt, card };
}

/** NewsArticle's `image` list: the photo's 16:9, 4:3 and 1:1 crops, or the card alone. */
export function articleStructuredImages(
  article: Pick<Article, 'title' | 'category' | 'image' | 'date'>,
  site: ShareSettings,
  now: Date,
): ShareImage[] {
  const asset = article.image?.asset;
  if (asset) return structuredDataImages(asset);
  const { path, width, height } = articleSharePicture(article, site, now);
  return [{ path, width, height }];
}
