/**
 * The sandbox's Dataverse and identity-platform behaviours a client depends on: the token
 * endpoint's grants and refusals, tokens bound to their resource, the two hosts' separate logs,
 * service protection limits (on an injected clock), change tracking's refusals and token expiry,
 * conditional writes, and `$batch` without `continue-on-error`.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/sandbox/index.js';
import { startDynamicsSandbox, type DynamicsSandbox } from './sandbox/index.js';

/** A bearer token from the sandbox's identity endpoint, asked for as an app asks for one. */
function tokenFor(sandbox: DynamicsSandbox, scope = `https://${sandbox.config.environmentHost}/.default`): Promise<Response> {
  const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: sandbox.app.clientId, client_secret: sandbox.app.clientSecret, scope });
  return fetch(`${sandbox.baseUrl}/${sandbox.app.tenantId}/oauth2/v2.0/token`, { method: 'POST', body: form });
}

let sandbox: DynamicsSandbox;
afterEach(async () => sandbox?.stop());

async function token(): Promise<string> {
  return ((await (await tokenFor(sandbox)).json()) as { access_token: string }).access_token;
}

async function call(path: string, init: { method?: string; json?: unknown; headers?: Record<string, string>; body?: string; bearer?: string } = {}): Promise<Response> {
  const headers: Record<string, string> = { authorization: `Bearer ${init.bearer ?? (await token())}`, accept: 'application/json', ...init.headers };
  if (init.json !== undefined) headers['content-type'] = 'application/json';
  return fetch(`${sandbox.baseUrl}/api/data/v9.2${path}`, { method: init.method ?? 'GET', headers, body: init.json === undefined ? init.body : JSON.stringify(init.json) });
}

describe('identity platform', () => {
  it('grants a bearer token for the environment and refuses bad clients, secrets and scopes the way Entra ID does', async () => {
    sandbox = await startDynamicsSandbox();
    const granted = await tokenFor(sandbox);
    expect(granted.status).toBe(200);
    expect(await granted.json()).toMatchObject({ token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: expect.stringMatching(/^eyJ/) });
    const form = (fields: Record<string, string>) => fetch(`${sandbox.baseUrl}/${sandbox.app.tenantId}/oauth2/v2.0/token`, { method: 'POST', body: new URLSearchParams({ grant_type: 'client_credentials', client_id: sandbox.app.clientId, client_secret: sandbox.app.clientSecret, scope: 'https://forgeworks.crm.dynamics.com/.default', ...fields }) });
    const wrongSecret = await form({ client_secret: 'nope' });
    expect(wrongSecret.status).toBe(401);
    expect(await wrongSecret.json()).toMatchObject({ error: 'invalid_client', error_codes: [7000215] });
    expect(await (await form({ client_id: '11111111-1111-4111-8111-111111111111' })).json()).toMatchObject({ error: 'unauthorized_client', error_codes: [700016] });
    expect(await (await form({ scope: 'https://forgeworks.crm.dynamics.com/user_impersonation' })).json()).toMatchObject({ error: 'invalid_scope', error_codes: [1002012] });
    // Token requests are the identity host's: Dataverse's log does not show them.
    expect(sandbox.server.identityLog).toHaveLength(4);
    expect(sandbox.server.requestLog).toHaveLength(0);
  });

  it('refuses a token issued for another resource with 401, WWW-Authenticate and no body', async () => {
    sandbox = await startDynamicsSandbox();
    const graph = ((await (await tokenFor(sandbox, 'https://graph.microsoft.com/.default')).json()) as { access_token: string }).access_token;
    const refused = await call('/WhoAmI', { bearer: graph });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toBe(`Bearer authorization_uri=https://login.microsoftonline.com/${sandbox.app.tenantId}/oauth2/authorize, resource_id=https://forgeworks.crm.dynamics.com/`);
    expect(await refused.text()).toBe('');
    expect(await (await call('/WhoAmI')).json()).toMatchObject({ UserId: sandbox.userId });
  });
});

