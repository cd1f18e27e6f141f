/**
 * The sandbox's own fidelity, where the connector's tests do not reach: 18-character ids, the
 * SOQL it accepts and the errors it answers, query locators that expire and are released, the
 * daily allocation's header and its 403, and the Recycle Bin's cascade.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/sandbox/index.js';
import { checksum, to18 } from './ids.js';
import { LOCATOR_IDLE_MS } from './locators.js';
import { startSalesforceSandbox, type SalesforceSandbox } from './server.js';

describe('ids', () => {
  it('computes the case-safe suffix of an 18-character id', () => {
    expect(checksum('0015000000Gv7qJ')).toBe('AAR');
    expect(to18('0015000000Gv7qJ')).toBe('0015000000Gv7qJAAR');
    expect(to18('0015000000Gv7qJaar')).toBe('0015000000Gv7qJAAR');
    expect(to18('0015000000Gv7qJAAB')).toBeUndefined();
    expect(to18('not-an-id')).toBeUndefined();
  });
});

describe('the Salesforce sandbox over HTTP', () => {
  let sandbox: SalesforceSandbox;
  const clock = new ManualClock(Date.UTC(2024, 5, 1));
  const call = async (path: string, init: RequestInit = {}) => {
    const res = await fetch(`${sandbox.baseUrl}${path}`, { ...init, headers: { authorization: `Bearer ${sandbox.accessToken}`, 'content-type': 'application/json', ...init.headers } });
    return { status: res.status, headers: res.headers, body: res.status === 204 ? undefined : await res.json() as unknown };
  };
  const query = (soql: string, headers: Record<string, string> = {}) => call(`/services/data/v62.0/query?q=${encodeURIComponent(soql)}`, { headers });

  beforeAll(async () => { sandbox = await startSalesforceSandbox({ clock, seed: { Account: 3, Contact: 450 }, dailyLimit: 60 }); });
  afterAll(async () => sandbox.stop());

  it('filters case-blind, orders with nulls first, and checks literal types as SOQL does', async () => {
    const [id] = sandbox.store.liveIds('Contact');
    const email = String(sandbox.store.collections.Contact.get(id!)!.data.Email).toUpperCase();
    expect((await query(`SELECT Id, Email FROM Contact WHERE Email IN ('${email}') AND (NOT LastName = null)`)).body).toMatchObject({ totalSize: 1, done: true, records: [{ attributes: { type: 'Contact' }, Id: id }] });
    expect((await query('SELECT Id FROM Contact WHERE LastName LIKE \'%ov%\' ORDER BY Title DESC NULLS LAST LIMIT 3')).body).toMatchObject({ totalSize: 3 });
    const quoted = await query("SELECT Id FROM Contact WHERE SystemModstamp > '2024-01-01T00:00:00Z'");
    expect(quoted).toMatchObject({ status: 400, body: [{ errorCode: 'INVALID_FIELD' }] });
    expect((quoted.body as Array<{ message: string }>)[0]!.message).toContain("value of filter criterion for field 'SystemModstamp' must be of type dateTime and should not be enclosed in quotes");
    expect(await query('SELECT Id FROM Lead')).toMatchObject({ status: 400, body: [{ errorCode: 'INVALID_TYPE' }] });
    expect(await query('SELECT Id FROM Contact WHERE')).toMatchObject({ status: 400, body: [{ errorCode: 'MALFORMED_QUERY' }] });
  });

  it('serves batches from a query locator that expires after 15 minutes unused', async () => {
    const first = await query('SELECT Id FROM Contact ORDER BY SystemModstamp, Id', { 'sforce-query-options': 'batchSize=200' });
    const body = first.body as { totalSize: number; done: boolean; nextRecordsUrl: string; records: unknown[] };
    expect(body).toMatchObject({ totalSize: 450, done: false });
    expect(body.records).toHaveLength(200);
    expect(body.nextRecordsUrl).toMatch(/^\/services\/data\/v62\.0\/query\/01g\w{15}-200$/);
    expect((await call(body.nextRecordsUrl)).body).toMatchObject({ done: false, records: expect.any(Array) });
    clock.advance(LOCATOR_IDLE_MS + 1);
    expect(await call(body.nextRecordsUrl.replace(/-200$/, '-400'))).toMatchObject({ status: 400, body: [{ errorCode: 'INVALID_QUERY_LOCATOR' }] });
  });

  it('releases a user\'s oldest locator when an eleventh opens', async () => {
    const urls: string[] = [];
    for (let i = 0; i < 11; i++) urls.push(((await query('SELECT Id FROM Contact', { 'sforce-query-options': 'batchSize=200' })).body as { nextRecordsUrl: string }).nextRecordsUrl);
    expect((await call(urls[0]!)).body).toMatchObject([{ errorCode: 'INVALID_QUERY_LOCATOR' }]);
    expect((await call(urls[10]!)).status).toBe(200);
  });

  it('moves an account and its contacts to the Recycle Bin, visible to queryAll only', async () => {
    const [account] = sandbox.store.liveIds('Account');
    const theirs = sandbox.store.collections.Contact.list({ filter: (e) => e.data.AccountId === account }).map((e) => e.id);
    expect((await call(`/services/data/v62.0/sobjects/Account/${account}`, { method: 'DELETE' })).status).toBe(204);
    expect(await call(`/services/data/v62.0/sobjects/Account/${account}`)).toMatchObject({ status: 404, body: [{ errorCode: 'ENTITY_IS_DELETED' }] });
    const soql = `SELECT Id, IsDeleted FROM Contact WHERE AccountId = '${account}'`;
    expect((await query(soql)).body).toMatchObject({ totalSize: 0 });
    const all = await call(`/services/data/v62.0/queryAll?q=${encodeURIComponent(soql)}`);
    expect((all.body as { records: Array<{ Id: string; IsDeleted: boolean }> }).records.map((r) => [r.Id, r.IsDeleted])).toEqual(theirs.map((id) => [id, true]));
  });

  it('counts the daily allocation in Sforce-Limit-Info and refuses past it with REQUEST_LIMIT_EXCEEDED', async () => {
    const limits = await call('/services/data/v62.0/limits');
    expect(limits.headers.get('sforce-limit-info')).toMatch(/^api-usage=\d+\/60$/);
    let last = limits;
    while (last.status !== 403) last = await call('/services/data/v62.0/limits');
    expect(last.body).toEqual([{ message: 'TotalRequests Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED' }]);
    expect(last.headers.get('sforce-limit-info')).toBe('api-usage=60/60');
  });
});
