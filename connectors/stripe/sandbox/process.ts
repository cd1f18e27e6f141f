/**
 * Runs the Stripe sandbox in a process of its own, so a benchmark does not share an event loop
 * with it: `node --import tsx connectors/stripe/sandbox/process.ts --generated-customers 1000000 --port 0`.
 * Prints one JSON line, `{"baseUrl": "...", "apiKey": "..."}`, then serves until SIGINT/SIGTERM.
 * Options: --generated-customers N (default 0), --port P (default 0: any), --rate-limit R
 * (requests per second, 0 for none; default 25), --seed-customers N (default 0).
 */
import { parseArgs } from 'node:util';
import { startStripeSandbox } from './start.js';

function count(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`--${name} must be a non-negative integer, not "${value}"`);
  return n;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'generated-customers': { type: 'string' },
      port: { type: 'string' },
      'rate-limit': { type: 'string' },
      'seed-customers': { type: 'string' },
    },
  });
  const generated = count('generated-customers', values['generated-customers'], 0);
  const rate = count('rate-limit', values['rate-limit'], 25);
  const sandbox = await startStripeSandbox({
    port: count('port', values.port, 0),
    generated: generated > 0 ? { customers: generated } : undefined,
    rateLimit: rate === 0 ? false : rate,
  });
  const seeded = count('seed-customers', values['seed-customers'], 0);
  if (seeded > 0) sandbox.seed('customers', seeded);
  process.stdout.write(`${JSON.stringify({ baseUrl: sandbox.baseUrl, apiKey: sandbox.apiKey })}\n`);
  const stop = () => void sandbox.stop().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
