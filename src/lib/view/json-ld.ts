import { articleStructuredImages, type ShareSettings } from '../images/share.ts';
import type { Article } from '../content/article.ts';
import { toJakartaIso } from '../dates/format-date.ts';
import { articlePath, frontPagePath } from '../routes.ts';
import type { Crumb } from './breadcrumbs.ts';
import { absoluteUrl } from './urls.ts';

/** What structured data needs to know about the publisher. */
export interface Publisher extends ShareSettings {
  readonly name: string;
  readonly url: string;
  readonly locale: string;
  readonly logo: { readonly src: string; readonly width: number; readonly height: number };
}

type JsonValue = string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };
/** A JSON-LD object. */
export type JsonLd = Readonly<Record<string, JsonValue>>;

/** Bylines that name a desk rather than a person (`Redaksi Warta`, `Tim Liputan`) are organisations. */
const ORGANISATION_BYLINE = /^(redaksi|tim|desk|meja)\b/i;

function publisherLd(p: Publisher): JsonLd {
  return {
    '@type': 'Organization',
    name: p.name,
    url: absoluteUrl(frontPagePath(), p.url),
    logo: { '@type': 'ImageObject', url: absoluteUrl(p.logo.src, p.url), width: p.logo.width, height: p.logo.height },
  };
}

/** schema.org `NewsArticle` for an article page, for a build at `now` (which decides its share picture). */
export function newsArticleJsonLd(article: Article, publisher: Publisher, now: Date): JsonLd {
  const url = absoluteUrl(articlePath(article.slug), publisher.url);
  const author: JsonLd =
    article.author === undefined
      ? { '@type': 'Organization', name: publisher.name, url: absoluteUrl(frontPagePath(), publisher.url) }
      : { '@type': ORGANISATION_BYLINE.test(article.author) ? 'Organization' : 'Person', name: article.author };
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.title,
    description: article.summary,
    url,
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    datePublished: toJakartaIso(article.date),
    // A correction is a modification too (issue #18): Google shows the newer date.
    dateModified: toJakartaIso(article.modified),
    author,
    publisher: publisherLd(publisher),
    // Google asks for 16:9, 4:3 and 1:1 crops, at least 1,200 px wide for Discover's large cards.
    image:
      article.image && !article.image.asset
        ? [absoluteUrl(article.image.src, publisher.url)]
        : articleStructuredImages(article, publisher, now).map((crop) => ({
            '@type': 'ImageObject',
            url: absoluteUrl(crop.path, publisher.url),
            width: crop.width,
            height: crop.height,
          })),
    articleSection: article.category.name,
    ...(article.tags.length > 0 ? { keywords: article.tags.map((t) => t.name) } : {}),
    inLanguage: publisher.locale,
    isAccessibleForFree: true,
  };
}

/** schema.org `BreadcrumbList` for a trail of site paths. */
export function breadcrumbJsonLd(crumbs: readonly Crumb[], siteUrl: string): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((c, i) => ({
      '@type': 'ListItem',
      position: i + 1,
      name: c.name,
      item: absoluteUrl(c.href, siteUrl),
    })),
  };
}

/**
 * JSON for a `<script type="application/ld+json">` element: `<`, `>` and `&` are written as
 * `\u003c` escapes so no text (a headline with `</script>`) can end the element, and U+2028/2029 too.
 */
export function serializeJsonLd(data: JsonLd): string {
  return JSON.stringify(data).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
