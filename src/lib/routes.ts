/**
 * The site's URL scheme (issue #21): every path a page, feed, sitemap or "Baca juga" link points
 * to is built here, never by string elsewhere. Astro's file routes in src/pages/ serve these
 * paths; tests/core/routes.test.ts checks that each function's output has its route file, so the
 * two cannot drift. Paths are site-relative; page paths end in `/` (`trailingSlash: 'always'`).
 * No imports: the search page's browser script uses this module too.
 */

/** Segment before a list page's number: `/kategori/ekonomi/halaman/2/`. */
const PAGE_SEGMENT = 'halaman';

/** Name of the search page's query parameter: `/cari/?q=banjir`. */
export const SEARCH_QUERY_PARAM = 'q';

/**
 * An article URL as a "Baca juga" item may give it: `/berita/<slug>/`, with or without the
 * trailing slash, a site's origin, a query or a fragment. Group 1 is the slug, undecoded.
 */
export const ARTICLE_URL = /^(?:https?:\/\/[^/]+)?\/berita\/([^/?#]+)\/?(?:[?#].*)?$/;

/** An article path mentioned anywhere in a text, such as an error message; group 1 is the slug. */
const ARTICLE_PATH_IN_TEXT = /\/berita\/([a-z0-9-]+)\//;

/** Path of an article page: `/berita/<slug>/`. */
export function articlePath(slug: string): string {
  return `/berita/${slug}/`;
}

/** The slug of an article URL (see {@link ARTICLE_URL}), or undefined when `url` is none. */
export function articleSlugFromUrl(url: string): string | undefined {
  return ARTICLE_URL.exec(url)?.[1];
}

/** The slug of the first article path `/berita/<slug>/` that `text` mentions, if any. */
export function articleSlugMentionedIn(text: string): string | undefined {
  return ARTICLE_PATH_IN_TEXT.exec(text)?.[1];
}

/**
 * Astro's rest parameter for archive page `page` of a list: `halaman/<n>`, undefined for the list's
 * own page (no number). Archive pages are numbered from the oldest, `halaman/1` holding a list's
 * oldest stories, so a page keeps its stories when new ones are published (see pagination.ts).
 */
export function listPageRest(page: number | undefined): string | undefined {
  return page === undefined ? undefined : `${PAGE_SEGMENT}/${page}`;
}

/** Archive page `page` of the list whose own page is `base` (ending in `/`); `base` itself without a number. */
function listPagePath(base: string, page: number | undefined): string {
  const rest = listPageRest(page);
  return rest === undefined ? base : `${base}${rest}/`;
}

/** Path of the front page, or of archive page `page` of the all-articles list: `/halaman/2/`. */
export function frontPagePath(page?: number): string {
  return listPagePath('/', page);
}

/** Path of a category's page, or of its archive page `page`: `/kategori/<slug>/`, `/kategori/<slug>/halaman/2/`. */
export function categoryPath(slug: string, page?: number): string {
  return listPagePath(`/kategori/${slug}/`, page);
}

/** Path of a tag's page, or of its archive page `page`: `/tag/<slug>/`, `/tag/<slug>/halaman/2/`. */
export function tagPath(slug: string, page?: number): string {
  return listPagePath(`/tag/${slug}/`, page);
}

/** Path of a person's page, or of their archive page `page`: `/penulis/<slug>/`, `/penulis/<slug>/halaman/2/`. */
export function personPath(slug: string, page?: number): string {
  return listPagePath(`/penulis/${slug}/`, page);
}

/** Path of the list of the newsroom's people: `/penulis/`. */
export function peopleIndexPath(): string {
  return '/penulis/';
}

/** Path of a person's RSS feed: `/penulis/<slug>/rss.xml`. */
export function personFeedPath(slug: string): string {
  return `/penulis/${slug}/rss.xml`;
}

/**
 * Path of the "Terkini" fragment, `/sematan/terkini/`: the latest headlines, which every article
 * page frames beside or after the story. One small page re-rendered per publish, instead of a list
 * baked into every article page, which would re-render the whole archive on each publish (issue #18).
 */
export function latestFragmentPath(): string {
  return '/sematan/terkini/';
}

/**
 * Path of one of the newsroom's pages (content/halaman/): `/halaman/tentang-kami/`. Their slugs are
 * never numbers, which are the front page list's archive pages (`/halaman/2/`).
 */
export function sitePagePath(slug: string): string {
  return `/${PAGE_SEGMENT}/${slug}/`;
}

/** Two digits, as the archive's month and day segments are written: `01`. */
const twoDigits = (n: number): string => String(n).padStart(2, '0');

/**
 * Path of the archive by date (issue #19): `/indeks/`, the latest WIB day with stories. The year,
 * month and day pages below it use the WIB calendar, in digits that sort: `/indeks/2025/01/05/`.
 */
export function indeksPath(): string {
  return '/indeks/';
}

/** Path of a year of the archive: `/indeks/2025/`. */
export function indeksYearPath(year: number): string {
  return `/indeks/${year}/`;
}

/** Path of a month of the archive (`month` 1–12): `/indeks/2025/01/`. */
export function indeksMonthPath(year: number, month: number): string {
  return `/indeks/${year}/${twoDigits(month)}/`;
}

/** Path of a WIB day of the archive (`month` 1–12, `day` 1–31): `/indeks/2025/01/05/`. */
export function indeksDayPath(year: number, month: number, day: number): string {
  return `/indeks/${year}/${twoDigits(month)}/${twoDigits(day)}/`;
}

/** Path of the list of every category: `/kategori/`. */
export function categoryIndexPath(): string {
  return '/kategori/';
}

/** Path of the list of every tag: `/tag/`. */
export function tagIndexPath(): string {
  return '/tag/';
}

/** Path of the search page, `/cari/`, or of its results for `query`: `/cari/?q=banjir`. */
export function searchPath(query?: string): string {
  return query ? `/cari/?${new URLSearchParams({ [SEARCH_QUERY_PARAM]: query }).toString()}` : '/cari/';
}

/** Path of the site-wide RSS feed, `/rss.xml`, or of a category's: `/kategori/<slug>/rss.xml`. */
export function feedPath(categorySlug?: string): string {
  return categorySlug === undefined ? '/rss.xml' : `/kategori/${categorySlug}/rss.xml`;
}

/**
 * The file that serves `path` in the output folder (`build.format: 'directory'`): a page path is a
 * folder with index.html (`/berita/x/` → `berita/x/index.html`), a file path is itself (`/rss.xml`).
 */
export function outputFileOf(path: string): string {
  const file = path.startsWith('/') ? path.slice(1) : path;
  return file === '' || file.endsWith('/') ? `${file}index.html` : file;
}

/** Path of the browser-tab icon: `/favicon.svg`. */
export function faviconPath(): string {
  return '/favicon.svg';
}

/** Path of the publisher logo structured data points to: `/logo.svg`. */
export function logoPath(): string {
  return '/logo.svg';
}

/** Path of the web app manifest, which lets a phone add the site to its home screen: `/manifest.webmanifest`. */
export function manifestPath(): string {
  return '/manifest.webmanifest';
}

/** Path of an app icon the manifest lists, by its file name: `/ikon/icon-192.png`. */
export function appIconPath(file: string): string {
  return `/ikon/${file}`;
}

/**
 * Path of the iOS home-screen icon: `/apple-touch-icon.png`, at the root, where Safari also looks
 * for it when a page names none (a link shared into iOS from outside the site's pages).
 */
export function appleTouchIconPath(): string {
  return '/apple-touch-icon.png';
}

/** Path of the sitemap index (see src/lib/view/sitemaps.ts): `/sitemap-index.xml`, the name robots.txt gives. */
export function sitemapIndexPath(): string {
  return '/sitemap-index.xml';
}

/**
 * Path of the sitemap of one month's articles (`2024-12`, WIB): `/sitemap-berita-2024-12.xml`, and
 * `…-2.xml` onwards for a month of more stories than a file holds.
 */
export function monthSitemapPath(month: string, part = 1): string {
  return `/sitemap-berita-${month}${part === 1 ? '' : `-${part}`}.xml`;
}

/** Path of the `n`th sitemap (from 0) of the pages that are not articles: `/sitemap-laman-0.xml`. */
export function pagesSitemapPath(n: number): string {
  return `/sitemap-laman-${n}.xml`;
}

/** Path of the Google News sitemap: `/sitemap-news.xml`. */
export function newsSitemapPath(): string {
  return '/sitemap-news.xml';
}

/** Folder of every published picture file: `/gambar/<key>/<name>` (see src/lib/images/variants.ts). */
export const IMAGE_FOLDER = 'gambar';

/** A file made from a picture, e.g. `/gambar/3f2a…/hero-800.webp`. */
export function imageVariantPath(key: string, name: string): string {
  return `/${IMAGE_FOLDER}/${key}/${name}`;
}

/** A generated share card (an article without a photo, or the site's), by its digest. */
export function shareCardPath(key: string): string {
  return `/${IMAGE_FOLDER}/kartu/${key}.jpg`;
}
