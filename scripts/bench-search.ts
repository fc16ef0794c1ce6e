// First-search benchmark (issue #20): opens `/cari/?q=<word>` on a built site in Chromium with a
// throttled phone profile (CPU 4× slower; a network like DevTools' "Fast 3G": 562.5 ms round trip,
// 1.44 Mbit/s down) and an empty cache, and prints what the reader pays until the results show:
// bytes transferred and requests (all, and the search index's alone), and the time to results.
// Bytes and requests count until the network has been quiet for a while after the results show:
// a search the page goes on with in the background (an older word's) costs the phone too.
//
// The network is throttled by a proxy in front of the server, not by DevTools: Pagefind fetches
// the index from a web worker, whose requests DevTools' page-level throttling does not slow down.
// usage: npm run bench:search -- <built site folder> [word] [--runs N] [--unthrottled] [--https | --http2] [--archive | --typed]
//   e.g. after `npm run bench -- 100000`: npm run bench:search -- /tmp/warta-bench-100000-42/dist pemerintah
//   BENCH_SEARCH_LIST=1 also prints every response: its transferred bytes and path
//   --http2 serves the site over HTTPS with HTTP/2 (a self-signed certificate), as static hosts do;
//   --https over HTTPS with HTTP/1.1 (the same server, HTTP/2 turned off in Chromium), where a browser
//   opens at most six connections to a host; without either, plain HTTP/1.1 (no TLS handshake)
//   --archive then presses "Cari di seluruh arsip" and prints what searching every shard adds, until
//   the whole archive's results show: what a site's search shard size costs a reader (see docs/search.md)
//   --typed opens `/cari/` without a query instead, and as soon as its search box shows, types the word
//   into it as a reader on a phone does (a key every 250 ms); it prints when the box showed, and the
//   time from the last key to the word's results: what a reader who searches from the page waits
//   once done typing, while the page's preloads and the searches made during the typing have run
import net from 'node:net';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium } from '../tests/helpers/chromium.ts';
import { serveStatic, serveStaticHttp2 } from '../tests/helpers/serve.ts';

const args = process.argv.slice(2);
const positional = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--runs');
const [dist, word = 'pemerintah'] = positional;
if (!dist) {
  console.error(
    'usage: npm run bench:search -- <built site folder> [word] [--runs N] [--unthrottled] [--https | --http2] [--archive | --typed]',
  );
  process.exit(2);
}
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 3;
const throttled = !args.includes('--unthrottled');
const http2 = args.includes('--http2');
const https = http2 || args.includes('--https');
const archive = args.includes('--archive');
const typed = args.includes('--typed');
if (archive && typed) {
  console.error('--archive and --typed measure different searches: give one of them');
  process.exit(2);
}
/** Between a reader's keys on a phone's keyboard. */
const KEY_INTERVAL_MS = 250;
/**
 * How long no request may be under way before the bytes are counted: longer than the page's own
 * pauses (a second before a typed word widens to the whole archive) and a round trip.
 */
const QUIET_MS = 3000;
const protocol = http2 ? 'HTTP/2 (TLS)' : https ? 'HTTP/1.1 (TLS)' : 'HTTP/1.1';

interface Run {
  /** From the navigation (or, `--typed`, from the last key) to the results. */
  readonly milliseconds: number;
  /** `--typed`: from the navigation until the search box showed. */
  readonly boxMilliseconds?: number | undefined;
  readonly bytes: number;
  readonly requests: number;
  readonly searchBytes: number;
  readonly searchRequests: number;
  readonly status: string;
}

/**
 * Waits until the page's search status reports results, or none. With `wholeArchive`, only the
 * whole archive's: the newest shards' results say since when ("sejak 10 November 2024"), the
 * archive's do not.
 */
function resultsShown(page: Page, wholeArchive: boolean, query?: string): Promise<unknown> {
  return page.waitForFunction(
    ({ whole, query }) => {
      const text = document.querySelector('[data-search-status]')?.textContent ?? '';
      // While a word is typed, the results of its first letters show on the way: only the whole word's count.
      if (query !== undefined && !text.includes(`"${query}"`)) return false;
      return /hasil untuk|Tidak ditemukan/.test(text) && !(whole && text.includes('sejak'));
    },
    { whole: wholeArchive, query },
    { timeout: 300_000, polling: 50 },
  );
}

const LATENCY_MS = 562.5;
const DOWN_BYTES_PER_SECOND = (1.44 * 1024 * 1024) / 8;

/**
 * Writes to `to` what is handed to it, each chunk at its own time (a `performance.now()` instant)
 * and always in the order handed over. One timer per direction, not one per chunk: timers of
 * different lengths that fall due in the same millisecond may fire in either order, and a chunk
 * overtaking another breaks the stream (TLS notices: ERR_SSL_PROTOCOL_ERROR).
 */
