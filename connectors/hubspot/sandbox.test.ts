/**
 * The sandbox's HubSpot behaviours a client depends on: rate limits and their headers (on an
 * injected clock, no ten-second sleeps), OAuth grants, batch and search limits, archive.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createAuthorizationRequest, exchangeCode, refreshAccessToken, type FetchToken } from '../../src/credentials/strategies/index.js';
import { ManualClock } from '../../src/sandbox/index.js';
import { hubspotSandboxFactory, startHubspotSandbox, type HubspotSandbox } from './sandbox/index.js';

let sandbox: HubspotSandbox;
afterEach(async () => sandbox?.stop());

function call(path: string, init: RequestInit & { token?: string; json?: unknown } = {}): Promise<Response> {
  const headers: Record<string, string> = { authorization: `Bearer ${init.token ?? sandbox.token}` };
  if (init.json !== undefined) headers['content-type'] = 'application/json';
  return fetch(`${sandbox.baseUrl}${path}`, { ...init, headers, body: init.json === undefined ? init.body : JSON.stringify(init.json) });
}

describe('rate limits', () => {
  it('answers the 101st call in ten seconds with 429, HubSpot\'s body and headers, and recovers when the window turns', async () => {
    const clock = new ManualClock(Date.UTC(2025, 0, 6, 9));
    sandbox = await startHubspotSandbox({ clock, seed: { contacts: 1 } });
    let last: Response | undefined;
    for (let i = 0; i < 100; i++) {
      last = await call('/crm/v3/objects/contacts?limit=1');
      expect(last.status).toBe(200);
    }
    expect(Object.fromEntries([...last!.headers].filter(([name]) => name.startsWith('x-hubspot-ratelimit')))).toEqual({
      'x-hubspot-ratelimit-max': '100', 'x-hubspot-ratelimit-remaining': '0', 'x-hubspot-ratelimit-interval-milliseconds': '10000',
      'x-hubspot-ratelimit-daily': '250000', 'x-hubspot-ratelimit-daily-remaining': '249900',
    });
    clock.advance(9_999);
    const refused = await call('/crm/v3/objects/contacts?limit=1');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('x-hubspot-ratelimit-remaining')).toBe('0');
    expect(await refused.json()).toEqual({
      status: 'error', message: 'You have reached your ten_secondly_rolling limit.', errorType: 'RATE_LIMIT',
      correlationId: expect.stringMatching(/^[0-9a-f-]{36}$/), policyName: 'TEN_SECONDLY_ROLLING',
    });
    clock.advance(1);
    const again = await call('/crm/v3/objects/contacts?limit=1');
    expect(again.status).toBe(200);
    expect(again.headers.get('x-hubspot-ratelimit-remaining')).toBe('99');
    expect(again.headers.get('x-hubspot-ratelimit-daily-remaining')).toBe('249899');
  });

  it('keeps search out of the ten-secondly count and limits it to five a second', async () => {
    const clock = new ManualClock();
    sandbox = await startHubspotSandbox({ clock });
    const search = () => call('/crm/v3/objects/contacts/search', { method: 'POST', json: { limit: 1 } });
    for (let i = 0; i < 5; i++) expect((await search()).status).toBe(200);
    const refused = await search();
    expect(refused.status).toBe(429);
    expect(await refused.json()).toMatchObject({ errorType: 'RATE_LIMIT', policyName: 'SECONDLY' });
    clock.advance(1000);
    expect((await search()).status).toBe(200);
    expect((await call('/crm/v3/objects/contacts')).headers.get('x-hubspot-ratelimit-remaining')).toBe('99');
  });
});

describe('OAuth', () => {
  const fetchToken: FetchToken = async (url, form, headers) => {
    const res = await fetch(url, { method: 'POST', body: form, headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers } });
    return { status: res.status, body: await res.json() };
  };

  it('runs the authorization-code flow with PKCE and consented scopes, then rotating refreshes, with invalid_grant for a spent refresh token', async () => {
    const clock = new ManualClock(Date.now());
    sandbox = await startHubspotSandbox({ clock });
    const { clientId, clientSecret } = sandbox.oauthClient;
    const redirectUri = 'https://forge.example/oauth/callback';
    const request = createAuthorizationRequest({ authorizeUrl: `${sandbox.baseUrl}/oauth/authorize`, clientId, redirectUri, scopes: ['crm.objects.contacts.read'] });
    const consent = await fetch(request.url, { redirect: 'manual' });
    const callback = new URL(consent.headers.get('location')!);
    expect(callback.searchParams.get('state')).toBe(request.state);
    const tokenUrl = `${sandbox.baseUrl}/oauth/v1/token`;
    const tokens = await exchangeCode({ tokenUrl, clientId, clientSecret, code: callback.searchParams.get('code')!, redirectUri, codeVerifier: request.codeVerifier, fetchToken, now: () => clock.now() });
    expect(tokens.expiresAt).toBe(clock.now() + 1800_000);
    const read = await call('/crm/v3/objects/contacts', { token: tokens.accessToken });
    expect(read.status).toBe(200);
    // HubSpot has no daily limit for OAuth calls, so no daily headers.
    expect(read.headers.get('x-hubspot-ratelimit-daily')).toBeNull();
    // Consent covered reading contacts only.
    const write = await call('/crm/v3/objects/contacts', { token: tokens.accessToken, method: 'POST', json: { properties: { email: 'x@example.com' } } });
    expect(write.status).toBe(403);
    expect(await write.json()).toMatchObject({ category: 'MISSING_SCOPES', errors: [{ context: { requiredGranularScopes: ['crm.objects.contacts.write'] } }] });

    const refreshed = await refreshAccessToken({ tokenUrl, clientId, clientSecret, refreshToken: tokens.refreshToken!, fetchToken });
    expect(refreshed.refreshToken).not.toBe(tokens.refreshToken);
    const spent = await fetchToken(tokenUrl, new URLSearchParams({ grant_type: 'refresh_token', client_id: clientId, client_secret: clientSecret, refresh_token: tokens.refreshToken! }));
    expect(spent).toEqual({ status: 400, body: { status: 'BAD_REFRESH_TOKEN', message: 'refresh token is invalid, expired or revoked', error: 'invalid_grant', error_description: 'refresh token is invalid, expired or revoked' } });
    await expect(refreshAccessToken({ tokenUrl, clientId, clientSecret, refreshToken: tokens.refreshToken!, fetchToken })).rejects.toMatchObject({ code: 'invalid_grant' });

    clock.advance(1801_000);
    const expired = await call('/crm/v3/objects/contacts', { token: refreshed.accessToken });
    expect(expired.status).toBe(401);
    expect(await expired.json()).toMatchObject({ category: 'EXPIRED_AUTHENTICATION' });
  });
});

describe('limits and semantics', () => {
  it('refuses more than 100 batch inputs with HubSpot\'s 400', async () => {
    sandbox = await startHubspotSandbox({ rateLimit: false });
    const res = await call('/crm/v3/objects/contacts/batch/read', { method: 'POST', json: { inputs: Array.from({ length: 101 }, (_, i) => ({ id: String(i) })), properties: [], propertiesWithHistory: [] } });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ status: 'error', category: 'VALIDATION_ERROR', message: 'The maximum number of inputs supported in a batch is 100. Please reduce the number of items and try again' });
  });

  it('answers 400 when a search pages beyond its result cap, and never shows archived records', async () => {
    sandbox = await startHubspotSandbox({ rateLimit: false, searchCap: 4, seed: { contacts: 6 } });
    const page = (after?: string) => call('/crm/v3/objects/contacts/search', { method: 'POST', json: { limit: 2, after } });
    expect(await (await page('2')).json()).toMatchObject({ total: 6, paging: { next: { after: '4' } } });
    expect((await page('4')).status).toBe(400);
    const [victim] = sandbox.store.liveIds('contacts');
    sandbox.archive('contacts', victim!);
    expect(await (await page()).json()).toMatchObject({ total: 5 });
    const archived = await (await call('/crm/v3/objects/contacts?archived=true')).json() as { results: Array<{ id: string; archived: boolean; archivedAt: string }> };
    expect(archived.results).toEqual([expect.objectContaining({ id: victim, archived: true, archivedAt: expect.stringMatching(/\.\d{3}Z$/) })]);
  });

  it('refuses a second contact with the same email with HubSpot\'s 409', async () => {
    sandbox = await startHubspotSandbox({ rateLimit: false });
    const first = await (await call('/crm/v3/objects/contacts', { method: 'POST', json: { properties: { email: 'Same@Example.com' } } })).json() as { id: string };
    const second = await call('/crm/v3/objects/contacts', { method: 'POST', json: { properties: { email: 'same@example.COM' } } });
    expect(second.status).toBe(409);
    expect(await second.json()).toMatchObject({ status: 'error', category: 'CONFLICT', message: `Contact already exists. Existing ID: ${first.id}` });
  });
});

describe('forge sandbox hubspot', () => {
  it('starts a seeded portal and hands out a private app token and an OAuth app', async () => {
    const running = await hubspotSandboxFactory({ port: 0 });
    try {
      expect(running.credentials).toEqual({ token: expect.stringMatching(/^pat-na1-/), clientId: expect.any(String), clientSecret: expect.any(String) });
      const res = await fetch(`${running.baseUrl}/crm/v3/objects/contacts?limit=100`, { headers: { authorization: `Bearer ${running.credentials.token}` } });
      expect(((await res.json()) as { results: unknown[] }).results.length).toBeGreaterThanOrEqual(25);
    } finally {
      await running.stop();
    }
  });
});
