import type { JournalItem } from './journal.js';
import type { LoadReport } from './types.js';
import type { RollbackItemResult } from './rollback.js';

/** The report a person reads: counts per action, write and verify outcomes, the errors by record. */
export function buildReport(items: JournalItem[], status: LoadReport['status'], rollback?: { trigger: NonNullable<LoadReport['rollback']>['trigger'] }): LoadReport {
  const count = (action: string) => items.filter((i) => i.action === action).length;
  const report: LoadReport = {
    status,
    counts: { total: items.length, create: count('create'), update: count('update'), delete: count('delete'), noop: count('noop'), conflict: count('conflict') },
    written: items.filter((i) => i.writeStatus === 'written').length,
    failed: items.filter((i) => i.writeStatus === 'failed').length,
    verified: items.filter((i) => i.verifyStatus === 'verified').length,
    verifyFailed: items.filter((i) => ['mismatch', 'still_present', 'missing'].includes(i.verifyStatus)).length,
    errors: items.filter((i) => i.error).map((i) => ({ seq: i.seq, kind: i.error!.kind, message: i.error!.message, fields: i.error!.fields })),
  };
  if (rollback) {
    // From the journal, so a second rollback pass reports the whole history, not just its own work.
    const results: RollbackItemResult[] = items.filter((i) => i.rollbackStatus !== 'none').map((i) => ({ seq: i.seq, status: i.rollbackStatus, detail: i.rollbackDetail ?? '' }));
    const by = (s: string) => results.filter((r) => r.status === s).length;
    report.rollback = {
      trigger: rollback.trigger, restored: by('restored') + by('not_needed'), recreated: by('recreated'), unrecoverable: by('unrecoverable'), failed: by('failed'),
      items: results.filter((r) => r.status !== 'restored' && r.status !== 'not_needed'),
    };
  }
  return report;
}
