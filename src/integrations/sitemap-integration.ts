import type { AstroIntegration } from 'astro';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findPublishedArticles, readContentSummary } from '../data/build-context.ts';
import { readFully, writeFileReplacing } from '../lib/storage/write-fully.ts';
import { buildSitemaps } from '../lib/view/sitemaps.ts';
import { keepInLiveSite, liveSite, sitePageNames } from './kept-pages.ts';

/** Options of {@link sitemapIntegration}. */
export interface SitemapOptions {
  /** The site's address, as in the site config. */
  readonly siteUrl: string;
  /** Site paths of pages that stay out of the sitemaps (fragments framed by other pages). */
  readonly exclude?: (path: string) => boolean;
  /** Sitemaps the site makes itself, listed in the index (the Google News sitemap): site paths. */
  readonly extra?: readonly string[];
}

/**
 * Writes the sitemaps (see src/lib/view/sitemaps.ts) once every page is built: the pages Astro made,
 * and the published articles' dates for the month files and their `<lastmod>`. Into the build's
 * output folder, which the staged-output integration then publishes, so this must come before it.
 */
export function sitemapIntegration(options: SitemapOptions): AstroIntegration {
  return {
    name: 'warta-sitemaps',
    hooks: {
      'astro:build:done': ({ dir, pages, logger }) => {
        const started = performance.now();
        const outDir = fileURLToPath(dir);
        // The articles this build published: the loader's latest load (see the warta integration).
        const slugs = new Set(readContentSummary()?.slugs);
        const files = buildSitemaps({
          // Astro names pages without the leading slash (`berita/x/`, and `` for the front page).
          pages: sitePageNames(pages).map((p) => `/${p.replace(/^\//, '')}`),
          articles: findPublishedArticles((article) => slugs.has(article.slug)),
          exclude: (page) => page === '/404/' || (options.exclude?.(page) ?? false),
          extra: options.extra ?? [],
          siteUrl: options.siteUrl,
        });
        // A file the live site already has, byte for byte, stays there (a publish changes the month of
        // its story and the index): its address keeps its Last-Modified for crawlers and caches.
        const live = liveSite();
        let kept = 0;
        const compare = textComparer();
        for (const file of files) {
          const { xml } = file;
          const relative = file.path.slice(1);
          if (live !== undefined && compare(path.join(live, relative), xml)) {
            keepInLiveSite(relative);
            kept++;
            continue;
          }
          const target = path.join(outDir, relative);
          fs.mkdirSync(path.dirname(target), { recursive: true });
          writeFileReplacing(target, xml);
        }
        const months = files.filter((f) => f.kind === 'articles').length;
        const took = ((performance.now() - started) / 1000).toFixed(2);
        logger.info(
          `${files.length} sitemaps (${months} of articles by month) in ${took} s: ${files.length - kept} written, ${kept} unchanged kept in the live site`,
        );
      },
    },
  };
}

/**
 * Whether a file exists and holds exactly a text in UTF-8, read and encoded into two buffers the
 * comparer reuses. A buffer per sitemap, twice (the text's bytes and the file's), was 26 MB of short-lived
 * buffers per publish at 100,000 articles, made in one loop that gave V8 no minor collection to free
 * them; they counted as V8's external memory, and were what started a full marking of the publish
 * server's heap at the end of most publishes (see src/lib/storage/release-bytes.ts).
 */
export function textComparer(): (file: string, text: string) => boolean {
  let fileBytes = Buffer.alloc(0);
  let textBytes = Buffer.alloc(0);
  return (file, text) => {
    const length = Buffer.byteLength(text);
    let fd: number;
    try {
      fd = fs.openSync(file, 'r');
    } catch {
      return false;
    }
    try {
      if (fs.fstatSync(fd).size !== length) return false;
      if (fileBytes.length < length) fileBytes = Buffer.allocUnsafe(Math.max(length, 2 * fileBytes.length));
      if (textBytes.length < length) textBytes = Buffer.allocUnsafe(Math.max(length, 2 * textBytes.length));
      if (readFully(fd, fileBytes.subarray(0, length)) < length) return false;
      textBytes.write(text, 'utf8');
      return fileBytes.subarray(0, length).equals(textBytes.subarray(0, length));
    } catch {
      return false;
    } finally {
      fs.closeSync(fd);
    }
  };
}
