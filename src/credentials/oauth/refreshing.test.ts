import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.js';
import { createTenant } from '../../../test/support/tenancy.js';
import { apiRequest, envKeys, seedTokenSet } from '../fixtures/stores.js';
import { fakeTokenEndpoint } from '../strategies/fixtures/token-endpoint.js';
import { isAuthError } from '../strategies/index.js';
import type { CredentialBackend } from '../backend.js';
import { CredentialStore, type CredentialRef } from '../store.js';
import { oauth2Refreshing } from './refreshing.js';

const TOKEN_URL = 'https://login.example.com/oauth/token';
const rotated = (n: number) => ({ status: 200, body: { access_token: `at-${n}`, refresh_token: `rt-${n}`, expires_in: 3600 } });

describe('oauth2Refreshing', () => {
  let database: TestDatabase;
  let store: CredentialStore;
  const { keys } = envKeys();
  const newRef = async (): Promise<CredentialRef> => createTenant(database.pool);
  const authorize = async (strategy: ReturnType<typeof oauth2Refreshing>) => {
    const req = apiRequest();
    await strategy.authorize(req);
    return req.headers.Authorization;
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    store = new CredentialStore(database.pool, keys);
  });
  afterAll(async () => database.close());

  it('sends the stored token while it is outside the refresh-ahead window', async () => {
    const ref = await newRef();
    await seedTokenSet(store, ref, { accessToken: 'at-1', refreshToken: 'rt-1', expiresInSeconds: 3600 });
    const endpoint = fakeTokenEndpoint([rotated(2)]);
    const strategy = oauth2Refreshing({ store, ref, tokenUrl: TOKEN_URL, refreshAheadSeconds: 120, fetchToken: endpoint.fetchToken });
    expect(await authorize(strategy)).toBe('Bearer at-1');
    expect(endpoint.calls).toHaveLength(0);
  });

  it('refreshes ahead of expiry and stores the rotated refresh token before using the new access token', async () => {
    const ref = await newRef();
    await seedTokenSet(store, ref, { accessToken: 'at-1', refreshToken: 'rt-1', expiresInSeconds: 60 });
    const events: string[] = [];
    const recording: CredentialBackend = Object.assign(Object.create(store) as CredentialStore, {
      write: async (...args: Parameters<CredentialStore['write']>) => {
        const version = await store.write(...args);
        events.push(`stored ${args[1].refreshToken}`);
        return version;
      },
    });
    const endpoint = fakeTokenEndpoint([rotated(2)]);
    const strategy = oauth2Refreshing({ store: recording, ref, tokenUrl: TOKEN_URL, refreshAheadSeconds: 120, fetchToken: endpoint.fetchToken });
    const header = await authorize(strategy);
    events.push(`sent ${header}`);
    expect(events).toEqual(['stored rt-2', 'sent Bearer at-2']);
    expect(endpoint.calls[0]?.form).toMatchObject({ grant_type: 'refresh_token', refresh_token: 'rt-1', client_id: 'app-client', client_secret: 'app-secret' });
    expect((await store.read(ref))?.secrets).toMatchObject({ accessToken: 'at-2', refreshToken: 'rt-2' });
    expect(strategy.secrets()).toEqual(expect.arrayContaining(['at-2', 'rt-2', 'app-secret']));
  });

  it('marks the connection needs_reauth on invalid_grant, names it, and never resends the dead token', async () => {
    const ref = await newRef();
    await seedTokenSet(store, ref, { accessToken: 'at-1', refreshToken: 'rt-dead', expiresInSeconds: -10 });
    const endpoint = fakeTokenEndpoint([{ status: 400, body: { error: 'invalid_grant', error_description: 'refresh token rt-dead revoked' } }]);
    const strategy = oauth2Refreshing({ store, ref, tokenUrl: TOKEN_URL, fetchToken: endpoint.fetchToken });
    const error = await strategy.authorize(apiRequest()).catch((e: unknown) => e);
    expect(isAuthError(error) && error.kind === 'permanent' && error.reauthRequired).toBe(true);
    expect((error as Error).message).toContain(`"Test connection" (${ref.connectionId}) needs to be authorised again`);
    expect((error as Error).message).not.toContain('rt-dead');
    const { rows } = await database.pool.query('select status, status_reason from connections where id = $1', [ref.connectionId]);
    expect(rows[0]).toMatchObject({ status: 'needs_reauth', status_reason: expect.stringContaining('invalid_grant') });
    // A second worker (a fresh strategy) fails fast from the stored marker.
    const again = oauth2Refreshing({ store, ref, tokenUrl: TOKEN_URL, fetchToken: endpoint.fetchToken });
    await expect(again.authorize(apiRequest())).rejects.toThrow(/needs to be authorised again/);
    expect(endpoint.calls).toHaveLength(1);
  });

  it('waits while another worker holds the lease and uses the token that worker stored', async () => {
    const ref = await newRef();
    const version = await seedTokenSet(store, ref, { accessToken: 'at-1', refreshToken: 'rt-1', expiresInSeconds: -10 });
    await database.pool.query(`insert into credential_leases values ($1, 'other-worker', now() + interval '5 seconds')`, [ref.connectionId]);
    const endpoint = fakeTokenEndpoint([rotated(9)]);
    const strategy = oauth2Refreshing({ store, ref, tokenUrl: TOKEN_URL, fetchToken: endpoint.fetchToken, pollMs: 20 });
    const pending = authorize(strategy);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const current = (await store.read(ref))!.secrets;
    await store.write(ref, { ...current, accessToken: 'at-other', refreshToken: 'rt-other', expiresAt: new Date(Date.now() + 3600_000).toISOString() }, version);
    expect(await pending).toBe('Bearer at-other');
    expect(endpoint.calls).toHaveLength(0);
  });

  it('takes over a lease whose holder died (expired) and refreshes itself', async () => {
    const ref = await newRef();
    await seedTokenSet(store, ref, { accessToken: 'at-1', refreshToken: 'rt-1', expiresInSeconds: -10 });
    await database.pool.query(`insert into credential_leases values ($1, 'crashed-worker', now() - interval '1 second')`, [ref.connectionId]);
    const endpoint = fakeTokenEndpoint([rotated(2)]);
    const strategy = oauth2Refreshing({ store, ref, tokenUrl: TOKEN_URL, fetchToken: endpoint.fetchToken });
    expect(await authorize(strategy)).toBe('Bearer at-2');
    const { rowCount } = await database.pool.query('select 1 from credential_leases where connection_id = $1', [ref.connectionId]);
    expect(rowCount).toBe(0);
  });

  it('holds no pooled connection during the token round trip (a pool of one stays usable)', async () => {
    const ref = await newRef();
    await seedTokenSet(store, ref, { accessToken: 'at-1', refreshToken: 'rt-1', expiresInSeconds: -10 });
    const tiny = new pg.Pool({ connectionString: database.url, max: 1, connectionTimeoutMillis: 2000 });
    try {
      const tinyStore = new CredentialStore(tiny, keys);
      const endpoint = fakeTokenEndpoint([() => rotated(2)]);
      const fetchToken: typeof endpoint.fetchToken = async (url, form, headers) => {
        // Times out waiting for a connection if the refresher held the only one.
        const { rows } = await tiny.query<{ ok: number }>('select 1 as ok');
        expect(rows[0]?.ok).toBe(1);
        return endpoint.fetchToken(url, form, headers);
      };
      const strategy = oauth2Refreshing({ store: tinyStore, ref, tokenUrl: TOKEN_URL, fetchToken });
      expect(await authorize(strategy)).toBe('Bearer at-2');
    } finally {
      await tiny.end();
    }
  });

  it('refreshes again after invalidate() even though the expiry says the token is valid', async () => {
    const ref = await newRef();
    await seedTokenSet(store, ref, { accessToken: 'at-1', refreshToken: 'rt-1', expiresInSeconds: 3600 });
    const endpoint = fakeTokenEndpoint([rotated(2)]);
    const strategy = oauth2Refreshing({ store, ref, tokenUrl: TOKEN_URL, fetchToken: endpoint.fetchToken });
    expect(await authorize(strategy)).toBe('Bearer at-1');
    strategy.invalidate!();
    expect(await authorize(strategy)).toBe('Bearer at-2');
    expect(endpoint.calls).toHaveLength(1);
  });
});
