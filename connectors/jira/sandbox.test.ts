/**
 * The sandbox speaks Jira: limits with Jira's headers (and the connector waits them out), the
 * enhanced search's rules (bounded JQL, tokens bound to their query, page caps, anonymous
 * callers seeing nothing), and users' privacy. jira.js, the established client, is not
 * installed here, so these checks stand in for its fidelity test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startJiraSandbox, type JiraSandbox } from './sandbox/index.js';
import { drain, idsOf, jiraContext, sourceOf } from './test-context.js';

const basic = (s: JiraSandbox) => `Basic ${Buffer.from(`${s.email}:${s.apiToken}`).toString('base64')}`;

async function call(s: JiraSandbox, path: string, init: { method?: string; body?: unknown; auth?: boolean } = {}) {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (init.auth !== false) headers.authorization = basic(s);
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${s.baseUrl}${path}`, { method: init.method ?? 'GET', headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
  const text = await res.text();
  let body: unknown = text;
  try { body = JSON.parse(text); } catch { /* plain text */ }
  return { status: res.status, headers: res.headers, body: body as Record<string, unknown> };
}

describe('the Jira sandbox: rate limits', () => {
  let sandbox: JiraSandbox;
  beforeAll(async () => { sandbox = await startJiraSandbox({ seed: { issues: 3 }, rateLimit: { burst: 5, burstWindowMs: 1000, perIssueWrites: 2, perIssueWindowMs: 60_000 } }); });
  afterAll(async () => sandbox.stop());

  it('limits bursts per endpoint and method with Jira headers, and the connector waits out Retry-After', async () => {
    const first = await call(sandbox, '/rest/api/3/myself');
    expect(first.headers.get('x-ratelimit-limit')).toBe('5');
    expect(first.headers.get('x-ratelimit-remaining')).toBe('4');
    for (let i = 0; i < 4; i++) await call(sandbox, '/rest/api/3/myself');
    const limited = await call(sandbox, '/rest/api/3/myself');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    expect(limited.headers.get('ratelimit-reason')).toBe('jira-burst-based');
    expect(limited.headers.get('x-ratelimit-reset')).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}Z$/);
    // Another endpoint has its own budget.
    expect((await call(sandbox, '/rest/api/3/users/search?maxResults=1')).status).toBe(200);
    const ctx = await jiraContext(sandbox);
    const check = await ctx.http.request({ url: '/rest/api/3/myself' });
    expect(check.ok).toBe(true);
    expect(check.attempts).toBeGreaterThan(1);
  });

  it('limits writes to one issue, naming the per-issue limit', async () => {
    const id = sandbox.store.issues.list()[0]!.id;
    for (let i = 0; i < 2; i++) expect((await call(sandbox, `/rest/api/3/issue/${id}`, { method: 'PUT', body: { fields: { summary: `Edit ${i}` } } })).status).toBe(204);
    const limited = await call(sandbox, `/rest/api/3/issue/${id}`, { method: 'PUT', body: { fields: { summary: 'One too many' } } });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('ratelimit-reason')).toBe('jira-per-issue-on-write');
  });
});

describe('the Jira sandbox: search and users', () => {
  let sandbox: JiraSandbox;
  beforeAll(async () => { sandbox = await startJiraSandbox({ seed: { issues: 120, users: 8 }, rateLimit: false }); });
  afterAll(async () => sandbox.stop());

  it('refuses unbounded JQL, and a token used with another query', async () => {
    expect((await call(sandbox, '/rest/api/3/search/jql?jql=ORDER%20BY%20key')).body).toEqual({ errorMessages: ['Unbounded JQL queries are not allowed here. Please add a search restriction to your query.'], errors: {}, warningMessages: [] });
    const jql = encodeURIComponent("project = SBX ORDER BY key ASC");
    const page = await call(sandbox, `/rest/api/3/search/jql?jql=${jql}&maxResults=10`);
    expect(page.body.issues).toHaveLength(10);
    expect(page.body.issues).toEqual(expect.arrayContaining([{ id: expect.any(String) }]));
    expect(page.body.isLast).toBe(false);
    const other = await call(sandbox, `/rest/api/3/search/jql?jql=${encodeURIComponent('project = OPS')}&nextPageToken=${String(page.body.nextPageToken)}`);
    expect(other.status).toBe(400);
  });

  it('caps pages with fields at 100, pages through every match by token, and names a missing issue in JQL', async () => {
    const body = { jql: "updated >= '-30d' ORDER BY updated ASC", maxResults: 500, fields: ['summary'] };
    const page = await call(sandbox, '/rest/api/3/search/jql', { method: 'POST', body });
    expect(page.body.issues).toHaveLength(100);
    const rest = await call(sandbox, '/rest/api/3/search/jql', { method: 'POST', body: { ...body, nextPageToken: page.body.nextPageToken } });
    expect(rest.body).toMatchObject({ isLast: true });
    expect(rest.body.nextPageToken).toBeUndefined();
    expect((rest.body.issues as unknown[]).length).toBe(20);
    const missing = await call(sandbox, '/rest/api/3/search/jql', { method: 'POST', body: { jql: 'issue in (SBX-1, SBX-9999)' } });
    expect(missing.body.errorMessages).toEqual(["An issue with key 'SBX-9999' does not exist for field 'issue'."]);
  });

  it('answers anonymous searches with nothing, and other anonymous calls with a plain 401', async () => {
    expect((await call(sandbox, '/rest/api/3/search/jql?jql=project%3DSBX', { auth: false })).body).toEqual({ issues: [], isLast: true });
    const me = await call(sandbox, '/rest/api/3/myself', { auth: false });
    expect(me).toMatchObject({ status: 401, body: 'Client must be authenticated to access this resource.' });
    expect(me.headers.get('x-seraph-loginreason')).toBe('AUTHENTICATED_FAILED');
  });

  it('lists users as a bare array, hiding emails the profile hides, and the connector reads them all', async () => {
    const users = (await call(sandbox, '/rest/api/3/users/search?startAt=0&maxResults=100')).body as unknown as Array<Record<string, unknown>>;
    expect(Array.isArray(users)).toBe(true);
    const hidden = sandbox.store.users.list({ filter: (u) => !u.data.emailVisible })[0]!;
    expect(users.find((u) => u.accountId === hidden.id)).not.toHaveProperty('emailAddress');
    const ctx = await jiraContext(sandbox);
    const read = await drain(sourceOf('users'), ctx, { cursor: null, mode: 'full' });
    expect(idsOf(read).length).toBe(users.filter((u) => u.accountType !== 'app').length);
  });
});
