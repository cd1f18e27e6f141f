import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.js';
import { createTenant } from '../../../test/support/tenancy.js';
import { envKeys } from '../fixtures/stores.js';
import { openCredentialStore } from '../open-store.js';
import { CredentialStore, CredentialVersionConflictError, type CredentialRef } from '../store.js';
import { VaultCredentialStore } from './vault-store.js';
import { VaultSandbox } from './vault-sandbox.js';

describe('VaultCredentialStore', () => {
  let database: TestDatabase;
  const vault = new VaultSandbox();
  let port: number;
  const { keys } = envKeys();
  const open = (probeMs = 1000) => new VaultCredentialStore({ pool: database.pool, keys, vault: { addr: vault.url, token: vault.rootToken }, probeMs });
  const pathOf = (ref: CredentialRef) => `forgeworks/${ref.workspaceId}/${ref.connectionId}`;
  const outboxRows = async () => (await database.pool.query('select connection_id, attempts, last_error from vault_outbox')).rows;

  beforeAll(async () => {
    database = await createTestDatabase();
    port = Number(new URL(await vault.start()).port);
  });
  afterAll(async () => {
    await vault.stop();
    await database.close();
  });

  it('writes to Vault and the encrypted copy, and reads back with versions', async () => {
    const store = open();
    const ref = await createTenant(database.pool);
    expect(await store.write(ref, { token: 'one' })).toBe(1);
    expect(await store.write(ref, { token: 'two' }, 1)).toBe(2);
    expect(vault.current(pathOf(ref))).toEqual({ version: 2, data: { format: 1, version: 2, secrets: { token: 'two' } } });
    expect(await store.read(ref)).toEqual({ secrets: { token: 'two' }, version: 2 });
    expect(await store.copy.read(ref)).toEqual({ secrets: { token: 'two' }, version: 2 });
    expect(await outboxRows()).toEqual([]);
    await store.stop();
  });

  it('refuses a write whose expected version is stale, leaving Vault untouched', async () => {
    const store = open();
    const ref = await createTenant(database.pool);
    await store.write(ref, { token: 'a' });
    await store.write(ref, { token: 'b' }, 1);
    await expect(store.write(ref, { token: 'stale' }, 1)).rejects.toThrow(CredentialVersionConflictError);
    expect(vault.current(pathOf(ref))?.data).toMatchObject({ version: 2, secrets: { token: 'b' } });
    await store.stop();
  });

  it('keeps Vault at the latest version when two workers race their check-and-set pushes', async () => {
    const [a, b] = [open(), open()];
    const ref = await createTenant(database.pool);
    await Promise.all(Array.from({ length: 12 }, (_, i) => (i % 2 ? a : b).write(ref, { token: `t${i}` })));
    const latest = await a.copy.read(ref);
    expect(latest?.version).toBe(12);
    expect(vault.current(pathOf(ref))?.data).toEqual({ format: 1, version: 12, secrets: latest!.secrets });
    expect(await outboxRows()).toEqual([]);
    await Promise.all([a.stop(), b.stop()]);
  });

  it('serves from PostgreSQL and queues writes while Vault is stopped mid-run; reconcile brings Vault to the latest values', async () => {
    const store = open(0);
    const refs = await Promise.all([1, 2, 3].map(() => createTenant(database.pool)));
    const latest = new Map<string, string>();
    for (let step = 0; step < 12; step++) {
      if (step === 5) await vault.stop();
      const ref = refs[step % 3]!;
      await store.write(ref, { token: `value-${step}` });
      latest.set(ref.connectionId, `value-${step}`);
      for (const r of refs) expect((await store.read(r))?.secrets.token).toBe(latest.get(r.connectionId) ?? undefined);
    }
    // Every connection was written during the outage: each is queued, with the failure recorded.
    const queued = await outboxRows();
    expect(queued.map((r) => r.connection_id).sort()).toEqual(refs.map((r) => r.connectionId).sort());
    for (const row of queued) expect(row).toMatchObject({ attempts: expect.any(Number), last_error: expect.stringContaining('did not answer') });
    expect(vault.current(pathOf(refs[2]!))?.data).toMatchObject({ secrets: { token: 'value-2' } });

    await vault.start(port);
    expect(await store.reconcile()).toEqual({ pushed: 3, failed: 0, remaining: 0 });
    for (const ref of refs) {
      const copy = await store.copy.read(ref);
      expect(vault.current(pathOf(ref))?.data).toEqual({ format: 1, version: copy!.version, secrets: { token: latest.get(ref.connectionId) } });
    }
    vault.server.clearLog();
    expect((await store.read(refs[0]!))?.secrets.token).toBe(latest.get(refs[0]!.connectionId));
    expect(vault.server.requestLog.map((r) => r.status)).toEqual([200]);
    await store.stop();
  });

  it('reconciles by itself once Vault answers again when the store is started', async () => {
    const store = open(0);
    store.start({ intervalMs: 100 });
    const ref = await createTenant(database.pool);
    await store.write(ref, { token: 'before' });
    await vault.stop();
    await store.write(ref, { token: 'during' });
    expect(await outboxRows()).toHaveLength(1);
    await vault.start(port);
    await vi.waitFor(async () => expect(await outboxRows()).toEqual([]), { timeout: 3000, interval: 50 });
    expect(vault.current(pathOf(ref))?.data).toMatchObject({ version: 2, secrets: { token: 'during' } });
    await store.stop();
  });

  it('pushes a copy written before Vault was configured on its first read', async () => {
    const ref = await createTenant(database.pool);
    await new CredentialStore(database.pool, keys).write(ref, { token: 'legacy' });
    const store = open();
    expect(await store.read(ref)).toEqual({ secrets: { token: 'legacy' }, version: 1 });
    await vi.waitFor(() => expect(vault.current(pathOf(ref))?.data).toMatchObject({ secrets: { token: 'legacy' } }), { timeout: 3000, interval: 50 });
    await vi.waitFor(async () => expect(await outboxRows()).toEqual([]), { timeout: 3000, interval: 50 });
    await store.stop();
  });

  it('removes every version from Vault and then the copy; while Vault is down it removes nothing', async () => {
    const store = open(0);
    const ref = await createTenant(database.pool);
    await store.write(ref, { token: 'one' });
    await store.write(ref, { token: 'two' });
    await vault.stop();
    await expect(store.remove(ref)).rejects.toThrow(/did not answer/);
    expect(await store.copy.read(ref)).toMatchObject({ secrets: { token: 'two' } });
    await vault.start(port);
    await store.remove(ref);
    expect(vault.current(pathOf(ref))).toBeUndefined();
    expect(vault.kv.get(pathOf(ref), 1)).toBeUndefined();
    expect(await store.copy.read(ref)).toBeNull();
    expect(await store.read(ref)).toBeNull();
    // Removing what is gone already is no error (Vault answers a missing entry's delete alike).
    await store.remove(ref);
    await store.stop();
  });

  it('openCredentialStore returns the Vault store only when a Vault address is given', async () => {
    expect(openCredentialStore({ pool: database.pool, keys })).toBeInstanceOf(CredentialStore);
    const store = openCredentialStore({ pool: database.pool, keys, vault: { addr: vault.url, token: vault.rootToken } });
    expect(store).toBeInstanceOf(VaultCredentialStore);
    await store.stop();
  });
});
