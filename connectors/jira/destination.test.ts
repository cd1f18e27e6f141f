/**
 * The issue destination beyond the shared suite: status written through a workflow transition
 * (and refused, naming the field, when no transition leads there), a delete confirmed by the
 * read after it (Jira's 404 body; a JQL naming a gone issue is refused whole, so reads fall
 * back to one issue at a time), bulk creates of more than 50, descriptions as ADF on the wire,
 * read-after-write through `reconcileIssues`, and restore by re-creating.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WriteOutcome } from '../../src/registry/index.js';
import { startJiraSandbox, type JiraSandbox } from './sandbox/index.js';
import { issueDestination, jiraContext } from './test-context.js';

const dest = issueDestination();
const idOf = (outcome: WriteOutcome | undefined) => {
  if (!outcome?.ok) throw new Error(`write failed: ${outcome && !outcome.ok ? outcome.error.message : 'no outcome'}`);
  return outcome.id;
};

describe('issues as a destination', () => {
  let sandbox: JiraSandbox;
  beforeAll(async () => { sandbox = await startJiraSandbox({ searchLagMs: 60_000, rateLimit: false }); });
  afterAll(async () => sandbox.stop());

  it('sends the description as ADF and reads it back as text, through reconcileIssues despite the search lag', async () => {
    const ctx = await jiraContext(sandbox);
    sandbox.server.clearLog();
    const id = idOf((await dest.create(ctx, [{ summary: 'ADF on the wire', description: 'One\nTwo\n\nThree' }], { idempotencyKeys: ['k'] }))[0]);
    const bulk = sandbox.server.requestLog.find((r) => r.path === '/rest/api/3/issue/bulk')!;
    expect(bulk.body).toEqual({ issueUpdates: [{ fields: {
      summary: 'ADF on the wire', project: { key: 'SBX' }, issuetype: { name: 'Task' },
      description: { type: 'doc', version: 1, content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'One' }, { type: 'hardBreak' }, { type: 'text', text: 'Two' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'Three' }] },
      ] },
    } }] });
    // The search index trails writes by a minute here; reconcileIssues reads this issue fresh.
    const plain = await ctx.http.request<{ issues: unknown[] }>({ method: 'POST', url: '/rest/api/3/search/jql', json: { jql: `issue in (${id})`, fields: ['summary'] } });
    expect(plain.body!.issues).toEqual([]);
    const read = (await dest.get(ctx, [id])).get(id)!;
    expect(read).toMatchObject({ id, key: expect.stringMatching(/^SBX-\d+$/), summary: 'ADF on the wire', description: 'One\nTwo\n\nThree', status: 'To Do', issuetype: 'Task', project: 'SBX' });
  });

  it('moves an issue to a status by a transition, and names the field when no transition leads there', async () => {
    const ctx = await jiraContext(sandbox);
    const [a, b] = (await dest.create(ctx, [{ summary: 'Start me' }, { summary: 'Finish me at once' }], { idempotencyKeys: ['a', 'b'] })).map(idOf);
    sandbox.server.clearLog();
    const outcomes = await dest.update(ctx, [{ id: a!, fields: { status: 'in progress', priority: 'Low' } }, { id: b!, fields: { status: 'Done' } }]);
    expect(outcomes[0]).toEqual({ ok: true, id: a });
    const transitions = sandbox.server.requestLog.filter((r) => r.method === 'POST' && r.path.endsWith('/transitions'));
    expect(transitions.map((r) => r.body)).toEqual([{ transition: { id: '21' } }]);
    const refused = outcomes[1]!;
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.kind).toBe('validation');
      expect(refused.error.fields).toEqual([{ field: 'status', message: 'no transition leads to "Done"; reachable: In Progress' }]);
    }
    const read = await dest.get(ctx, [a!, b!]);
    expect(read.get(a!)).toMatchObject({ status: 'In Progress', priority: 'Low' });
    expect(read.get(b!)).toMatchObject({ status: 'To Do' });
  });

  it('deletes again an issue created with a status it cannot reach, and reports the record failed', async () => {
    const ctx = await jiraContext(sandbox);
    const before = sandbox.store.issues.size;
    const [outcome] = await dest.create(ctx, [{ summary: 'Born done', status: 'Done' }], { idempotencyKeys: ['d'] });
    expect(outcome).toMatchObject({ ok: false, error: { kind: 'validation', fields: [{ field: 'status' }] } });
    expect(sandbox.store.issues.size).toBe(before);
  });

  it('confirms a delete by reading after it: 404 with Jira\'s body, and the batch read falls back issue by issue', async () => {
    const ctx = await jiraContext(sandbox);
    const [gone, kept] = (await dest.create(ctx, [{ summary: 'Delete me' }, { summary: 'Keep me' }], { idempotencyKeys: ['x', 'y'] })).map(idOf);
    expect(await dest.delete(ctx, [gone!])).toEqual([{ ok: true, id: gone }]);
    const direct = await ctx.http.request({ url: `/rest/api/3/issue/${gone}` });
    expect(direct.status).toBe(404);
    expect(direct.body).toEqual({ errorMessages: ['Issue does not exist or you do not have permission to see it.'], errors: {} });
    sandbox.server.clearLog();
    const read = await dest.get(ctx, [gone!, kept!]);
    expect(read.get(gone!)).toBeNull();
    expect(read.get(kept!)).toMatchObject({ summary: 'Keep me' });
    const search = sandbox.server.requestLog.find((r) => r.path === '/rest/api/3/search/jql')!;
    expect(search.status).toBe(400);
    expect(sandbox.server.requestLog.filter((r) => /^\/rest\/api\/3\/issue\/\d+$/.test(r.path)).map((r) => r.status).sort()).toEqual([200, 404]);
    // Deleting it again is what the load wanted all along.
    expect(await dest.delete(ctx, [gone!])).toEqual([{ ok: true, id: gone }]);
  });

  it('creates more than 50 issues in bulk calls of at most 50, one outcome per record', async () => {
    const ctx = await jiraContext(sandbox);
    sandbox.server.clearLog();
    const outcomes = await dest.create(ctx, Array.from({ length: 53 }, (_, i) => ({ summary: `Bulk ${i}`, labels: ['bulk'] })), { idempotencyKeys: Array.from({ length: 53 }, (_, i) => `b${i}`) });
    expect(outcomes.every((o) => o.ok)).toBe(true);
    expect(new Set(outcomes.map(idOf)).size).toBe(53);
    const calls = sandbox.server.requestLog.filter((r) => r.path === '/rest/api/3/issue/bulk');
    expect(calls.map((r) => (r.body as { issueUpdates: unknown[] }).issueUpdates.length)).toEqual([50, 3]);
  });

  it('writes a custom field as given and reads it back', async () => {
    const ctx = await jiraContext(sandbox);
    const id = idOf((await dest.create(ctx, [{ summary: 'Estimate me' }], { idempotencyKeys: ['e'] }))[0]);
    expect(await dest.update(ctx, [{ id, fields: { customfield_10016: 5 } }])).toEqual([{ ok: true, id }]);
    expect((await dest.get(ctx, [id])).get(id)).toMatchObject({ customfield_10016: 5 });
  });

  it('restores a deleted issue by re-creating it, status included, under a new id', async () => {
    const ctx = await jiraContext(sandbox);
    const id = idOf((await dest.create(ctx, [{ summary: 'Restore me', description: 'Body', labels: ['x'] }], { idempotencyKeys: ['r'] }))[0]);
    await dest.update(ctx, [{ id, fields: { status: 'In Progress' } }]);
    const snapshot = (await dest.get(ctx, [id])).get(id)!;
    await dest.delete(ctx, [id]);
    const restored = await dest.restore!(ctx, id, snapshot);
    const newId = idOf(restored);
    expect(newId).not.toBe(id);
    expect((await dest.get(ctx, [newId])).get(newId)).toMatchObject({ summary: 'Restore me', description: 'Body', labels: ['x'], status: 'In Progress' });
  });

  it('compares written values as Jira normalises them', () => {
    expect(dest.normalise!('description', 'a  \r\nb\n\n\n')).toBe('a\nb');
    expect(dest.normalise!('status', 'In Progress')).toBe(dest.normalise!('status', 'in progress'));
    expect(dest.normalise!('labels', ['b', 'a'])).toEqual(['a', 'b']);
    expect(dest.ignoreOnVerify).toEqual(expect.arrayContaining(['key', 'created', 'updated']));
  });
});
