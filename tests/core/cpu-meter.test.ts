// The build benchmark's CPU meter (scripts/cpu-meter.ts): it must count processes below the one it
// was started on, keep what a process used after it ended, and split Node's main thread from its
// other threads. Each spinning thread below burns at least 1.5 s of CPU; the assertions ask for a
// third of that, so a busy machine does not fail them, while a meter that misses a group reads ~0.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { meterCpu } from '../../scripts/cpu-meter.ts';

const SPIN = 'const end = Date.now() + 1500; while (Date.now() < end);';

describe('meterCpu', () => {
  it.runIf(process.platform === 'linux')(
    "counts a grandchild's main thread, a worker thread, and a process that ended before the end",
    async () => {
      // A shell (group "other") starts Node, whose main thread and a worker thread each spin 1.5 s;
      // the shell then sleeps a second more, so the Node process has ended when the meter stops.
      const script = [
        "const { Worker } = require('node:worker_threads');",
        `new Worker(${JSON.stringify(SPIN)}, { eval: true });`,
        SPIN,
      ].join(' ');
      const child = spawn('/bin/sh', ['-c', `"$0" -e "$1"; sleep 1`, process.execPath, script], { stdio: 'ignore' });
      const meter = meterCpu(child.pid ?? 0);
      await new Promise((resolve) => child.once('close', resolve));
      const use = meter.stop();
      expect(use).toBeDefined();
      expect(use?.nodeMain).toBeGreaterThan(0.5);
      expect(use?.nodeOther).toBeGreaterThan(0.5);
      expect(use?.pagefind).toBe(0);
    },
  );

  it.runIf(process.platform === 'linux')(
    'counts a process by the program it runs, not by the one it was started as',
    async () => {
      // The shell the meter first sees becomes Node (exec) once the meter has read it as "sh": its
      // main thread then spins 1.5 s as Node's. GNU time and shells start the build's Node this way.
      const child = spawn('/bin/sh', ['-c', `sleep 0.7; exec "$0" -e "$1"`, process.execPath, SPIN], {
        stdio: 'ignore',
      });
      const meter = meterCpu(child.pid ?? 0);
      await new Promise((resolve) => child.once('close', resolve));
      const use = meter.stop();
      expect(use?.nodeMain).toBeGreaterThan(0.5);
      expect(use?.other).toBeLessThan(0.5);
    },
  );

  it('reads nothing, and says so, for a process that is not there', () => {
    // Process ids are below 2^22 on Linux.
    const use = meterCpu(2 ** 30).stop();
    if (process.platform === 'linux') expect(use).toEqual({ nodeMain: 0, nodeOther: 0, pagefind: 0, other: 0 });
    else expect(use).toBeUndefined();
  });
});
