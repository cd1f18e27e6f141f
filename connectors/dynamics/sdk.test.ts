/**
 * Sandbox fidelity: `dynamics-web-api`, the established Node client for the Dataverse Web API,
 * pointed at the sandbox (`serverUrl`, a token from the sandbox's identity endpoint through
 * `onTokenRefresh`) and used as its documentation shows, without tweaks.
 */
import { DynamicsWebApi } from 'dynamics-web-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAll } from '../../test/conformance/harness.js';
import { dynamicsContext, sourceOf } from './fixtures/context.js';
import { startDynamicsSandbox, type DynamicsSandbox } from './sandbox/index.js';

/** A bearer token from the sandbox's identity endpoint, asked for as an app asks for one. */
function tokenFor(sandbox: DynamicsSandbox, scope = `https://${sandbox.config.environmentHost}/.default`): Promise<Response> {
  const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: sandbox.app.clientId, client_secret: sandbox.app.clientSecret, scope });
  return fetch(`${sandbox.baseUrl}/${sandbox.app.tenantId}/oauth2/v2.0/token`, { method: 'POST', body: form });
}

describe('dynamics-web-api against the sandbox', () => {
  let sandbox: DynamicsSandbox;
  let api: DynamicsWebApi;
  beforeAll(async () => {
    sandbox = await startDynamicsSandbox({ seed: { accounts: 3, contacts: 5 } });
    api = new DynamicsWebApi({
      serverUrl: `${sandbox.baseUrl}/`, dataApi: { version: '9.2' },
      onTokenRefresh: async () => ((await (await tokenFor(sandbox)).json()) as { access_token: string }).access_token,
    });
  });
  afterAll(async () => sandbox.stop());

  it('creates, retrieves, updates and deletes a contact bound to an account', async () => {
    const [accountId] = sandbox.liveIds('accounts');
    const id = await api.create<Record<string, unknown>, string>({
      collection: 'contacts', data: { firstname: 'Ada', lastname: 'Lovelace', emailaddress1: 'ada@example.com', 'parentcustomerid_account@odata.bind': `/accounts(${accountId})` },
    });
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const contact = await api.retrieve({ collection: 'contacts', key: id, select: ['fullname', 'emailaddress1', '_parentcustomerid_value'], includeAnnotations: 'Microsoft.Dynamics.CRM.lookuplogicalname' });
    expect(contact).toMatchObject({ fullname: 'Ada Lovelace', emailaddress1: 'ada@example.com', _parentcustomerid_value: accountId, contactid: id });
    expect(contact['_parentcustomerid_value@Microsoft.Dynamics.CRM.lookuplogicalname']).toBe('account');
    await api.update({ collection: 'contacts', key: id, data: { jobtitle: 'Analyst' } });
    expect((await api.retrieve({ collection: 'contacts', key: id, select: ['jobtitle'] })).jobtitle).toBe('Analyst');
    await api.deleteRecord({ collection: 'contacts', key: id });
    await expect(api.retrieve({ collection: 'contacts', key: id })).rejects.toMatchObject({ status: 404, code: '0x80040217' });
  });

  it('lists with $select, $filter and paging by odata.maxpagesize, and retrieveAll follows the next links', async () => {
    const page = await api.retrieveMultiple({ collection: 'contacts', select: ['fullname', 'emailaddress1'], maxPageSize: 2 });
    expect(page.value).toHaveLength(2);
    expect(page.oDataNextLink).toContain('$skiptoken=');
    const next = await api.retrieveMultiple({ collection: 'contacts', select: ['fullname', 'emailaddress1'], maxPageSize: 2 }, page.oDataNextLink);
    expect(next.value.map((c) => c.contactid)).not.toContain(page.value[0]!.contactid);
    const all = await api.retrieveAll({ collection: 'contacts', select: ['emailaddress1'], maxPageSize: 2 });
    expect(all.value).toHaveLength(sandbox.liveIds('contacts').length);
    const email = String(all.value[0]!.emailaddress1);
    const found = await api.retrieveMultiple({ collection: 'contacts', select: ['emailaddress1'], filter: `emailaddress1 eq '${email.toUpperCase()}'` });
    expect(found.value.map((c) => c.emailaddress1)).toEqual([email]);
  });

  it('surfaces Dataverse\'s refusal with its code and message', async () => {
    const refused = api.create({ collection: 'contacts', data: { lastname: 'L'.repeat(60) } });
    await expect(refused).rejects.toMatchObject({ status: 400, code: '0x80044331', message: expect.stringContaining("The length of the 'lastname' attribute") });
  });

  it('reads what the client wrote through the connector\'s change tracking, deletions included', async () => {
    const ctx = await dynamicsContext(sandbox);
    const before = await readAll(ctx, sourceOf('contacts'), null, 'full');
    const id = await api.create<Record<string, unknown>, string>({ collection: 'contacts', data: { firstname: 'Grace', lastname: 'Hopper' } });
    const victim = String(before[0]!.records[0]!.id);
    await api.deleteRecord({ collection: 'contacts', key: victim });
    const changes = (await readAll(ctx, sourceOf('contacts'), before.at(-1)!.cursor, 'incremental')).flatMap((p) => p.records);
    expect(changes.map((r) => [r.id, r.deleted ?? false])).toEqual([[id, false], [victim, true]]);
  });
});
