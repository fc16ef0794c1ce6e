import { z } from 'zod';

/** Site-wide settings; the values live in `src/site.config.ts`. */
export const siteConfigSchema = z.strictObject({
  /** Site name shown in the header and in titles. Default: `Warta`. */
  name: z.string().min(1).default('Warta'),
  /** One-line description for the front page's metadata. */
  description: z.string().min(1).default('Berita terkini dari Indonesia dan dunia.'),
  /** Absolute URL the site is deployed at, used for canonical links, feeds and sitemaps. */
  url: z.url().default('https://warta.example'),
  /** BCP 47 locale for dates and `<html lang>`. Default: `id-ID`. */
  locale: z.string().default('id-ID'),
  /** IANA time zone every date is shown in. Default: `Asia/Jakarta` (WIB). */
  timeZone: z.string().default('Asia/Jakarta'),
  /** Articles per list page. Default: 20. */
  pageSize: z.number().int().positive().default(20),
  /** Category names in navigation order; categories not listed follow alphabetically. */
  categoryOrder: z.array(z.string()).default([]),
  /** Entries in a "Berita Terkait" list, hand-picked ones included. Default: 5. */
  relatedLimit: z.number().int().min(0).default(5),
});

/** Site settings as written. */
export type SiteConfigInput = z.input<typeof siteConfigSchema>;
/** Site settings with defaults applied. */
export type SiteConfig = z.output<typeof siteConfigSchema>;

/** Validates site settings, applying defaults. */
export function defineSiteConfig(input: SiteConfigInput): SiteConfig {
  return siteConfigSchema.parse(input);
}
