/**
 * The default mappings, from Dataverse rows as the Web API answers them (with the
 * FormattedValue and lookuplogicalname annotations the connector asks for) to canonical Person,
 * Account and Activity records, and back for loads.
 */
import { describe, expect, it } from 'vitest';
import { applyMapping, mappingSchema } from '../../src/canonical/index.js';
import type { ObjectDefinition } from '../../src/registry/index.js';
import { preparePage } from '../../src/stream/index.js';
import { dynamicsDefinition } from './definition.js';
import { ACCOUNTS, CONTACTS, TASKS } from './entities.js';
import contactRow from './fixtures/contact.json' with { type: 'json' };
import { domainOf, liveRecord, tombstone } from './records.js';

const objectOf = (name: string) => dynamicsDefinition.objects!.find((o) => o.name === name) as unknown as ObjectDefinition;
const mappingOf = (name: string) => mappingSchema.parse(objectOf(name).mapping);
const scrub = (text: string) => text;
const FORMATTED = '@OData.Community.Display.V1.FormattedValue';

describe('default mappings', () => {
  it('maps a contact to a Person, its account from the lookup and modifiedon as the cursor value', () => {
    const record = liveRecord(CONTACTS, contactRow);
    const { rows, rejected } = preparePage([record], { canonical: 'person', mapping: mappingOf('contacts'), scrub });
    expect(rejected).toEqual([]);
    expect(rows[0]!.data).toEqual({
      externalId: '25a17064-1ae7-e611-80f4-e0071b661f01', email: 'yvonne.mckay@contoso.com', firstName: 'Yvonne', lastName: 'McKay', title: 'Purchasing Manager',
      phone: '555-0120', accountExternalId: '7eb682f1-ca75-e511-80d4-00155d2a68d1',
      properties: { fullName: 'Yvonne McKay', city: 'Redmond', country: 'United States', status: 'Active', createdAt: '2024-05-02T09:12:44.000Z' },
    });
    expect(record.cursorValue).toBe('2024-06-02T17:40:03Z');
    expect(Object.keys(record.data).some((k) => k.includes('@'))).toBe(false);
  });

  it('leaves a contact whose parent is another contact without an account', () => {
    const row = { ...contactRow, '_parentcustomerid_value@Microsoft.Dynamics.CRM.lookuplogicalname': 'contact' };
    const { rows } = preparePage([liveRecord(CONTACTS, row)], { canonical: 'person', mapping: mappingOf('contacts'), scrub });
    expect(rows[0]!.data).not.toHaveProperty('accountExternalId');
  });

  it('maps an account with its domain from the website and its industry label', () => {
    const row = {
      accountid: '7eb682f1-ca75-e511-80d4-00155d2a68d1', name: 'Fourth Coffee', websiteurl: 'https://www.Fourth-Coffee.com/about', industrycode: 6,
      [`industrycode${FORMATTED}`]: 'Business Services', numberofemployees: 1200, revenue: 5000000.0, emailaddress1: 'Info@FourthCoffee.com', statecode: 1, [`statecode${FORMATTED}`]: 'Inactive',
      modifiedon: '2024-06-02T17:40:03Z',
    };
    const { rows } = preparePage([liveRecord(ACCOUNTS, row)], { canonical: 'account', mapping: mappingOf('accounts'), scrub });
    expect(rows[0]!.data).toEqual({
      externalId: '7eb682f1-ca75-e511-80d4-00155d2a68d1', name: 'Fourth Coffee', domain: 'fourth-coffee.com', industry: 'Business Services', employeeCount: 1200, annualRevenue: 5000000,
      properties: { website: 'https://www.Fourth-Coffee.com/about', email: 'info@fourthcoffee.com', status: 'Inactive' },
    });
    expect(domainOf('contoso.com')).toBe('contoso.com');
    expect(domainOf('')).toBeUndefined();
  });

  it('maps a completed task regarding a contact to an activity dated when it was completed', () => {
    const row = {
      activityid: 'd31ba648-c592-ed11-aad1-000d3a993550', subject: 'Call about the renewal', scheduledend: '2024-06-03T16:00:00Z', actualend: '2024-06-02T18:00:00Z',
      prioritycode: 2, [`prioritycode${FORMATTED}`]: 'High', statecode: 1, [`statecode${FORMATTED}`]: 'Completed',
      _regardingobjectid_value: '25a17064-1ae7-e611-80f4-e0071b661f01', '_regardingobjectid_value@Microsoft.Dynamics.CRM.lookuplogicalname': 'contact',
      _ownerid_value: 'b2f1c3d4-0000-4000-8000-000000000001', createdon: '2024-06-01T08:00:00Z', modifiedon: '2024-06-02T18:00:00Z',
    };
    const { rows, rejected } = preparePage([liveRecord(TASKS, row)], { canonical: 'activity', mapping: mappingOf('tasks'), scrub });
    expect(rejected).toEqual([]);
    expect(rows[0]!.data).toEqual({
      externalId: 'd31ba648-c592-ed11-aad1-000d3a993550', type: 'task', occurredAt: '2024-06-02T18:00:00.000Z', personExternalId: '25a17064-1ae7-e611-80f4-e0071b661f01',
      properties: { subject: 'Call about the renewal', status: 'Completed', priority: 'High', dueAt: '2024-06-03T16:00:00.000Z', completedAt: '2024-06-02T18:00:00.000Z', ownerId: 'b2f1c3d4-0000-4000-8000-000000000001' },
    });
  });

  it('dates an open task regarding an account by its due date, or by when it was logged', () => {
    const open = { activityid: 'd41ba648-c592-ed11-aad1-000d3a993550', scheduledend: '2024-07-01T09:00:00Z', createdon: '2024-06-01T08:00:00Z', _regardingobjectid_value: '7eb682f1-ca75-e511-80d4-00155d2a68d1', '_regardingobjectid_value@Microsoft.Dynamics.CRM.lookuplogicalname': 'account' };
    const undated = { activityid: 'd51ba648-c592-ed11-aad1-000d3a993550', createdon: '2024-06-01T08:00:00Z' };
    const { rows } = preparePage([liveRecord(TASKS, open), liveRecord(TASKS, undated)], { canonical: 'activity', mapping: mappingOf('tasks'), scrub });
    expect(rows.map((r) => r.data)).toEqual([
      { externalId: 'd41ba648-c592-ed11-aad1-000d3a993550', type: 'task', occurredAt: '2024-07-01T09:00:00.000Z', accountExternalId: '7eb682f1-ca75-e511-80d4-00155d2a68d1', properties: { dueAt: '2024-07-01T09:00:00.000Z' } },
      { externalId: 'd51ba648-c592-ed11-aad1-000d3a993550', type: 'task', occurredAt: '2024-06-01T08:00:00.000Z' },
    ]);
  });

  it('makes a deleted entry a tombstone', () => {
    expect(tombstone({ '@odata.context': 'https://x/api/data/v9.2/$metadata#contacts/$deletedEntity', id: '2E451703-C686-E711-80E5-00155DB19E6D', reason: 'deleted' }))
      .toEqual({ id: '2e451703-c686-e711-80e5-00155db19e6d', data: { id: '2E451703-C686-E711-80E5-00155DB19E6D', reason: 'deleted' }, deleted: true });
  });

  it('maps canonical records to Dataverse columns for loads', () => {
    const person = applyMapping({ email: 'Ada@Example.com', firstName: 'Ada', lastName: 'Lovelace', title: 'Analyst', phone: '555', accountExternalId: '7eb682f1-ca75-e511-80d4-00155d2a68d1' }, mappingSchema.parse(objectOf('contacts').destinationMapping));
    expect(person.record).toEqual({ emailaddress1: 'ada@example.com', firstname: 'Ada', lastname: 'Lovelace', jobtitle: 'Analyst', telephone1: '555', _parentcustomerid_value: '7eb682f1-ca75-e511-80d4-00155d2a68d1' });
    const account = applyMapping({ name: 'Fourth Coffee', domain: 'Fourth-Coffee.com', employeeCount: 1200, annualRevenue: 5e6 }, mappingSchema.parse(objectOf('accounts').destinationMapping));
    expect(account.record).toEqual({ name: 'Fourth Coffee', websiteurl: 'fourth-coffee.com', numberofemployees: 1200, revenue: 5000000 });
  });
});
