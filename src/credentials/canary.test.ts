/**
 * Canary secrets through everything in src/credentials: every strategy (through the executor, as
 * connectors use them), the authorization-code flow, the refreshing strategy, the Vault store
 * through an outage, key rotation. Afterwards no canary may appear in a log line, in any error,
 * or in any column of the database (ciphertexts included, as raw bytes).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScriptedServer } from '../../test/support/http-server.js';
import { createTestDatabase, type TestDatabase } from '../../test/support/database.js';
import { createTenant } from '../../test/support/tenancy.js';
import { authMethodSchema } from '../registry/definition.js';
import { callThroughExecutor, capturingLogger, columnsContaining, ErrorLog, executorFetchToken, startEchoVendor } from './fixtures/canary-harness.js';
import { canary, envKeys } from './fixtures/stores.js';
import { openKeySource } from './master-key-source.js';
import { beginAuthorization, completeAuthorization } from './oauth/index.js';
import { rsaKeyPair } from './strategies/fixtures/rsa-keys.js';
import { sessionLogin, snowflakeKeyPairJwt } from './strategies/index.js';
import { CredentialStore } from './store.js';
import { strategyForMethod } from './strategy-for-method.js';
import { VaultCredentialStore } from './vault/vault-store.js';
import { VaultSandbox } from './vault/vault-sandbox.js';

const secret = (name: string) => ({ name, label: name, type: 'password' as const, secret: true });

describe('canary secrets never leave the credential code in the clear', () => {
  const canaries: string[] = [];
  const c = () => { const value = canary(); canaries.push(value); return value; };
  const { logger, lines } = capturingLogger();
  const errors = new ErrorLog();
  const keys = openKeySource({ dataDir: mkdtempSync(join(tmpdir(), 'forge-canary-')), mayGenerate: true });
  const vault = new VaultSandbox();
  const rsa = rsaKeyPair();
  let database: TestDatabase;
  let store: CredentialStore;
  let vendor: ScriptedServer;
  const issue = (): Record<string, unknown> => ({ access_token: c(), refresh_token: c(), expires_in: 3600 });
  const oauthMethod = (path: string) => authMethodSchema.parse({
    id: 'oauth', type: 'oauth2_authorization_code', label: 'OAuth', oauth: { authorizeUrl: 'https://auth.example.com/authorize', tokenUrl: `${vendor.url}${path}` },
  });

  beforeAll(async () => {
    database = await createTestDatabase();
    store = new CredentialStore(database.pool, keys);
    vendor = await startEchoVendor(() => issue());
    await vault.start();
  });
  afterAll(async () => {
    await vault.stop();
    await vendor.close();
    await database.close();
  });

  it('runs every strategy strategyForMethod builds, through the executor, on success and failure', async () => {
    const fetchToken = executorFetchToken(logger);
    const cases: Array<{ method: unknown; secrets: Record<string, string>; config?: Record<string, unknown> }> = [
      { method: { id: 'k', type: 'api_key', label: 'k', fields: [secret('apiKey')], placement: { in: 'header', name: 'X-API-Key' } }, secrets: { apiKey: c() } },
      { method: { id: 'q', type: 'api_key', label: 'q', fields: [secret('apiKey')], placement: { in: 'query', name: 'api_key' } }, secrets: { apiKey: c() } },
      { method: { id: 'u', type: 'api_key', label: 'u', fields: [secret('apiKey')], placement: { in: 'basic_user' } }, secrets: { apiKey: c() } },
      { method: { id: 'b', type: 'basic', label: 'b', fields: [secret('password')] }, secrets: { username: 'user', password: c() } },
      { method: { id: 't', type: 'bearer', label: 't', fields: [secret('token')] }, secrets: { token: c() } },
      { method: { id: 'cc', type: 'oauth2_client_credentials', label: 'cc', oauth: { tokenUrl: `${vendor.url}/token` } }, secrets: { clientId: 'cid', clientSecret: c() } },
      { method: { id: 'cr', type: 'oauth2_client_credentials', label: 'cr', oauth: { tokenUrl: `${vendor.url}/refuse` } }, secrets: { clientId: 'cid', clientSecret: c() } },
      { method: { id: 'o1', type: 'oauth1_tba', label: 'o1' }, secrets: { consumerKey: c(), consumerSecret: c(), tokenId: c(), tokenSecret: c() }, config: { accountId: '123' } },
      { method: { id: 's4', type: 'sigv4', label: 's4' }, secrets: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: c(), sessionToken: c() }, config: { region: 'us-east-1', service: 'execute-api' } },
      { method: { id: 'jb', type: 'jwt_bearer', label: 'jb', oauth: { tokenUrl: `${vendor.url}/token` } }, secrets: { clientId: 'cid', username: 'u', privateKey: rsa.pkcs8Pem } },
      { method: { id: 'ac', type: 'oauth2_authorization_code', label: 'ac', oauth: { authorizeUrl: 'https://auth.example.com/a', tokenUrl: 'https://auth.example.com/t' } }, secrets: { accessToken: c() } },
    ];
    for (const { method, secrets, config } of cases) {
      const auth = strategyForMethod({ method: authMethodSchema.parse(method), secrets, config: config ?? {}, fetchToken });
      for (const path of ['/echo', '/echo-503']) await callThroughExecutor(vendor, auth!, logger, errors, path);
    }
    const session = sessionLogin({ login: async () => ({ sessionId: c(), expiresAt: Date.now() + 60_000 }), apply: (req, id) => void (req.headers['x-session'] = id) });
    // Logged in before the executor call: see the known-leak test below for the first request.
    await session.authorize({ method: 'GET', url: new URL('https://api.example.com/'), headers: {} });
    await callThroughExecutor(vendor, session, logger, errors);
    await callThroughExecutor(vendor, snowflakeKeyPairJwt({ account: 'acme', user: 'u', privateKeyPem: rsa.pkcs8Pem }), logger, errors);
    expect(errors.errors.length).toBeGreaterThanOrEqual(cases.length * 2);
  });

  it('runs the authorization-code flow: a grant, a reused state, a refused code', async () => {
    const fetchToken = executorFetchToken(logger);
    for (const path of ['/token', '/refuse']) {
      const connection = await createTenant(database.pool);
      const method = oauthMethod(path);
      const begun = await beginAuthorization({ pool: database.pool, keys, method, connection, redirectUri: 'https://forge.example.com/cb', clientId: 'app' });
      const state = new URL(begun.url).searchParams.get('state');
      const complete = () => completeAuthorization({ store, keys, method, state, code: c(), clientId: 'app', clientSecret: c(), fetchToken });
      await errors.run(complete);
      await errors.run(complete);
    }
  });

  it('runs the refreshing strategy: a rotation, then a refused refresh token', async () => {
    for (const path of ['/token', '/refuse']) {
      const ref = await createTenant(database.pool);
      await store.write(ref, { accessToken: c(), refreshToken: c(), clientId: 'app', clientSecret: c(), expiresAt: new Date(Date.now() - 1000).toISOString() });
      const auth = strategyForMethod({ method: oauthMethod(path), secrets: {}, config: {}, fetchToken: executorFetchToken(logger), store, ref, logger });
      await callThroughExecutor(vendor, auth!, logger, errors);
    }
  });

  it('runs the Vault store through an outage, reconciliation, key rotation and a wrong key', async () => {
    const vaultStore = new VaultCredentialStore({ pool: database.pool, keys, vault: { addr: vault.url, token: vault.rootToken }, logger, probeMs: 0 });
    const port = Number(new URL(vault.url).port);
    const refs = [await createTenant(database.pool), await createTenant(database.pool)];
    for (const ref of refs) await vaultStore.write(ref, { apiKey: c() });
    await vault.stop();
    for (const ref of refs) {
      await vaultStore.write(ref, { apiKey: c() });
      await errors.run(() => vaultStore.read(ref));
    }
    await vault.start(port);
    expect((await vaultStore.reconcile()).remaining).toBe(0);
    for (const ref of refs) expect((await vaultStore.read(ref))?.secrets.apiKey).toMatch(/^canary-/);
    keys.rotate();
    await vaultStore.rotate();
    await errors.run(() => new CredentialStore(database.pool, envKeys().keys).verifyKey());
    await vaultStore.stop();
  });

  // A secret a strategy obtains during the first request (a session id, a fresh OAuth token)
  // must be known to the executor's scrubber when it writes the error: it looks them up late.
  it('scrubs a session id obtained during the first executor call from its log', async () => {
    const own = capturingLogger();
    const sessionId = canary();
    const session = sessionLogin({ login: async () => ({ sessionId, expiresAt: Date.now() + 60_000 }), apply: (req, id) => void (req.headers['x-session'] = id) });
    await callThroughExecutor(vendor, session, own.logger, new ErrorLog());
    expect(own.lines.filter((line) => line.includes(sessionId))).toEqual([]);
  });

  it('finds none of the canaries in a log line, an error or any column of the database', async () => {
    const needles = canaries.flatMap((value) => [value, Buffer.from(value).toString('base64').replace(/=+$/, '')]);
    const leaks = (texts: string[]) => texts.filter((text) => needles.some((n) => text.includes(n)));
    expect(canaries.length).toBeGreaterThan(30);
    expect(lines.length).toBeGreaterThan(20);
    expect(errors.errors.length).toBeGreaterThan(20);
    expect(leaks(lines)).toEqual([]);
    expect(leaks(errors.texts())).toEqual([]);
    // The scan itself works: it finds a plaintext value that is there.
    expect(await columnsContaining(database.pool, ['Test connection'])).toContain('connections.name');
    expect(await columnsContaining(database.pool, canaries)).toEqual([]);
    // And the canaries were really stored (encrypted): the store opens them.
    const { rows } = await database.pool.query<{ connection_id: string; workspace_id: string }>('select connection_id, workspace_id from credentials');
    const opened = await Promise.all(rows.map((r) => store.read({ workspaceId: r.workspace_id, connectionId: r.connection_id })));
    expect(opened.filter((o) => Object.values(o!.secrets).some((v) => canaries.includes(v)))).toHaveLength(rows.length);
  });
});
