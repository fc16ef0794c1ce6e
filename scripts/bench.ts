// Full-build benchmark: generates N synthetic articles (scripts/generate-corpus.ts, the same corpus
// as ../shared/bench/gencorpus.mjs), builds them with `astro build` through WARTA_CONTENT_DIR, and
// prints pages written, wall time, peak RSS and the per-phase breakdown from the build log.
// usage: npm run bench -- N [--warm] [--publish [--server [--rounds R]]] [--images] [--seed S] [--reuse]
//   (BENCH_NODE_FLAGS adds Node flags to every build and the server: see BUILD_NODE_FLAGS)
//   (BENCH_SERVER_LOG=<file> appends everything the server prints to <file>, e.g. with
//   BENCH_NODE_FLAGS="--trace-gc --trace-incremental-marking" to see its collections)
//   --warm    also times a rebuild after editing one article (same output and cache folders)
//   --publish also times four rebuilds in a row: one new story (the newest on the site), one story's
//             text edited, one headline other stories link changed, one story deleted
//   --server  runs the four publishes through the publish server (scripts/publish.ts, `npm run
//             publish`), one process for all of them, instead of one `astro build` each
//   --rounds R  the four publishes R times over in that one server (another new story and another
//             deleted one each round), printing the heap each publish leaves alive: a newsroom's
//             day, to see what the server's memory does over many publishes
//   --reuse   skips the cold build when an earlier run left its output and cache folders (to time
//             warm builds again after a change that keeps the caches valid)
//   --images  gives every article a lead photo: a distinct 1600×900 JPEG next to it, so the image
//             phase (variants made once per picture, then reused) is timed and reported on its own
import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { generateArticles } from './generate-corpus.ts';
import { meterCpu, type CpuUse } from './cpu-meter.ts';
import { PublishProcess } from './publish-process.ts';

const args = process.argv.slice(2);
const n = Number(args[0]);
if (!Number.isInteger(n) || n < 1) {
  console.error('usage: npm run bench -- N [--warm] [--publish [--server]] [--images] [--seed S] [--reuse]');
  process.exit(2);
}
const warm = args.includes('--warm');
const publish = args.includes('--publish');
const images = args.includes('--images');
const reuse = args.includes('--reuse');
const useServer = args.includes('--server');
const roundsAt = args.indexOf('--rounds');
const rounds = roundsAt >= 0 ? Number(args[roundsAt + 1]) : 1;
if (!Number.isInteger(rounds) || rounds < 1 || (rounds > 1 && !useServer)) {
  console.error('--rounds takes a whole number of rounds, 1 or more, and more than 1 only with --server');
  process.exit(2);
}
let grainPixels: Buffer | undefined;
const seedAt = args.indexOf('--seed');
const seed = seedAt >= 0 ? Number(args[seedAt + 1]) : 42;
const root = path.resolve(import.meta.dirname, '..');
const work = path.join(os.tmpdir(), `warta-bench-${n}-${seed}${images ? '-images' : ''}`);
const content = path.join(work, 'content');

if (!fs.existsSync(path.join(work, '.generated'))) {
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(content, { recursive: true });
  const photos: Promise<void>[] = [];
  let made = 0;
  for (const article of generateArticles(n, { seed })) {
    let source = article.source;
    if (images) {
      const photo = `${article.slug}.jpg`;
      source = source.replace(
        /\n---\n/,
        `\nimage:\n  src: ./${photo}\n  alt: "Foto ilustrasi ${article.slug}"\n  credit: "Warta"\n---\n`,
      );
      photos.push(writePhoto(path.join(content, photo), made++));
      // A few at a time: sharp encodes on its own threads.
      if (photos.length >= 8) await Promise.all(photos.splice(0));
    }
    fs.writeFileSync(path.join(content, article.fileName), source);
  }
  await Promise.all(photos);
  fs.writeFileSync(path.join(work, '.generated'), '');
}

/**
 * A distinct 1600×900 photo-like JPEG: soft gradients and shapes that vary with `index`, so every
 * article's picture has its own digest and is processed on its own, as real photos would be.
 */
