/**
 * One connection's Vault entry: reading it, and bringing it up to the PostgreSQL copy's latest
 * version. Check-and-set uses the Vault version read just before, so two workers pushing at once
 * never move Vault backwards: the loser re-reads, sees the newer entry, and stops.
 */
import type pg from 'pg';
import type { CredentialRef, CredentialStore } from '../store.js';
import { isVaultUnavailable, VaultError } from './errors.js';
import type { VaultHealth } from './health.js';
import type { VaultKvClient } from './kv-client.js';
import * as outbox from './outbox.js';
import { storedEntry, type StoredEntry } from './responses.js';

export interface PushDeps {
  pool: pg.Pool;
  copy: CredentialStore;
  kv: VaultKvClient;
  health: VaultHealth;
  path(ref: CredentialRef): string;
}

/** The store version held by a Vault entry; 0 for none or a foreign shape (which the copy replaces). */
export function entryVersion(data: Record<string, unknown> | undefined): number {
  return data ? storedEntry.safeParse(data).data?.version ?? 0 : 0;
}

/** The entry in Forgeworks' format; undefined when absent or foreign, 'down' when Vault did not answer. */
export async function readEntry(deps: PushDeps, ref: CredentialRef): Promise<StoredEntry | undefined | 'down'> {
  if (deps.health.skip()) return 'down';
  try {
    const found = await deps.health.track(() => deps.kv.read(deps.path(ref)));
    return found ? storedEntry.safeParse(found.data).data : undefined;
  } catch (error) {
    if (isVaultUnavailable(error)) return 'down';
    throw error;
  }
}

export async function pushLatest(deps: PushDeps, ref: CredentialRef): Promise<number | undefined> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const latest = await deps.copy.read(ref);
    if (!latest) return undefined;
    const current = await deps.health.track(() => deps.kv.read(deps.path(ref)));
    if (entryVersion(current?.data) >= latest.version) return latest.version;
    const entry: StoredEntry = { format: 1, version: latest.version, secrets: latest.secrets };
    try {
      await deps.health.track(() => deps.kv.write(deps.path(ref), entry, { cas: current?.version ?? 0 }));
      return latest.version;
    } catch (error) {
      if (!(error instanceof VaultError && error.casMismatch)) throw error;
    }
  }
  throw new Error(`Vault kept changing ${deps.path(ref)} during the push; it stays queued`);
}

/** Pushes, then clears the outbox row unless a newer write re-queued it meanwhile. */
export async function pushAndClear(deps: PushDeps, ref: CredentialRef): Promise<void> {
  const pushed = await pushLatest(deps, ref);
  // No copy at all (deleted): nothing to push, so the row goes too.
  await outbox.clear(deps.pool, ref, pushed ?? Number.MAX_SAFE_INTEGER);
}
