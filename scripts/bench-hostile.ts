// Benchmark of parse time on pathological articles (issue #16): for every case of
// scripts/hostile-cases.ts, times parseArticle and buildContent at growing sizes and prints the
// ratio time(4n)/time(n): about 4 is linear, about 16 quadratic. A case whose ratio exceeds 8 at
// the large sizes, that times out, or that throws anything but a WartaError is flagged. Times are
// the CPU time of the parsing thread, so other processes on a shared machine disturb them less.
//
// Each case runs in a child process that the parent kills when one batch of runs takes more than
// the time limit in CPU time (or four times it in wall time), so a catastrophic case reports TIMEOUT
// instead of hanging the benchmark.
//
// usage: node scripts/bench-hostile.ts [--sizes 10k,40k,160k,640k,2560k] [--limit 20] [--case SUBSTRING]...
//        (sizes take k and m suffixes, in units of 1,024 bytes; the default goes up to 5 MB)
import { fork } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { buildContent } from '../src/lib/content/build-content.ts';
import { parseArticle, type ArticleSource } from '../src/lib/content/parse-article.ts';
import { WartaError } from '../src/lib/errors/index.ts';
import { CLOCK_TICKS, cpuTicks } from './cpu-meter.ts';
import { HOSTILE_CASES, type HostileCase } from './hostile-cases.ts';

type Phase = 'parse' | 'build';
/** Least CPU time (ms) of one timed batch of runs. */
const BATCH_MS = 50;
const PHASES: readonly Phase[] = ['parse', 'build'];

/** What a child reports for one measurement. */
type Measurement =
  | { kind: 'start'; size: number; phase: Phase }
  | { kind: 'time'; size: number; phase: Phase; ms: number; outcome: string }
  | { kind: 'threw'; size: number; phase: Phase; error: string }
  | { kind: 'done' };

const encoder = new TextEncoder();
const source = (path: string, text: string): ArticleSource => ({
  path,
  displayPath: `content/${path}`,
  bytes: encoder.encode(text),
});
const companion = source(
  'pendamping.md',
  '---\ntitle: "Berita Pendamping Uji"\ndate: 2024-12-19T08:00:00+07:00\ncategory: Pendamping\n---\n\nJAKARTA - Isi berita pendamping.\n',
);
const now = new Date('2025-01-01T00:00:00Z');

// ---------------------------------------------------------------------------------------------
// Child: measures one case at every size, reporting each measurement as it goes.

function runChild(caseName: string, sizes: readonly number[]): void {
  const send = (m: Measurement): void => {
    // The last message closes the channel once it is written, which lets the child exit.
    process.send?.(m, undefined, {}, m.kind === 'done' ? () => process.disconnect() : undefined);
  };
  const found = HOSTILE_CASES.find((c) => c.name === caseName);
  if (!found) throw new Error(`no case ${caseName}`);
  const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
  const run = (phase: Phase, file: ArticleSource): string => {
    if (phase === 'parse') {
      const result = parseArticle(file);
      return result.ok ? 'ok' : result.errors.map((e) => e.name).join(',');
    }
    const result = buildContent([companion, file], { now });
    return result.errors.length === 0 ? 'ok' : [...new Set(result.errors.map((e) => e.name))].join(',');
  };
  // Warm the JIT on a small input so the first size is not charged for compilation.
  try {
    for (let i = 0; i < 3; i++) for (const phase of PHASES) run(phase, source('warm.md', found.make(2_048)));
  } catch {
    // Reported at the first size.
  }
  let broken = false;
  for (const size of sizes) {
    if (broken) break;
    const file = source('kasus.md', found.make(size));
    for (const phase of PHASES) {
      try {
        // CPU time of this thread, which on a shared machine other processes disturb far less than
        // wall time. The clock ticks coarsely, so a batch repeats a quick run until it has taken at
        // least BATCH_MS and counts the mean; the result is the fastest of three batches (one when
        // a run is slow). Each batch restarts the parent's time limit.
        let best = Infinity;
        let outcome = '';
        for (let i = 0; i < 3 && (i === 0 || best < 2_000); i++) {
          send({ kind: 'start', size, phase });
          gc();
          const t0 = process.threadCpuUsage();
          let runs = 0;
          let spent = 0;
          do {
            outcome = run(phase, file);
            runs++;
            const t = process.threadCpuUsage(t0);
            spent = (t.user + t.system) / 1000;
          } while (spent < BATCH_MS);
          best = Math.min(best, spent / runs);
        }
        send({ kind: 'time', size, phase, ms: best, outcome });
      } catch (error) {
        const name =
          error instanceof WartaError
            ? `WartaError ${error.name}`
            : error instanceof Error
              ? `${error.name}: ${error.message.slice(0, 60)}`
              : String(error);
        send({ kind: 'threw', size, phase, error: name });
        // Larger sizes would only fail the same way; the other phase still runs at this size.
        if (!(error instanceof WartaError)) broken = true;
      }
    }
  }
  send({ kind: 'done' });
}

