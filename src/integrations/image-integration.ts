import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import fs from 'node:fs';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  buildClock,
  buildSettings,
  findPublishedArticles,
  onArticlesResolved,
  publishedPeople,
  publishedSitePages,
} from '../data/build-context.ts';
import type { ArticleFields } from '../lib/content/resolve-links.ts';
import { articleSharePicture, sectionSharePicture, sharesOwnCard, siteSharePicture } from '../lib/images/share.ts';
import { keptWhileSame } from '../lib/once-per-object.ts';
import { renderShareCard, shareCardKey, type ShareCardInput } from '../lib/images/share-card.ts';
import type { ImageAsset } from '../lib/images/variants.ts';
import { IMAGE_FOLDER } from '../lib/routes.ts';
import {
  makeAllVariants,
  makeVariants,
  placeFile,
  publishVariants,
  type ImageCounts,
} from '../lib/storage/image-files.ts';
import { siteConfig } from '../site.config.ts';
import { writeFileReplacing } from '../lib/storage/write-fully.ts';

/** Google Discover shows large cards only for pictures at least this wide (../shared/NEWSROOM.md). */
const DISCOVER_WIDTH = 1200;

/** What one build publishes: every picture's variants and every share card. */
interface ImageWork {
  readonly assets: Map<string, ImageAsset>;
  readonly cards: Map<string, ShareCardInput>;
  /** Lead pictures narrower than {@link DISCOVER_WIDTH}, for the warning. */
  readonly narrow: string[];
}

/**
 * Publishes the pictures (issue #17). In a build it starts as soon as the articles' links resolve,
 * beside the search index and the pages, makes what the cache lacks, and puts every file into the
 * output folder once the pages are written; the log line says how many pictures were processed and
 * how many came from the cache. The dev server makes each file when a page first asks for it.
 */
