/**
 * Loads into users and organizations beyond the shared suite: deletes confirmed by a read after
 * them (soft for users, final for organizations), the bulk update and delete jobs, natural-key
 * lookups, restore, names composed from parts, and a job that outlives the wait.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectorContext, WriteOutcome } from '../../src/registry/index.js';
import { runJob } from './destination/jobs.js';
import { destinationOf, zendeskHarness } from './fixtures/context.js';
import { startZendeskSandbox, SUITE_OPTIONS, type ZendeskSandbox } from './sandbox/index.js';
import { jobStatusSchema } from './schemas.js';

const ids = (outcomes: WriteOutcome[]) => outcomes.map((o) => (o.ok ? o.id : `failed: ${o.error.message}`));

describe('Zendesk destinations against the sandbox', () => {
  let sandbox: ZendeskSandbox;
  let ctx: ConnectorContext;
  beforeAll(async () => {
    sandbox = await startZendeskSandbox(SUITE_OPTIONS);
    ctx = (await zendeskHarness(sandbox)).ctx;
  });
  afterAll(async () => sandbox.stop());

  it('confirms a user delete by reading it back: Zendesk still shows the user, inactive, and get() says gone', async () => {
    const users = destinationOf('users');
    const [id] = ids(await users.create(ctx, [{ name: 'Gone Soon', email: 'gone.soon@example.com' }], { idempotencyKeys: ['k1'] }));
    expect(ids(await users.delete(ctx, [id!]))).toEqual([id]);
    const raw = await ctx.http.request<{ user: { active: boolean } }>({ url: `/api/v2/users/${id}.json` });
    expect(raw.status).toBe(200);
    expect(raw.body!.user.active).toBe(false);
    expect((await users.get(ctx, [id!])).get(id!)).toBeNull();
    expect((await users.findByNaturalKey!(ctx, ['gone.soon@example.com'])).size).toBe(0);
  });

  it('confirms an organization delete by a 404 afterwards', async () => {
    const orgs = destinationOf('organizations');
    const [id] = ids(await orgs.create(ctx, [{ name: 'Short Lived Ltd' }], { idempotencyKeys: ['k2'] }));
    expect(ids(await orgs.delete(ctx, [id!]))).toEqual([id]);
    const raw = await ctx.http.request({ url: `/api/v2/organizations/${id}.json` });
    expect(raw.error).toMatchObject({ kind: 'not_found', status: 404, code: 'RecordNotFound' });
    expect((await orgs.get(ctx, [id!])).get(id!)).toBeNull();
  });

  it('updates and deletes several users through update_many and destroy_many jobs, per-record outcomes', async () => {
    const users = destinationOf('users');
    const made = ids(await users.create(ctx, [0, 1, 2].map((i) => ({ name: `Bulk ${i}`, email: `bulk.${i}@example.com` })), { idempotencyKeys: ['a', 'b', 'c'] }));
    sandbox.server.clearLog();
    const updated = await users.update(ctx, [
      { id: made[0]!, fields: { notes: 'first' } }, { id: '999', fields: { notes: 'nobody' } }, { id: made[2]!, fields: { email: 'not an email' } },
    ]);
    expect(updated.map((o) => o.ok)).toEqual([true, false, false]);
    expect(updated[1]).toMatchObject({ ok: false, error: { kind: 'not_found' } });
    expect(updated[2]).toMatchObject({ ok: false, error: { kind: 'validation', fields: [{ field: 'email' }] } });
    expect((await users.get(ctx, [made[0]!])).get(made[0]!)).toMatchObject({ notes: 'first' });
    expect(ids(await users.delete(ctx, made))).toEqual(made);
    expect([...(await users.get(ctx, made)).values()]).toEqual([null, null, null]);
    const writes = sandbox.server.requestLog.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path}`);
    expect(writes).toEqual(['PUT /api/v2/users/update_many.json', 'DELETE /api/v2/users/destroy_many.json']);
    expect(sandbox.server.requestLog.some((r) => r.path.startsWith('/api/v2/job_statuses/'))).toBe(true);
  });

  it('finds users by email case-blind and organizations by name', async () => {
    await destinationOf('users').create(ctx, [{ name: 'Key Person', email: 'key.person@example.com' }], { idempotencyKeys: ['k3'] });
    await destinationOf('organizations').create(ctx, [{ name: 'Keyed Inc', domain_names: 'keyed.example.com' }], { idempotencyKeys: ['k4'] });
    const people = await destinationOf('users').findByNaturalKey!(ctx, ['Key.Person@Example.com', 'nobody@example.com']);
    expect([...people.keys()]).toEqual(['Key.Person@Example.com']);
    expect(people.get('Key.Person@Example.com')).toMatchObject({ name: 'Key Person', _derived: { first_name: 'Key', last_name: 'Person' } });
    const orgs = await destinationOf('organizations').findByNaturalKey!(ctx, ['keyed inc']);
    expect(orgs.get('keyed inc')).toMatchObject({ name: 'Keyed Inc', domain_names: ['keyed.example.com'] });
  });

  it('composes a name from first and last name parts, and restores a deleted user from its snapshot under a new id', async () => {
    const users = destinationOf('users');
    const [id] = ids(await users.create(ctx, [{ email: 'parts@example.com', _derived: { first_name: 'Mary Ann', last_name: 'Evans' } }], { idempotencyKeys: ['k5'] }));
    const snapshot = (await users.get(ctx, [id!])).get(id!)!;
    expect(snapshot).toMatchObject({ name: 'Mary Ann Evans', email: 'parts@example.com' });
    await users.delete(ctx, [id!]);
    const restored = await users.restore!(ctx, id!, snapshot);
    if (!restored.ok) throw restored.error;
    expect(restored.id).not.toBe(id);
    expect((await users.get(ctx, [restored.id])).get(restored.id)).toMatchObject({ name: 'Mary Ann Evans', email: 'parts@example.com', active: true });
  });

  it('refuses a single create with Zendesk\'s 422, naming the attribute', async () => {
    const [outcome] = await destinationOf('organizations').create(ctx, [{ name: 'Keyed Inc' }], { idempotencyKeys: ['k6'] });
    expect(outcome).toMatchObject({ ok: false, error: { kind: 'conflict', status: 422, fields: [{ field: 'name', message: 'Name: has already been taken' }] } });
  });
});

describe('job polling', () => {
  it('gives up on a job still working after the wait, as a transient failure', async () => {
    const sandbox = await startZendeskSandbox({ ...SUITE_OPTIONS, jobDelayMs: 60_000 });
    try {
      const { ctx } = await zendeskHarness(sandbox);
      const send = () => ctx.http.request({ method: 'POST', url: '/api/v2/users/create_many.json', json: { users: [{ name: 'A' }, { name: 'B' }] }, schema: jobStatusSchema });
      await expect(runJob(ctx, send, { firstDelayMs: 20, giveUpAfterMs: 100 })).rejects.toMatchObject({ kind: 'transient', code: 'job_timeout' });
    } finally {
      await sandbox.stop();
    }
  });
});
