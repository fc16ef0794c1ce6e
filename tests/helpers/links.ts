import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'node-html-parser';
import { listFiles } from './build-site.ts';

/**
 * The file a same-site URL path is served from in a static build: `/` → `index.html`,
 * `/x/` → `x/index.html`, `/rss.xml` → `rss.xml`. Query and fragment are dropped.
 */
export function fileForPath(url: string): string {
  const target = decodeURI(url.split(/[?#]/)[0] ?? '').replace(/^\/+/, '');
  return target === '' || target.endsWith('/') ? `${target}index.html` : target;
}

/** Same-site paths an element links to or loads: `href` and `src` values that start with one `/`. */
export function localUrls(html: string): string[] {
  const urls: string[] = [];
  for (const el of parse(html).querySelectorAll('[href], [src]')) {
    for (const attr of ['href', 'src']) {
      const url = el.getAttribute(attr);
      if (url !== undefined && url.startsWith('/') && !url.startsWith('//')) urls.push(url);
    }
  }
  return urls;
}

/** Every `href` and `src` in every HTML page of `outDir` that names a file the build did not write, as `page → url`. */
export function brokenLinks(outDir: string): string[] {
  const missing: string[] = [];
  for (const file of listFiles(outDir).filter((f) => f.endsWith('.html'))) {
    for (const url of localUrls(fs.readFileSync(path.join(outDir, file), 'utf8'))) {
      if (!fs.existsSync(path.join(outDir, fileForPath(url)))) missing.push(`${file} → ${url}`);
    }
  }
  return missing;
}

/**
 * Follows links from `start` through the HTML pages of a static build, as a reader clicking
 * around would; returns every file reached (HTML or not), e.g. `berita/x/index.html`.
 */
export function crawl(outDir: string, start = '/'): Set<string> {
  const seen = new Set<string>();
  const queue = [fileForPath(start)];
  while (queue.length > 0) {
    const file = queue.shift() as string;
    if (seen.has(file)) continue;
    const full = path.join(outDir, file);
    if (!fs.existsSync(full)) continue;
    seen.add(file);
    if (!file.endsWith('.html')) continue;
    for (const url of localUrls(fs.readFileSync(full, 'utf8'))) queue.push(fileForPath(url));
  }
  return seen;
}
