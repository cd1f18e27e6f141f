/**
 * SDK fidelity: Stripe's own Node SDK, pointed at the sandbox, works as it does against
 * api.stripe.com. The best evidence the sandbox speaks Stripe's language.
 */
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStripeSandbox, type StripeSandbox } from './sandbox/index.js';

describe('the official stripe SDK against the sandbox', () => {
  let sandbox: StripeSandbox;
  let stripe: Stripe;
  const connect = (key: string) => new Stripe(key, { host: '127.0.0.1', port: Number(new URL(sandbox.baseUrl).port), protocol: 'http', maxNetworkRetries: 0 });

  beforeAll(async () => {
    sandbox = await startStripeSandbox({ rateLimit: false });
    stripe = connect(sandbox.apiKey);
  });
  afterAll(async () => sandbox.stop());

  it('creates a customer with metadata and answers with a request id', async () => {
    const customer = await stripe.customers.create({ email: 'jenny.rosen@example.com', name: 'Jenny Rosen', metadata: { plan: 'pro' }, address: { line1: '1 Main St', country: 'US' } });
    expect(customer.id).toMatch(/^cus_[A-Za-z0-9]{14}$/);
    expect(customer.metadata).toEqual({ plan: 'pro' });
    expect(customer.address?.line1).toBe('1 Main St');
    expect(customer.lastResponse.requestId).toMatch(/^req_/);
  });

  it('auto-paginates a list of more than 100 customers, newest first', async () => {
    sandbox.seed('customers', 150);
    const ids: string[] = [];
    for await (const customer of stripe.customers.list({ limit: 100 })) ids.push(customer.id);
    expect(ids).toEqual(sandbox.store.customers.liveIds());
    expect(ids.length).toBeGreaterThan(150);
  });

  it('updates a customer, unsetting a metadata key with an empty string', async () => {
    const created = await stripe.customers.create({ email: 'ada@example.com', metadata: { plan: 'pro', seats: '3' } });
    const updated = await stripe.customers.update(created.id, { name: 'Ada Lovelace', metadata: { plan: '' } });
    expect(updated.name).toBe('Ada Lovelace');
    expect(updated.metadata).toEqual({ seats: '3' });
  });

  it('deletes a customer, and retrieving it afterwards answers deleted: true', async () => {
    const created = await stripe.customers.create({ email: 'gone@example.com' });
    const deleted = await stripe.customers.del(created.id);
    expect(deleted).toMatchObject({ id: created.id, object: 'customer', deleted: true });
    const retrieved = await stripe.customers.retrieve(created.id);
    expect(retrieved.deleted).toBe(true);
    await expect(stripe.customers.del(created.id)).rejects.toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
  });

  it('searches customers by email with the query language, quotes escaped', async () => {
    const customer = await stripe.customers.create({ email: "o'brien@example.com", name: 'Pat O\'Brien' });
    const found = await stripe.customers.search({ query: "email:'o\\'brien@example.com'" });
    expect(found.data.map((c) => c.id)).toEqual([customer.id]);
    const byName = await stripe.customers.search({ query: 'name~"brien" AND -email:"nobody@example.com"' });
    expect(byName.data.map((c) => c.id)).toContain(customer.id);
  });

  it('lists events filtered by types, with previous_attributes on updates', async () => {
    const created = await stripe.customers.create({ email: 'events@example.com', name: 'Before' });
    await stripe.customers.update(created.id, { name: 'After' });
    const events = await stripe.events.list({ types: ['customer.created', 'customer.updated'], limit: 2 });
    expect(events.data.map((e) => e.type)).toEqual(['customer.updated', 'customer.created']);
    const update = events.data[0]!;
    expect((update.data.object as Stripe.Customer).name).toBe('After');
    expect(update.data.previous_attributes).toEqual({ name: 'Before' });
  });

  it('replays an idempotent create, and refuses the key with other parameters', async () => {
    const first = await stripe.customers.create({ email: 'once@example.com' }, { idempotencyKey: 'sdk-once' });
    const again = await stripe.customers.create({ email: 'once@example.com' }, { idempotencyKey: 'sdk-once' });
    expect(again.id).toBe(first.id);
    expect(again.lastResponse.headers['idempotent-replayed']).toBe('true');
    await expect(stripe.customers.create({ email: 'twice@example.com' }, { idempotencyKey: 'sdk-once' })).rejects.toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
  });

  it('surfaces a refused parameter as StripeInvalidRequestError naming the param', async () => {
    const error = await stripe.customers.create({ email: 'not-an-email' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(error).toMatchObject({ param: 'email', code: 'email_invalid', statusCode: 400 });
    const limit = await stripe.customers.list({ limit: 101 }).catch((e: unknown) => e);
    expect(limit).toMatchObject({ param: 'limit', type: 'StripeInvalidRequestError' });
  });

  it('declines a test card with a 402 StripeCardError naming the failed charge', async () => {
    const error = await stripe.charges.create({ amount: 2000, currency: 'usd', source: 'tok_chargeDeclined' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Stripe.errors.StripeCardError);
    expect(error).toMatchObject({ code: 'card_declined', decline_code: 'generic_decline', statusCode: 402 });
    const charge = await stripe.charges.retrieve((error as { raw: { charge: string } }).raw.charge);
    expect(charge.status).toBe('failed');
  });

  it('refuses a wrong key as StripeAuthenticationError, masking the key', async () => {
    const wrong = 'sk_test_thisKeyIsNotKnownToTheSandbox1234';
    const error = await connect(wrong).customers.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
    expect((error as Error).message).toMatch(/^Invalid API Key provided: sk_test_\*+1234$/);
    expect((error as Error).message).not.toContain('thisKeyIsNotKnown');
  });
});
