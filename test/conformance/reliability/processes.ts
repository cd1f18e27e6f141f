/**
 * Real child processes for the crash tests: workers that load the platform, say `ready`, and
 * start their run when told `go` (so a kill lands in the run, not in module loading, which
 * takes seconds on a busy machine), a pool that keeps the next worker warming while the current
 * one runs, and the `forge` CLI run to its end.
 */
import { spawn, type ChildProcess } from 'node:child_process';

export interface WorkerProcess {
  child: ChildProcess;
  /** Every line the worker printed on stdout, in order. */
  lines: string[];
  /** Resolves once the worker has loaded the platform and waits for `go`. */
  ready: Promise<void>;
  exited: Promise<number | null>;
  /** `undefined` while the worker runs. */
  exitCode(): number | null | undefined;
  /** Starts the run (one line on stdin). */
  go(): void;
  /** Resolves with the first stdout line that passes `test`, or rejects when the worker exits first. */
  line(test: (line: string) => boolean): Promise<string>;
  /** SIGKILL, and wait until the process is gone. */
  kill(): Promise<void>;
}

/** `node --import tsx <script> ...args`, stdout read line by line, stderr passed through. */
export function spawnWorker(script: string, args: string[], env: Record<string, string>): WorkerProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'inherit'] });
  const lines: string[] = [];
  const waiters: Array<{ test: (line: string) => boolean; resolve: (line: string) => void }> = [];
  let code: number | null | undefined;
  let buffer = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    let at: number;
    while ((at = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, at);
      buffer = buffer.slice(at + 1);
      lines.push(line);
      for (const waiter of [...waiters]) {
        if (!waiter.test(line)) continue;
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(line);
      }
    }
  });
  // A worker killed mid-write leaves a broken pipe behind: not an error of the test's.
  child.stdin!.on('error', () => {});
  const exited = new Promise<number | null>((resolve) => child.once('exit', (c) => { code = c; resolve(c); }));
  const line = (test: (line: string) => boolean) => {
    const seen = lines.find(test);
    if (seen !== undefined) return Promise.resolve(seen);
    return new Promise<string>((resolve, reject) => {
      waiters.push({ test, resolve });
      void exited.then((c) => reject(new Error(`${script} exited with ${c} before printing the line awaited`)));
    });
  };
  const ready = line((l) => l === 'ready').then(() => undefined);
  ready.catch(() => {});
  return {
    child, lines, ready, exited, line,
    exitCode: () => code,
    go: () => { child.stdin!.write('go\n'); },
    kill: async () => {
      if (code === undefined) child.kill('SIGKILL');
      await exited;
    },
  };
}

/**
 * Keeps workers warming ahead: `take()` hands out a ready worker while the next ones load, so a
 * crash test waits for a killed run's lease to expire, not for Node to load the platform. One
 * worker loads at a time (on two cores, loading several at once only delays the first); never
 * more than `total` in all.
 */
export class WarmWorkers {
  private readonly spares: WorkerProcess[] = [];
  private readonly started: WorkerProcess[] = [];
  private loading = false;
  private closed = false;

  /** @param options.ahead workers kept loaded or loading ahead of need @default 3 */
  constructor(private readonly script: string, private readonly args: string[], private readonly env: Record<string, string>, private readonly options: { total: number; ahead?: number }) {
    this.topUp();
  }

  async take(): Promise<WorkerProcess> {
    const worker = this.spares.shift();
    if (!worker) throw new Error(`all ${this.options.total} workers were taken`);
    this.topUp();
    await worker.ready;
    return worker;
  }

  /** Kills every worker this pool started that is still running (the spares included). */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.started.map((w) => w.kill()));
  }

  private topUp(): void {
    if (this.closed || this.loading || this.spares.length >= (this.options.ahead ?? 3) || this.started.length >= this.options.total) return;
    const worker = spawnWorker(this.script, this.args, this.env);
    this.started.push(worker);
    this.spares.push(worker);
    this.loading = true;
    const next = () => { this.loading = false; this.topUp(); };
    worker.ready.then(next, next);
  }
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `node bin/forge.js ...args` in a process of its own, run to its end. */
export async function runForge(args: string[], env: Record<string, string>): Promise<CliResult> {
  const cli = spawn(process.execPath, ['bin/forge.js', ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  cli.stdout!.on('data', (d: Buffer) => { stdout += d.toString(); });
  cli.stderr!.on('data', (d: Buffer) => { stderr += d.toString(); });
  const code = await new Promise<number | null>((resolve) => cli.once('exit', (c) => resolve(c)));
  return { code, stdout, stderr };
}

/** The pretty-printed JSON object a `--json` command ends with; log lines (one object each) may precede it. */
export function trailingJson<T>(stdout: string): T {
  const lines = stdout.split('\n');
  const start = lines.findIndex((line) => line === '{');
  if (start < 0) throw new Error(`no JSON report in: ${stdout}`);
  return JSON.parse(lines.slice(start).join('\n')) as T;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
