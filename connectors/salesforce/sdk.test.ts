/**
 * SDK fidelity: jsforce, the established Node client for Salesforce, untouched, against the
 * sandbox. If jsforce needs a path, a header, a status or a body shape the sandbox does not give,
 * these fail, not jsforce.
 */
import { SignJWT, importPKCS8 } from 'jose';
import jsforce, { type Connection } from 'jsforce';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSalesforceSandbox, type SalesforceSandbox } from './sandbox/index.js';

const VERSION = '62.0';

interface ContactRow { Id: string; FirstName: string | null; LastName: string; Email: string | null; Title: string | null }
interface ApiError { errorCode: string; message: string; data: { errorCode: string; message: string; fields?: string[] } }

let sandbox: SalesforceSandbox;
let conn: Connection;

const failure = (promise: PromiseLike<unknown>) => Promise.resolve(promise).then(() => { throw new Error('expected jsforce to reject'); }, (e: unknown) => e as ApiError);

beforeAll(async () => {
  sandbox = await startSalesforceSandbox({ seed: { Account: 3, Contact: 450 }, dailyLimit: 1000 });
  conn = new jsforce.Connection({ instanceUrl: sandbox.baseUrl, accessToken: sandbox.accessToken, version: VERSION });
});
afterAll(async () => sandbox.stop());

