/**
 * Reading beyond the shared suite: the keyset resume through a second shared by hundreds of
 * records (bulk loads do that), a resume that opens a fresh query instead of an old locator, a
 * finished full read's cursor, no change lost when a record moves during a read, and Salesforce's
 * "out of API calls" 403 retried as transient.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectorContext, Page } from '../../src/registry/index.js';
import { liveIdsOf, readAll } from '../../test/conformance/harness.js';
import bodies from './fixtures/errors.json' with { type: 'json' };
import { salesforceContext, sourceOf } from './fixtures/context.js';
import { startSalesforceSandbox, type SalesforceSandbox } from './sandbox/index.js';

describe('Salesforce source', () => {
  let sandbox: SalesforceSandbox;
  let ctx: ConnectorContext;
  const contacts = sourceOf('contact');

  beforeAll(async () => {
    sandbox = await startSalesforceSandbox();
    const at = Date.now() - 3_600_000;
    // 450 contacts written in one second, as a Data Loader batch writes them.
    for (let i = 0; i < 450; i++) sandbox.store.create('Contact', { LastName: `Bulk ${i}` }, { at });
    ctx = await salesforceContext(sandbox);
  });
  afterAll(async () => sandbox.stop());

  it('resumes a full read after a page whose records share one second, by Id, losing and repeating none', async () => {
    const pages = await readAll(ctx, contacts, null, 'full');
    expect(pages.map((p) => p.records.length)).toEqual([200, 200, 50, 0]);
    sandbox.server.clearLog();
    const resumed = await readAll(ctx, contacts, pages[0]!.cursor, 'full');
    const first = liveIdsOf(pages.slice(0, 1));
    const rest = liveIdsOf(resumed);
    expect(rest).toHaveLength(250);
    expect(rest.filter((id) => first.includes(id))).toEqual([]);
    // A fresh query after the keyset, not the first read's query locator.
    const opening = sandbox.server.requestLog[0]!;
    expect(opening.path).toBe('/services/data/v62.0/query');
    expect(opening.query.q).toMatch(/^SELECT .* FROM Contact WHERE SystemModstamp > \S+Z OR \(SystemModstamp = \S+Z AND Id > '003\w{15}'\) ORDER BY SystemModstamp, Id/);
    expect(sandbox.server.requestLog[0]!.headers['sforce-query-options']).toBe('batchSize=200');
  });

  it('answers a finished full read\'s cursor with one empty last page', async () => {
    const cursor = { since: '2024-06-02T17:40:03.000Z' };
    expect(await readAll(ctx, contacts, cursor, 'full')).toEqual([{ records: [], cursor, hasMore: false }]);
  });

  it('reads next time a record changed on a page already read, since the checkpoint is never after the start', async () => {
    const pages: Page[] = [];
    for await (const page of contacts.read(ctx, { cursor: null, mode: 'full' })) {
      pages.push(page);
      if (pages.length === 1) sandbox.touch('Contact', String(page.records[0]!.id));
    }
    const moved = String(pages[0]!.records[0]!.id);
    const since = (pages.at(-1)!.cursor as { since: string }).since;
    // The query locator served the record as it was; its new stamp is not behind the checkpoint.
    expect(pages.flatMap((p) => p.records).filter((r) => r.id === moved)).toHaveLength(1);
    expect(Date.parse(since)).toBeLessThanOrEqual(Math.floor(sandbox.store.collections.Contact.get(moved)!.updatedAt / 1000) * 1000);
    expect(liveIdsOf(await readAll(ctx, contacts, pages.at(-1)!.cursor, 'incremental'))).toContain(moved);
  });

  it('retries a 403 REQUEST_LIMIT_EXCEEDED as transient, and every answer carries Sforce-Limit-Info', async () => {
    sandbox.server.clearLog();
    sandbox.server.faults.add({ kind: 'status', status: 403, times: 1, body: bodies.requestLimitExceeded });
    const pages = await readAll(ctx, contacts, null, 'full');
    expect(liveIdsOf(pages)).toHaveLength(450);
    const log = sandbox.server.requestLog;
    expect(log[0]!.status).toBe(403);
    expect(log.slice(1).every((r) => r.status === 200)).toBe(true);
    const answer = await ctx.http.request({ url: '/services/data/v62.0/query', query: { q: 'SELECT Id FROM Contact LIMIT 1' } });
    expect(answer.headers['sforce-limit-info']).toMatch(/^api-usage=\d+\/15000$/);
  });

  it('fails a query Salesforce cannot run as validation, naming the column', async () => {
    const res = await ctx.http.request({ url: '/services/data/v62.0/query', query: { q: 'SELECT Id, Shoe_Size__c FROM Contact' } });
    expect(res.error).toMatchObject({ kind: 'validation', status: 400, code: 'INVALID_FIELD', fields: [{ field: 'Shoe_Size__c' }] });
  });
});
