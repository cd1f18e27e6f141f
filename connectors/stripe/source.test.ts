/**
 * The read's cursor convention and the events feed's guarantees, beyond the shared suite:
 * latest state once, oldest change first, bounded windows, resumable everywhere.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEvents } from './source/events-read.js';
import { customers } from './source/resources.js';
import { startStripeSandbox, type StripeSandbox } from './sandbox/index.js';
import { drain, idsOf, sourceOf, stripeContext } from './test-context.js';

const ago = (ms: number) => new Date(Date.now() - ms).toISOString();
const quiet = { requestId: null, idempotencyKey: null };

describe('Stripe source reads', () => {
  let sandbox: StripeSandbox;
  beforeAll(async () => {
    sandbox = await startStripeSandbox({ rateLimit: false });
    sandbox.seed('customers', 5);
  });
  afterAll(async () => sandbox.stop());

  it('yields an object changed twice once, in its latest state, oldest change first', async () => {
    const ctx = await stripeContext(sandbox);
    const full = await drain(sourceOf('customers'), ctx, { cursor: null, mode: 'full' });
    const [a, b] = sandbox.store.customers.liveIds();
    const { store } = sandbox;
    store.updateCustomer(a!, (c) => ({ ...c, name: 'First Change' }), quiet);
    store.updateCustomer(b!, (c) => ({ ...c, name: 'Other Change' }), quiet);
    store.updateCustomer(a!, (c) => ({ ...c, name: 'Second Change' }), quiet);
    const created = store.createCustomer({ email: 'new@example.com' }, quiet);
    const pages = await drain(sourceOf('customers'), ctx, { cursor: full.at(-1)!.cursor, mode: 'incremental' });
    const records = pages.flatMap((p) => p.records);
    expect(records.map((r) => r.id)).toEqual([b, a, created.id]);
    expect(records[1]!.data).toMatchObject({ name: 'Second Change', _derived: { first_name: 'Second', last_name: 'Change' } });
    expect(pages.at(-1)).toMatchObject({ hasMore: false, cursor: { since: new Date(created.created * 1000).toISOString() } });
  });

  it('splits a window larger than its buffer, and every page cursor resumes without a loss', async () => {
    const ctx = await stripeContext(sandbox);
    const now = Date.now();
    // Events arrive 100 to a page; a window splits once a page takes it past its buffer.
    const made = Array.from({ length: 250 }, (_, i) => sandbox.store.createCustomer({ email: `burst${i}@example.com` }, { ...quiet, at: now - (300 - i) * 1000 }).id);
    sandbox.server.clearLog();
    const pages: Awaited<ReturnType<typeof drain>> = [];
    for await (const page of readEvents(ctx, customers, { since: ago(310_000) }, { maxBuffered: 60 })) pages.push(page);
    expect(sandbox.server.requestLog.length).toBeGreaterThan(4);
    const ids = idsOf(pages);
    expect(ids.filter((id) => made.includes(id))).toEqual(made);
    expect(pages.slice(0, -1).every((p) => p.hasMore)).toBe(true);
    expect(pages.at(-1)!.hasMore).toBe(false);
    const sinces = pages.map((p) => (p.cursor as { since: string }).since);
    expect([...sinces].sort()).toEqual(sinces);
    for (let k = 0; k < pages.length; k++) {
      const rest = idsOf(await drain(sourceOf('customers'), ctx, { cursor: pages[k]!.cursor, mode: 'incremental' }));
      expect(rest).toEqual(expect.arrayContaining(ids.slice(idsOf(pages.slice(0, k + 1)).length)));
    }
  });

  it('resumed after the last page of a full read, yields one empty last page', async () => {
    const ctx = await stripeContext(sandbox);
    const full = await drain(sourceOf('customers'), ctx, { cursor: null, mode: 'full' });
    const again = await drain(sourceOf('customers'), ctx, { cursor: full.at(-1)!.cursor, mode: 'full' });
    expect(again).toEqual([{ records: [], cursor: full.at(-1)!.cursor, hasMore: false }]);
  });

  it('reads everything when the checkpoint is missing or older than Stripe keeps events', async () => {
    const ctx = await stripeContext(sandbox);
    const live = [...sandbox.store.customers.liveIds()].sort();
    for (const cursor of [null, { since: ago(40 * 24 * 60 * 60 * 1000) }]) {
      const pages = await drain(sourceOf('customers'), ctx, { cursor, mode: 'incremental' });
      expect(idsOf(pages).sort()).toEqual(live);
      // Interrupted after its first page, the fallback read resumes its list, not the events.
      const rest = await drain(sourceOf('customers'), ctx, { cursor: pages[0]!.cursor, mode: 'incremental' });
      expect([...new Set([...idsOf(pages.slice(0, 1)), ...idsOf(rest)])].sort()).toEqual(live);
    }
  });

  it('restarts a resumed full read at its anchor\'s second when Stripe no longer knows the anchor', async () => {
    sandbox.seed('customers', 150);
    const ctx = await stripeContext(sandbox);
    const full = await drain(sourceOf('customers'), ctx, { cursor: null, mode: 'full' });
    sandbox.server.faults.add({
      kind: 'status', status: 400, times: 1, match: (req) => req.query.starting_after !== undefined,
      body: { error: { type: 'invalid_request_error', code: 'resource_missing', param: 'starting_after', message: "No such customer: 'cus_gone'" } },
    });
    const resumed = await drain(sourceOf('customers'), ctx, { cursor: full[0]!.cursor, mode: 'full' });
    sandbox.server.faults.clear();
    expect(new Set([...idsOf(full.slice(0, 1)), ...idsOf(resumed)])).toEqual(new Set(idsOf(full)));
    expect(sandbox.server.requestLog.some((r) => r.query['created[lte]'] !== undefined)).toBe(true);
  });

  it('turns invoice.deleted into a tombstone; charges have no deleted feed', async () => {
    const ctx = await stripeContext(sandbox);
    const [invoice] = sandbox.seed('invoices', 2);
    sandbox.store.deleteInvoice(invoice!, quiet);
    const pages = await drain(sourceOf('invoices'), ctx, { cursor: { since: ago(60_000) }, mode: 'incremental' });
    expect(pages.flatMap((p) => p.records).find((r) => r.id === invoice)).toMatchObject({ deleted: true });
    expect(sourceOf('charges').deletes).toBe('reconcile');
  });
});
