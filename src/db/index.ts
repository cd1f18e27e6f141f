export * from './schema.js';
export { connectDatabase, runMigrations, MIGRATIONS_DIR, type Database, type Db } from './connect.js';
export { startEmbeddedPostgres, freePort, type EmbeddedDatabase } from './embedded.js';
export { openDatabase, type OpenedDatabase } from './open.js';
export { withTransaction } from './transaction.js';
