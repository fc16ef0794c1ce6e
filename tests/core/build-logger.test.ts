import { describe, expect, it } from 'vitest';
import buildLogger, { type LogEvent } from '../../src/integrations/build-logger.mjs';

// The events Astro 7's generate.js logs for each page: the path without a line end, then its result.
const page = (path: string, result: string): LogEvent[] => [
  { label: null, level: 'info', message: `  \x1b[34m├─\x1b[39m \x1b[2m${path}\x1b[22m`, newLine: false },
  { label: 'SKIP_FORMAT', level: 'info', message: ` ${result}`, newLine: true },
];

function logged(events: readonly LogEvent[], interactive = false) {
  const written: LogEvent[] = [];
  const progress: string[] = [];
  const logger = buildLogger({
    destination: { write: (e) => written.push(e) },
    progress: { write: (t: string) => progress.push(t) },
    interactive,
  });
  for (const event of events) logger.write(event);
  logger.flush?.();
  return { written, progress };
}

describe('the build logger', () => {
  const start: LogEvent = {
    label: 'SKIP_FORMAT',
    level: 'info',
    message: '\n generating static routes ',
    newLine: true,
  };
  const done: LogEvent = { label: null, level: 'info', message: '✓ Completed in 8.41s.\n', newLine: true };

  it('replaces the line of each page by one count, before the next message', () => {
    const { written, progress } = logged([
      start,
      ...page('/berita/a/index.html', '\x1b[2m(+12ms)\x1b[22m'),
      ...page('/berita/b/index.html', '\x1b[32m(restored)\x1b[39m'),
      ...page('/kategori/x/index.html', '(cached)'),
      ...page('/rss.xml', '(+1.20s)'),
      done,
    ]);
    expect(written).toEqual([
      start,
      {
        label: 'build',
        level: 'info',
        message: '4 files written: 2 rendered, 2 restored from the incremental build cache',
        newLine: true,
      },
      done,
    ]);
    expect(progress).toEqual([]);
  });

  it('passes every other message through unchanged, warnings and errors included', () => {
    const others: LogEvent[] = [
      { label: 'content', level: 'info', message: 'Syncing content', newLine: true },
      { label: 'build', level: 'warn', message: '├─ not a page line: a warning', newLine: false },
      { label: 'SKIP_FORMAT', level: 'info', message: ' (not a page result)', newLine: true },
      { label: null, level: 'error', message: 'Failed', newLine: true },
    ];
    expect(logged(others).written).toEqual(others);
  });

  it('warns of a page whose body was empty, and keeps counting', () => {
    const { written } = logged([
      ...page('/a/index.html', '(+3ms) (file not created, response body was empty)'),
      ...page('/b/index.html', '(+2ms)'),
      done,
    ]);
    expect(written.map((e) => `${e.level} ${e.message}`)).toEqual([
      'warn A page was not written: its response body was empty. (+3ms) (file not created, response body was empty)',
      'info 2 files written: 2 rendered, 0 restored from the incremental build cache',
      `info ${done.message}`,
    ]);
  });

  it('shows a running count on a terminal and clears it before the count', () => {
    const { progress } = logged([...page('/a/index.html', '(+3ms)'), done], true);
    expect(progress).toEqual(['\r\x1b[K  Writing pages: 1', '\r\x1b[K']);
  });

  it('prints the count at the end of the build when nothing follows the pages', () => {
    expect(logged(page('/a/index.html', '(+3ms)')).written.map((e) => e.message)).toEqual([
      '1 files written: 1 rendered, 0 restored from the incremental build cache',
    ]);
  });
});
