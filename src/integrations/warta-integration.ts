import type { AstroIntegration } from 'astro';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { countPages, formatBuildReport, missingArticlePages, type ContentSummary } from '../lib/content/build-report.ts';

/** Where the content loader leaves its summary for this integration (same process, other module graph). */
export const CONTENT_SUMMARY = Symbol.for('warta.content-summary');

/** The summary the content loader recorded in this process, if it ran. */
export function readContentSummary(): ContentSummary | undefined {
  return (globalThis as Record<symbol, unknown>)[CONTENT_SUMMARY] as ContentSummary | undefined;
}

/** Records the content layer's summary for the end-of-build report. */
export function recordContentSummary(summary: ContentSummary): void {
  (globalThis as Record<symbol, unknown>)[CONTENT_SUMMARY] = summary;
}

/**
 * Tells the content layer whether this is the dev server (Vite's mode is not a safe signal: NODE_ENV=test
 * or a custom --mode would turn a production build into a "dev" one and publish drafts), and ends every
 * build with a report and a check that each published article got exactly its page.
 */
export function wartaIntegration(): AstroIntegration {
  return {
    name: 'warta',
    hooks: {
      'astro:config:setup': ({ command }) => {
        process.env['WARTA_COMMAND'] = command;
      },
      'astro:build:done': ({ dir, pages, logger }) => {
        const summary = readContentSummary();
        if (!summary) throw new Error('Warta: the content loader reported nothing; the articles collection did not load.');
        const outDir = fileURLToPath(dir);
        logger.info(`\n${formatBuildReport(summary, countPages(pages.map((p) => p.pathname)))}`);
        const missing = missingArticlePages(summary.slugs, (file) => fs.existsSync(`${outDir}/${file}`));
        if (missing.length > 0) {
          const error = new Error(`${missing.length} published article(s) have no page in ${outDir}: ${missing.join(', ')}`);
          error.stack = '';
          throw error;
        }
        logger.info(`Every published article has its page (${summary.slugs.length}).`);
      },
    },
  };
}
