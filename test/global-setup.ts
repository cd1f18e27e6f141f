/**
 * One real PostgreSQL (embedded) for the whole test run, in a child process (see
 * support/pg-process.ts for why). A template database carries the migrations, so each test file
 * clones it in milliseconds and never sees another file's rows.
 */
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { connectDatabase, runMigrations } from '../src/db/connect.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
    pgTemplate: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'forge-test-pg-'));
  chmodSync(dataDir, 0o755);
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/pg-process.ts', join(dataDir, 'pg')], { stdio: ['pipe', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let buffer = '';
    child.stdout!.on('data', (d: Buffer) => { buffer += d; if (buffer.includes('\n')) resolve(buffer.split('\n')[0]!.trim()); });
    child.once('exit', (code) => reject(new Error(`the test PostgreSQL exited with ${code}`)));
  });
  const template = connectDatabase(url);
  await runMigrations(template);
  await template.close();
  const adminUrl = url.replace(/\/forge$/, '/postgres');
  const admin = connectDatabase(adminUrl);
  await admin.pool.query('alter database forge is_template true');
  await admin.close();
  project.provide('pgAdminUrl', adminUrl);
  project.provide('pgTemplate', 'forge');
  return async () => {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  };
}