// ---------------------------------------------------------------------------------------------
// Parent: runs each case in a child under a time limit and prints the table.

interface Cell {
  ms?: number;
  outcome?: string;
  note?: 'TIMEOUT' | 'THREW' | 'skipped';
  error?: string;
}

/** A ratio above this, time(4n)/time(n) at the large sizes, is flagged (linear ≈ 4, quadratic ≈ 16). */
const FLAG_RATIO = 8;
/** Measurements shorter than this (ms) are too noisy to judge growth by. */
const LARGE_MS = 20;

/** time(4n)/time(n) implied by two measurements [size, ms], whatever their size ratio. */
function growth([n1, t1]: [number, number], [n2, t2]: [number, number]): number {
  return 4 ** (Math.log(t2 / Math.max(t1, 0.01)) / Math.log(n2 / n1));
}

/** time(4n)/time(n) from a least-squares fit of log(time) against log(size). */
function fittedGrowth(points: readonly [number, number][]): number {
  const xs = points.map(([n]) => Math.log(n));
  const ys = points.map(([, t]) => Math.log(Math.max(t, 0.01)));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let num = 0;
  let den = 0;
  xs.forEach((x, i) => {
    num += (x - mx) * ((ys[i] ?? 0) - my);
    den += (x - mx) ** 2;
  });
  return 4 ** (num / den);
}

const formatRatio = (ratio: number): string => (ratio >= 100 ? ratio.toFixed(0) : ratio.toFixed(1));

function parseSize(text: string): number {
  const m = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(text.trim());
  if (!m) throw new Error(`bad size ${text}`);
  const unit = m[2]?.toLowerCase() === 'm' ? 1024 * 1024 : m[2]?.toLowerCase() === 'k' ? 1024 : 1;
  return Math.round(Number(m[1]) * unit);
}

