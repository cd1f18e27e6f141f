import { readConfig, startRuntime, type Runtime } from '../runtime/index.js';
import pino from 'pino';
import { createLogger } from '../core/index.js';

/** Opens the platform for one command (joining a running embedded server if there is one). */
export async function withRuntime<T>(fn: (runtime: Runtime) => Promise<T>): Promise<T> {
  const config = readConfig(process.env);
  // Logs go to stderr: stdout is the command's answer (tables, or JSON for scripts).
  const runtime = await startRuntime(config, { logger: createLogger({ level: process.env.LOG_LEVEL ?? 'warn', destination: pino.destination(2) }) });
  try {
    return await fn(runtime);
  } finally {
    await runtime.close();
  }
}

export function parsePairs(pairs: string[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of pairs ?? []) {
    const at = pair.indexOf('=');
    if (at <= 0) throw new Error(`expected key=value, got "${pair}"`);
    out[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return out;
}
