import type { Command } from 'commander';
import { ZodError } from 'zod';
import { EXIT, CliError } from '../exit-codes.js';
import { printTable } from '../table.js';
import { parsePairs, withRuntime } from '../with-runtime.js';

export function registerConnectionCommands(program: Command): void {
  program.command('connect <connector>')
    .description('connect a system: the form fields come from the connector definition (see `forge connectors list --json`)')
    .requiredOption('--workspace <id>', 'the workspace that owns the connection')
    .option('--name <name>', 'a name for the connection')
    .option('--auth <method>', 'auth method id (default: the first the connector declares)')
    .option('--config <key=value...>', 'non-secret connection fields')
    .option('--secret <key=value...>', 'secret fields (stored encrypted, never shown again)')
    .option('--sandbox-url <url>', "point at the connector's sandbox (needs FORGE_SANDBOX_EGRESS=1)")
    .option('--json', 'print the connection as JSON')
    .action(async (connectorId: string, options: { workspace: string; name?: string; auth?: string; config?: string[]; secret?: string[]; sandboxUrl?: string; json?: boolean }) => {
      await withRuntime(async (runtime) => {
        if (!runtime.registry.has(connectorId)) throw new CliError(`no connector "${connectorId}" (see forge connectors list)`, EXIT.usage);
        const definition = runtime.registry.get(connectorId);
        try {
          const connection = await runtime.connections.create({
            workspaceId: options.workspace, connectorId, name: options.name ?? definition.name, authMethodId: options.auth ?? definition.auth[0]!.id,
            config: parsePairs(options.config), secrets: parsePairs(options.secret), sandboxBaseUrl: options.sandboxUrl,
          });
          if (options.json) return void process.stdout.write(`${JSON.stringify(connection, null, 2)}\n`);
          process.stdout.write(`connected ${definition.name}: connection ${connection.id}\n`);
          const { ctx } = await runtime.connections.contextFor(connection.id);
          const tested = await (definition.testConnection as (c: typeof ctx) => Promise<{ ok: boolean; message?: string }>)(ctx).catch((e: Error) => ({ ok: false, message: e.message }));
          process.stdout.write(tested.ok ? 'connection test: ok\n' : `connection test failed: ${tested.message ?? ''}\n`);
          if (!tested.ok) process.exitCode = EXIT.failed;
        } catch (error) {
          if (error instanceof ZodError) throw new CliError(error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n'), EXIT.usage);
          throw error;
        }
      });
    });

  program.command('connections')
    .description('list connections')
    .option('--json', 'JSON for scripts')
    .action(async (options: { json?: boolean }) => {
      await withRuntime(async (runtime) => {
        const { rows } = await runtime.database.pool.query(
          `select c.id, c.connector_id, c.name, c.status, w.name as workspace, c.workspace_id from connections c join workspaces w on w.id = c.workspace_id order by c.created_at`);
        if (options.json) return void process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
        printTable(rows.map((r) => ({ id: r.id, connector: r.connector_id, name: r.name, status: r.status, workspace: `${r.workspace} (${r.workspace_id})` })));
      });
    });

  program.command('workspaces')
    .description('list workspaces')
    .option('--json', 'JSON for scripts')
    .action(async (options: { json?: boolean }) => {
      await withRuntime(async (runtime) => {
        const { rows } = await runtime.database.pool.query(`select w.id, w.name, o.name as org, w.is_demo from workspaces w join orgs o on o.id = w.org_id order by w.created_at`);
        if (options.json) return void process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
        printTable(rows.map((r) => ({ id: r.id, name: r.name, org: r.org, demo: r.is_demo ? 'yes' : '' })));
      });
    });
}
