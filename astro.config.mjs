// @ts-check
import tailwindcss from '@tailwindcss/vite';
import { defineConfig } from 'astro/config';
import { wartaIntegration } from './src/integrations/warta-integration.ts';
import { searchIntegration } from './src/integrations/search-integration.ts';
import { imageIntegration } from './src/integrations/image-integration.ts';
import { buildErrors } from './src/integrations/build-errors.ts';
import { stagedOutput } from './src/integrations/staged-output.ts';
import { sitemapIntegration } from './src/integrations/sitemap-integration.ts';
import { buildSettings } from './src/data/build-context.ts';
import { siteConfig } from './src/site.config.ts';
import { latestFragmentPath, newsSitemapPath } from './src/lib/routes.ts';

export default defineConfig({
  site: siteConfig.url,
  output: 'static',
  // Tests and benchmarks build other content into other folders side by side (WARTA_OUT_DIR, WARTA_CACHE_DIR).
  outDir: buildSettings().outDirectory,
  cacheDir: buildSettings().cacheDirectory,
  trailingSlash: 'always',
  // Pages render while earlier ones are written: at the default of 1 a profile of 12,600 pages showed
  // the main thread idle 11 of 25 s, waiting on mkdir/open/write/close of each page in turn.
  build: { format: 'directory', concurrency: 8 },
  devToolbar: { enabled: false },
  // Astro's logger without its line per page written: a count instead (see build-logger.mjs).
  logger: { entrypoint: new URL('./src/integrations/build-logger.mjs', import.meta.url) },
  // Article pages return a cacheKey, so a rebuild re-renders only the articles whose data changed.
  experimental: { incrementalBuild: true },
  integrations: [
    // Reports failures while pages render as Warta errors naming the article, without stack traces.
    buildErrors(),
    wartaIntegration(),
    searchIntegration(),
    // Pictures: responsive variants and share cards, made once and cached by digest.
    imageIntegration(),
    // /sitemap-index.xml: the articles by month, every other HTML page (not feeds or other
    // endpoints), and the Google News sitemap (src/lib/view/sitemaps.ts).
    sitemapIntegration({
      siteUrl: siteConfig.url,
      // Not the fragments article pages frame (noindex).
      exclude: (page) => page.startsWith(latestFragmentPath()),
      extra: [newsSitemapPath()],
    }),
    // Builds into a staging folder and swaps it in for outDir only when everything above has
    // succeeded, so outDir only ever holds a complete site. Must stay last.
    stagedOutput(),
  ],
  vite: { plugins: [tailwindcss()] },
});
