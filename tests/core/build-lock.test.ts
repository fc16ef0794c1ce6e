import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireBuildLock, lockHolder } from '../../src/lib/storage/build-lock.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

/** A process that runs for `ms` and then exits, with a promise of its exit. */
const sleeper = (ms: number): { child: ChildProcess; pid: number; exited: Promise<number> } => {
  const child = spawn(process.execPath, ['-e', `setTimeout(() => {}, ${ms})`]);
  if (child.pid === undefined) throw new Error('the sleeper did not start');
  return { child, pid: child.pid, exited: new Promise((resolve) => child.on('exit', () => resolve(Date.now()))) };
};

describe('build lock', () => {
  const dir = makeTempDir('warta-lock-');
  const children: ChildProcess[] = [];
  afterEach(() => {
    for (const child of children.splice(0)) child.kill();
  });

  it('holds a free lock at once, with this process id in it, until released', async () => {
    const file = path.join(dir, 'sub', 'free.lock');
    const waits: number[] = [];
    const release = await acquireBuildLock(file, { onWait: (pid) => waits.push(pid) });
    expect(lockHolder(file)).toBe(process.pid);
    expect(waits).toEqual([]);
    release();
    expect(fs.existsSync(file)).toBe(false);
  });

  it('waits while another running process holds it, saying which, and takes it once that one ends', async () => {
    const file = path.join(dir, 'held.lock');
    const { child, pid, exited } = sleeper(1500);
    children.push(child);
    fs.writeFileSync(file, `${pid}\n`);
    const waits: number[] = [];
    const acquired = acquireBuildLock(file, { pollMs: 50, onWait: (pid) => waits.push(pid) }).then((release) => ({
      release,
      at: Date.now(),
    }));
    const [{ release, at }, exitedAt] = await Promise.all([acquired, exited]);
    expect(waits).toEqual([pid]);
    expect(at).toBeGreaterThanOrEqual(exitedAt);
    expect(lockHolder(file)).toBe(process.pid);
    release();
  });

  it('takes over at once a lock left by a process that no longer runs, or an empty one', async () => {
    const file = path.join(dir, 'stale.lock');
    for (const content of [`${spawnSync(process.execPath, ['-e', '0']).pid}\n`, '']) {
      fs.writeFileSync(file, content);
      const waits: number[] = [];
      const release = await acquireBuildLock(file, { onWait: (pid) => waits.push(pid) });
      expect(waits).toEqual([]);
      expect(lockHolder(file)).toBe(process.pid);
      release();
    }
  });

  it('gives up after its time limit, naming the process that holds the lock', async () => {
    const file = path.join(dir, 'timeout.lock');
    const { child, pid } = sleeper(10_000);
    children.push(child);
    fs.writeFileSync(file, `${pid}\n`);
    await expect(acquireBuildLock(file, { pollMs: 20, timeoutMs: 200 })).rejects.toThrow(
      new RegExp(`Another build \\(process ${pid}\\) has held .*timeout\\.lock`),
    );
    expect(lockHolder(file)).toBe(pid);
  });
});
