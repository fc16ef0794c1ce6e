// Benchmark of "Berita Terkait": generates N synthetic articles in memory (not
// timed), then times index + finalize + search for every article.
// usage: node scripts/bench-related.ts N [--seed S]
import { performance } from 'node:perf_hooks';
import { generateArticles } from './generate-corpus.ts';
import { createRelatedIndex } from '../src/lib/related/index.ts';
import type { RelatedDocument } from '../src/lib/related/index.ts';

const [nArg, ...rest] = process.argv.slice(2);
const n = Number(nArg);
if (!Number.isInteger(n) || n < 1) {
  console.error('usage: node scripts/bench-related.ts N [--seed S]');
  process.exit(2);
}
const seedAt = rest.indexOf('--seed');
const seed = seedAt >= 0 ? Number(rest[seedAt + 1]) : 42;

// The site hands the index plain text, so link targets (slugs) are stripped
// here as its Markdown-to-text step would; the .md sources are then dropped.
const MARKDOWN_LINK = /\[([^\]]*)\]\([^)]*\)/g;
const docs: RelatedDocument[] = [];
for (const a of generateArticles(n, { seed })) {
  docs.push({
    slug: a.slug,
    title: a.title,
    summary: a.summary,
    body: a.body.replace(MARKDOWN_LINK, '$1'),
    tags: a.tags,
    category: a.category,
    date: a.date,
  });
}

const t0 = performance.now();
const index = createRelatedIndex();
for (const doc of docs) index.add(doc);
const t1 = performance.now();
index.finalize();
const t2 = performance.now();
let listed = 0;
for (const doc of docs) listed += index.search(doc.slug).length;
const t3 = performance.now();

const ms = (v: number): string => v.toFixed(0);
console.log(`N=${n}`);
console.log(`related_ms=${ms(t3 - t0)} (add ${ms(t1 - t0)}, finalize ${ms(t2 - t1)}, search ${ms(t3 - t2)})`);
console.log(`peak_rss_mb=${(process.resourceUsage().maxRSS / 1024).toFixed(0)}`);
console.log(`mean_list_length=${(listed / n).toFixed(3)}`);
console.log(`index=${JSON.stringify(index.stats())}`);
