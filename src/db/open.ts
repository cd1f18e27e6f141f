import { resolve } from 'node:path';
import { connectDatabase, runMigrations, type Database } from './connect.js';
import { runningEmbeddedUrl, startEmbeddedPostgres, type EmbeddedDatabase } from './embedded.js';

export interface OpenedDatabase extends Database {
  url: string;
  /** Present when the platform started its own embedded server. */
  embedded?: EmbeddedDatabase;
  /** Where platform files live (`.forge/`): the embedded cluster and the generated master key. */
  dataDir: string;
}

/**
 * DATABASE_URL when set; otherwise an embedded PostgreSQL in `<dataDir>/pg`. Migrations always run.
 */
export async function openDatabase(options: { databaseUrl?: string; dataDir?: string; onLog?: (line: string) => void } = {}): Promise<OpenedDatabase> {
  const dataDir = resolve(options.dataDir ?? '.forge');
  let embedded: EmbeddedDatabase | undefined;
  let url = options.databaseUrl;
  if (!url) {
    // A platform already running on this data directory: join its server instead of starting one.
    const running = runningEmbeddedUrl(resolve(dataDir, 'pg'));
    if (running) url = running;
    else {
      embedded = await startEmbeddedPostgres({ dataDir: resolve(dataDir, 'pg'), onLog: options.onLog });
      url = embedded.url;
    }
  }
  const database = connectDatabase(url);
  await runMigrations(database);
  return {
    ...database,
    url,
    embedded,
    dataDir,
    close: async () => {
      await database.close();
      await embedded?.stop();
    },
  };
}
