/**
 * SDK fidelity: HubSpot's official Node client, untouched, against the sandbox. If the SDK needs
 * a header, a status or a body shape the sandbox does not give, these fail, not the SDK.
 */
import { Client } from '@hubspot/api-client';
import type { FilterOperatorEnum } from '@hubspot/api-client/lib/codegen/crm/contacts/models/Filter.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHubspotSandbox, type HubspotSandbox } from './sandbox/index.js';

let sandbox: HubspotSandbox;
let client: Client;

beforeAll(async () => {
  sandbox = await startHubspotSandbox({ seed: { contacts: 12, companies: 3 } });
  client = new Client({ accessToken: sandbox.token, basePath: sandbox.baseUrl });
});
afterAll(async () => sandbox.stop());

describe('the official @hubspot/api-client against the sandbox', () => {
  it('pages contacts with basicApi.getPage and paging.next.after', async () => {
    const first = await client.crm.contacts.basicApi.getPage(5, undefined, ['email', 'jobtitle']);
    expect(first.results).toHaveLength(5);
    expect(first.results[0]!.properties.email).toMatch(/@example\.com$/);
    expect(first.results[0]!.properties.jobtitle).toBeTruthy();
    expect(first.results[0]!.createdAt).toBeInstanceOf(Date);
    expect(first.paging?.next?.link).toContain('after=');
    const second = await client.crm.contacts.basicApi.getPage(5, first.paging!.next!.after);
    const third = await client.crm.contacts.basicApi.getPage(5, second.paging!.next!.after);
    const ids = [...first.results, ...second.results, ...third.results].map((r) => r.id);
    expect(new Set(ids).size).toBe(12);
    expect(third.paging).toBeUndefined();
  });

  it('searches with searchApi.doSearch: filters, one sort, limit and the after offset', async () => {
    const since = Date.now() - 55 * 60_000;
    const request = {
      filterGroups: [{ filters: [{ propertyName: 'lastmodifieddate', operator: 'GTE' as FilterOperatorEnum, value: String(since) }] }],
      sorts: ['lastmodifieddate'], properties: ['email', 'lastmodifieddate'], limit: 2, after: '0',
    };
    const page = await client.crm.contacts.searchApi.doSearch(request);
    // Seeded ten minutes apart, the newest ten minutes ago: five in the last 55 minutes.
    expect(page.total).toBe(5);
    expect(page.results).toHaveLength(2);
    expect(page.paging?.next?.after).toBe('2');
    const times = page.results.map((r) => Date.parse(r.properties.lastmodifieddate!));
    expect(times[0]).toBeLessThanOrEqual(times[1]!);
  });

  it('surfaces a 207 from batchApi.create as a result with errors, not an exception', async () => {
    const answer = await client.crm.contacts.batchApi.create({
      inputs: [
        { objectWriteTraceId: 'good', properties: { email: 'Sdk.Person@Example.com', firstname: 'Sdk' }, associations: [] },
        { objectWriteTraceId: 'bad', properties: { email: 'not-an-email' }, associations: [] },
      ],
    });
    expect(answer.results).toHaveLength(1);
    expect(answer.results[0]!.properties.email).toBe('sdk.person@example.com');
    expect('errors' in answer && answer.errors).toBeTruthy();
    const withErrors = answer as typeof answer & { numErrors?: number; errors?: Array<{ category: string; message: string; context: Record<string, string[]> }> };
    expect(withErrors.numErrors).toBe(1);
    expect(withErrors.errors![0]!.category).toBe('VALIDATION_ERROR');
    expect(withErrors.errors![0]!.context.objectWriteTraceId).toEqual(['bad']);
    expect(withErrors.errors![0]!.message).toContain('"name":"email"');
  });

  it('throws an ApiException with HubSpot\'s body when a batch without trace ids is refused whole', async () => {
    const failure = await client.crm.contacts.batchApi.create({ inputs: [{ properties: { email: 'ok.one@example.com' }, associations: [] }, { properties: { email: 'nope' }, associations: [] }] })
      .then(() => undefined, (error: unknown) => error as { code: number; body: { category: string; errors: Array<{ context: { propertyName: string[] } }> } });
    expect(failure?.code).toBe(400);
    expect(failure?.body.category).toBe('VALIDATION_ERROR');
    expect(failure?.body.errors[0]!.context.propertyName).toEqual(['email']);
    // All or nothing: the valid input was not created either.
    expect(sandbox.store.contactByEmail('ok.one@example.com')).toBeUndefined();
  });

  it('archives a company with basicApi.archive: gone from reads, listed with archived=true', async () => {
    const [company] = sandbox.store.liveIds('companies');
    await client.crm.companies.basicApi.archive(company!);
    await expect(client.crm.companies.basicApi.getById(company!)).rejects.toMatchObject({ code: 404 });
    const archived = await client.crm.companies.basicApi.getPage(10, undefined, undefined, undefined, undefined, true);
    expect(archived.results.map((r) => r.id)).toEqual([company]);
    expect(archived.results[0]!.archived).toBe(true);
    expect(archived.results[0]!.archivedAt).toBeInstanceOf(Date);
  });

  it('answers a bad token with HubSpot\'s 401 body', async () => {
    const stranger = new Client({ accessToken: 'pat-na1-00000000-0000-4000-8000-000000000000', basePath: sandbox.baseUrl });
    await expect(stranger.crm.contacts.basicApi.getPage(1)).rejects.toMatchObject({ code: 401, body: { category: 'INVALID_AUTHENTICATION' } });
  });
});
