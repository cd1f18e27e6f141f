import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/support/database.js';
import { createTenant } from '../../test/support/tenancy.js';
import { CredentialDecryptError, generateMasterKeyHex, keyIdFor, parseMasterKey } from './crypto/index.js';
import { envKeys } from './fixtures/stores.js';
import { openKeySource } from './master-key-source.js';
import { CredentialStore, CredentialVersionConflictError } from './store.js';

describe('CredentialStore keys and rotation', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database.close());

  it('rotates every row to the new key while reads and compare-and-set writes keep being served', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'forge-keys-'));
    const keys = openKeySource({ dataDir, mayGenerate: true });
    // Another process, started before the rotation: it holds the old keyring in memory.
    const otherKeys = openKeySource({ dataDir, mayGenerate: false });
    const store = new CredentialStore(database.pool, keys);
    const other = new CredentialStore(database.pool, otherKeys);
    const refs = await Promise.all(Array.from({ length: 12 }, () => createTenant(database.pool)));
    for (const [i, ref] of refs.entries()) await store.write(ref, { token: `token-${i}` });
    const oldKeyId = keys.keyring().activeKeyId;

    let serving = true;
    let served = 0;
    // Readers in both "processes" and a refresher bumping versions with CAS, during the rotation.
    const traffic = (async () => {
      while (serving) {
        for (const [i, ref] of refs.entries()) {
          const read = await (i % 2 ? other : store).read(ref);
          expect(read?.secrets.token).toMatch(/^token-/);
          if (i === 0) await store.write(ref, read!.secrets, read!.version).catch((e: unknown) => expect(e).toBeInstanceOf(CredentialVersionConflictError));
          served++;
        }
      }
    })();
    const newKeyId = keys.rotate().activeKeyId;
    const result = await store.rotate();
    serving = false;
    await traffic;

    expect(newKeyId).not.toBe(oldKeyId);
    expect(served).toBeGreaterThan(0);
    // Only the row the refresher keeps writing can escape a pass: its write won the CAS (skipped),
    // or it was already rewritten under the new key. An operator re-runs rotate for the skipped.
    expect(result.rotated).toBeGreaterThanOrEqual(refs.length - 1);
    if (result.skipped > 0) expect(await store.rotate()).toMatchObject({ skipped: 0 });
    const { rows } = await database.pool.query<{ key_id: string }>('select distinct key_id from credentials');
    expect(rows.map((r) => r.key_id)).toEqual([newKeyId]);
    for (const [i, ref] of refs.entries()) expect((await store.read(ref))?.secrets.token).toBe(`token-${i}`);
    // The other process opens rotated rows after re-reading the key file (reload), with no restart.
    for (const [i, ref] of refs.entries()) expect((await other.read(ref))?.secrets.token).toBe(`token-${i}`);
    expect(otherKeys.keyring().activeKeyId).toBe(newKeyId);
    await other.verifyKey();
  });

  it('does not open a ciphertext copied into another tenant\'s row', async () => {
    const { keys } = envKeys();
    const store = new CredentialStore(database.pool, keys);
    const [a, b] = [await createTenant(database.pool), await createTenant(database.pool)];
    await store.write(a, { token: 'tenant-a-secret' });
    await store.write(b, { token: 'tenant-b-secret' });
    await database.pool.query('update credentials set ciphertext = (select ciphertext from credentials where connection_id = $1) where connection_id = $2', [a.connectionId, b.connectionId]);
    const error = await store.read(b).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CredentialDecryptError);
    expect((error as CredentialDecryptError).reason).toBe('auth_failed');
    expect((error as Error).message).not.toContain('tenant-a-secret');
  });

  it('fails verifyKey for a wrong key, naming both key ids and never the key', async () => {
    const isolated = await createTestDatabase();
    try {
      const right = generateMasterKeyHex();
      const wrong = generateMasterKeyHex();
      await new CredentialStore(isolated.pool, envKeys(right).keys).verifyKey();
      const error = await new CredentialStore(isolated.pool, envKeys(wrong).keys).verifyKey().catch((e: unknown) => e as Error);
      expect(error).toBeInstanceOf(Error);
      const message = (error as Error).message;
      expect(message).toContain(keyIdFor(parseMasterKey(wrong, 'wrong')));
      expect(message).toContain(keyIdFor(parseMasterKey(right, 'right')));
      for (const hex of [right, wrong]) {
        for (const form of [hex, hex.toUpperCase(), Buffer.from(hex, 'hex').toString('base64'), hex.slice(0, 16)]) expect(message).not.toContain(form);
      }
    } finally {
      await isolated.close();
    }
  });
});
