// What opening a build's parse cache costs: the time, and the heap its records hold once opened (the
// articles' long strings stay on disk until asked; see src/lib/storage/parse-cache.ts). Run after a
// build, on its cache: `npm run bench -- N` leaves one in /tmp/warta-bench-N-42/cache/.
// usage: npm run bench:parse-cache -- <warta-parse-cache.bin> [runs]
import fs from 'node:fs';
import { openParseCache, parseCacheVersionOf } from '../src/lib/storage/parse-cache.ts';

const [file, runsArgument = '3'] = process.argv.slice(2);
if (!file || !fs.existsSync(file)) {
  console.error('usage: npm run bench:parse-cache -- <warta-parse-cache.bin> [runs]');
  process.exit(2);
}
const exposedGc = (globalThis as { gc?: () => void }).gc;
if (!exposedGc) throw new Error('run with node --expose-gc (npm run bench:parse-cache does)');
// Checked above; named again so that the function below sees them narrowed.
const gc: () => void = exposedGc;
const cacheFile: string = file;

// Open the cache as the build that wrote it did: with the code version in its header.
const writtenFor = parseCacheVersionOf(cacheFile);
if (writtenFor === undefined) throw new Error(`${cacheFile} is not a parse cache of this version of Warta`);
const version: string = writtenFor;

/** One opening: its time, and the heap its records hold (the previous opening's are garbage by then). */
function measure(): { milliseconds: number; held: number; records: number } {
  gc();
  const before = process.memoryUsage().heapUsed;
  const started = performance.now();
  const cache = openParseCache(cacheFile, version);
  const milliseconds = performance.now() - started;
  gc();
  const held = process.memoryUsage().heapUsed - before;
  // Read after the measure, so the cache is still in use while it is taken.
  if (cache.state.kind !== 'warm') throw new Error(`not a cache this code reads: ${cache.state.why}`);
  return { milliseconds, held, records: cache.state.records };
}

const runs = Array.from({ length: Number(runsArgument) }, measure);
const times = runs.map((r) => r.milliseconds).sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)] ?? 0;
const last = runs.at(-1);
console.log(
  `${last?.records ?? 0} records (${(fs.statSync(file).size / 1e6).toFixed(0)} MB): open ${(median / 1000).toFixed(2)} s ` +
    `(median of ${times.length}), heap held ${((last?.held ?? 0) / 1e6).toFixed(0)} MB`,
);
