import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../src/db/embedded.js';

/** Starts `forge serve` as `npm start` does, on a fresh data directory, and collects its output. */
function startForge(dataDir: string, port: number, env: Record<string, string> = {}): { child: ChildProcess; output: () => string } {
  let output = '';
  const child = spawn(process.execPath, ['bin/forge.js', 'serve', '--port', String(port)], {
    env: { ...process.env, FORGE_DATA_DIR: dataDir, DATABASE_URL: '', FORGE_ADMIN_KEY: '', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d: Buffer) => { output += d.toString(); });
  child.stderr!.on('data', (d: Buffer) => { output += d.toString(); });
  return { child, output: () => output };
}

async function waitForHealth(url: string, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    try {
      const res = await fetch(`${url}/health`);
      if (res.status === 200) return Date.now() - started;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no healthy answer within ${timeoutMs} ms`);
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

describe('forge serve on embedded PostgreSQL', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'forge-serve-'));
  chmodSync(dataDir, 0o755);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('answers /health within 20 s, serves the catalogue, and prints the admin key once only', async () => {
    const port = await freePort();
    const first = startForge(join(dataDir, 'forge'), port);
    try {
      const tookMs = await waitForHealth(`http://127.0.0.1:${port}`, 20_000);
      expect(tookMs).toBeLessThan(20_000);
      const catalogue = await fetch(`http://127.0.0.1:${port}/api/v1/connectors`);
      expect(catalogue.headers.get('content-type')).toMatch(/json/);
      expect(Array.isArray(((await catalogue.json()) as { connectors: unknown[] }).connectors)).toBe(true);
      const unauthenticated = await fetch(`http://127.0.0.1:${port}/api/v1/workspaces`);
      expect(unauthenticated.status).toBe(401);
    } finally {
      await stop(first.child);
    }
    const key = /(fw_[A-Za-z0-9_-]{20,})/.exec(first.output())?.[1];
    expect(key).toBeDefined();

    const second = startForge(join(dataDir, 'forge'), port);
    try {
      await waitForHealth(`http://127.0.0.1:${port}`, 20_000);
    } finally {
      await stop(second.child);
    }
    expect(second.output()).not.toMatch(/fw_[A-Za-z0-9_-]{20,}/);
  }, 60_000);
});
