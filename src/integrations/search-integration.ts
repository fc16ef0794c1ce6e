import type { AstroIntegration } from 'astro';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatSearchIndexReport, writeSearchIndex } from '../lib/search/build-index.ts';
import { SEARCH_BUNDLE_DIR } from '../lib/search/fields.ts';
import { readContentSummary } from './warta-integration.ts';

/**
 * Builds the Pagefind search index at the end of every `astro build`, from the published articles'
 * data (never from the HTML, so only headline, summary, body and metadata are indexed), into
 * `<outDir>/pagefind/`.
 */
export function searchIntegration(): AstroIntegration {
  return {
    name: 'warta-search',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const summary = readContentSummary();
        if (!summary) throw new Error('Warta search: the content loader reported nothing; there is nothing to index.');
        const outputPath = path.join(fileURLToPath(dir), SEARCH_BUNDLE_DIR);
        const report = await writeSearchIndex(summary.articles, outputPath);
        logger.info(formatSearchIndexReport(report));
      },
    },
  };
}
