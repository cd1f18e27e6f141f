import type { Command } from 'commander';
import { runSync } from '../../stream/index.js';
import { EXIT, CliError } from '../exit-codes.js';
import { createProgress } from '../progress.js';
import { printTable } from '../table.js';
import { withRuntime } from '../with-runtime.js';

export function registerSyncCommands(program: Command): void {
  program.command('sync <connection>')
    .description("sync a connection's streams now, showing progress")
    .option('--object <name>', 'only this object')
    .option('--full', 'a full read (detects deletes for vendors without a deleted feed)')
    .option('--json', 'print the SyncResults as JSON')
    .action(async (connectionId: string, options: { object?: string; full?: boolean; json?: boolean }) => {
      await withRuntime(async (runtime) => {
        const { rows } = await runtime.database.pool.query<{ id: string; object: string }>(
          'select id, object from streams where connection_id = $1 and ($2::text is null or object = $2) order by object', [connectionId, options.object ?? null]);
        if (rows.length === 0) throw new CliError(`no streams for connection ${connectionId}${options.object ? ` and object ${options.object}` : ''}`, EXIT.usage);
        const progress = createProgress({ json: options.json });
        const results = [];
        let failed = false;
        for (const stream of rows) {
          const runId = crypto.randomUUID();
          const timer = setInterval(async () => {
            const r = await runtime.database.pool.query<{ result: { records?: number; stats?: Record<string, number> } }>('select result from sync_runs where id = $1', [runId]).catch(() => null);
            const result = r?.rows[0]?.result;
            if (result) progress.update(`${stream.object}: ${result.records ?? 0} records read · +${result.stats?.created ?? 0} ~${result.stats?.updated ?? 0} -${result.stats?.deleted ?? 0} · ${result.stats?.errors ?? 0} rejected`);
          }, 250);
          try {
            const result = await runSync(runtime.database.pool, runtime.connections, { streamId: stream.id, mode: options.full ? 'full' : undefined, runId });
            results.push({ object: stream.object, ...result });
            progress.done(`${stream.object}: ${result.records} records · ${result.stats.created} created, ${result.stats.updated} updated, ${result.stats.deleted} deleted, ${result.stats.errors} rejected`);
          } catch (error) {
            failed = true;
            progress.done(`${stream.object}: failed: ${(error as Error).message}`);
          } finally {
            clearInterval(timer);
          }
        }
        if (options.json) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
        if (failed) process.exitCode = EXIT.failed;
      });
    });

  program.command('runs')
    .description('recent sync runs')
    .option('--connection <id>', 'only this connection')
    .option('--limit <n>', 'how many', '20')
    .option('--json', 'JSON for scripts')
    .action(async (options: { connection?: string; limit: string; json?: boolean }) => {
      await withRuntime(async (runtime) => {
        const { rows } = await runtime.database.pool.query(
          `select id, connection_id, object, mode, status, result, error, started_at, finished_at from sync_runs
           where ($1::uuid is null or connection_id = $1) order by created_at desc limit $2`, [options.connection ?? null, Number(options.limit)]);
        if (options.json) return void process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
        printTable(rows.map((r) => ({
          run: r.id, object: r.object, mode: r.mode, status: r.status, records: r.result?.records ?? 0,
          created: r.result?.stats?.created ?? 0, updated: r.result?.stats?.updated ?? 0, deleted: r.result?.stats?.deleted ?? 0, rejected: r.result?.stats?.errors ?? 0,
          started: r.started_at ? new Date(r.started_at).toISOString() : '', error: r.error?.message ? String(r.error.message).slice(0, 60) : '',
        })));
      });
    });
}
