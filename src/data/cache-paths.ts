import path from 'node:path';

/** Astro's cache folder (WARTA_CACHE_DIR; astro.config.mjs passes it to Astro); Warta's caches live in it too. */
export const cacheDir = path.resolve(process.env['WARTA_CACHE_DIR'] ?? 'node_modules/.astro');

/** Rendered article bodies, written by the content loader and read by the article page. */
export const bodyDirectory = path.join(cacheDir, 'warta-bodies');
