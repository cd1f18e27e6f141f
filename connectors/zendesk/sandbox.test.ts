/**
 * The sandbox's Zendesk behaviours a client depends on, at Zendesk's own values: the 10-a-minute
 * export limit with its 429 and Retry-After (on an injected clock, no minute-long sleeps), the
 * account headers, the one-minute export delay, API-token auth, background jobs, export paging.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/sandbox/index.js';
import { startZendeskSandbox, type ZendeskSandbox } from './sandbox/index.js';

let sandbox: ZendeskSandbox;
afterEach(async () => sandbox?.stop());

function call(path: string, init: RequestInit & { json?: unknown; auth?: string } = {}): Promise<Response> {
  const headers: Record<string, string> = { authorization: init.auth ?? `Basic ${Buffer.from(`${sandbox.email}/token:${sandbox.apiToken}`).toString('base64')}` };
  if (init.json !== undefined) headers['content-type'] = 'application/json';
  return fetch(`${sandbox.baseUrl}${path}`, { ...init, headers, body: init.json === undefined ? init.body : JSON.stringify(init.json) });
}

const startTime = (clock: ManualClock, agoMs: number) => Math.floor((clock.now() - agoMs) / 1000);

describe('rate limits', () => {
  it('answers the 11th export in a minute with Zendesk\'s 429 and Retry-After, and recovers when the minute turns', async () => {
    const clock = new ManualClock(Date.UTC(2025, 0, 6, 9));
    sandbox = await startZendeskSandbox({ clock, seed: { users: 2 } });
    const path = `/api/v2/incremental/users/cursor.json?start_time=${startTime(clock, 3_600_000)}`;
    for (let i = 0; i < 10; i++) expect((await call(path)).status).toBe(200);
    clock.advance(45_000);
    const refused = await call(path);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('15');
    expect(await refused.json()).toEqual({ error: 'APIRateLimitExceeded', description: 'Number of allowed incremental export API requests per minute exceeded' });
    // Other endpoints are not held back by the export limit, and carry the account headers.
    const me = await call('/api/v2/users/me.json');
    expect(me.status).toBe(200);
    expect(Object.fromEntries([...me.headers].filter(([name]) => name.includes('rate')))).toEqual({
      'x-rate-limit': '700', 'x-rate-limit-remaining': '689', 'ratelimit-limit': '700', 'ratelimit-remaining': '689', 'ratelimit-reset': '15',
    });
    clock.advance(15_000);
    expect((await call(path)).status).toBe(200);
  });
});

describe('incremental exports', () => {
  it('leaves the last minute out and refuses a start_time inside it', async () => {
    const clock = new ManualClock(Date.UTC(2025, 0, 6, 9));
    sandbox = await startZendeskSandbox({ clock, seed: { users: 3 } });
    const [id] = sandbox.store.liveIds('users');
    clock.advance(5_000);
    sandbox.touch('users', id!);
    const since = startTime(clock, 120_000);
    const read = async () => ((await (await call(`/api/v2/incremental/users/cursor.json?start_time=${since}`)).json()) as { users: Array<{ id: number }> }).users.map((u) => String(u.id));
    expect(await read()).not.toContain(id);
    clock.advance(60_001);
    expect(await read()).toContain(id);
    const tooRecent = await call(`/api/v2/incremental/users/cursor.json?start_time=${startTime(clock, 30_000)}`);
    expect(tooRecent.status).toBe(400);
    expect(await tooRecent.json()).toMatchObject({ error: 'InvalidValue', details: { start_time: [{ error: 'InvalidValue' }] } });
  });

  it('pages a cursor-based export with after_cursor and end_of_stream, and the last cursor continues later', async () => {
    const clock = new ManualClock(Date.UTC(2025, 0, 6, 9));
    sandbox = await startZendeskSandbox({ clock, seed: { tickets: 5 } });
    const first = await (await call(`/api/v2/incremental/tickets/cursor.json?start_time=0&per_page=3`)).json() as Record<string, unknown>;
    expect(first).toMatchObject({ end_of_stream: false, after_cursor: expect.any(String), after_url: expect.stringContaining('cursor=') });
    expect(Buffer.from(String(first.after_cursor), 'base64').toString()).toMatch(/^\d+\.\d+\|\|\d+\|$/);
    const second = await (await call(`/api/v2/incremental/tickets/cursor.json?cursor=${encodeURIComponent(String(first.after_cursor))}&per_page=3`)).json() as { tickets: Array<{ generated_timestamp: number }>; end_of_stream: boolean; after_cursor: string };
    expect(second.tickets).toHaveLength(2);
    expect(second.end_of_stream).toBe(true);
    sandbox.touch('tickets', sandbox.store.liveIds('tickets')[0]!);
    clock.advance(61_000);
    const later = await (await call(`/api/v2/incremental/tickets/cursor.json?cursor=${encodeURIComponent(second.after_cursor)}`)).json() as { tickets: unknown[] };
    expect(later.tickets).toHaveLength(1);
  });

  it('pages organizations by time: end_time, next_page from it, end_of_stream below a full page', async () => {
    sandbox = await startZendeskSandbox({ seed: { organizations: 4 } });
    const page = await (await call('/api/v2/incremental/organizations.json?start_time=0&per_page=3')).json() as { count: number; end_time: number; next_page: string; end_of_stream: boolean };
    expect(page).toMatchObject({ count: 3, end_of_stream: false });
    expect(page.next_page).toContain(`start_time=${page.end_time}`);
  });
});

describe('auth, jobs and deleted tickets', () => {
  it('answers a bad token and password Basic auth with Zendesk\'s 401, and serves paths with or without .json', async () => {
    sandbox = await startZendeskSandbox();
    for (const auth of [`Basic ${Buffer.from(`${sandbox.email}/token:wrong`).toString('base64')}`, `Basic ${Buffer.from(`${sandbox.email}:a-password`).toString('base64')}`]) {
      const refused = await call('/api/v2/users/me.json', { auth });
      expect(refused.status).toBe(401);
      expect(await refused.json()).toEqual({ error: "Couldn't authenticate you" });
    }
    expect((await call('/api/v2/users/me')).status).toBe(200);
    expect((await call('/api/v2/nothing/here.json')).status).toBe(404);
  });

  it('runs create_many as a job: queued, then working, then completed with per-record results; writes land when it completes', async () => {
    const clock = new ManualClock(Date.UTC(2025, 0, 6, 9));
    sandbox = await startZendeskSandbox({ clock, jobDelayMs: 1000 });
    const queued = await (await call('/api/v2/users/create_many.json', { method: 'POST', json: { users: [{ name: 'A', email: 'a@example.com' }, { name: 'B', email: 'nope' }] } })).json() as { job_status: { id: string; status: string; url: string } };
    expect(queued.job_status).toMatchObject({ status: 'queued', url: expect.stringContaining(`/api/v2/job_statuses/${queued.job_status.id}.json`) });
    const poll = async () => ((await (await call(`/api/v2/job_statuses/${queued.job_status.id}.json`)).json()) as { job_status: Record<string, unknown> }).job_status;
    clock.advance(600);
    expect(await poll()).toMatchObject({ status: 'working', results: null });
    expect(sandbox.store.users.size).toBe(0);
    clock.advance(400);
    expect(await poll()).toMatchObject({
      status: 'completed', total: 2, progress: 2,
      results: [{ index: 0, status: 'Created', email: 'a@example.com', id: expect.any(Number) }, { index: 1, status: 'Failed', error: 'RecordInvalid', details: 'Email: nope is not properly formatted' }],
    });
    expect(sandbox.store.users.size).toBe(1);
    const tooMany = await call('/api/v2/users/create_many.json', { method: 'POST', json: { users: Array.from({ length: 101 }, (_, i) => ({ name: `U${i}` })) } });
    expect(tooMany.status).toBe(400);
  });

  it('lists deleted tickets newest first with cursor pagination, at most 100 a page', async () => {
    sandbox = await startZendeskSandbox({ seed: { tickets: 3 } });
    for (const id of sandbox.store.liveIds('tickets')) sandbox.remove('tickets', id);
    const body = await (await call('/api/v2/deleted_tickets.json?sort_by=deleted_at&sort_order=desc&page[size]=2')).json() as { deleted_tickets: Array<{ id: number }>; meta: { has_more: boolean } };
    expect(body.deleted_tickets).toHaveLength(2);
    expect(body.meta.has_more).toBe(true);
    expect((await call('/api/v2/deleted_tickets.json?page[size]=101')).status).toBe(400);
    // Its own limit: 10 a minute.
    for (let i = 0; i < 8; i++) expect((await call('/api/v2/deleted_tickets.json?page[size]=100')).status).toBe(200);
    const refused = await call('/api/v2/deleted_tickets.json?page[size]=100');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
