// What the search page's vocabulary file (src/lib/search/vocabulary.ts, pagefind/kosakata.txt)
// costs a reader: its size as written and gzipped, for a few caps on the number of words.
//  1. N synthetic articles (scripts/generate-corpus.ts), counted as the index build counts them.
//     Their vocabulary is small (a few hundred words drawn again and again), so this shows the
//     counting time more than a real file's size.
//  2. A realistic list: every word of the shipped content/ (real Indonesian news copy), and, to
//     reach the caps, words made from those roots with Indonesian affixes (me-/di-/ber-/pe-…,
//     -kan/-an/-nya/-i) and made-up proper names, in a random order, as a word's frequency rank
//     has nothing to do with its spelling (the worst case for gzip).
// Sizes gzipped at zlib's default level (6), what a static host typically serves.
// usage: node scripts/bench-vocabulary.ts N [--seed S]
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { generateArticles, mulberry32 } from './generate-corpus.ts';
import {
  countArticleTerms,
  serializeVocabulary,
  vocabularyWords,
  type TermCounts,
} from '../src/lib/search/vocabulary.ts';

const args = process.argv.slice(2);
const n = Number(args[0]);
if (!Number.isInteger(n) || n < 1) {
  console.error('usage: node scripts/bench-vocabulary.ts N [--seed S]');
  process.exit(2);
}
const seedAt = args.indexOf('--seed');
const seed = seedAt >= 0 ? Number(args[seedAt + 1]) : 42;
const CAPS = [2000, 5000, 8000, 10000, 20000];

function report(label: string, words: readonly string[]): void {
  const text = serializeVocabulary(words);
  const raw = Buffer.byteLength(text);
  const gz = gzipSync(text).length;
  console.log(
    `${label.padEnd(34)} ${String(words.length).padStart(6)} words  ${(raw / 1024).toFixed(1).padStart(6)} KB  ` +
      `gzip ${(gz / 1024).toFixed(1).padStart(5)} KB (${(gz / Math.max(1, words.length)).toFixed(2)} B/word)`,
  );
}

// 1. The synthetic corpus.
const counts: TermCounts = new Map();
let counted = 0;
let textBytes = 0;
for (const article of generateArticles(n, { seed })) {
  const text = `${article.title}\n${article.summary}\n${article.body}`;
  textBytes += text.length;
  const started = performance.now();
  countArticleTerms(text, counts);
  counted += performance.now() - started;
}
console.log(
  `synthetic corpus: ${n} articles, ${(textBytes / 1024 / 1024).toFixed(0)} MB of text, ${counts.size} distinct words; ` +
    `counting took ${(counted / 1000).toFixed(2)} s`,
);
for (const cap of CAPS) report(`synthetic, cap ${cap}`, vocabularyWords(counts, cap));

// 2. Real words, then a realistic list grown from them.
const rnd = mulberry32(seed);
const shuffle = <T>(a: T[]): T[] => {
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [a[i], a[j]] = [a[j] as T, a[i] as T];
  }
  return a;
};
const real: TermCounts = new Map();
const contentDir = path.resolve(import.meta.dirname, '../content');
for (const entry of fs.readdirSync(contentDir, { recursive: true, withFileTypes: true }))
  if (entry.isFile() && entry.name.endsWith('.md'))
    countArticleTerms(fs.readFileSync(path.join(entry.parentPath, entry.name), 'utf8'), real);
const realWords = shuffle(vocabularyWords(real, Infinity));
report('real words of content/, shuffled', realWords);

const PREFIXES = ['', 'me', 'mem', 'men', 'meng', 'di', 'ber', 'ter', 'pe', 'pem', 'pen', 'peng', 'per', 'ke', 'se'];
const SUFFIXES = ['', 'kan', 'an', 'nya', 'i', 'lah', 'annya', 'kannya'];
const SYLLABLES =
  'ba bi bu da di du ga gi ka ko la li ma mi na ni pa pu ra ri sa si ta ti wa ya jo su har to yan dra wan'.split(' ');
const roots = vocabularyWords(real, Infinity).filter((w) => w.length <= 8);
const grown = new Set(realWords);
while (grown.size < 30000) {
  if (rnd() < 0.2) {
    // A name: two to four syllables ("suharto", "widodo"-like).
    const length = 2 + Math.floor(rnd() * 3);
    grown.add(Array.from({ length }, () => SYLLABLES[Math.floor(rnd() * SYLLABLES.length)]).join(''));
  } else {
    const root = roots[Math.floor(rnd() * roots.length)] ?? 'kata';
    const word = `${PREFIXES[Math.floor(rnd() * PREFIXES.length)] ?? ''}${root}${SUFFIXES[Math.floor(rnd() * SUFFIXES.length)] ?? ''}`;
    if (word.length <= 24) grown.add(word);
  }
}
const realistic = shuffle([...grown]);
for (const cap of CAPS) report(`realistic, cap ${cap}`, realistic.slice(0, cap));
