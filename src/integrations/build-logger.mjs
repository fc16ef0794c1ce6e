// @ts-check
// Astro's log destination for Warta (astro.config.mjs `logger`; Astro loads only JavaScript here).
// It is Astro's own Node logger, except for the line Astro prints for every page it writes. A
// 10,000-article site has 12,600 of them; with pages rendered concurrently each line's timing lands
// on some other line, writing them cost the build about 1 s (a profile of a rebuild: 1.04 s in
// stdout writes), and they bury the build's report in CI logs. Instead this prints one count when
// the pages are done (rendered, and restored from Astro's incremental cache) and, on a terminal, a
// running count while they are written.
import nodeLogger from 'astro/logger/node';

/** `  ├─ /berita/x/index.html`: the first half of a page's line (printed without a line end). */
const PAGE_LINE = /^\s*[├└]─\s/;
/** ` (+12ms)`, ` (restored)`, ` (cached)`: its second half. */
const PAGE_RESULT = /^\s*\((\+[\d.]+m?s|restored|cached)\)\s*$/;
// eslint-disable-next-line no-control-regex -- matching terminal colour codes is the point
const COLOURS = /\x1b\[[0-9;]*m/g;
/** Most often the running count is redrawn on a terminal. */
const PROGRESS_EVERY_MS = 200;

/**
 * @typedef {{ label: string | null, level: 'debug' | 'info' | 'warn' | 'error', message: string, newLine: boolean }} LogEvent
 * @typedef {{ write(event: LogEvent): void, flush?(): void, close?(): void }} LogDestination
 * @typedef {{ level?: string, interactive?: boolean, destination?: LogDestination, progress?: { write(text: string): unknown } }} BuildLoggerConfig
 */

/**
 * @param {BuildLoggerConfig} [config] `destination` and `progress` (where the running count goes,
 *   default stdout) and `interactive` (default: stdout is a terminal and CI is not set) are for tests.
 * @returns {LogDestination}
 */
export default function buildLogger(config = {}) {
  const inner =
    config.destination ??
    /** @type {LogDestination} */ (nodeLogger(config.level ? { level: /** @type {any} */ (config.level) } : {}));
  const progress = config.progress ?? process.stdout;
  const interactive = config.interactive ?? (process.stdout.isTTY && !process.env['CI']);
  let pages = 0;
  let restored = 0;
  let drawnAt = 0;
  let drawn = false;

  const endPages = () => {
    if (pages === 0) return;
    if (drawn) progress.write('\r\x1b[K');
    const rendered = pages - restored;
    const message = `${pages} files written: ${rendered} rendered, ${restored} restored from the incremental build cache`;
    pages = 0;
    restored = 0;
    drawn = false;
    inner.write({ label: 'build', level: 'info', message, newLine: true });
  };

  return {
    write(event) {
      if (event.level === 'info' && typeof event.message === 'string') {
        const text = event.message.replace(COLOURS, '');
        if (event.label === null && !event.newLine && PAGE_LINE.test(text)) {
          pages++;
          const now = Date.now();
          if (interactive && now - drawnAt >= PROGRESS_EVERY_MS) {
            progress.write(`\r\x1b[K  Writing pages: ${pages}`);
            drawnAt = now;
            drawn = true;
          }
          return;
        }
        const result = event.label === 'SKIP_FORMAT' ? PAGE_RESULT.exec(text) : null;
        if (result) {
          if (result[1] === 'restored' || result[1] === 'cached') restored++;
          return;
        }
        if (event.label === 'SKIP_FORMAT' && text.includes('(file not created')) {
          // Which page it was is lost to the interleaving; Astro's own line says no more.
          inner.write({
            label: 'build',
            level: 'warn',
            message: `A page was not written: its response body was empty.${text}`,
            newLine: true,
          });
          return;
        }
      }
      endPages();
      inner.write(event);
    },
    flush() {
      endPages();
      inner.flush?.();
    },
    close() {
      endPages();
      inner.close?.();
    },
  };
}
