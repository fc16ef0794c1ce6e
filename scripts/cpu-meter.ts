// CPU seconds of a process tree while it runs, from Linux's /proc, for the build benchmark.
//
// GNU time's user and system times count a process and the children it waited for; the build
// stops Pagefind's service with a signal and never waits for it, so its CPU (about a quarter of a
// 100,000-article cold build's) is missing there. Reading each thread's counters from /proc while
// the build runs counts every process below the one started, and splits Node's main thread (Astro's
// pages and the content step) from its other threads (parse and search workers, file system calls,
// the garbage collector's helpers). Written here because pidusage with pidtree (the packages for
// this) give each process's total only, not its main thread apart, which is the build's critical
// path while pages render.
import fs from 'node:fs';

/** CPU seconds, user and system together. */
export interface CpuUse {
  /** The main thread of the Node processes (the build's own thread). */
  readonly nodeMain: number;
  /** Every other thread of the Node processes. */
  readonly nodeOther: number;
  /** Pagefind's processes (its service and its threads). */
  readonly pagefind: number;
  /** Any other process in the tree (GNU time itself, a shell). */
  readonly other: number;
}

/** Clock ticks a second of /proc's CPU times: Linux's USER_HZ, 100 on every architecture Node runs on. */
export const CLOCK_TICKS = 100;
/** How often the tree is read; a thread's last half second before it ends is not seen. */
const INTERVAL_MS = 500;

interface ThreadCount {
  /**
   * The group of the program the thread last ran: a process is started by forking its parent (GNU
   * time, a shell) and then running its own program, so the name first seen may be the parent's.
   */
  group: keyof CpuUse;
  seconds: number;
}

/**
 * Starts reading the CPU of `root` and every process below it, every half second; `stop` reads once
 * more and returns what each group used. Without /proc (not Linux) it returns undefined.
 */
export function meterCpu(root: number): { stop(): CpuUse | undefined } {
  if (!fs.existsSync('/proc/self/task')) return { stop: () => undefined };
  // By pid:tid, the last counters seen: threads that ended keep what they used.
  const threads = new Map<string, ThreadCount>();
  const read = (): void => {
    for (const pid of descendants(root)) {
      const name = processName(pid);
      if (name === undefined) continue;
      let tids: string[];
      try {
        tids = fs.readdirSync(`/proc/${pid}/task`);
      } catch {
        continue;
      }
      for (const tid of tids) {
        const ticks = cpuTicks(`/proc/${pid}/task/${tid}/stat`);
        if (ticks === undefined) continue;
        const seconds = ticks / CLOCK_TICKS;
        const group: keyof CpuUse =
          name === 'node'
            ? tid === String(pid)
              ? 'nodeMain'
              : 'nodeOther'
            : name.startsWith('pagefind')
              ? 'pagefind'
              : 'other';
        const key = `${pid}:${tid}`;
        const known = threads.get(key);
        if (known) {
          known.group = group;
          known.seconds = Math.max(known.seconds, seconds);
        } else threads.set(key, { group, seconds });
      }
    }
  };
  read();
  const timer = setInterval(read, INTERVAL_MS);
  return {
    stop() {
      clearInterval(timer);
      read();
      const use = { nodeMain: 0, nodeOther: 0, pagefind: 0, other: 0 };
      for (const { group, seconds } of threads.values()) use[group] += seconds;
      return use;
    },
  };
}

/** `root` and every process below it, from each process's parent in /proc/<pid>/stat. */
function descendants(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const fields = statFields(`/proc/${entry}/stat`);
    // Field 4 of stat is the parent's pid; `statFields` starts at field 3.
    const parent = Number(fields?.[1]);
    if (!fields || !Number.isFinite(parent)) continue;
    const list = children.get(parent) ?? [];
    list.push(Number(entry));
    children.set(parent, list);
  }
  const found: number[] = [];
  const queue = [root];
  for (let pid = queue.shift(); pid !== undefined; pid = queue.shift()) {
    found.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return found;
}

/** A process's name (its `comm`), or undefined once it has ended. */
function processName(pid: number): string | undefined {
  try {
    return fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return undefined;
  }
}

/**
 * The user and system time in clock ticks ({@link CLOCK_TICKS}) of a process (`/proc/<pid>/stat`:
 * all its threads) or a thread (`/proc/<pid>/task/<tid>/stat`), or undefined once it has ended or
 * without /proc.
 */
export function cpuTicks(statFile: string): number | undefined {
  const fields = statFields(statFile);
  if (!fields) return undefined;
  // Fields 14 and 15 (utime, stime), counted from field 3.
  return Number(fields[11]) + Number(fields[12]);
}

/**
 * The fields of a /proc stat file after the name, which is in parentheses and may hold spaces and
 * parentheses itself: the fields start after the last `)`. Index 0 is field 3 (the state).
 */
function statFields(file: string): string[] | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  return text.slice(text.lastIndexOf(')') + 2).split(' ');
}
