// The publish server (issue #20): `npm run publish` publishes the content folder as `npm run build`
// does, then stays up and publishes again each time a file in the folder changes, in this same
// process. Each publish is the same `astro build` (Astro's own `build` function), with the same
// output, the same checks and the same fallback to a full build; what the server saves is what a
// new process pays on every publish before it reaches the content:
//
// - loading Node's, Astro's, Vite's and Warta's modules, and compiling them again (about 3 s);
// - the first, slow runs of every function before V8 optimizes it, over 100,000 articles.
//
// Measured with `npm run bench -- N --publish --server`: see the README ("The publish server").
//
// A change to Warta's code, its settings or its packages restarts the server's process (the
// supervisor below starts it again): the modules it holds would otherwise be the old code's, while
// the pages' bundle is built from the new code.
//
// Usage: npm run publish            (WARTA_* variables as for `npm run build`)
// Env:   WARTA_PUBLISH_SETTLE_MS    wait this long after the last change before publishing (default 1000)
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** The exit code by which the server asks its supervisor for a new process. */
const RESTART = 75;
/** How much larger than after the first publish the heap may be after one before the process is renewed. */
const HEAP_GROWTH_LIMIT = 1.5;
/** ...and by at least this many bytes: a small site's heap grows by half in a few publishes, harmlessly. */
const HEAP_GROWTH_FLOOR = 256 * 2 ** 20;
const root = path.resolve(import.meta.dirname, '..');

if (process.env['WARTA_PUBLISH_SERVER'] === 'worker') await serve();
else supervise();

/**
 * Runs the server in a child process, and starts it again when it exits with {@link RESTART}.
 * Ctrl-C reaches both processes (one process group): the child cleans up and exits, then this one.
 */
function supervise(): void {
  // The child takes Ctrl-C itself (the terminal signals the whole group); this one waits for it to exit.
  process.on('SIGINT', () => undefined);
  const start = (): void => {
    const child = spawn(process.execPath, [...process.execArgv, import.meta.filename, ...process.argv.slice(2)], {
      stdio: 'inherit',
      env: { ...process.env, WARTA_PUBLISH_SERVER: 'worker' },
    });
    const forward = (signal: NodeJS.Signals): void => {
      child.kill(signal);
    };
    process.on('SIGTERM', forward);
    child.on('exit', (code, signal) => {
      process.off('SIGTERM', forward);
      if (code === RESTART) start();
      else process.exit(code ?? (signal === 'SIGINT' ? 130 : 1));
    });
  };
  start();
}

