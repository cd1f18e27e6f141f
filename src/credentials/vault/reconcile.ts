/**
 * One reconciliation pass over `vault_outbox`: every queued connection's latest PostgreSQL copy
 * goes to Vault (check-and-set) and its row is cleared. A Vault that stops answering ends the
 * pass early (the rest stay queued for the next one); any other failure is recorded on its row
 * and the pass goes on, so one bad entry cannot block the others.
 */
import type { CredentialRef } from '../store.js';
import { isVaultUnavailable } from './errors.js';
import * as outbox from './outbox.js';
import { pushAndClear, type PushDeps } from './entries.js';

export interface ReconcileResult {
  pushed: number;
  failed: number;
  /** Rows still queued after the pass (failed ones, and writes that arrived meanwhile). */
  remaining: number;
}

export async function reconcileQueued(deps: PushDeps, onFailure: (ref: CredentialRef, error: unknown) => Promise<void>): Promise<ReconcileResult> {
  let pushed = 0;
  let failed = 0;
  for (const ref of await outbox.queuedRefs(deps.pool)) {
    try {
      await pushAndClear(deps, ref);
      pushed++;
    } catch (error) {
      failed++;
      await onFailure(ref, error);
      if (isVaultUnavailable(error)) break;
    }
  }
  return { pushed, failed, remaining: await outbox.count(deps.pool) };
}
