import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.js';
import { createTenant } from '../../../test/support/tenancy.js';
import { authMethodSchema } from '../../registry/definition.js';
import { envKeys } from '../fixtures/stores.js';
import { fakeTokenEndpoint } from '../strategies/fixtures/token-endpoint.js';
import { pkceChallengeS256 } from '../strategies/index.js';
import { CredentialStore } from '../store.js';
import { beginAuthorization } from './begin-authorization.js';
import { completeAuthorization } from './complete-authorization.js';
import { stateKey } from './states.js';

const method = authMethodSchema.parse({
  id: 'oauth', type: 'oauth2_authorization_code', label: 'OAuth',
  oauth: { authorizeUrl: 'https://{subdomain}.example.com/oauth/authorize', tokenUrl: 'https://{subdomain}.example.com/oauth/token', scopes: ['crm.read', 'offline_access'] },
});
const config = { subdomain: 'acme' };
const REDIRECT = 'https://forge.example.com/oauth/callback';
const granted = { status: 200, body: { access_token: 'at-1', refresh_token: 'rt-1', expires_in: 3600, scope: 'crm.read' } };

describe('OAuth authorization-code flow service', () => {
  let database: TestDatabase;
  let store: CredentialStore;
  const { keys } = envKeys();

  beforeAll(async () => {
    database = await createTestDatabase();
    store = new CredentialStore(database.pool, keys);
  });
  afterAll(async () => database.close());

  async function begin() {
    const connection = await createTenant(database.pool);
    const started = await beginAuthorization({ pool: database.pool, keys, method, connection, redirectUri: REDIRECT, clientId: 'app-client', config });
    const url = new URL(started.url);
    return { connection, started, url, state: url.searchParams.get('state')! };
  }
  const complete = (state: string | undefined, code: string, fetchToken = fakeTokenEndpoint([granted]).fetchToken) =>
    completeAuthorization({ store, keys, method, state, code, clientId: 'app-client', clientSecret: 'app-secret', fetchToken, config });

  it('issues the vendor URL with PKCE S256 and keeps only a hashed state and an encrypted verifier, for 10 minutes', async () => {
    const { connection, started, url, state } = await begin();
    expect(`${url.origin}${url.pathname}`).toBe('https://acme.example.com/oauth/authorize');
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      response_type: 'code', client_id: 'app-client', redirect_uri: REDIRECT, scope: 'crm.read offline_access', code_challenge_method: 'S256',
    });
    const { rows } = await database.pool.query('select * from oauth_states where connection_id = $1', [connection.connectionId]);
    expect(rows).toHaveLength(1);
    expect(rows[0].state).toBe(stateKey(state));
    expect(rows[0].state).not.toBe(state);
    expect(started.expiresAt.getTime() - Date.now()).toBeGreaterThan(9 * 60_000);
    expect(started.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(10 * 60_000 + 5_000);
  });

  it('exchanges the code with the PKCE verifier, stores the token set with the app client, and marks the connection active', async () => {
    const { connection, url, state } = await begin();
    await database.pool.query(`update connections set status = 'needs_reauth', status_reason = 'x' where id = $1`, [connection.connectionId]);
    const endpoint = fakeTokenEndpoint([granted]);
    const result = await complete(state, 'the-code', endpoint.fetchToken);

    const sent = endpoint.calls[0]!;
    expect(sent.url).toBe('https://acme.example.com/oauth/token');
    expect(sent.form).toMatchObject({ grant_type: 'authorization_code', code: 'the-code', redirect_uri: REDIRECT, client_id: 'app-client', client_secret: 'app-secret' });
    expect(pkceChallengeS256(sent.form.code_verifier!)).toBe(url.searchParams.get('code_challenge'));
    expect(result).toMatchObject({ connection: { workspaceId: connection.workspaceId, connectionId: connection.connectionId }, version: 1, scope: 'crm.read' });
    expect(JSON.stringify(result)).not.toMatch(/at-1|rt-1|app-secret/);
    expect((await store.read(connection))?.secrets).toMatchObject({ accessToken: 'at-1', refreshToken: 'rt-1', clientId: 'app-client', clientSecret: 'app-secret' });
    const { rows } = await database.pool.query('select status, status_reason from connections where id = $1', [connection.connectionId]);
    expect(rows[0]).toEqual({ status: 'active', status_reason: null });
  });

  it('refuses a reused state and an unknown state with "state mismatch"', async () => {
    const { state } = await begin();
    await complete(state, 'code-1');
    await expect(complete(state, 'code-1')).rejects.toThrow(/^state mismatch: /);
    await expect(complete('never-issued', 'code-1')).rejects.toThrow(/^state mismatch: /);
    await expect(complete(undefined, 'code-1')).rejects.toThrow(/^state mismatch: /);
  });

  it('refuses an expired state, and consumes it', async () => {
    const { connection, state } = await begin();
    await database.pool.query(`update oauth_states set expires_at = now() - interval '1 second' where connection_id = $1`, [connection.connectionId]);
    const endpoint = fakeTokenEndpoint([granted]);
    await expect(complete(state, 'code', endpoint.fetchToken)).rejects.toThrow(/authorization request expired/);
    expect(endpoint.calls).toHaveLength(0);
    await expect(complete(state, 'code')).rejects.toThrow(/^state mismatch: /);
  });

  it('explains an expired or reused code (invalid_grant) without quoting the vendor', async () => {
    const { connection, state } = await begin();
    const endpoint = fakeTokenEndpoint([{ status: 400, body: { error: 'invalid_grant', error_description: 'code the-code already redeemed' } }]);
    await expect(complete(state, 'the-code', endpoint.fetchToken)).rejects.toThrow('the authorization code was refused (expired or already used)');
    expect(await store.configured(connection)).toBe(false);
  });

  it('refuses a callback that belongs to another connection than the browser session started', async () => {
    const { state } = await begin();
    const other = await createTenant(database.pool);
    await expect(completeAuthorization({
      store, keys, method, state, code: 'c', clientId: 'app-client', fetchToken: fakeTokenEndpoint([granted]).fetchToken, config, expected: other,
    })).rejects.toThrow(/^state mismatch: the callback belongs to another connection/);
  });
});
