import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { VaultError, VaultUnavailableError } from './errors.js';
import { VaultKvClient } from './kv-client.js';
import { VaultSandbox } from './vault-sandbox.js';

const appRole = { roleId: 'role-forgeworks', secretId: 'secret-id-1' };

describe('Vault stand-in and KV v2 client', () => {
  const vault = new VaultSandbox({ appRole });
  let client: VaultKvClient;
  beforeAll(async () => {
    await vault.start();
    client = new VaultKvClient({ addr: vault.url, token: vault.rootToken });
  });
  beforeEach(() => vault.server.faults.clear());
  afterAll(async () => {
    await client.close();
    await vault.stop();
  });

  it('answers in Vault\'s own shapes: 404 {"errors":[]}, 403 permission denied, 400 on a cas mismatch', async () => {
    const call = async (method: string, path: string, token?: string, body?: unknown) => {
      const res = await fetch(`${vault.url}${path}`, { method, headers: token ? { 'x-vault-token': token } : {}, body: body === undefined ? undefined : JSON.stringify(body) });
      return { status: res.status, body: await res.json() as unknown };
    };
    expect(await call('GET', '/v1/secret/data/missing', vault.rootToken)).toEqual({ status: 404, body: { errors: [] } });
    expect(await call('GET', '/v1/secret/data/x', 'hvs.wrong')).toEqual({ status: 403, body: { errors: ['permission denied'] } });
    expect(await call('GET', '/v1/secret/data/x')).toEqual({ status: 403, body: { errors: ['permission denied'] } });
    expect((await call('POST', '/v1/secret/data/shape', vault.rootToken, { data: { a: '1' }, options: { cas: 0 } })).body).toMatchObject({ data: { version: 1, destroyed: false } });
    expect(await call('POST', '/v1/secret/data/shape', vault.rootToken, { data: { a: '2' }, options: { cas: 0 } }))
      .toEqual({ status: 400, body: { errors: ['check-and-set parameter did not match the current version'] } });
    expect((await call('GET', '/v1/secret/data/shape?version=1', vault.rootToken)).body).toMatchObject({ data: { data: { a: '1' }, metadata: { version: 1 } } });
  });

  it('round-trips data with versions read from data.metadata.version', async () => {
    expect(await client.read('app/one')).toBeNull();
    expect(await client.write('app/one', { token: 'v1' }, { cas: 0 })).toEqual({ version: 1 });
    expect(await client.write('app/one', { token: 'v2' }, { cas: 1 })).toEqual({ version: 2 });
    expect(await client.read('app/one')).toEqual({ data: { token: 'v2' }, version: 2 });
  });

  it('reports a check-and-set conflict as a VaultError with casMismatch, leaving the entry unchanged', async () => {
    await client.write('app/cas', { token: 'a' }, { cas: 0 });
    await client.write('app/cas', { token: 'b' }, { cas: 1 });
    const error = await client.write('app/cas', { token: 'stale' }, { cas: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VaultError);
    expect((error as VaultError).casMismatch).toBe(true);
    expect((await client.read('app/cas'))?.data).toEqual({ token: 'b' });
  });

  it('refuses a bad token with a 403 VaultError that does not quote the token', async () => {
    const bad = new VaultKvClient({ addr: vault.url, token: 'hvs.not-a-token' });
    const error = await bad.read('app/one').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VaultError);
    expect((error as VaultError).permissionDenied).toBe(true);
    expect((error as Error).message).not.toContain('hvs.not-a-token');
    await bad.close();
  });

  it('logs in with AppRole and logs in again when Vault answers 403 permission denied', async () => {
    const approle = new VaultKvClient({ addr: vault.url, ...appRole });
    const before = vault.logins;
    await approle.write('app/role', { token: 'x' });
    expect(vault.logins).toBe(before + 1);
    vault.revokeTokens();
    expect((await approle.read('app/role'))?.data).toEqual({ token: 'x' });
    expect(vault.logins).toBe(before + 2);
    const wrong = new VaultKvClient({ addr: vault.url, roleId: appRole.roleId, secretId: 'wrong' });
    await expect(wrong.read('app/role')).rejects.toThrow('Vault answered 400 to POST /v1/auth/approle/login: invalid role or secret ID');
    await Promise.all([approle.close(), wrong.close()]);
  });

  it('classifies 5xx, a timeout and a refused connection as unavailable', async () => {
    vault.server.faults.add({ kind: 'status', status: 503, body: { errors: ['Vault is sealed'] }, times: 1 });
    await expect(client.read('app/one')).rejects.toThrow(VaultUnavailableError);
    vault.server.faults.add({ kind: 'hang', times: 1 });
    const quick = new VaultKvClient({ addr: vault.url, token: vault.rootToken, timeoutMs: 200 });
    await expect(quick.read('app/one')).rejects.toThrow(VaultUnavailableError);
    await quick.close();
    const nowhere = new VaultKvClient({ addr: 'http://127.0.0.1:1', token: 'x' });
    await expect(nowhere.read('app/one')).rejects.toThrow(/did not answer GET .*ECONNREFUSED/);
    await nowhere.close();
  });
});
