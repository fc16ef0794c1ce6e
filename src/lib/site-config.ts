import { z } from 'zod';
import { DEFAULT_EMBED_HOSTS } from './markdown/sanitize-schema.ts';
import { relatedConfigSchema } from './related/config.ts';
import { logoPath } from './routes.ts';
import { DEFAULT_RECENT_SEARCH_ARTICLES, DEFAULT_SHARD_SIZE } from './search/fields.ts';

/**
 * Site-wide settings; the values live in `src/site.config.ts`. Each default is written here and only
 * here: the site's identity (name, tagline, description, URL) has none and must be set.
 *
 * There is no time zone setting: dates are shown and read in WIB (UTC+7, no daylight saving time),
 * which the date code relies on (src/lib/dates), and written in Indonesian whatever the locale.
 */
export const siteConfigSchema = z.strictObject({
  /** Site name shown in the header and in titles, e.g. `Warta`. Required. */
  name: z.string().min(1),
  /** Short line beside the site name in the header. Required. */
  tagline: z.string(),
  /** One-line description for the front page's metadata. Required. */
  description: z.string().min(1),
  /** Absolute URL the site is deployed at, used for canonical links, feeds and sitemaps. Required. */
  url: z.url(),
  /** BCP 47 locale: `<html lang>`, `og:locale`, and the language of the feeds and the news sitemap. Default: `id-ID`. */
  locale: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, 'a BCP 47 locale such as id-ID')
    .default('id-ID'),
  /** Articles per list page (front page, categories, tags). Default: 20. */
  pageSize: z.number().int().positive().default(20),
  /** Category names in navigation order; categories not listed follow alphabetically. */
  categoryOrder: z.array(z.string()).default([]),
  /** Headlines in each category block on the front page. Default: 4. */
  categoryBlockSize: z.number().int().positive().default(4),
  /** "Berita Terkait": list length (`limit`, default 5, hand-picked included) and signal weights; see src/lib/related/config.ts. */
  related: relatedConfigSchema.prefault({}),
  /** Items in `/rss.xml` and in each category feed. Default: 50. */
  feedSize: z.number().int().positive().default(50),
  /** How recent an article must be, in hours before the build, to be in `/sitemap-news.xml`. Default: 48. */
  newsSitemapHours: z.number().positive().default(48),
  /** Articles per Pagefind index: the archive is searched as shards of this size, so indexing needs bounded memory (see src/lib/search/shards.ts and DEFAULT_SHARD_SIZE). Default: 1500. */
  searchShardSize: z.number().int().positive().default(DEFAULT_SHARD_SIZE),
  /** The search page first searches the newest shards holding at least this many articles, and the whole archive when they find fewer than ten results or the reader asks (see src/lib/search/fields.ts). Default: 1500. */
  searchRecentArticles: z.number().int().positive().default(DEFAULT_RECENT_SEARCH_ARTICLES),
  /** Hosts allowed in `<iframe src>` inside articles (https only); every other iframe is removed. Default: YouTube, Vimeo, Instagram, X/Twitter, Facebook, Spotify, Google Maps. */
  embedHosts: z
    .array(z.string().regex(/^[a-z0-9.-]+$/, 'must be a host name such as www.youtube.com'))
    .default([...DEFAULT_EMBED_HOSTS]),
  /** Articles without a photo published within this many days of the build share a card with their headline; older ones share their section's card (see src/lib/images/share.ts). Default: 30. */
  shareCardDays: z.number().int().nonnegative().default(30),
  /** Hosts whose https: pictures articles may use (`image.src: https://foto.example.com/x.jpg`); any other host is an error. Default: none. */
  imageHosts: z
    .array(z.string().regex(/^[a-z0-9.-]+(:\d{1,5})?$/, 'must be a host name such as foto.antaranews.com'))
    .default([]),
  /** Publisher logo for structured data: a site path or absolute URL with its size in pixels. */
  logo: z
    .strictObject({ src: z.string().min(1), width: z.number().int().positive(), height: z.number().int().positive() })
    .default({ src: logoPath(), width: 600, height: 60 }),
});

/** Site settings as written. */
export type SiteConfigInput = z.input<typeof siteConfigSchema>;
/** Site settings with defaults applied. */
export type SiteConfig = z.output<typeof siteConfigSchema>;

/** Validates site settings, applying defaults. */
export function defineSiteConfig(input: SiteConfigInput): SiteConfig {
  return siteConfigSchema.parse(input);
}

/** Reads an optional positive integer override such as `WARTA_PAGE_SIZE`; anything else is an error. */
export function integerOverride(name: string, value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  if (!/^[1-9]\d*$/.test(value)) throw new Error(`${name} must be a positive whole number, got "${value}".`);
  return Number(value);
}