async function serve(): Promise<void> {
  // First, before any of Warta's modules is loaded: what a build works out from an unchanged story
  // is kept for the next publish (see acrossBuilds). Safe here because a change to the code starts
  // a new process (below).
  const { keepResultsAcrossBuilds } = await import('../src/lib/once-per-object.ts');
  keepResultsAcrossBuilds();
  const { build } = await import('astro');
  // The same modules, by the same URLs, as the ones astro.config.mjs imports: Node shares them.
  const { buildSettings, endBuild } = await import('../src/data/build-context.ts');
  const { abandonBuild, codeVersion } = await import('../src/integrations/staged-output.ts');
  const { forgetPagePlan, writePendingPagePlan } = await import('../src/integrations/kept-pages.ts');
  const { collectGarbage, stopCollectingGarbage } = await import('../src/integrations/warta-integration.ts');
  const { checkRememberedStamps, markBuildStart, reportBlind, reportChange, startReporting } =
    await import('../src/lib/storage/reported-changes.ts');

  const settings = buildSettings();
  const settleMs = Number(process.env['WARTA_PUBLISH_SETTLE_MS'] ?? 1000);
  if (!Number.isInteger(settleMs) || settleMs < 0) {
    console.error(
      `WARTA_PUBLISH_SETTLE_MS is not a number of milliseconds: "${process.env['WARTA_PUBLISH_SETTLE_MS'] ?? ''}". Use e.g. 1000.`,
    );
    process.exit(2);
  }
  const version = codeVersion(root);
  let publishes = 0;

  const log = (line: string): void => {
    console.log(`${new Date().toLocaleTimeString('en-GB', { hour12: false })} [warta-publish] ${line}`);
  };

  /** One publish; resolves to whether it succeeded. A failure leaves the live site as it was. */
  const publish = async (why: string): Promise<boolean> => {
    publishes += 1;
    log(`Publish ${publishes}: ${why}`);
    const started = performance.now();
    // What the watcher reported before now is what this build may have seen (reported-changes.ts).
    markBuildStart();
    try {
      await build({ root });
      log(`Publish ${publishes} done in ${((performance.now() - started) / 1000).toFixed(2)} s.`);
      return true;
    } catch (error) {
      // What `astro build` would do as its process exits (staged-output.ts).
      abandonBuild();
      console.error(describeFailure(error));
      log(
        `Publish ${publishes} failed in ${((performance.now() - started) / 1000).toFixed(2)} s; ` +
          'the site was left as it was. Fix the problem and save again.',
      );
      return false;
    } finally {
      stopCollectingGarbage();
      // Nothing of this build is needed by the next: its articles, the pages' shared values and its
      // page plan go now, so that the next publish builds its content in a heap without them.
      endBuild();
      forgetPagePlan();
      // The build's garbage (a large archive's heap is gigabytes) goes now, not at the next publish.
      // Before the page plan is written: its 36 MB of serialized bytes (at 100,000 articles) count as
      // V8's external memory, which started a full marking of the heap of its own as the plan was
      // written, and this collection then finished that one and ran a whole one after it (0.7 to 1 s
      // more after every publish; see src/lib/storage/release-bytes.ts). Written after the
      // collection, the plan's bytes are freed before they reach that count's threshold. The build
      // lock, released once the plan is written, is held through the collection (1.2–1.3 s at
      // 100,000 articles): another process's build waits that much longer.
      collectGarbage();
      // The page plan of a publish is written now that the publish has ended (kept-pages.ts); the
      // build lock goes with it. The site is live already: a plan that cannot be written is reported
      // here, as a failed write in `astro build` is, and the next publish reads the one before it.
      try {
        writePendingPagePlan();
      } catch (error) {
        console.error(describeFailure(error));
      }
    }
  };

  /**
   * What a build leaves alive can grow from one to the next. Each build's page props (Astro's route
   * cache), articles, site index and page plan are let go when it ends (build-errors.ts, endBuild,
   * forgetPagePlan above); what is left is each build's Vite and Tailwind compilers' state, a few
   * megabytes a build (heap snapshots after four builds of the 10,000-article corpus in one process:
   * 102, 110, 117 and 123 MB alive, against 136, 174, 202 and 209 MB before those were let go; at
   * 100,000 articles 99, 103 and 112 MB after three builds, against 542 and 733 MB after two). So
   * the server starts its process again, between publishes, once the heap a publish leaves is half
   * as large again as the second one's, and 256 MB larger: memory stays bounded whatever a future
   * build leaves, and the next publish pays a new process's start once.
   */
  let baseline = 0;
  let measured = 0;
  const heapOutgrown = (): boolean => {
    const heap = process.memoryUsage().heapUsed;
    measured += 1;
    // For whoever watches the server (and the benchmark's --rounds): what a publish leaves alive.
    log(`Heap kept after publish ${publishes}: ${Math.round(heap / 2 ** 20)} MB.`);
    // Measured against the second publish: what the server keeps on purpose, the parse cache
    // (parse-cache.ts, about 330 MB at 100,000 articles), is only there after a publish that
    // appended to it, and a first publish that was a full build rewrote it instead.
    if (measured <= 2) {
      baseline = heap;
      return false;
    }
    return heap > baseline * HEAP_GROWTH_LIMIT && heap - baseline > HEAP_GROWTH_FLOOR;
  };

  // Ctrl-C or a stop: the exit handlers delete a build's half-written staging folder and release the lock.
  process.on('SIGINT', () => process.exit(130));
  process.on('SIGTERM', () => process.exit(143));

  log(`Publish server, process ${process.pid}: ${settings.contentDirectory} into ${settings.outDirectory}.`);

  // What the watcher saw and what runs, in one object: the callbacks change it between awaits.
  const state = {
    changed: false,
    running: false,
    timer: undefined as ReturnType<typeof setTimeout> | undefined,
    /** Publishes in a row that the check after a publish started, not the watcher (see `check`). */
    byCheck: 0,
  };
  const later = (): void => {
    clearTimeout(state.timer);
    state.timer = setTimeout(() => void run(), settleMs);
  };
  /** Whether a change came in since the last publish started (a function: TypeScript narrows a read across awaits). */
  const pending = (): boolean => state.changed;
  const run = async (): Promise<void> => {
    if (state.running || !pending()) return;
    state.changed = false;
    if (codeVersion(root) !== version) {
      log("Warta's code, settings or packages changed since this server started: starting it again.");
      process.exit(RESTART);
    }
    state.running = true;
    const published = await publish(
      state.byCheck > 0 ? 'changes the watcher did not report' : 'the content folder changed',
    );
    state.running = false;
    if (heapOutgrown()) {
      log('The memory kept between publishes has grown by half since the second one: starting the server again.');
      process.exit(RESTART);
    }
    // Changes saved while it ran: publish them too.
    if (pending()) later();
    else if (published) void check();
  };
  /**
   * After a publish, while idle: every file's stamp is checked once more against the ones the
   * publish saved (on a worker thread), since the next publish stats only what the watcher reported
   * (reported-changes.ts). What the watcher missed (an overflowed queue of events, say) is published
   * now, and said. Should that happen twice in a row, the watcher is not trusted again in this process.
   */
  const check = async (): Promise<void> => {
    let missed: readonly string[] | undefined;
    try {
      missed = await checkRememberedStamps();
    } catch (error) {
      // The next publish stats every file: nothing is missed for want of this check.
      reportBlind();
      log(
        `The check of the content folder after a publish failed (${String(error)}): every publish now stats it whole.`,
      );
      return;
    }
    // Events the watcher delivered while the stats ran come first: a change it reported is not missed.
    await new Promise((resolve) => setTimeout(resolve, 200));
    for (const file of missed ?? []) reportChange(file);
    if (!missed || missed.length === 0 || state.running || pending()) {
      state.byCheck = 0;
      return;
    }
    state.byCheck += 1;
    const shown = missed.slice(0, 3).join(', ') + (missed.length > 3 ? `, and ${missed.length - 3} more` : '');
    log(`${missed.length} file(s) changed without the watcher reporting it (${shown}): publishing them.`);
    if (state.byCheck > 1) {
      reportBlind();
      log('The watcher missed changes twice in a row: from now on every publish stats the whole content folder.');
    }
    state.changed = true;
    later();
  };
  // Watched from before the first publish, so that nothing saved while it runs is missed: a change
  // then is published by the next one.
  startReporting();
  watchFolders(
    settings.contentDirectory,
    (entry) => {
      reportChange(entry === undefined ? undefined : path.relative(settings.contentDirectory, entry));
      state.byCheck = 0;
      state.changed = true;
      // Editors save several files at once (a story and its photo); one publish takes them all.
      later();
    },
    reportBlind,
  );
  state.running = true;
  const published = await publish('the whole content folder');
  state.running = false;
  heapOutgrown();
  log(`Watching ${settings.contentDirectory}: each change is published. Ctrl-C stops.`);
  if (pending()) later();
  else if (published) void check();
}

