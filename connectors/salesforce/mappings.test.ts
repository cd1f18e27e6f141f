/**
 * The default mappings, from Salesforce records as the REST API answers them to canonical
 * Person, Account and Activity records.
 */
import { describe, expect, it } from 'vitest';
import { mappingSchema } from '../../src/canonical/index.js';
import type { ObjectDefinition } from '../../src/registry/index.js';
import { preparePage } from '../../src/stream/index.js';
import { salesforceDefinition } from './definition.js';
import contactFixture from './fixtures/contact.json' with { type: 'json' };
import { ACCOUNT, CONTACT, TASK } from './objects.js';
import { domainOf, sourceRecord } from './records.js';
import { recordSchema } from './schemas.js';

const objectOf = (name: string) => salesforceDefinition.objects!.find((o) => o.name === name) as unknown as ObjectDefinition;
const mappingOf = (name: string) => mappingSchema.parse(objectOf(name).mapping);
const scrub = (text: string) => text;

describe('default mappings', () => {
  it('maps a Contact to a canonical Person, its SystemModstamp as the cursor value', () => {
    const record = sourceRecord(CONTACT, recordSchema.parse(contactFixture), false);
    const { rows, rejected } = preparePage([record], { canonical: 'person', mapping: mappingOf('contact'), scrub });
    expect(rejected).toEqual([]);
    expect(rows[0]!.data).toEqual({
      externalId: '003Dn00000qRvLbIAK', email: 'rose@edge.com', firstName: 'Rose', lastName: 'Gonzalez', title: 'SVP, Procurement',
      phone: '(512) 757-6000', accountExternalId: '001Dn00000Ri1a3IAB', properties: { ownerId: '005Dn000003bBTdIAM' },
    });
    expect(record.cursorValue).toBe('2024-06-02T17:40:03.000Z');
    expect(record.data).not.toHaveProperty('attributes');
  });

  it('maps an Account with its domain taken from the website, numbers as numbers', () => {
    const account = recordSchema.parse({
      attributes: { type: 'Account' }, Id: '001Dn00000Ri1a3IAB', Name: 'Edge Communications', Website: 'https://www.Edge-Comm.com/about', Industry: 'Electronics',
      NumberOfEmployees: 1000, AnnualRevenue: 139000000, SystemModstamp: '2024-06-02T17:40:03.000+0000',
    });
    const { rows } = preparePage([sourceRecord(ACCOUNT, account, false)], { canonical: 'account', mapping: mappingOf('account'), scrub });
    expect(rows[0]!.data).toEqual({
      externalId: '001Dn00000Ri1a3IAB', name: 'Edge Communications', domain: 'edge-comm.com', industry: 'Electronics', employeeCount: 1000, annualRevenue: 139000000,
      properties: { website: 'https://www.Edge-Comm.com/about' },
    });
    expect(domainOf('edge.com')).toBe('edge.com');
    expect(domainOf('')).toBeUndefined();
  });

  it('maps a completed call Task to an activity when it was completed, naming its contact and account', () => {
    const task = recordSchema.parse({
      attributes: { type: 'Task' }, Id: '00TDn00000AbCdEIAV', Subject: 'Call about renewal', Status: 'Completed', Priority: 'High', TaskSubtype: 'Call',
      ActivityDate: '2024-06-03', CompletedDateTime: '2024-06-02T18:00:00.000+0000', WhoId: '003Dn00000qRvLbIAK', AccountId: '001Dn00000Ri1a3IAB',
      CreatedDate: '2024-06-01T08:00:00.000+0000', SystemModstamp: '2024-06-02T18:00:00.000+0000',
    });
    const { rows, rejected } = preparePage([sourceRecord(TASK, task, false)], { canonical: 'activity', mapping: mappingOf('task'), scrub });
    expect(rejected).toEqual([]);
    expect(rows[0]!.data).toEqual({
      externalId: '00TDn00000AbCdEIAV', type: 'call', occurredAt: '2024-06-02T18:00:00.000Z', personExternalId: '003Dn00000qRvLbIAK', accountExternalId: '001Dn00000Ri1a3IAB',
      properties: { subject: 'Call about renewal', status: 'Completed', priority: 'High' },
    });
  });

  it('dates an open task by its due date and leaves a lead (00Q) out of the person link', () => {
    const task = recordSchema.parse({ attributes: { type: 'Task' }, Id: '00TDn00000AbCdFIAV', TaskSubtype: null, ActivityDate: '2024-07-01', WhoId: '00QDn00000LeadAIAA', CreatedDate: '2024-06-01T08:00:00.000+0000' });
    const { rows } = preparePage([sourceRecord(TASK, task, false)], { canonical: 'activity', mapping: mappingOf('task'), scrub });
    expect(rows[0]!.data).toEqual({ externalId: '00TDn00000AbCdFIAV', type: 'task', occurredAt: '2024-07-01T00:00:00.000Z' });
  });
});
