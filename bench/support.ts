import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectDatabase, runMigrations, type Database } from '../src/db/connect.js';
import { startEmbeddedPostgres } from '../src/db/embedded.js';

/** A throwaway embedded PostgreSQL for one benchmark run. */
export async function benchDatabase(): Promise<Database & { url: string; stop(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'forge-bench-'));
  chmodSync(dir, 0o755);
  const server = await startEmbeddedPostgres({ dataDir: join(dir, 'pg'), persistent: false });
  const database = connectDatabase(server.url, { max: 10 });
  await runMigrations(database);
  return {
    ...database, url: server.url,
    stop: async () => { await database.close(); await server.stop(); rmSync(dir, { recursive: true, force: true }); },
  };
}

/** Samples this process's RSS; `at(label)` notes the current value. */
export function rssSampler() {
  let peak = process.memoryUsage().rss;
  const marks: Record<string, number> = {};
  const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 100);
  return {
    mark(label: string) { marks[label] = process.memoryUsage().rss; peak = Math.max(peak, marks[label]!); },
    stop() { clearInterval(timer); return { peak, marks }; },
  };
}

export const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