export function imageIntegration(): AstroIntegration {
  let stopListening: (() => void) | undefined;
  let pending: Promise<{ work: ImageWork; counts: ImageCounts; cardsMade: number; seconds: number }> | undefined;
  const cacheRoot = path.join(buildSettings().cacheDirectory, 'warta-images');
  return {
    name: 'warta-images',
    hooks: {
      'astro:config:setup': ({ command }) => {
        if (command !== 'build') return;
        stopListening = onArticlesResolved((articles) => {
          const work = collectWork(
            articles.map((a) => a.data),
            buildClock(),
          );
          const started = performance.now();
          pending = (async () => {
            const counts = await makeAllVariants(cacheRoot, work.assets.values());
            const cardsMade = await makeCards(cacheRoot, work.cards.values());
            return { work, counts, cardsMade, seconds: (performance.now() - started) / 1000 };
          })();
          // Awaited in astro:build:done; this only keeps a failure from being reported as unhandled first.
          pending.catch(() => undefined);
        });
      },
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((request, response, next) => {
          const match = /^\/gambar\/([^/]+)\/([^/]+)$/.exec(request.url?.split('?')[0] ?? '');
          if (!match?.[1] || !match[2]) {
            next();
            return;
          }
          serveInDev(cacheRoot, match[1], match[2], response).then(
            (served) => {
              if (!served) next();
            },
            (error: unknown) => {
              next(error);
            },
          );
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        stopListening?.();
        if (!pending) throw new Error('Warta images: the articles never resolved, so no picture was made.');
        const done = pending;
        // This integration lives as long as its build's config module, which Node keeps for the life of
        // the process (Astro imports the config anew for each build): the publish server's builds
        // would each keep every picture's and card's work.
        pending = undefined;
        const { work, counts, cardsMade, seconds } = await done;
        const outDir = fileURLToPath(dir);
        const placed = publishVariants(
          cacheRoot,
          [...work.assets.values()].map((a) => a.key),
          outDir,
        );
        const cardFolder = path.join(outDir, IMAGE_FOLDER, 'kartu');
        fs.mkdirSync(cardFolder, { recursive: true });
        for (const key of work.cards.keys()) placeFile(cardFile(cacheRoot, key), path.join(cardFolder, `${key}.jpg`));
        logger.info(
          `${work.assets.size} pictures: ${counts.processed} processed (${counts.files} files), ${counts.reused} from the cache; ` +
            `${work.cards.size} share cards: ${cardsMade} rendered; ${placed + work.cards.size} files published in ${seconds.toFixed(2)} s`,
        );
        warnNarrow(work.narrow, logger);
      },
    },
  };
}

/** The pictures and cards the published articles and the site's own pages need. */
function collectWork(articles: readonly ArticleFields[], now: Date): ImageWork {
  const assets = new Map<string, ImageAsset>();
  const cards = new Map<string, ShareCardInput>();
  const narrow: string[] = [];
  const pages = [
    siteSharePicture(siteConfig),
    ...sectionNames(articles).map((s) => sectionSharePicture(s, siteConfig)),
  ];
  for (const page of pages) if (page.card) cards.set(shareCardKey(page.card), page.card);
  for (const article of articles) {
    const work = articleWork(article, { now, ownCard: sharesOwnCard(article, siteConfig, now) });
    for (const [key, asset] of work.assets) assets.set(key, asset);
    if (work.narrow !== undefined) narrow.push(work.narrow);
    if (work.card) cards.set(work.card.key, work.card.input);
  }
  for (const person of publishedPeople()) {
    const asset = person.photo?.asset;
    if (asset) assets.set(`${asset.key}|lead`, asset);
  }
  for (const page of publishedSitePages())
    for (const picture of page.images) assets.set(`${picture.key}|body`, picture);
  return { assets, cards, narrow };
}

/** One article's part of {@link ImageWork}. */
interface ArticleWork {
  readonly assets: readonly (readonly [string, ImageAsset])[];
  readonly narrow: string | undefined;
  readonly card: { readonly key: string; readonly input: ShareCardInput } | undefined;
}

/**
 * One article's pictures, its warning when its lead picture is narrow, and its share card, kept in
 * the publish server by the article's fields object (the same object while its file and credits
 * are: resolve-links.ts) while it shares the same kind of card (see `acrossBuilds`). Working them
 * out for 100,000 articles on every publish was 0.2 s of its content step (issue #20). The card
 * depends on the build's clock only through whether the story still gets one of its own
 * (`sharesOwnCard`), so that is what the kept work is checked against.
 */
export const articleWork = keptWhileSame(
  'image-work-of-article',
  (article: ArticleFields, { now }: { readonly now: Date; readonly ownCard: boolean }): ArticleWork => {
    const assets: (readonly [string, ImageAsset])[] = [];
    let narrow: string | undefined;
    const asset = article.image?.asset;
    if (asset) {
      assets.push([`${asset.key}|lead`, asset]);
      if (asset.width < DISCOVER_WIDTH) narrow = `${article.sourceFile} (${asset.width} px)`;
    }
    for (const picture of article.bodyImages ?? []) assets.push([`${picture.key}|body`, picture]);
    const { card } = articleSharePicture(article, siteConfig, now);
    return { assets, narrow, card: card && { key: shareCardKey(card), input: card } };
  },
  (kept, input) => kept.ownCard === input.ownCard,
);

/** The sections the articles are in: each section page shares its own card. */
function sectionNames(articles: readonly Pick<ArticleFields, 'category'>[]): string[] {
  return [...new Set(articles.map((a) => a.category.name))];
}

function cardFile(cacheRoot: string, key: string): string {
  return path.join(cacheRoot, 'kartu', `${key}.jpg`);
}

/** Renders the cards the cache lacks; returns how many were rendered. */
async function makeCards(cacheRoot: string, cards: Iterable<ShareCardInput>): Promise<number> {
  let made = 0;
  fs.mkdirSync(path.join(cacheRoot, 'kartu'), { recursive: true });
  for (const card of cards) {
    const file = cardFile(cacheRoot, shareCardKey(card));
    if (fs.existsSync(file)) continue;
    writeFileReplacing(file, await renderShareCard(card));
    made++;
  }
  return made;
}

function warnNarrow(narrow: readonly string[], logger: AstroIntegrationLogger): void {
  if (narrow.length === 0) return;
  const shown = narrow.slice(0, 10).join(', ');
  logger.warn(
    `${narrow.length} lead picture(s) narrower than ${DISCOVER_WIDTH} px, which Google Discover shows only as small cards: ${shown}${narrow.length > 10 ? ', …' : ''}`,
  );
}

/** Serves one picture file on the dev server, making it first if needed; false when nothing has that name. */
async function serveInDev(cacheRoot: string, folder: string, name: string, response: ServerResponse): Promise<boolean> {
  let file: string | undefined;
  if (folder === 'kartu') {
    const key = name.replace(/\.jpg$/, '');
    const articles = findPublishedArticles(() => true);
    const cards = [
      siteSharePicture(siteConfig),
      ...sectionNames(articles).map((s) => sectionSharePicture(s, siteConfig)),
      ...articles.map((a) => articleSharePicture(a, siteConfig, buildClock())),
    ];
    const card = cards.find((c) => c.card && shareCardKey(c.card) === key)?.card;
    if (!card) return false;
    await makeCards(cacheRoot, [card]);
    file = cardFile(cacheRoot, key);
  } else {
    const asset = findPublishedArticles(() => true)
      .flatMap((a) => [...(a.image?.asset ? [a.image.asset] : []), ...(a.bodyImages ?? [])])
      .concat(publishedPeople().flatMap((p) => (p.photo?.asset ? [p.photo.asset] : [])))
      .concat(publishedSitePages().flatMap((p) => p.images))
      .find((candidate) => candidate.key === folder && candidate.role === (name.startsWith('body-') ? 'body' : 'lead'));
    if (!asset) return false;
    await makeVariants(cacheRoot, asset);
    file = path.join(cacheRoot, folder, name);
  }
  if (!fs.existsSync(file)) return false;
  response.setHeader('Content-Type', name.endsWith('.webp') ? 'image/webp' : 'image/jpeg');
  response.end(fs.readFileSync(file));
  return true;
}
