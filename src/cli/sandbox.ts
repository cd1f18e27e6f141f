import { createCatalogue } from '../runtime/index.js';

/** What a connector's sandbox factory returns: where it runs and the credentials it accepts. */
export interface RunningSandbox {
  baseUrl: string;
  credentials: Record<string, string>;
  config?: Record<string, unknown>;
  stop(): Promise<void>;
}

export type SandboxFactory = (options: { port?: number }) => Promise<RunningSandbox>;

export async function startSandboxCommand(connectorId: string, port: number): Promise<void> {
  const definition = createCatalogue().get(connectorId);
  if (!definition.sandbox) throw new Error(`connector "${connectorId}" ships no sandbox`);
  const sandbox = await (definition.sandbox as SandboxFactory)({ port });
  process.stdout.write(`${definition.name} sandbox (a stand-in for the vendor API, not the real service)\n`);
  process.stdout.write(`  base URL:    ${sandbox.baseUrl}\n`);
  for (const [name, value] of Object.entries(sandbox.credentials)) process.stdout.write(`  ${name.padEnd(12)} ${value}\n`);
  for (const [name, value] of Object.entries(sandbox.config ?? {})) process.stdout.write(`  ${name.padEnd(12)} ${String(value)}\n`);
  process.stdout.write('Press Ctrl+C to stop.\n');
  const stop = async () => { await sandbox.stop(); process.exit(0); };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