async function writePhoto(file: string, index: number): Promise<void> {
  const hue = (index * 47) % 360;
  const x = 200 + ((index * 131) % 1200);
  const y = 150 + ((index * 71) % 600);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="900">
    <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="hsl(${hue},55%,62%)"/><stop offset="1" stop-color="hsl(${(hue + 140) % 360},45%,28%)"/>
    </linearGradient></defs>
    <rect width="1600" height="900" fill="url(#g)"/>
    <circle cx="${x}" cy="${y}" r="${120 + (index % 160)}" fill="hsl(${(hue + 60) % 360},70%,70%)" opacity="0.8"/>
    <rect x="${(index * 37) % 1400}" y="${500 + (index % 300)}" width="400" height="260" fill="hsl(${(hue + 200) % 360},40%,40%)"/>
  </svg>`;
  // Grain stands in for a photo's texture, which JPEG and WebP must spend bytes and time on: a flat
  // drawing would make the image phase look several times cheaper than real photos make it.
  await sharp(Buffer.from(svg))
    .composite([{ input: grain(), raw: { width: 1600, height: 900, channels: 3 }, blend: 'soft-light' }])
    .jpeg({ quality: 85 })
    .toFile(file);
}

/** The same deterministic grain for every photo (a linear congruential generator). */
function grain(): Buffer {
  if (!grainPixels) {
    grainPixels = Buffer.alloc(1600 * 900 * 3);
    let state = 12345;
    for (let i = 0; i < grainPixels.length; i++) {
      state = (state * 1103515245 + 12345) >>> 0;
      grainPixels[i] = 96 + (state >>> 25);
    }
  }
  return grainPixels;
}

/**
 * Node flags of `npm run build` (package.json), so the benchmark times the same build. A young
 * generation of up to 64 MB a semi-space (V8's default is 16 MB here): the content phase allocates
 * short-lived objects by the million next to a heap of 2 to 3 GB, and with the default V8 promoted
 * enough of them to run far more full collections. Two pairs of warm 100,000-article builds: 123
 * and 114 s against 145 and 133 s, garbage collection 17 and 16 s of CPU against 23 and 23 s, peak
 * RSS 60 to 80 MB higher.
 */
const BUILD_NODE_FLAGS = [
  '--max-semi-space-size=64',
  // Extra flags for every build and the server, e.g. `BENCH_NODE_FLAGS="--cpu-prof --cpu-prof-dir=/tmp/prof"`
  // to profile the publishes: the figures then include the profiler's cost, so compare them only with
  // each other.
  ...(process.env['BENCH_NODE_FLAGS']?.split(/\s+/).filter(Boolean) ?? []),
];

interface BuildRun {
  wallSeconds: number;
  peakRssMb: number;
  pages: number;
  phases: string;
  renderPages: string;
  images: string | undefined;
  published: string | undefined;
  /** For a publish of the server: how its wall time was taken. */
  note?: string;
  /**
   * CPU seconds of the build, every process and thread (read from /proc while it runs, see
   * cpu-meter.ts). On 2 shared cores the wall time moves with the machine's other load; the CPU the
   * build asked for moves less, and over the cores it bounds the wall time from below. Not known for
   * the publish server's builds (one process for many).
   */
  cpu?: CpuUse | undefined;
}

/** The variables every build of the benchmark runs with: its folders, and quiet logs. */
function buildEnv(): Record<string, string> {
  return {
    CI: '1',
    NO_COLOR: '1',
    ASTRO_TELEMETRY_DISABLED: '1',
    WARTA_CONTENT_DIR: content,
    WARTA_OUT_DIR: path.join(work, 'dist'),
    WARTA_CACHE_DIR: path.join(work, 'cache'),
  };
}

async function build(label: string, clean: boolean): Promise<BuildRun> {
  const outDir = path.join(work, 'dist');
  // A cold build starts from nothing; a warm one, like an editor's publish, replaces the site the
  // previous build left (deleting it had been left out of the figures: 74 s at 100,000 articles).
  if (clean) {
    fs.rmSync(path.join(work, 'cache'), { recursive: true, force: true });
    fs.rmSync(outDir, { recursive: true, force: true });
  }
  const timeFile = path.join(work, 'time.txt');
  // GNU time reports the peak RSS of the whole build, which Node cannot see for a child.
  const child = spawn(
    '/usr/bin/time',
    [
      '-f',
      '%e %M',
      '-o',
      timeFile,
      process.execPath,
      ...BUILD_NODE_FLAGS,
      path.join(root, 'node_modules/astro/bin/astro.mjs'),
      'build',
    ],
    { cwd: root, env: { ...process.env, ...buildEnv() }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const meter = child.pid === undefined ? undefined : meterCpu(child.pid);
  const output: string[] = [];
  child.stdout.setEncoding('utf8').on('data', (text: string) => output.push(text));
  child.stderr.setEncoding('utf8').on('data', (text: string) => output.push(text));
  const status = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  });
  const cpu = meter?.stop();
  const log = output.join('');
  if (status !== 0) {
    console.error(log.split('\n').slice(-30).join('\n'));
    throw new Error(`${label} build failed`);
  }
  const [secs = '0', kb = '0'] = fs.readFileSync(timeFile, 'utf8').trim().split(/\s+/);
  return { ...summarize(log, Number(secs), Math.round(Number(kb) / 1024)), cpu };
}

/** What a build's log says it did, with its wall time and peak memory. */
function summarize(log: string, wallSeconds: number, peakRssMb: number): BuildRun {
  // Astro counts the pages it built; a publish by the page plan kept the others (kept-pages.ts).
  const keptByPlan = Number(/\((\d+) pages by the page plan/.exec(log)?.[1] ?? 0);
  const pages = Number(/(\d+) page\(s\) built/.exec(log)?.[1] ?? 0) + keptByPlan;
  // The loader's first line says whether the build is warm; the phases are on the line with the count.
  const phases = /\[warta-loader\] (\d+ articles in .*)/.exec(log)?.[1] ?? '?';
  // Astro's "generating static routes" step is the last "✓ Completed in" before the page count.
  // Over a minute Astro prints `6m 12s`.
  const completions = [...log.matchAll(/✓ Completed in ((?:\d+m )?[\d.]+m?s)/g)].map((m) => m[1]);
  const search = /\[warta-search\] (.*)/.exec(log)?.[1];
  const imageLine = /\[warta-images\] (\d+ pictures.*)/.exec(log)?.[1];
  const written = /(\d+ files written: \d+ rendered, \d+ restored)/.exec(log)?.[1];
  return {
    wallSeconds,
    peakRssMb,
    pages,
    phases: search ? `${phases}; search: ${search}` : phases,
    renderPages: `${completions.at(-2) ?? '?'}${written ? ` (${written}${keptByPlan > 0 ? `; ${keptByPlan} kept by the page plan` : ''})` : ''}`,
    images: imageLine,
    published: /\[warta-staged-output\] (Published .*)/.exec(log)?.[1],
  };
}

/**
 * The publish server (scripts/publish.ts, `--server`), started once on the benchmark's folders: its
 * first publish brings the output in line with the corpus, then each case's change is one publish.
 */
class PublishServer {
  readonly #server = new PublishProcess(
    { ...process.env, ...buildEnv(), WARTA_PUBLISH_SETTLE_MS: String(SERVER_SETTLE_MS) },
    BUILD_NODE_FLAGS,
    process.env['BENCH_SERVER_LOG'],
  );

  /**
   * Waits for publish `k` to end; its log, its wall time from `savedAt` (the change's `performance.now()`:
   * the settling wait and, when the server renewed its process first, that process's start are in it)
   * or else as the server measured it, and the server's peak memory so far.
   */
  async published(k: number, label: string, savedAt?: number): Promise<BuildRun> {
    for (;;) {
      const end = this.#server.ended(k);
      if (end) {
        if (end.outcome === 'failed') {
          console.error(end.log.split('\n').slice(-30).join('\n'));
          throw new Error(`${label} publish failed`);
        }
        const run = summarize(end.log, end.seconds, this.#server.peakRssMb());
        if (savedAt === undefined) return run;
        run.wallSeconds = (performance.now() - savedAt) / 1000;
        run.note = `live ${run.wallSeconds.toFixed(2)} s after the save; the build ${end.seconds} s${end.renewed ? ', in a renewed process' : ''}`;
        return run;
      }
      this.#server.checkRunning();
      await sleep(100);
    }
  }

  /** The heap the server's last publish left alive, in MB. */
  keptHeapMb(): number {
    return this.#server.keptHeapMb();
  }

  stop(): void {
    void this.#server.stop();
  }
}

/** The settling wait of the server's publishes: short, since the benchmark writes each change at once. */
const SERVER_SETTLE_MS = 100;
/** How long the benchmark leaves the server idle after a publish before it saves the next change. */
const SERVER_IDLE_MS = 3000;

/** `611.5 s (Node: main thread 250.2 s, other threads 199.5 s; Pagefind 161.6 s)`. */
function cpuSummary(cpu: CpuUse): string {
  const s = (x: number) => `${x.toFixed(1)} s`;
  const total = cpu.nodeMain + cpu.nodeOther + cpu.pagefind + cpu.other;
  return `${s(total)} (Node: main thread ${s(cpu.nodeMain)}, other threads ${s(cpu.nodeOther)}; Pagefind ${s(cpu.pagefind)})`;
}

function print(label: string, run: BuildRun): void {
  const cpu = run.cpu ? `, CPU ${cpuSummary(run.cpu)}` : '';
  console.log(`${label}: ${run.pages} pages, wall ${run.wallSeconds.toFixed(2)} s${cpu}, peak RSS ${run.peakRssMb} MB`);
  console.log(`  content: ${run.phases}`);
  console.log(`  render pages: ${run.renderPages}`);
  if (run.images) console.log(`  images: ${run.images}`);
  if (run.published) console.log(`  output: ${run.published}`);
  if (run.note) console.log(`  server: ${run.note}`);
}

console.log(
  `Warta build benchmark, ${n} articles${images ? ' with a lead photo each' : ''} (seed ${seed}), ${os.cpus().length} cores, Node ${process.version}`,
);
// A publish run stopped half-way leaves its new story behind: the corpus must be the generated one.
for (const f of fs.readdirSync(content))
  if (/^zz-berita-baru-bench(-\d+)?\.md$/.test(f)) fs.rmSync(path.join(content, f), { force: true });
const reused = reuse && fs.existsSync(path.join(work, 'dist')) && fs.existsSync(path.join(work, 'cache'));
const cold = reused ? undefined : await build('cold', true);
if (cold) print('cold', cold);
else {
  console.log(`cold: skipped (--reuse: the output and cache of an earlier run in ${work})`);
  // The reused output and cache need not match the corpus: the run that left them restored the
  // story its last case deleted, and a code change since may re-render pages. Unsettled, the first
  // case timed all that too (4,793 pages at 100,000 articles instead of a new story's 34).
  if (warm || publish) {
    const settle = await build('settle', false);
    console.log(
      `settle (not a case; the output and cache brought in line with the corpus and the code): wall ${settle.wallSeconds.toFixed(2)} s, ${settle.renderPages}`,
    );
  }
}
const ratio = (run: BuildRun) => (cold ? (run.wallSeconds / cold.wallSeconds).toFixed(2) : 'n/a');
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
    again = await build('warm', false);
  } finally {
    // The corpus is reused by the next run: it must stay the generated one.
    fs.writeFileSync(target, original);
  }
  print('warm (one article edited)', again);
  console.log(`  warm/cold: ${ratio(again)}`);
}
if (publish) {
  // What a newsroom does all day, one after another on the same output and cache folders, each a
  // warm build of its own: a new story dated after every other one, an edit of one story's text, a
  // headline change of a story other stories' "Baca juga" links show, and an unpublished story.
  // Every file touched is put back afterwards, so the corpus stays the generated one.
  const mdFiles = fs
    .readdirSync(content)
    .filter((f) => f.endsWith('.md'))
    .sort();
  const texts = new Map(mdFiles.map((f) => [f, fs.readFileSync(path.join(content, f), 'utf8')]));
  // "Baca juga" names a story by link (`[headline](slug.md)`, which shows its current headline)
  // or by its headline alone, which a headline change would leave naming nothing.
  const linkedBy = new Map<string, number>();
  const namedBy = new Set<string>();
  for (const text of texts.values()) {
    for (const [, file = ''] of text.matchAll(/\]\(([^)]+\.md)\)/g)) linkedBy.set(file, (linkedBy.get(file) ?? 0) + 1);
    for (const [, headline = ''] of text.matchAll(/^- ([^[\n].*)$/gm)) namedBy.add(headline);
  }
  const titleOf = (f: string) => /^title: *"?([^"\n]+)"?$/m.exec(texts.get(f) ?? '')?.[1] ?? '';
  const headlineTarget =
    [...linkedBy]
      .filter(([f]) => texts.has(f) && !namedBy.has(titleOf(f)))
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? '';
  // One story no other names, for each round to delete.
  const deleteTargets = mdFiles
    .filter((f, i) => i > mdFiles.length / 3 && !linkedBy.has(f) && !namedBy.has(titleOf(f)))
    .slice(0, rounds);
  const editTarget = mdFiles[Math.floor(mdFiles.length / 2)] ?? '';
  const newest = [...texts.values()]
    .map((text) => ({
      date: /^date: *"?([^"\n]+)"?$/m.exec(text)?.[1] ?? '',
      category: /^category: *"?([^"\n]+)"?$/m.exec(text)?.[1] ?? 'Nasional',
    }))
    .sort((a, b) => (a.date < b.date ? 1 : -1))[0];
  const newestTime = new Date(newest?.date ?? Date.now()).getTime();
  const added = (round: number) => path.join(content, `zz-berita-baru-bench${round > 1 ? `-${round}` : ''}.md`);
  const rewrite = (f: string, change: (text: string) => string) => {
    if (!f) throw new Error('the corpus has no story for this case');
    fs.writeFileSync(path.join(content, f), change(texts.get(f) ?? ''));
  };
  const casesOfRound = (round: number): [string, () => void][] => [
    [
      'one story published',
      () =>
        fs.writeFileSync(
          added(round),
          `---\ntitle: "Berita Baru untuk Uji Terbit ${Date.now()}"\ndate: ${new Date(newestTime + round * 3600_000).toISOString()}\ncategory: ${newest?.category ?? 'Nasional'}\n---\n\nJAKARTA - Paragraf pertama berita baru untuk uji terbit.\n`,
        ),
    ],
    [
      `one story's text edited (${editTarget})`,
      () => rewrite(editTarget, (text) => `${text}\nParagraf tambahan untuk uji bangun ulang ${Date.now()}.\n`),
    ],
    [
      `one headline changed (${headlineTarget}, linked by ${linkedBy.get(headlineTarget) ?? 0} stories)`,
      () => rewrite(headlineTarget, (text) => text.replace(/^title: .*$/m, `title: "Judul Baru ${Date.now()}"`)),
    ],
    [
      `one story unpublished (${deleteTargets[round - 1] ?? '?'}, deleted)`,
      () => {
        const deleteTarget = deleteTargets[round - 1];
        if (!deleteTarget) throw new Error('the corpus has no story to delete');
        fs.rmSync(path.join(content, deleteTarget));
      },
    ],
  ];
  const server = useServer ? new PublishServer() : undefined;
  try {
    if (server) {
      const first = await server.published(1, 'first');
      console.log(
        `publish server started (not a case; its first publish brings the output in line): ${first.wallSeconds.toFixed(2)} s, ${first.renderPages}`,
      );
    }
    let k = 1;
    for (let round = 1; round <= rounds; round++) {
      if (rounds > 1) console.log(`round ${round} of ${rounds}`);
      for (const [label, change] of casesOfRound(round)) {
        // The server collects the last build's garbage right after its publish ends (about 1 s of a
        // 100,000-article heap, in its only thread): a change saved at that moment would wait for it.
        // An editor's next save comes seconds after a publish, not within that second; until session
        // 31 the benchmark saved at once, and each case's time included the previous one's collection.
        if (server) await sleep(SERVER_IDLE_MS);
        // Logged by the server after the previous publish's collection, which the idle wait covers.
        if (server && rounds > 1)
          console.log(`  server heap kept after the previous publish: ${server.keptHeapMb()} MB`);
        const savedAt = performance.now();
        change();
        k += 1;
        const again = server ? await server.published(k, label, savedAt) : await build(label, false);
        print(`${server ? 'server' : 'warm'} (${label})`, again);
        console.log(`  ${label.split(' (')[0] ?? label}/cold: ${ratio(again)}`);
      }
    }
    if (server && rounds > 1) {
      await sleep(SERVER_IDLE_MS);
      console.log(`server heap kept after the last publish: ${server.keptHeapMb()} MB`);
    }
  } finally {
    server?.stop();
    for (let round = 1; round <= rounds; round++) fs.rmSync(added(round), { force: true });
    for (const f of [editTarget, headlineTarget, ...deleteTargets])
      if (f) fs.writeFileSync(path.join(content, f), texts.get(f) ?? '');
  }
}
