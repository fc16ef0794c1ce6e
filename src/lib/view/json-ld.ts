import { articleStructuredImages, type ShareSettings } from '../images/share.ts';
import type { Article } from '../content/article.ts';
import { toJakartaIso } from '../dates/format-date.ts';
import type { Person } from '../content/people.ts';
import { ROLE_LABELS } from '../content/people.ts';
import { articlePath, frontPagePath, personPath } from '../routes.ts';
import { pictureView } from './picture-view.ts';
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

/** Bylines that name a desk rather than a person (`Tim Liputan`, `Desk Ekonomi`) are organisations. */
const ORGANISATION_BYLINE = /^(redaksi|tim|desk|meja)\b/i;

type Credit = Article['credits'][number];

/**
 * A credited person as schema.org has them: a `Person` with the URL of their page when they have a
 * file, the newsroom as the publisher `Organization`, and a desk's name as an `Organization`.
 */
function creditLd(credit: Credit, publisher: Publisher): JsonLd {
  if (credit.newsroom) return organisationLd(publisher);
  if (credit.slug !== undefined)
    return { '@type': 'Person', name: credit.name, url: absoluteUrl(personPath(credit.slug), publisher.url) };
  return { '@type': ORGANISATION_BYLINE.test(credit.name) ? 'Organization' : 'Person', name: credit.name };
}

function organisationLd(p: Publisher): JsonLd {
  return { '@type': 'Organization', name: p.name, url: absoluteUrl(frontPagePath(), p.url) };
}

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
  // The writers and reporters are the authors; without them the newsroom is (Google asks for an author).
  const writers = article.credits.filter((c) => c.role === 'penulis' || c.role === 'pewarta');
  const author = writers.length > 0 ? writers.map((c) => creditLd(c, publisher)) : [organisationLd(publisher)];
  const editors = article.credits.filter((c) => c.role === 'editor').map((c) => creditLd(c, publisher));
  const photographers = article.credits.filter((c) => c.role === 'fotografer').map((c) => creditLd(c, publisher));
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
    ...(editors.length > 0 ? { editor: editors } : {}),
    ...(photographers.length > 0 ? { contributor: photographers } : {}),
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

/**
 * schema.org `ProfilePage` for a person's page, its `mainEntity` the `Person`: name, role, bio,
 * portrait and profiles elsewhere (`sameAs`), as Google reads author pages.
 */
export function profilePageJsonLd(person: Person, publisher: Publisher): JsonLd {
  const url = absoluteUrl(personPath(person.slug), publisher.url);
  const photo = person.photo ? pictureView(person.photo, 'thumb') : undefined;
  return {
    '@context': 'https://schema.org',
    '@type': 'ProfilePage',
    url,
    mainEntity: {
      '@type': 'Person',
      name: person.name,
      url,
      description: person.bio,
      jobTitle: ROLE_LABELS[person.role],
      worksFor: organisationLd(publisher),
      ...(photo ? { image: absoluteUrl(photo.src, publisher.url) } : {}),
      ...(person.links.length > 0 ? { sameAs: person.links.map((l) => l.url) } : {}),
    },
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
