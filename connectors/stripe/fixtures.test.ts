/**
 * Fixture fidelity: every object the sandbox answers has every top-level key of Stripe's own
 * example of that resource (stripe/openapi fixtures3.json). The shared copy in
 * ../shared/specs is used when present, the vendored subset in fixtures/ otherwise.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStripeSandbox, type StripeSandbox } from './sandbox/index.js';

const shared = fileURLToPath(new URL('../../../shared/specs/stripe.fixtures3.json', import.meta.url));
const vendored = fileURLToPath(new URL('./fixtures/fixtures3.v1.json', import.meta.url));
const fixtures = (JSON.parse(readFileSync(existsSync(shared) ? shared : vendored, 'utf8')) as { resources: Record<string, Record<string, unknown>> }).resources;

function missingKeys(resource: string, object: unknown): string[] {
  const actual = new Set(Object.keys(object as Record<string, unknown>));
  return Object.keys(fixtures[resource]!).filter((key) => !actual.has(key));
}

describe('sandbox objects have the shape of Stripe\'s fixtures', () => {
  let sandbox: StripeSandbox;
  const get = async (path: string) => {
    const response = await fetch(`${sandbox.baseUrl}${path}`, { headers: { authorization: `Bearer ${sandbox.apiKey}` } });
    expect(response.status).toBe(200);
    return (await response.json()) as Record<string, unknown> & { data: Array<Record<string, unknown>> };
  };

  beforeAll(async () => {
    sandbox = await startStripeSandbox({ rateLimit: false, generated: { customers: 10 } });
    sandbox.seed('customers', 3);
    sandbox.seed('charges', 17);
    sandbox.seed('invoices', 3);
  });
  afterAll(async () => sandbox.stop());

  it('customer: seeded, generated and created ones', async () => {
    const list = await get('/v1/customers?limit=100');
    expect(list.data.length).toBe(13);
    for (const customer of list.data) expect(missingKeys('customer', customer)).toEqual([]);
  });

  it('deleted customer', async () => {
    const id = sandbox.store.customers.liveIds()[0]!;
    const response = await fetch(`${sandbox.baseUrl}/v1/customers/${id}`, { method: 'DELETE', headers: { authorization: `Bearer ${sandbox.apiKey}` } });
    const deleted = await response.json();
    expect(missingKeys('deleted_customer', deleted)).toEqual([]);
    expect(missingKeys('deleted_customer', await get(`/v1/customers/${id}`))).toEqual([]);
  });

  it('charge: succeeded and failed ones', async () => {
    const list = await get('/v1/charges?limit=100');
    expect(new Set(list.data.map((c) => c.status))).toEqual(new Set(['succeeded', 'failed']));
    for (const charge of list.data) expect(missingKeys('charge', charge)).toEqual([]);
  });

  it('invoice', async () => {
    const list = await get('/v1/invoices?limit=100');
    expect(list.data.length).toBeGreaterThan(0);
    for (const invoice of list.data) expect(missingKeys('invoice', invoice)).toEqual([]);
  });

  it('event, and the objects inside events', async () => {
    const list = await get('/v1/events?limit=100');
    expect(new Set(list.data.map((e) => e.type))).toEqual(new Set(['customer.created', 'customer.deleted', 'charge.succeeded', 'charge.failed', 'invoice.created']));
    for (const event of list.data) {
      expect(missingKeys('event', event)).toEqual([]);
      const inner = (event.data as { object: Record<string, unknown> }).object;
      expect(missingKeys(String(inner.object), inner)).toEqual([]);
    }
  });
});
