import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

// A publish server (scripts/publish.ts) run as a child process, and what it prints: what the
// benchmark (`npm run bench -- N --publish --server`) and the server's test
// (tests/site/publish-server.test.ts) both drive, each waiting for publishes in its own way.

const root = path.resolve(import.meta.dirname, '..');

/** How one publish ended, from the server's log. */
export interface PublishEnd {
  readonly outcome: 'done' | 'failed';
  /** The build's time as the server measured it. */
  readonly seconds: number;
  /** The log from the publish's first line to its last, whole. */
  readonly log: string;
  /** Whether the server's process was renewed since the publish before it (a new process ran it). */
  readonly renewed: boolean;
}

export class PublishProcess {
  readonly child: ChildProcess;
  /** Everything the server has printed, standard output and errors together. */
  log = '';

  /**
   * Starts `npm run publish` with `env` (the whole environment) and Node's `flags`; with `logFile`,
   * everything it prints is also appended there as it comes.
   */
  constructor(env: NodeJS.ProcessEnv, flags: readonly string[], logFile?: string) {
    this.child = spawn(process.execPath, [...flags, path.join(root, 'scripts/publish.ts')], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env,
    });
    const collect = (chunk: Buffer): void => {
      this.log += chunk.toString();
      if (logFile) fs.appendFileSync(logFile, chunk);
    };
    this.child.stdout?.on('data', collect);
    this.child.stderr?.on('data', collect);
  }

  /** Where each publish's first line starts in the log (a renewed process numbers its publishes anew). */
  starts(): number[] {
    return [...this.log.matchAll(/\[warta-publish\] Publish \d+: /g)].map((m) => m.index);
  }

  /** How the k-th publish (1 the first) ended, or undefined while it has not started or not ended. */
  ended(k: number): PublishEnd | undefined {
    const starts = this.starts();
    const start = starts[k - 1];
    if (start === undefined) return undefined;
    const end = /\[warta-publish\] Publish \d+ (done|failed) in ([\d.]+) s[^\n]*/.exec(this.log.slice(start));
    if (!end) return undefined;
    return {
      outcome: end[1] === 'done' ? 'done' : 'failed',
      seconds: Number(end[2]),
      log: this.log.slice(start, start + end.index + end[0].length),
      renewed: this.log.slice(starts[k - 2] ?? 0, start).includes('Publish server, process'),
    };
  }

  /** The heap the server's last publish left alive, in MB, as it logged it (0 before the first). */
  keptHeapMb(): number {
    return Number([...this.log.matchAll(/\[warta-publish\] Heap kept after publish \d+: (\d+) MB/g)].at(-1)?.[1] ?? 0);
  }

  /** The process id of the server's newest worker process (the supervisor renews it). */
  workerPid(): number {
    return Number([...this.log.matchAll(/\[warta-publish\] Publish server, process (\d+)/g)].at(-1)?.[1] ?? 0);
  }

  /** The worker's peak resident memory in MB (VmHWM), which GNU time cannot see from here. */
  peakRssMb(): number {
    const status = fs.readFileSync(`/proc/${this.workerPid()}/status`, 'utf8');
    return Math.round(Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
  }

  /** Throws, with the end of the log, when the server has stopped. */
  checkRunning(): void {
    if (this.child.exitCode !== null)
      throw new Error(`the publish server stopped (exit ${this.child.exitCode}):\n${this.log.slice(-3000)}`);
  }

  /** Stops the server (SIGTERM, which the supervisor passes on) and resolves to its exit code. */
  async stop(): Promise<number | null> {
    if (this.child.exitCode !== null) return this.child.exitCode;
    const exited = new Promise<number | null>((resolve) => this.child.on('exit', (code) => resolve(code)));
    this.child.kill('SIGTERM');
    return exited;
  }
}