/**
 * Calls `onChange` with the entry's path when a file in `directory` or a folder below it is added,
 * changed or removed (undefined when the event does not name it), and `onBlind` when a folder could
 * not be watched or its watch failed: changes in it would then go unreported.
 * One watch per folder, not per file: the build finds what changed by itself (the files' stamps, the
 * parse cache), so this only needs to know that something did, and an archive keeps 100,000 stories
 * in a few folders. Hand-written for that reason: chokidar 5 and Node's own recursive `fs.watch` on
 * Linux both watch every file, one inotify watch each (10,002 for the 10,000-article benchmark
 * folder, counted in /proc/<pid>/fdinfo), where this takes one per folder; at 100,000 stories they
 * can pass the kernel's limit per user (`fs.inotify.max_user_watches`: 192,530 here, 8,192 on kernels
 * before 5.11).
 * Folders added later are watched as they appear; hidden ones (`.git`) are not.
 */
function watchFolders(directory: string, onChange: (entry: string | undefined) => void, onBlind: () => void): void {
  const watched = new Map<string, fs.FSWatcher>();
  /** Watches `folder` and every folder below it not yet watched. */
  const visit = (folder: string): void => {
    if (!watched.has(folder)) {
      try {
        const watcher = fs.watch(folder, (event, name) => {
          onChange(name ? path.join(folder, name) : undefined);
          if (event === 'rename' && name && !name.startsWith('.')) renamed(path.join(folder, name));
        });
        watcher.on('error', () => {
          watcher.close();
          watched.delete(folder);
          onBlind();
        });
        watched.set(folder, watcher);
      } catch {
        // Gone before it could be watched (its removal was reported), or not watchable (the limit on
        // watches): then its changes would go unreported.
        if (fs.existsSync(folder)) onBlind();
        return;
      }
    }
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries)
      if (entry.isDirectory() && !entry.name.startsWith('.')) visit(path.join(folder, entry.name));
  };
  /**
   * An entry added, removed or renamed: a folder that appeared is watched with what is below it, and
   * one that went stops being watched. Only that entry is looked at: a story saved through a
   * temporary file, or a new or deleted story, is a rename too, and listing the whole tree for each
   * took about 0.1 s of a 100,000-story folder.
   */
  const renamed = (entry: string): void => {
    let folder = false;
    try {
      folder = fs.statSync(entry).isDirectory();
    } catch {
      // Gone: removed, or renamed away.
    }
    if (folder) visit(entry);
    else
      for (const [watchedFolder, watcher] of watched)
        if (watchedFolder === entry || watchedFolder.startsWith(entry + path.sep)) {
          watcher.close();
          watched.delete(watchedFolder);
        }
  };
  visit(directory);
}

/**
 * What a failed build says, as `astro build` prints it: the message (Warta's errors name each file
 * and line), the hint, and the stack only where there is one to show (WARTA_DEBUG=1 keeps Warta's).
 */
function describeFailure(error: unknown): string {
  const lines: string[] = [];
  for (let current: unknown = error, depth = 0; current instanceof Error && depth < 4; depth++) {
    const { message, stack } = current;
    const hint = (current as { hint?: unknown }).hint;
    // A stack starts with the message; Warta's reports have none (withoutStack).
    const text = stack !== undefined && stack !== '' ? stack : message;
    if (!lines.some((line) => line.includes(message))) lines.push(text);
    if (typeof hint === 'string' && hint !== '' && !lines.includes(`Hint: ${hint}`)) lines.push(`Hint: ${hint}`);
    current = current.cause;
  }
  return lines.length > 0 ? lines.join('\n') : String(error);
}