const showSize = (bytes: number): string =>
  bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(bytes % (1024 * 1024) === 0 ? 0 : 1)} MB`
    : `${Math.round(bytes / 1024)} KB`;

/** How many times the time limit a run may take in wall time before it is killed anyway. */
const WALL_FACTOR = 4;
/** CPU time (user + system, all threads) a process has used, in ms, or undefined without /proc. */
function childCpuMs(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  const ticks = cpuTicks(`/proc/${String(pid)}/stat`);
  return ticks === undefined ? undefined : (ticks * 1000) / CLOCK_TICKS;
}

function measureCase(c: HostileCase, sizes: readonly number[], limitMs: number): Promise<Map<string, Cell>> {
  const cells = new Map<string, Cell>();
  const key = (size: number, phase: Phase): string => `${size}/${phase}`;
  return new Promise((resolve) => {
    const child = fork(fileURLToPath(import.meta.url), ['--child', c.name, sizes.join(',')], {
      execArgv: ['--expose-gc', '--max-old-space-size=4096'],
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    let current: { size: number; phase: Phase } | undefined;
    let finished = false;
    // The limit counts the child's CPU time (Linux /proc), so a loaded machine does not turn a slow
    // run into a TIMEOUT; a wall-time cap of WALL_FACTOR times the limit catches a child that
    // waits instead of computing, and is the only limit where /proc is missing.
    let startCpu = 0;
    let startWall = 0;
    const timeout = (): void => {
      if (current) cells.set(key(current.size, current.phase), { note: 'TIMEOUT' });
      child.kill('SIGKILL');
    };
    const poll = setInterval(() => {
      if (!current || cells.has(key(current.size, current.phase))) return;
      const cpu = childCpuMs(child.pid);
      if (
        (cpu !== undefined && cpu - startCpu > limitMs) ||
        performance.now() - startWall > limitMs * (cpu === undefined ? 1 : WALL_FACTOR)
      )
        timeout();
    }, 200);
    const finish = (): void => {
      if (finished) return;
      finished = true;
      clearInterval(poll);
      for (const size of sizes)
        for (const phase of PHASES) if (!cells.has(key(size, phase))) cells.set(key(size, phase), { note: 'skipped' });
      resolve(cells);
    };
    child.on('message', (m: Measurement) => {
      if (m.kind === 'start') {
        current = { size: m.size, phase: m.phase };
        startCpu = childCpuMs(child.pid) ?? 0;
        startWall = performance.now();
      } else if (m.kind === 'time') {
        cells.set(key(m.size, m.phase), { ms: m.ms, outcome: m.outcome });
      } else if (m.kind === 'threw') {
        cells.set(key(m.size, m.phase), { note: 'THREW', error: m.error });
      } else {
        finish();
      }
    });
    child.on('exit', (code, signal) => {
      if (!finished && (!current || !cells.has(key(current.size, current.phase)))) {
        const reason = /heap out of memory/i.test(stderr)
          ? 'out of memory'
          : `${signal ?? `exit ${String(code)}`}${stderr ? `: ${(stderr.trim().split('\n').pop() ?? '').slice(0, 80)}` : ''}`;
        const at = current ?? { size: sizes[0] ?? 0, phase: 'parse' as const };
        cells.set(key(at.size, at.phase), { note: 'THREW', error: `child died (${reason})` });
      }
      finish();
    });
    child.on('error', (error) => {
      cells.set(key(sizes[0] ?? 0, 'parse'), { note: 'THREW', error: `could not start a child: ${error.message}` });
      finish();
    });
  });
}

async function main(args: string[]): Promise<void> {
  let sizes = [10, 40, 160, 640, 2560].map((k) => k * 1024);
  let limitMs = 20_000;
  const filters: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const value = args[i + 1] ?? '';
    if (arg === '--sizes') {
      sizes = value.split(',').map(parseSize);
      i++;
    } else if (arg === '--limit') {
      limitMs = Number(value) * 1000;
      i++;
    } else if (arg === '--case') {
      filters.push(value.toLowerCase());
      i++;
    } else if (arg === '--help' || arg === '-h') {
      console.log(
        'usage: node scripts/bench-hostile.ts [--sizes 10k,40k,160k,640k,2560k] [--limit SECONDS] [--case SUBSTRING]...',
      );
      return;
    } else {
      throw new Error(`unknown argument ${String(arg)}`);
    }
  }
  // Extend to about 5 MB with a last 2x step when the default 4x ladder stops short of it.
  if (!args.includes('--sizes')) sizes.push(5 * 1024 * 1024);
  const cases = HOSTILE_CASES.filter(
    (c) => filters.length === 0 || filters.some((f) => c.name.toLowerCase().includes(f)),
  );

  console.log(
    `bench:hostile — ${cases.length} cases, sizes ${sizes.map(showSize).join(', ')}, limit ${String(limitMs / 1000)} s of CPU per run, Node ${process.version}`,
  );
  console.log(
    'Times: CPU ms per run on the parsing thread (fastest of 3 batches). ×N: growth from the previous size, scaled to a 4x step.',
  );
  console.log(
    `Verdict: time(4n)/time(n) fitted over the 3 largest sizes taking ${LARGE_MS} ms or more (linear ≈ 4, quadratic ≈ 16); flagged above ${FLAG_RATIO}.\n`,
  );
  const nameWidth = Math.max(...cases.map((c) => c.name.length)) + 2;
  const header = `${'case'.padEnd(nameWidth)}${'phase'.padEnd(7)}${sizes.map((s) => showSize(s).padStart(16)).join('')}  verdict`;
  console.log(header);
  console.log('-'.repeat(header.length + 20));
  const flagged: { kind: 'superlinear' | 'slow' | 'threw'; line: string }[] = [];
  for (const c of cases) {
    const cells = await measureCase(c, sizes, limitMs);
    for (const phase of PHASES) {
      const row = sizes.map((size) => cells.get(`${size}/${phase}`) ?? { note: 'skipped' as const });
      const texts = row.map((cell, i) => {
        if (cell.note === 'TIMEOUT') return 'TIMEOUT';
        if (cell.note === 'THREW') return 'THREW';
        if (cell.note === 'skipped' || cell.ms === undefined) return '—';
        const prev = row[i - 1];
        const prevSize = sizes[i - 1];
        const ratio =
          prev?.ms !== undefined && prevSize !== undefined
            ? ` ×${formatRatio(growth([prevSize, prev.ms], [sizes[i] ?? 0, cell.ms]))}`
            : '';
        return `${cell.ms >= 100 ? cell.ms.toFixed(0) : cell.ms.toFixed(1)}${ratio}`;
      });
      // The verdict fits the growth over the largest sizes measured, where a run takes long
      // enough (LARGE_MS) to stand above timer and GC noise; the per-step ratios are noisier.
      const points = sizes.flatMap((size, i): [number, number][] => {
        const ms = row[i]?.ms;
        return ms === undefined ? [] : [[size, ms]];
      });
      const large = points.filter(([, ms]) => ms >= LARGE_MS).slice(-3);
      const fitted = large.length >= 2 ? fittedGrowth(large) : undefined;
      let verdict = points.length === 0 && row.every((cell) => cell.note === 'skipped') ? 'not run' : 'linear';
      if (fitted !== undefined)
        verdict = fitted > FLAG_RATIO ? `SUPERLINEAR ×${formatRatio(fitted)}` : `linear ×${formatRatio(fitted)}`;
      const timeout = row.findIndex((cell) => cell.note === 'TIMEOUT');
      const threw = row.find((cell) => cell.note === 'THREW');
      // Growth up to the timeout tells a slow but linear case from a superlinear one.
      if (timeout >= 0)
        verdict = `TIMEOUT at ${showSize(sizes[timeout] ?? 0)}${fitted === undefined ? '' : ` (×${formatRatio(fitted)} before)`}`;
      if (threw) verdict = `THREW ${threw.error ?? ''}`;
      const outcomes = [...new Set(row.map((cell) => cell.outcome).filter((o): o is string => o !== undefined))].join(
        ' / ',
      );
      console.log(
        `${(phase === 'parse' ? c.name : '').padEnd(nameWidth)}${phase.padEnd(7)}${texts.map((t) => t.padStart(16)).join('')}  ${verdict}${outcomes && outcomes !== 'ok' ? `  [${outcomes}]` : ''}`,
      );
      if (!verdict.startsWith('linear') && verdict !== 'not run') {
        // A timeout after linear growth is a slow case, not a superlinear one: listed apart.
        const kind = threw ? 'threw' : (fitted ?? Infinity) > FLAG_RATIO ? 'superlinear' : 'slow';
        flagged.push({ kind, line: `${c.name} (${phase}): ${verdict}` });
      }
    }
  }
  const groups: [string, string][] = [
    ['superlinear', 'Superlinear (growth above the flag ratio, or a timeout without linear growth before it)'],
    ['slow', 'Timed out while growing linearly (too slow at that size, not superlinear)'],
    ['threw', 'Threw something other than a WartaError'],
  ];
  console.log(flagged.length === 0 ? '\nNo case flagged.' : `\n${String(flagged.length)} flagged.`);
  for (const [kind, title] of groups) {
    const lines = flagged.filter((f) => f.kind === kind).map((f) => f.line);
    if (lines.length > 0) console.log(`${title}:\n  ${lines.join('\n  ')}`);
  }
  process.exitCode = flagged.length === 0 ? 0 : 1;
}

const argv = process.argv.slice(2);
if (argv[0] === '--child') {
  runChild(argv[1] ?? '', (argv[2] ?? '').split(',').map(Number));
} else {
  await main(argv);
}
