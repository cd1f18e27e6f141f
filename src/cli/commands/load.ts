import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { recordsFromFile, type LoadOperation, type LoadReport } from '../../load/index.js';
import { EXIT, CliError } from '../exit-codes.js';
import { bar, createProgress } from '../progress.js';
import { printTable } from '../table.js';
import { withRuntime } from '../with-runtime.js';

function exitFor(report: LoadReport): number {
  if (report.status === 'succeeded' || report.status === 'rolled_back' || report.status === 'planned') return EXIT.ok;
  if (report.status === 'partially_failed' || report.status === 'rollback_incomplete') return EXIT.partial;
  return EXIT.failed;
}

function printReport(report: LoadReport): void {
  process.stdout.write(`status: ${report.status}\n`);
  process.stdout.write(`planned: ${report.counts.create} create · ${report.counts.update} update · ${report.counts.delete} delete · ${report.counts.noop} unchanged · ${report.counts.conflict} conflict\n`);
  process.stdout.write(`written: ${report.written} · failed: ${report.failed} · verified: ${report.verified} · verification failed: ${report.verifyFailed}\n`);
  for (const e of report.errors.slice(0, 20)) process.stdout.write(`  record ${e.seq + 1}: ${e.kind}: ${e.message}${e.fields.length ? ` [${e.fields.map((f) => f.field).join(', ')}]` : ''}\n`);
  if (report.rollback) {
    const r = report.rollback;
    process.stdout.write(`rollback (${r.trigger}): ${r.restored} restored · ${r.recreated} re-created under new ids · ${r.unrecoverable} unrecoverable · ${r.failed} failed\n`);
    for (const item of r.items) process.stdout.write(`  record ${item.seq + 1}: ${item.status}: ${item.detail}\n`);
  }
}

export function registerLoadCommands(program: Command): void {
  program.command('load <connection> <object> <file>')
    .description('load records from a JSON or CSV file: plan, snapshot, write, verify (rollback on failure)')
    .option('--dry-run', 'stop after the plan and show the diff')
    .option('--op <op>', 'operation for records that name none (create, update, upsert, delete)', 'upsert')
    .option('--batch-size <n>', 'records per vendor call (at most the connector\'s)')
    .option('--rollback-threshold <fraction>', 'roll back when more than this share fails verification', '0')
    .option('--json', 'print the plan or report as JSON')
    .action(async (connectionId: string, object: string, file: string, options: { dryRun?: boolean; op: string; batchSize?: string; rollbackThreshold: string; json?: boolean }) => {
      const format = file.toLowerCase().endsWith('.csv') ? 'csv' : 'json';
      let records;
      try {
        records = recordsFromFile(readFileSync(file, 'utf8'), format, options.op as LoadOperation);
      } catch (error) {
        throw new CliError(`${file}: ${(error as Error).message}`, EXIT.usage);
      }
      await withRuntime(async (runtime) => {
        const { rows } = await runtime.database.pool.query<{ workspace_id: string }>('select workspace_id from connections where id = $1', [connectionId]);
        if (!rows[0]) throw new CliError(`no connection ${connectionId}`, EXIT.usage);
        const plan = await runtime.loads.plan({
          workspaceId: rows[0].workspace_id, connectionId, object, records,
          options: { dryRun: Boolean(options.dryRun), batchSize: options.batchSize ? Number(options.batchSize) : undefined, rollbackThreshold: Number(options.rollbackThreshold) },
        });
        if (options.dryRun) {
          if (options.json) return void process.stdout.write(`${JSON.stringify(plan, null, 2)}\n`);
          printTable(plan.items.map((i) => ({
            record: i.seq + 1, action: i.action, target: i.targetId ?? '', key: i.naturalKey ?? '',
            changes: i.action === 'delete' ? '(delete)' : i.diff.map((d) => `${d.field}: ${JSON.stringify(d.from)} → ${JSON.stringify(d.to)}`).join('; ').slice(0, 100) || (i.reason ?? ''),
          })));
          process.stdout.write(`dry run ${plan.loadId}: nothing was written\n`);
          return;
        }
        const progress = createProgress({ json: options.json });
        const total = plan.items.filter((i) => ['create', 'update', 'delete'].includes(i.action)).length;
        const timer = setInterval(async () => {
          const r = await runtime.database.pool.query<{ status: string; report: LoadReport }>('select status, report from loads where id = $1', [plan.loadId]).catch(() => null);
          const row = r?.rows[0];
          if (row) progress.update(`${row.status} ${bar(row.report.written + row.report.failed, total)} ${row.report.written}/${total} written`);
        }, 250);
        let report: LoadReport;
        try {
          report = await runtime.loads.run(plan.loadId);
        } finally {
          clearInterval(timer);
        }
        progress.done(`load ${plan.loadId}: ${report.status}`);
        if (options.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
        else printReport(report);
        process.exitCode = exitFor(report);
      });
    });

  program.command('rollback <load>')
    .description('undo a load from its journal (also after a crash) and report what could not be restored')
    .option('--json', 'print the report as JSON')
    .action(async (loadId: string, options: { json?: boolean }) => {
      await withRuntime(async (runtime) => {
        let report: LoadReport;
        try {
          report = await runtime.loads.rollback(loadId);
        } catch (error) {
          throw new CliError((error as Error).message, /no load/.test((error as Error).message) ? EXIT.usage : EXIT.failed);
        }
        if (options.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
        else printReport(report);
        process.exitCode = exitFor(report);
      });
    });
}
