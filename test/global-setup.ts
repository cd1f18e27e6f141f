/**
 * One real PostgreSQL (embedded) for the whole test run. A template database carries the
 * migrations, so each test file clones it in milliseconds and never sees another file's rows.
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { connectDatabase, runMigrations } from '../src/db/connect.js';
import { startEmbeddedPostgres } from '../src/db/embedded.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
    pgTemplate: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'forge-test-pg-'));
  chmodSync(dataDir, 0o755);
  const server = await startEmbeddedPostgres({ dataDir: join(dataDir, 'pg'), persistent: false });
  const template = connectDatabase(server.url.replace(/\/forge$/, '/forge'));
  await runMigrations(template);
  await template.close();
  const adminUrl = server.url.replace(/\/forge$/, '/postgres');
  const admin = connectDatabase(adminUrl);
  await admin.pool.query('alter database forge is_template true');
  await admin.close();
  project.provide('pgAdminUrl', adminUrl);
  project.provide('pgTemplate', 'forge');
  return async () => {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