describe('jsforce against the Salesforce sandbox', () => {
  it('queries a batch, follows nextRecordsUrl with queryMore, and autoFetches the rest', async () => {
    const soql = 'SELECT Id, FirstName, LastName, Email, Title FROM Contact ORDER BY Id';
    const headers = { 'Sforce-Query-Options': 'batchSize=200' };
    const first = await conn.query<ContactRow>(soql, { headers });
    expect(first).toMatchObject({ totalSize: 450, done: false });
    expect(first.records).toHaveLength(200);
    expect(first.records[0]).toMatchObject({ attributes: { type: 'Contact' }, LastName: expect.any(String) });
    expect(first.nextRecordsUrl).toMatch(/\/services\/data\/v62\.0\/query\/01g\w+-200$/);

    // The locator keeps the batch size the query asked for.
    const second = await conn.queryMore<ContactRow>(first.nextRecordsUrl!);
    expect(second.records).toHaveLength(200);
    expect(second.records[0]!.Id > first.records[199]!.Id).toBe(true);

    const all = await conn.query<ContactRow>(soql, { autoFetch: true, maxFetch: 10_000, headers });
    expect(all.done).toBe(true);
    expect(all.records).toHaveLength(450);
    expect(new Set(all.records.map((r) => r.Id))).toEqual(new Set(sandbox.store.liveIds('Contact')));
    expect(all.records.map((r) => r.Id)).toEqual([...all.records.map((r) => r.Id)].sort());
  });

  it('creates, retrieves, updates and destroys a Contact through sobject()', async () => {
    const contacts = conn.sobject('Contact');
    const created = await contacts.create({ FirstName: 'Jane', LastName: 'Jsforce', Email: 'jane.jsforce@example.com' });
    expect(created).toMatchObject({ success: true, errors: [] });
    expect(created.id).toMatch(/^003\w{15}$/);

    const read = await contacts.retrieve(created.id!);
    expect(read).toMatchObject({ Id: created.id, FirstName: 'Jane', LastName: 'Jsforce', Email: 'jane.jsforce@example.com', IsDeleted: false });
    const some = await contacts.retrieve(created.id!, { fields: ['LastName'] });
    expect(Object.keys(some).sort()).toEqual(['Id', 'LastName', 'attributes']);

    const updated = await contacts.update({ Id: created.id!, Title: 'Chief SDK Officer' });
    expect(updated).toEqual({ id: created.id, success: true, errors: [] });
    expect((await contacts.retrieve(created.id!)).Title).toBe('Chief SDK Officer');

    const destroyed = await contacts.destroy(created.id!);
    expect(destroyed).toEqual({ id: created.id, success: true, errors: [] });
    // A record in the Recycle Bin answers 404 ENTITY_IS_DELETED; an id that never was, NOT_FOUND.
    expect(await failure(contacts.retrieve(created.id!))).toMatchObject({ errorCode: 'ENTITY_IS_DELETED' });
    expect(await failure(contacts.retrieve('003000000000000AAA'))).toMatchObject({ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' });
    const gone = await conn.query<{ Id: string; IsDeleted: boolean }>(`SELECT Id, IsDeleted FROM Contact WHERE Id = '${created.id}'`, { scanAll: true });
    expect(gone.records).toMatchObject([{ Id: created.id, IsDeleted: true }]);
  });

  it('upserts by an External ID field: 201 created, then 200 updated', async () => {
    const accounts = conn.sobject('Account');
    const inserted = await accounts.upsert({ External_Id__c: 'SDK-0001', Name: 'Upserted Ltd' }, 'External_Id__c');
    expect(inserted).toMatchObject({ success: true, created: true, errors: [] });
    const again = await accounts.upsert({ External_Id__c: 'SDK-0001', Name: 'Upserted Again Ltd' }, 'External_Id__c');
    expect(again).toMatchObject({ id: inserted.id, success: true, created: false });
    expect(await accounts.retrieve(inserted.id!)).toMatchObject({ Name: 'Upserted Again Ltd', External_Id__c: 'SDK-0001' });
    expect(await failure(accounts.upsert({ Name: 'No key field', Website: 'x' }, 'Website'))).toMatchObject({ errorCode: 'NOT_FOUND' });
  });

  it('upserts several records at once with sObject Collections by External ID', async () => {
    const accounts = conn.sobject('Account');
    const results = await accounts.upsert([
      { External_Id__c: 'SDK-0001', Name: 'Upserted Thrice Ltd' },
      { External_Id__c: 'SDK-0002', Name: 'Second Upsert Ltd' },
    ], 'External_Id__c', { allOrNone: true });
    expect(results.map((r) => [r.success, r.created])).toEqual([[true, false], [true, true]]);
    const read = await accounts.retrieve(results.map((r) => r.id!), { fields: ['Name', 'External_Id__c'] });
    expect(read.map((r) => r.Name)).toEqual(['Upserted Thrice Ltd', 'Second Upsert Ltd']);

    const refused = await accounts.upsert([{ External_Id__c: 'SDK-0003', Name: 'Rolled Back Ltd' }, { External_Id__c: 'SDK-0004', Name: '' }], 'External_Id__c', { allOrNone: true });
    expect(refused.map((r) => r.success)).toEqual([false, false]);
    expect(refused[1]!.errors).toMatchObject([{ statusCode: 'REQUIRED_FIELD_MISSING', fields: ['Name'] }]);
    expect((await conn.query(`SELECT Id FROM Account WHERE External_Id__c = 'SDK-0003'`)).totalSize).toBe(0);
  });

  it('creates, retrieves and destroys several records with sObject Collections, allOrNone rolling back', async () => {
    const contacts = conn.sobject('Contact');
    const results = await contacts.create([
      { LastName: 'Batch One', Email: 'one@example.com' },
      { LastName: 'Batch Two', Email: 'two@example.com' },
      { LastName: 'Batch Three' },
    ], { allOrNone: true });
    expect(results).toHaveLength(3);
    expect(results.every((r) => r.success && /^003/.test(r.id!))).toBe(true);

    const ids = results.map((r) => r.id!);
    const read = await contacts.retrieve(ids, { fields: ['LastName', 'Email'] });
    expect(read.map((r) => r.LastName)).toEqual(['Batch One', 'Batch Two', 'Batch Three']);

    const refused = await contacts.create([{ LastName: 'Would Roll Back' }, { LastName: 'Bad', Email: 'not-an-email' }], { allOrNone: true });
    expect(refused.map((r) => r.success)).toEqual([false, false]);
    expect(refused[0]!.errors).toMatchObject([{ statusCode: 'ALL_OR_NONE_OPERATION_ROLLED_BACK' }]);
    expect(refused[1]!.errors).toMatchObject([{ statusCode: 'INVALID_EMAIL_ADDRESS', fields: ['Email'] }]);
    const rolledBack = await conn.query(`SELECT Id FROM Contact WHERE LastName = 'Would Roll Back'`);
    expect(rolledBack.totalSize).toBe(0);

    const unknown = '003000000000000AAA';
    const notAll = await contacts.destroy([ids[0]!, unknown], { allOrNone: true });
    expect(notAll.map((r) => r.success)).toEqual([false, false]);
    expect(notAll[0]!.errors).toMatchObject([{ statusCode: 'ALL_OR_NONE_OPERATION_ROLLED_BACK' }]);
    expect(notAll[1]!.errors).toMatchObject([{ statusCode: 'INVALID_CROSS_REFERENCE_KEY' }]);
    expect(await contacts.retrieve(ids[0]!)).toMatchObject({ Id: ids[0], IsDeleted: false });

    const destroyed = await contacts.destroy(ids);
    expect(destroyed.map((r) => [r.id, r.success])).toEqual(ids.map((id) => [id, true]));
    expect(await contacts.retrieve(ids, { fields: ['LastName'] })).toEqual([null, null, null]);
  });

  it('surfaces a refused record as a jsforce error with errorCode and fields', async () => {
    const error = await failure(conn.sobject('Contact').create({ FirstName: 'No', Email: 'no.last.name@example.com' }));
    expect(error.errorCode).toBe('REQUIRED_FIELD_MISSING');
    expect(error.message).toBe('Required fields are missing: [LastName]');
    expect(error.data.fields).toEqual(['LastName']);

    const tooLong = await failure(conn.sobject('Contact').create({ LastName: 'x'.repeat(81) }));
    expect(tooLong).toMatchObject({ errorCode: 'STRING_TOO_LONG', data: { fields: ['LastName'] } });
    const badSoql = await failure(conn.query('SELECT Id, Nope__c FROM Contact'));
    expect(badSoql.errorCode).toBe('INVALID_FIELD');
    expect(badSoql.message).toContain("No such column 'Nope__c' on entity 'Contact'");
  });

  it('reads the org limits', async () => {
    const limits = await conn.limits();
    expect(limits.DailyApiRequests?.Max).toBe(1000);
    expect(limits.DailyApiRequests?.Remaining).toBeLessThan(1000);
    expect(limits.DailyApiRequests?.Remaining).toBe(1000 - sandbox.limiter.allowedCount);
    // jsforce reads the Sforce-Limit-Info header of every answer into conn.limitInfo.
    expect(conn.limitInfo.apiUsage).toEqual({ used: sandbox.limiter.allowedCount, limit: 1000 });
  });

  it('logs in with the JWT bearer flow through conn.authorize and queries with the session', async () => {
    const key = await importPKCS8(sandbox.app.privateKeyPem, 'RS256');
    const assertion = await new SignJWT({})
      .setProtectedHeader({ alg: 'RS256' })
      .setIssuer(sandbox.app.clientId).setSubject(sandbox.app.username).setAudience('https://login.salesforce.com')
      .setIssuedAt().setExpirationTime('3m')
      .sign(key);
    const jwtConn = new jsforce.Connection({ loginUrl: sandbox.baseUrl, version: VERSION });
    const user = await jwtConn.authorize({ grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion });
    expect(user.id).toMatch(/^005\w{15}$/);
    expect(user.organizationId).toMatch(/^00D\w{15}$/);
    expect(jwtConn.instanceUrl).toBe(sandbox.baseUrl);
    expect(jwtConn.accessToken).toMatch(/^00D\w+!AQ/);
    expect((await jwtConn.query('SELECT Id FROM Account')).totalSize).toBeGreaterThanOrEqual(3);

    const stranger = new jsforce.Connection({ loginUrl: sandbox.baseUrl, version: VERSION });
    const wrongSub = await new SignJWT({}).setProtectedHeader({ alg: 'RS256' }).setIssuer(sandbox.app.clientId).setSubject('nobody@example.com')
      .setAudience('https://login.salesforce.com').setIssuedAt().setExpirationTime('3m').sign(key);
    await expect(stranger.authorize({ grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion: wrongSub })).rejects.toMatchObject({ name: 'invalid_grant' });
  });

  it('runs the web server flow with PKCE and refreshes a revoked session by itself', async () => {
    const redirectUri = 'https://app.forgeworks.example/oauth/callback';
    const oauth2 = new jsforce.OAuth2({ loginUrl: sandbox.baseUrl, clientId: sandbox.app.clientId, clientSecret: sandbox.app.clientSecret, redirectUri, useVerifier: true });
    const consent = await fetch(oauth2.getAuthorizationUrl({ scope: 'api refresh_token', state: 'sdk-state' }), { redirect: 'manual' });
    const callback = new URL(consent.headers.get('location')!);
    expect(callback.searchParams.get('state')).toBe('sdk-state');

    const webConn = new jsforce.Connection({ oauth2, version: VERSION });
    await webConn.authorize(callback.searchParams.get('code')!);
    expect(webConn.refreshToken).toBeTruthy();
    const refreshed: string[] = [];
    webConn.on('refresh', (token: string) => refreshed.push(token));
    const before = webConn.accessToken;

    sandbox.revoke();
    expect(await failure(conn.query('SELECT Id FROM Account'))).toMatchObject({ errorCode: 'INVALID_SESSION_ID' });
    const afterRevoke = await webConn.query('SELECT Id FROM Account');
    expect(afterRevoke.totalSize).toBeGreaterThanOrEqual(3);
    expect(refreshed).toHaveLength(1);
    expect(webConn.accessToken).not.toBe(before);
  });
});