function delayedWriter(to: net.Socket): { send(chunk: Buffer, at: number): void; whenDrained(done: () => void): void } {
  const queue: { chunk: Buffer; at: number }[] = [];
  let timer: NodeJS.Timeout | undefined;
  let drained: (() => void) | undefined;
  const flush = (): void => {
    timer = undefined;
    while (queue.length > 0 && (queue[0]?.at ?? 0) <= performance.now())
      to.write(queue.shift()?.chunk ?? Buffer.alloc(0));
    if (queue.length > 0) timer = setTimeout(flush, Math.max(0, (queue[0]?.at ?? 0) - performance.now()));
    else drained?.();
  };
  return {
    send(chunk, at) {
      queue.push({ chunk, at });
      timer ??= setTimeout(flush, Math.max(0, at - performance.now()));
    },
    /** Calls `done` once everything handed over so far has been written. */
    whenDrained(done) {
      if (queue.length === 0) done();
      else drained = done;
    },
  };
}

/**
 * A TCP proxy to `target` that delays each chunk by half the round trip each way and sends the
 * server's bytes no faster than {@link DOWN_BYTES_PER_SECOND}, shared by every connection (one
 * phone, one link). Written here because what is needed is 50 lines and no throttling package in
 * the registry is kept up.
 */
async function throttlingProxy(target: URL): Promise<{ url: string; close: () => Promise<void> }> {
  let linkFreeAt = 0;
  const sockets = new Set<net.Socket>();
  const proxy = net.createServer((client) => {
    const upstream = net.connect(Number(target.port), target.hostname);
    sockets.add(client).add(upstream);
    const toServer = delayedWriter(upstream);
    const toClient = delayedWriter(client);
    client.on('data', (chunk: Buffer) => toServer.send(chunk, performance.now() + LATENCY_MS / 2));
    upstream.on('data', (chunk: Buffer) => {
      linkFreeAt = Math.max(linkFreeAt, performance.now()) + (chunk.length / DOWN_BYTES_PER_SECOND) * 1000;
      toClient.send(chunk, linkFreeAt + LATENCY_MS / 2);
    });
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('close', end).on('error', end);
    // The server's last bytes still reach the client first.
    upstream.on('close', () => toClient.whenDrained(() => setTimeout(end, LATENCY_MS / 2))).on('error', end);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const { port } = proxy.address() as net.AddressInfo;
  return {
    url: `${target.protocol}//127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        proxy.close(() => resolve());
      }),
  };
}

const secure = https ? await serveStaticHttp2(path.resolve(dist)) : undefined;
const origin = secure ?? (await serveStatic(path.resolve(dist)));
const trusted = secure ? [`--ignore-certificate-errors-spki-list=${secure.spki}`] : [];
if (https && !http2) trusted.push('--disable-http2');
const server = throttled ? await throttlingProxy(new URL(origin.url)) : origin;
const browser = await launchChromium(trusted);
const results: Run[] = [];
/** What pressing "Cari di seluruh arsip" added to each run (`--archive`). */
const archiveResults: Run[] = [];
try {
  for (let i = 0; i < runs; i++) {
    // A new context each run: an empty HTTP cache, as for a reader arriving from a shared link.
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
    });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    if (throttled) await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    let bytes = 0;
    let searchBytes = 0;
    let requests = 0;
    let searchRequests = 0;
    // Playwright reports the worker's requests with the page's; sizes are as transferred (gzip).
    const counted: Promise<void>[] = [];
    let underWay = 0;
    let lastActivity = performance.now();
    context.on('request', () => {
      underWay++;
      lastActivity = performance.now();
    });
    const ended = (): void => {
      underWay--;
      lastActivity = performance.now();
    };
    context.on('requestfailed', ended);
    /** Until no request has been under way for {@link QUIET_MS}. */
    const quiet = async (): Promise<void> => {
      while (underWay > 0 || performance.now() - lastActivity < QUIET_MS)
        await new Promise((resolve) => setTimeout(resolve, 100));
      await Promise.all(counted);
    };
    if (process.env['BENCH_SEARCH_LIST'])
      context.on('requestfailed', (request) =>
        console.log(`  failed ${request.url()} ${request.failure()?.errorText ?? ''}`),
      );
    context.on('requestfinished', (request) => {
      ended();
      counted.push(
        request.sizes().then((sizes) => {
          const transferred = sizes.responseBodySize + sizes.responseHeadersSize;
          bytes += transferred;
          if (process.env['BENCH_SEARCH_LIST']) {
            // When each request started and ended, from the navigation's start: the chain of round trips.
            const { startTime, responseEnd } = request.timing();
            const from = ((startTime - navigationStart) / 1000).toFixed(2);
            const to = ((startTime + responseEnd - navigationStart) / 1000).toFixed(2);
            console.log(`  ${from}–${to} s ${transferred} ${new URL(request.url()).pathname}`);
          }
          requests++;
          if (new URL(request.url()).pathname.startsWith('/pagefind/')) {
            searchBytes += transferred;
            searchRequests++;
          }
        }),
      );
    });
    const started = performance.now();
    const navigationStart = Date.now();
    let milliseconds: number;
    let boxMilliseconds: number | undefined;
    if (typed) {
      await page.goto(`${server.url}/cari/`, { waitUntil: 'commit' });
      const box = page.locator('input[type="search"]');
      await box.waitFor({ state: 'visible', timeout: 300_000 });
      boxMilliseconds = performance.now() - started;
      await box.click();
      // `delay` holds each key down that long: the last key's input came a key interval before this returns.
      await box.pressSequentially(word, { delay: KEY_INTERVAL_MS });
      const lastKey = performance.now() - KEY_INTERVAL_MS;
      await resultsShown(page, false, word);
      milliseconds = performance.now() - lastKey;
    } else {
      await page.goto(`${server.url}/cari/?q=${encodeURIComponent(word)}`);
      await resultsShown(page, false);
      milliseconds = performance.now() - started;
    }
    await quiet();
    const status = (await page.locator('[data-search-status]').textContent()) ?? '';
    results.push({ milliseconds, boxMilliseconds, bytes, requests, searchBytes, searchRequests, status });
    console.log(
      `run ${i + 1}: ${boxMilliseconds === undefined ? '' : `search box after ${(boxMilliseconds / 1000).toFixed(2)} s, `}` +
        `results ${typed ? `${(milliseconds / 1000).toFixed(2)} s after the last key` : `in ${(milliseconds / 1000).toFixed(2)} s`}; ` +
        `${(bytes / 1024).toFixed(0)} KB in ${requests} requests, ` +
        `of which the search index ${(searchBytes / 1024).toFixed(0)} KB in ${searchRequests}; "${status.trim()}"`,
    );
    if (archive) {
      const before = { bytes, requests, searchBytes, searchRequests };
      const clicked = performance.now();
      // Only a search whose newest shards found a page of results offers the button.
      await page.locator('[data-search-archive]').click({ timeout: 10_000 });
      await resultsShown(page, true);
      const archiveMilliseconds = performance.now() - clicked;
      await quiet();
      const archiveStatus = (await page.locator('[data-search-status]').textContent()) ?? '';
      const added: Run = {
        milliseconds: archiveMilliseconds,
        bytes: bytes - before.bytes,
        requests: requests - before.requests,
        searchBytes: searchBytes - before.searchBytes,
        searchRequests: searchRequests - before.searchRequests,
        status: archiveStatus,
      };
      archiveResults.push(added);
      console.log(
        `run ${i + 1}: whole archive in ${(added.milliseconds / 1000).toFixed(2)} s more; ${(added.bytes / 1024).toFixed(0)} KB ` +
          `more in ${added.requests} requests (search index ${(added.searchBytes / 1024).toFixed(0)} KB in ${added.searchRequests}); "${archiveStatus.trim()}"`,
      );
    }
    await context.close();
  }
} finally {
  await browser.close();
  if (server !== origin) await server.close();
  await origin.close();
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
/** Each figure's median over `list`, formatted as the summary lines print them (`more` after the time and bytes). */
function medians(list: readonly Run[], more: string): string {
  const of = (field: Exclude<keyof Run, 'status'>) => median(list.map((r) => r[field] ?? 0));
  const box = typed ? `search box after ${(of('boxMilliseconds') / 1000).toFixed(2)} s, results ` : '';
  return (
    `${box}${(of('milliseconds') / 1000).toFixed(2)} s${more ? ` ${more}` : typed ? ' after the last key' : ' to results'}, ` +
    `${(of('bytes') / 1024).toFixed(0)} KB${more ? ` ${more}` : ''} in ${of('requests')} requests ` +
    `(search index ${(of('searchBytes') / 1024).toFixed(0)} KB in ${of('searchRequests')})`
  );
}
console.log(
  `first search for "${word}"${typed ? ' typed into /cari/' : ''} on ${dist}${throttled ? ' (CPU 4×, Fast 3G)' : ' (unthrottled)'} over ${protocol}, median of ${runs}: ` +
    medians(results, ''),
);
if (archive)
  console.log(`then the whole archive, median of ${archiveResults.length}: ${medians(archiveResults, 'more')}`);
