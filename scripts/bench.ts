// Full-build benchmark: generates N synthetic articles (scripts/generate-corpus.ts, the same corpus
// as ../shared/bench/gencorpus.mjs), builds them with `astro build` through WARTA_CONTENT_DIR, and
// prints pages written, wall time, peak RSS and the per-phase breakdown from the build log.
// usage: npm run bench -- N [--warm] [--seed S]
//   --warm  also times a rebuild after editing one article (same output and cache folders)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateArticles } from './generate-corpus.ts';

const args = process.argv.slice(2);
const n = Number(args[0]);
if (!Number.isInteger(n) || n < 1) {
  console.error('usage: npm run bench -- N [--warm] [--seed S]');
  process.exit(2);
}
const warm = args.includes('--warm');
const seedAt = args.indexOf('--seed');
const seed = seedAt >= 0 ? Number(args[seedAt + 1]) : 42;
const root = path.resolve(import.meta.dirname, '..');
const work = path.join(os.tmpdir(), `warta-bench-${n}-${seed}`);
const content = path.join(work, 'content');

if (!fs.existsSync(path.join(work, '.generated'))) {
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(content, { recursive: true });
  for (const article of generateArticles(n, { seed }))
    fs.writeFileSync(path.join(content, article.fileName), article.source);
  fs.writeFileSync(path.join(work, '.generated'), '');
}

interface BuildRun {
  wallSeconds: number;
  peakRssMb: number;
  pages: number;
  phases: string;
  renderPages: string;
}

function build(label: string, clean: boolean): BuildRun {
  const outDir = path.join(work, 'dist');
  if (clean) fs.rmSync(path.join(work, 'cache'), { recursive: true, force: true });
  fs.rmSync(outDir, { recursive: true, force: true });
  const timeFile = path.join(work, 'time.txt');
  // GNU time reports the peak RSS of the whole build, which Node cannot see for a child.
  const run = spawnSync(
    '/usr/bin/time',
    ['-f', '%e %M', '-o', timeFile, process.execPath, path.join(root, 'node_modules/astro/bin/astro.mjs'), 'build'],
    {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      env: {
        ...process.env,
        CI: '1',
        NO_COLOR: '1',
        ASTRO_TELEMETRY_DISABLED: '1',
        WARTA_CONTENT_DIR: content,
        WARTA_OUT_DIR: outDir,
        WARTA_CACHE_DIR: path.join(work, 'cache'),
      },
    },
  );
  const log = `${run.stdout}${run.stderr}`;
  if (run.status !== 0) {
    console.error(log.split('\n').slice(-30).join('\n'));
    throw new Error(`${label} build failed`);
  }
  const [secs = '0', kb = '0'] = fs.readFileSync(timeFile, 'utf8').trim().split(/\s+/);
  const pages = Number(/(\d+) page\(s\) built/.exec(log)?.[1] ?? 0);
  const phases = /\[warta-loader\] (.*)/.exec(log)?.[1] ?? '?';
  // Astro's "generating static routes" step is the last "✓ Completed in" before the page count.
  // Over a minute Astro prints `6m 12s`.
  const completions = [...log.matchAll(/✓ Completed in ((?:\d+m )?[\d.]+m?s)/g)].map((m) => m[1]);
  const search = /\[warta-search\] (.*)/.exec(log)?.[1];
  return {
    wallSeconds: Number(secs),
    peakRssMb: Math.round(Number(kb) / 1024),
    pages,
    phases: search ? `${phases}; search: ${search}` : phases,
    renderPages: completions.at(-2) ?? '?',
  };
}

function print(label: string, run: BuildRun): void {
  console.log(`${label}: ${run.pages} pages, wall ${run.wallSeconds.toFixed(2)} s, peak RSS ${run.peakRssMb} MB`);
  console.log(`  content: ${run.phases}`);
  console.log(`  render pages: ${run.renderPages}`);
}

console.log(`Warta build benchmark, ${n} articles (seed ${seed}), ${os.cpus().length} cores, Node ${process.version}`);
const cold = build('cold', true);
print('cold', cold);
if (warm) {
  const files = fs
    .readdirSync(content)
    .filter((f) => f.endsWith('.md'))
    .sort();
  const target = path.join(content, files[Math.floor(files.length / 2)] ?? '');
  const original = fs.readFileSync(target, 'utf8');
  fs.appendFileSync(target, `\nParagraf tambahan untuk uji bangun ulang ${Date.now()}.\n`);
  let again: BuildRun;
  try {
    again = build('warm', false);
  } finally {
    // The corpus is reused by the next run: it must stay the generated one.
    fs.writeFileSync(target, original);
  }
  print('warm (one article edited)', again);
  console.log(`  warm/cold: ${(again.wallSeconds / cold.wallSeconds).toFixed(2)}`);
}