describe('Dataverse Web API', () => {
  it('answers the request past the service protection limit with 429, Retry-After and 0x80072322, then recovers', async () => {
    const clock = new ManualClock(Date.UTC(2025, 0, 6, 9));
    sandbox = await startDynamicsSandbox({ clock, limits: { requests: 3, windowMs: 300_000 } });
    const bearer = await token();
    for (let i = 0; i < 3; i++) expect((await call('/WhoAmI', { bearer })).headers.get('x-ms-ratelimit-burst-remaining-xrm-requests')).toBe(String(2 - i));
    clock.advance(120_000);
    const limited = await call('/WhoAmI', { bearer });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('180');
    expect(await limited.json()).toEqual({ error: { code: '0x80072322', message: 'Number of requests exceeded the limit of 3 over time window of 300 seconds.' } });
    clock.advance(180_000);
    expect((await call('/WhoAmI', { bearer })).status).toBe(200);
  });

  it('refuses $filter with change tracking, and a delta token older than ExpireChangeTrackingInDays', async () => {
    const clock = new ManualClock(Date.UTC(2025, 0, 6, 9));
    sandbox = await startDynamicsSandbox({ clock, seed: { contacts: 2 }, expireDays: 7 });
    const bearer = await token();
    const refused = await call("/contacts?$filter=lastname eq 'x'", { bearer, headers: { prefer: 'odata.track-changes' } });
    expect(await refused.json()).toEqual({ error: { code: '0x80060888', message: 'The "$filter" query parameter isn\'t supported when Change Tracking is enabled.' } });
    const first = (await (await call('/contacts?$select=lastname', { bearer, headers: { prefer: 'odata.track-changes' } })).json()) as Record<string, string>;
    expect(first['@odata.deltaLink']).toMatch(/\$deltatoken=\d+!01%2F06%2F2025%2009%3A00%3A00$/);
    const delta = new URL(first['@odata.deltaLink']!);
    clock.advance(8 * 86_400_000);
    const expired = await fetch(delta, { headers: { authorization: `Bearer ${await token()}` } });
    expect(expired.status).toBe(400);
  });

  it('keeps upserts conditional: If-Match * never creates, If-None-Match * never updates, a stale ETag is refused', async () => {
    sandbox = await startDynamicsSandbox();
    const id = '6cd81853-7b75-e911-a97a-000d3a34a1bd';
    const patch = (headers: Record<string, string>, json: unknown = { lastname: 'Upserted' }) => call(`/contacts(${id})`, { method: 'PATCH', json, headers });
    const noCreate = await patch({ 'if-match': '*' });
    expect([noCreate.status, await noCreate.json()]).toEqual([404, { error: { code: '0x80040217', message: `contact With Id = ${id} Does Not Exist` } }]);
    const upsert = await patch({});
    expect(upsert.status).toBe(204);
    expect(upsert.headers.get('odata-entityid')).toBe(`${sandbox.baseUrl}/api/data/v9.2/contacts(${id})`);
    expect((await patch({ 'if-none-match': '*' })).status).toBe(412);
    expect((await patch({ 'if-match': 'W/"1"' })).status).toBe(412);
    const row = (await (await call(`/contacts(${id})?$select=fullname`)).json()) as Record<string, unknown>;
    expect(row).toMatchObject({ fullname: 'Upserted', contactid: id, '@odata.etag': expect.stringMatching(/^W\/"\d+"$/) });
  });

  it('ends a $batch at its first failure without continue-on-error, and answers that failure\'s status', async () => {
    sandbox = await startDynamicsSandbox();
    const part = (body: unknown) => ['--batch_x', 'Content-Type: application/http', 'Content-Transfer-Encoding: binary', '', 'POST /api/data/v9.2/contacts HTTP/1.1', 'Content-Type: application/json; type=entry', '', JSON.stringify(body)].join('\r\n');
    const body = `${[part({ lastname: 'L'.repeat(60) }), part({ lastname: 'Fine' })].join('\r\n')}\r\n--batch_x--\r\n`;
    const answer = await call('/$batch', { method: 'POST', body, headers: { 'content-type': 'multipart/mixed; boundary="batch_x"' } });
    expect(answer.status).toBe(400);
    const text = await answer.text();
    expect(text.match(/HTTP\/1\.1 \d{3}/g)).toEqual(['HTTP/1.1 400']);
    expect(text).toContain("The length of the 'lastname' attribute of the 'contact' entity exceeded the maximum allowed length of '50'.");
    expect(sandbox.liveIds('contacts')).toHaveLength(0);
  });
});
