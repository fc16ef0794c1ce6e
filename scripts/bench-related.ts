// Benchmark of "Berita Terkait": generates N synthetic articles in memory (not
// timed), then times index + finalize + search for every article. Then measures
// the quality of the computed lists on the labelled fixture (48 real-looking
// articles in 6 topics; the synthetic corpus has no topics to check against):
// precision and recall at the configured minSimilarity, and at a few others so
// the choice of the default (see src/lib/related/config.ts) stays visible; then at the configured
// minSimilarity with a few minSharedTerms (the shared-term guard; 1 turns it off).
// usage: node scripts/bench-related.ts N [--seed S]
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { generateArticles } from './generate-corpus.ts';
import { createRelatedIndex, defaultRelatedConfig, lastRanking } from '../src/lib/related/index.ts';
import type { RelatedDocument, RelatedState } from '../src/lib/related/index.ts';
import { lastShare } from '../src/lib/related/shared-search.ts';
import { evaluateThresholds } from '../src/lib/related/evaluate.ts';
import type { ThresholdQuality } from '../src/lib/related/evaluate.ts';
import { loadFixture } from '../tests/related/helpers.ts';

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
// Searched twice below: one search at a time on this thread, then all at once on every core.
const threads = os.availableParallelism();
const workerFile = fileURLToPath(new URL('../src/lib/related/search-worker.ts', import.meta.url));
const index = createRelatedIndex(defaultRelatedConfig, { parallel: { threads, workerFile } });
for (const doc of docs) index.add(doc);
const t1 = performance.now();
index.finalize();
const t2 = performance.now();
let listed = 0;
for (const doc of docs) listed += index.search(doc.slug).length;
const t3 = performance.now();
const all = index.searchMany(docs.map((doc) => ({ slug: doc.slug })));
const t4 = performance.now();
if (all.reduce((sum, list) => sum + list.length, 0) !== listed)
  throw new Error('searchMany listed otherwise than search');

// The publish server's kept index (src/lib/related/incremental.ts): one full ranking that keeps it,
// then a publish of one new story, an edit of an old one's text and the deletion of an old one,
// each an update of the kept index, timed with its searches.
const keep: { value: RelatedState | undefined } = { value: undefined };
const rankAll = (list: readonly RelatedDocument[]): { ms: number; searched: number; updated: boolean } => {
  const start = performance.now();
  const kept = createRelatedIndex(defaultRelatedConfig, { parallel: { threads, workerFile }, keep });
  for (const doc of list) kept.add(doc);
  kept.finalize();
  kept.searchMany(list.map((doc) => ({ slug: doc.slug })));
  return { ms: performance.now() - start, searched: lastShare.searches, updated: lastRanking.updated };
};
const keptFull = rankAll(docs);
const newest = docs.reduce((a, b) => (b.date > a.date ? b : a));
const added = {
  ...newest,
  slug: 'zz-baru',
  title: `${newest.title} terbaru`,
  date: new Date(newest.date.getTime() + 3600_000),
};
const published = rankAll([...docs, added]);
const middle = Math.floor(docs.length / 2);
const editedDocs = [...docs, added].map((doc, i) =>
  i === middle ? { ...doc, body: `${doc.body}\nParagraf tambahan untuk uji bangun ulang.` } : doc,
);
const edited = rankAll(editedDocs);
const deleted = rankAll(editedDocs.filter((_, i) => i !== Math.floor(docs.length / 3)));
const ms = (v: number): string => v.toFixed(0);
console.log(`N=${n}`);
console.log(`related_ms=${ms(t3 - t0)} (add ${ms(t1 - t0)}, finalize ${ms(t2 - t1)}, search ${ms(t3 - t2)})`);
console.log(`search_many_ms=${ms(t4 - t3)} (every article at once, on ${threads} threads)`);
const step = (run: { ms: number; searched: number; updated: boolean }): string =>
  `${ms(run.ms)} ms (${run.updated ? `updated, ${run.searched} lists searched` : 'ranked in full'})`;
console.log(`kept_index_ms=${ms(keptFull.ms)} (a full ranking that keeps its index)`);
console.log(`update_new_story_ms=${step(published)}`);
console.log(`update_old_story_edited_ms=${step(edited)}`);
console.log(`update_old_story_deleted_ms=${step(deleted)}`);
console.log(`peak_rss_mb=${(process.resourceUsage().maxRSS / 1024).toFixed(0)}`);
console.log(`mean_list_length=${(listed / n).toFixed(3)}`);
console.log(`index=${JSON.stringify(index.stats())}`);

// Quality on the fixture: one ranking per minimum similarity, as readers would see it (the minimum
// applies to similarity, the order to the full score, so a cut list can refill from further down).
const { limit, minSimilarity, minSharedTerms } = defaultRelatedConfig;
const fixture = loadFixture();
const topicOf = new Map(fixture.map((doc) => [doc.slug, doc.topic]));
const steps = [0, 0.05, 0.1, 0.15, 0.2, 0.21, 0.2175, 0.22, 0.225, 0.25, 0.3, 0.4];
const thresholds = [...new Set([...steps, minSimilarity])].sort((a, b) => a - b);
const table = evaluateThresholds(fixture, topicOf, defaultRelatedConfig, thresholds);
const chosen = table.find((row) => row.minSimilarity === minSimilarity);
if (chosen === undefined) throw new Error('the configured minSimilarity is missing from the table');
const three = (v: number): string => v.toFixed(3);
console.log(`min_similarity=${minSimilarity}`);
console.log(`min_shared_terms=${minSharedTerms}`);
console.log(`fixture_precision=${three(chosen.precision)}`);
console.log(`fixture_recall=${three(chosen.recall)}`);
console.log(`# fixture: ${fixture.length} articles, ${new Set(topicOf.values()).size} topics, limit ${limit}`);
const qualityCells = (row: ThresholdQuality): string[] => {
  // F0.5 weighs precision twice: a wrong "Terkait" story costs a reader's trust, a missing one little.
  const f =
    row.precision + row.recall === 0 ? 0 : (1.25 * row.precision * row.recall) / (0.25 * row.precision + row.recall);
  const cells = [three(row.precision).padStart(9), three(row.recall).padStart(6), three(f).padStart(6)];
  cells.push(String(row.listed).padStart(7), String(row.wrong).padStart(6), String(row.emptyLists).padStart(11));
  return cells;
};
console.log(
  `# min_similarity precision recall   F0.5  listed  wrong empty_lists  (min_shared_terms=${minSharedTerms})`,
);
for (const row of table) {
  const cells = [row.minSimilarity.toFixed(4).padStart(16), ...qualityCells(row)];
  console.log(`#${cells.join(' ')}${row.minSimilarity === minSimilarity ? '  <- default' : ''}`);
}
console.log(`# min_shared_terms precision recall   F0.5  listed  wrong empty_lists  (min_similarity=${minSimilarity})`);
for (const shared of [...new Set([1, 2, 3, 4, 5, minSharedTerms])].sort((a, b) => a - b)) {
  const [row] = evaluateThresholds(fixture, topicOf, { ...defaultRelatedConfig, minSharedTerms: shared }, [
    minSimilarity,
  ]);
  if (row === undefined) continue;
  const cells = [String(shared).padStart(18), ...qualityCells(row)];
  console.log(`#${cells.join(' ')}${shared === minSharedTerms ? '  <- default' : shared === 1 ? '  (guard off)' : ''}`);
}
