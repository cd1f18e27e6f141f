/**
 * Customers as a destination, beyond the shared suite: gone means gone (deleted or missing),
 * lookups by email, bracket-encoded writes, restores under a new id, and what goes on the wire.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStripeSandbox, type StripeSandbox } from './sandbox/index.js';
import { customerDestination, stripeContext } from './test-context.js';

const quiet = { requestId: null, idempotencyKey: null };

describe('Stripe customers destination', () => {
  let sandbox: StripeSandbox;
  const dest = customerDestination();
  beforeAll(async () => { sandbox = await startStripeSandbox({ rateLimit: false }); });
  afterAll(async () => sandbox.stop());

  it('reads a deleted customer and an unknown id as gone, a live one with its name parts', async () => {
    const ctx = await stripeContext(sandbox);
    const live = sandbox.store.createCustomer({ email: 'live@example.com', name: 'Mary Ann Evans' }, quiet);
    const gone = sandbox.store.createCustomer({ email: 'gone@example.com' }, quiet);
    sandbox.store.deleteCustomer(gone.id, quiet);
    const read = await dest.get(ctx, [live.id, gone.id, 'cus_neverExisted00']);
    expect(read.get(live.id)).toMatchObject({ email: 'live@example.com', _derived: { first_name: 'Mary', last_name: 'Ann Evans' } });
    expect(read.get(gone.id)).toBeNull();
    expect(read.get('cus_neverExisted00')).toBeNull();
  });

  it('finds customers by email: exactly through the list, by any case through search', async () => {
    const ctx = await stripeContext(sandbox);
    const exact = sandbox.store.createCustomer({ email: 'exact@example.com' }, quiet);
    const mixed = sandbox.store.createCustomer({ email: 'Mixed.Case@Example.com' }, quiet);
    const found = await dest.findByNaturalKey!(ctx, ['exact@example.com', 'mixed.case@example.com', 'nobody@example.com']);
    expect(found.get('exact@example.com')?.id).toBe(exact.id);
    expect(found.get('mixed.case@example.com')?.id).toBe(mixed.id);
    expect(found.has('nobody@example.com')).toBe(false);
  });

  it('writes bracket-encoded forms with the idempotency key, composing a name from its parts', async () => {
    const ctx = await stripeContext(sandbox);
    sandbox.server.clearLog();
    const [created] = await dest.create(ctx, [{ email: 'parts@example.com', _derived: { first_name: 'Grace', last_name: 'Hopper' }, metadata: { seats: 3 }, phone: null }], { idempotencyKeys: ['load-1-0'] });
    expect(created).toMatchObject({ ok: true, record: { name: 'Grace Hopper', metadata: { seats: '3' } } });
    const post = sandbox.server.requestLog.find((r) => r.method === 'POST')!;
    expect(post.headers['idempotency-key']).toBe('load-1-0');
    expect(post.headers['stripe-version']).toBe('2026-10-28.endive');
    expect(post.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(post.body).toMatchObject({ 'metadata[seats]': '3', name: 'Grace Hopper' });
    const id = created!.ok ? created!.id : '';
    const [updated] = await dest.update(ctx, [{ id, fields: { phone: '+15550100', metadata: { seats: null, tier: 'gold' }, description: null } }]);
    expect(updated).toMatchObject({ ok: true, record: { phone: '+15550100', metadata: { tier: 'gold' }, description: null } });
  });

  it('reports a refused record per record, naming Stripe\'s param as the field', async () => {
    const ctx = await stripeContext(sandbox);
    const outcomes = await dest.create(ctx, [{ email: 'ok@example.com' }, { email: 'ok2@example.com', metadata: { ['k'.repeat(41)]: 'v' } }, { email: 'x@example.com', colour: 'red' }], { idempotencyKeys: ['a', 'b', 'c'] });
    expect(outcomes.map((o) => o.ok)).toEqual([true, false, false]);
    expect(outcomes[1]).toMatchObject({ ok: false, error: { kind: 'validation', fields: [{ field: 'metadata' }] } });
    expect(outcomes[2]).toMatchObject({ ok: false, error: { kind: 'validation', code: 'parameter_unknown', fields: [{ field: 'colour' }] } });
  });

  it('treats deleting a missing customer as done, and restores a deleted one under a new id, once', async () => {
    const ctx = await stripeContext(sandbox);
    const victim = sandbox.store.createCustomer({ email: 'restore@example.com', name: 'Ada Lovelace', metadata: { plan: 'pro' } }, quiet);
    const snapshot = (await dest.get(ctx, [victim.id])).get(victim.id)!;
    expect(await dest.delete(ctx, [victim.id, victim.id])).toEqual([{ ok: true, id: victim.id }, { ok: true, id: victim.id }]);
    const restored = await dest.restore!(ctx, victim.id, snapshot);
    const again = await dest.restore!(ctx, victim.id, snapshot);
    expect(restored).toMatchObject({ ok: true, record: { email: 'restore@example.com', name: 'Ada Lovelace', metadata: { plan: 'pro' } } });
    expect(restored.ok && restored.id).not.toBe(victim.id);
    expect(again.ok && again.id).toBe(restored.ok && restored.id);
  });

  it('authenticates with the key as the Basic user too', async () => {
    const ctx = await stripeContext(sandbox, 'secret_key_basic');
    sandbox.server.clearLog();
    expect((await dest.findByNaturalKey!(ctx, ['exact@example.com'])).size).toBe(1);
    expect(sandbox.server.requestLog[0]!.headers.authorization).toBe(`Basic ${Buffer.from(`${sandbox.apiKey}:`).toString('base64')}`);
  });
});
