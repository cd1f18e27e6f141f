/**
 * OAuth 2.0 authorization code with PKCE and state, end to end through the platform's routes
 * against the HubSpot sandbox's consent screen and token endpoint: authorize → the vendor's
 * redirect to our callback → tokens stored → a sync runs with them. A replayed callback is refused.
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHubspotSandbox, type HubspotSandbox } from '../../connectors/hubspot/sandbox/index.js';
import { servePlatform, type RunningPlatform } from '../../src/cli/serve.js';

const ADMIN = 'fw_oauth_test_key_0123456789abcdef';

describe('OAuth authorization-code flow', () => {
  const dir = mkdtempSync(join(tmpdir(), 'forge-oauth-'));
  chmodSync(dir, 0o755);
  let platform: RunningPlatform;
  let hubspot: HubspotSandbox;
  beforeAll(async () => {
    hubspot = await startHubspotSandbox({ seed: { contacts: 5 }, rateLimit: false });
    platform = await servePlatform({ port: 0, sandboxEgress: true, logLevel: 'warn' }, { FORGE_DATA_DIR: join(dir, 'forge'), FORGE_ADMIN_KEY: ADMIN });
  });
  afterAll(async () => { await platform.stop(); await hubspot.stop(); rmSync(dir, { recursive: true, force: true }); });

  const api = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${platform.url}${path}`, { method, headers: { authorization: `Bearer ${ADMIN}`, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  it('authorises through the vendor, stores the tokens and syncs with them; a replayed callback is refused', async () => {
    const org = await api('POST', '/api/v1/orgs', { name: 'OAuth org' });
    const ws = await api('POST', `/api/v1/orgs/${org.body.id}/workspaces`, { name: 'OAuth ws' });
    const conn = await api('POST', `/api/v1/workspaces/${ws.body.id}/connections`, {
      connectorId: 'hubspot', name: 'HubSpot via OAuth', authMethod: 'oauth', config: {},
      credentials: { clientId: hubspot.oauthClient.clientId, clientSecret: hubspot.oauthClient.clientSecret }, sandboxBaseUrl: hubspot.baseUrl,
    });
    expect(conn.status).toBe(201);
    const started = await api('POST', `/api/v1/workspaces/${ws.body.id}/connections/${conn.body.id}/authorize`);
    expect(started.status).toBe(200);
    const authorizeUrl = new URL(String(started.body.authorizeUrl));
    expect(authorizeUrl.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorizeUrl.searchParams.get('state')).toBeTruthy();

    // The browser at the vendor's consent screen: it redirects to our callback with code and state.
    const consent = await fetch(authorizeUrl, { redirect: 'manual' });
    const callback = consent.headers.get('location')!;
    expect(callback).toContain('/oauth/callback');
    const done = await fetch(callback, { redirect: 'manual' });
    expect(done.status).toBe(302);
    expect(done.headers.get('location')).toBe(`/connections/${conn.body.id}?connected=1`);

    const stream = await api('POST', `/api/v1/workspaces/${ws.body.id}/connections/${conn.body.id}/streams/contacts/runs`, {});
    expect(stream.status).toBeLessThan(300);
    const deadline = Date.now() + 20_000;
    let run: Record<string, unknown> | undefined;
    while (Date.now() < deadline) {
      const runs = await api('GET', `/api/v1/workspaces/${ws.body.id}/runs`);
      run = (runs.body.items as Array<Record<string, unknown>>).find((r) => r.status === 'succeeded' || r.status === 'failed');
      if (run) break;
      await new Promise((r) => setTimeout(r, 300));
    }
    expect(run?.status).toBe('succeeded');

    const replay = await fetch(callback, { redirect: 'manual' });
    expect(replay.status).toBe(400);
    expect(await replay.text()).toMatch(/state mismatch/);
    const secretsShown = JSON.stringify((await api('GET', `/api/v1/workspaces/${ws.body.id}/connections/${conn.body.id}`)).body);
    expect(secretsShown).not.toContain(hubspot.oauthClient.clientSecret);
  }, 60_000);
});
