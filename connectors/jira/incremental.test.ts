/**
 * What makes Jira reads tricky, pinned: JQL date bounds are read in the API user's zone at
 * minute resolution (so they are written in that zone, rounded down, and what the rounding
 * over-fetches is dropped); a `nextPageToken` Jira no longer knows restarts the search at the
 * high-water mark; a full read's checkpoint is never later than its start; users, which carry
 * no modification time, are compared by fingerprint.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from '../../src/registry/index.js';
import { ManualClock } from '../../src/sandbox/index.js';
import { startJiraSandbox, type JiraSandbox } from './sandbox/index.js';
import { drain, idsOf, jiraContext, sourceOf, tombstonesOf } from './test-context.js';

const JULY_NOON = Date.UTC(2024, 6, 1, 12, 0, 0);
let sandbox: JiraSandbox | undefined;
afterEach(async () => { await sandbox?.stop(); sandbox = undefined; });

describe('issues: JQL bounds', () => {
  it("writes the bound in the API user's zone, rounded down to the minute, and drops what the rounding over-fetches", async () => {
    // Three issues updated at 11:30, 11:40 and 11:50 UTC; the user is in Los Angeles (UTC-7 in July).
    sandbox = await startJiraSandbox({ clock: new ManualClock(JULY_NOON), seed: { issues: 3 }, rateLimit: false });
    const ctx = await jiraContext(sandbox);
    const [, second, third] = sandbox.store.issues.list({ sortBy: 'updatedAt' });
    sandbox.server.clearLog();
    // Checkpoint 11:45:40 minus the 5-minute lookback: 11:40:40 UTC, 04:40:40 in Los Angeles.
    const pages = await drain(sourceOf('issues'), ctx, { cursor: { since: '2024-07-01T11:45:40.000Z' }, mode: 'incremental' });
    const search = sandbox.server.requestLog.find((r) => r.path === '/rest/api/3/search/jql')!;
    expect(search.query.jql).toBe("updated >= '2024-07-01 04:40' ORDER BY updated ASC, key ASC");
    // The query reaches back to 04:40:00 and Jira serves the 11:40:00 issue; it is older than the bound.
    const served = await ctx.http.request<{ issues: unknown[] }>({ url: '/rest/api/3/search/jql', query: { jql: search.query.jql!, fields: 'updated' } });
    expect(served.body!.issues).toHaveLength(2);
    expect(idsOf(pages)).toEqual([third!.id]);
    expect(idsOf(pages)).not.toContain(second!.id);
    expect(pages.at(-1)!.cursor).toEqual({ since: new Date(third!.updatedAt).toISOString() });
  });

  it('steps the bound back two hours next to a DST change, where a local time can name two instants', async () => {
    // 2024-11-03 01:30 happens twice in Los Angeles; Jira may read it as the later one.
    sandbox = await startJiraSandbox({ clock: new ManualClock(Date.UTC(2024, 10, 3, 9, 0)), rateLimit: false });
    const ctx = await jiraContext(sandbox);
    sandbox.server.clearLog();
    await drain(sourceOf('issues'), ctx, { cursor: { since: '2024-11-03T08:35:00.000Z' }, mode: 'incremental' });
    // 08:30 UTC is 01:30 PDT; two hours earlier is 23:30 PDT the day before.
    expect(sandbox.server.requestLog.find((r) => r.path === '/rest/api/3/search/jql')!.query.jql).toBe("updated >= '2024-11-02 23:30' ORDER BY updated ASC, key ASC");
  });
});

describe('issues: resuming', () => {
  it('restarts at the high-water mark when Jira no longer knows the saved nextPageToken, losing nothing', async () => {
    const clock = new ManualClock(JULY_NOON);
    sandbox = await startJiraSandbox({ clock, seed: { issues: 250 }, rateLimit: false });
    const ctx = await jiraContext(sandbox);
    const first = await sourceOf('issues').read(ctx, { cursor: null, mode: 'full' })[Symbol.asyncIterator]().next();
    const page = first.value as Page;
    expect(page.records).toHaveLength(100);
    clock.advance(8 * 86_400_000); // tokens live 7 days
    sandbox.server.clearLog();
    const rest = await drain(sourceOf('issues'), ctx, { cursor: page.cursor, mode: 'full' });
    const log = sandbox.server.requestLog.filter((r) => r.path === '/rest/api/3/search/jql');
    expect(log[0]).toMatchObject({ status: 400, query: { nextPageToken: expect.any(String) } });
    expect(log[1]!.query.nextPageToken).toBeUndefined();
    const all = new Set([...page.records.map((r) => r.id), ...idsOf(rest)]);
    expect([...all].sort()).toEqual(sandbox.store.issues.list().map((e) => e.id).sort());
    // Restarted at the last issue committed: at most that one is read twice.
    expect(idsOf(rest).length).toBeLessThanOrEqual(151);
  });

  it("leaves a full read's checkpoint no later than its start, and reads an issue changed mid-read again", async () => {
    sandbox = await startJiraSandbox({ seed: { issues: 150 }, rateLimit: false });
    const ctx = await jiraContext(sandbox);
    const started = Date.now();
    const pages: Page[] = [];
    for await (const page of sourceOf('issues').read(ctx, { cursor: null, mode: 'full' })) {
      if (pages.length === 0) sandbox.touch('issues', page.records[0]!.id);
      pages.push(page);
    }
    const touched = pages[0]!.records[0]!.id;
    expect(idsOf(pages.slice(1))).toContain(touched);
    const since = Date.parse((pages.at(-1)!.cursor as { since: string }).since);
    expect(since).toBeLessThanOrEqual(Date.now());
    expect(since).toBeGreaterThanOrEqual(started - 1000);
    expect(since).toBeLessThanOrEqual(Math.max(...sandbox.store.issues.list().map((e) => e.updatedAt)));
  });
});

describe('users: fingerprints', () => {
  it('yields only changed accounts, deactivated ones as tombstones, and those gone from the list', async () => {
    sandbox = await startJiraSandbox({ seed: { users: 20 }, rateLimit: false });
    const ctx = await jiraContext(sandbox);
    const full = await drain(sourceOf('users'), ctx, { cursor: null, mode: 'full' });
    const people = sandbox.store.users.list({ filter: (u) => u.data.accountType === 'atlassian' }).map((u) => u.id);
    expect(idsOf(full).sort()).toEqual([...people].sort());
    const [edited, deleted, vanished] = people.slice(2);
    sandbox.touch('users', edited!);
    sandbox.remove('users', deleted!);
    sandbox.store.users.remove(vanished!);
    const changes = await drain(sourceOf('users'), ctx, { cursor: full.at(-1)!.cursor, mode: 'incremental' });
    expect(idsOf(changes)).toEqual([edited]);
    expect(tombstonesOf(changes).sort()).toEqual([deleted, vanished].sort());
    // Nothing changed since: nothing to report.
    const quiet = await drain(sourceOf('users'), ctx, { cursor: changes.at(-1)!.cursor, mode: 'incremental' });
    expect(quiet.flatMap((p) => p.records)).toEqual([]);
  });
});
