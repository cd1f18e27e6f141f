/**
 * The default mappings both ways: SuiteQL rows (as NetSuite answers them: text, 'T'/'F', empty
 * columns absent) to canonical records, and canonical records to what a load sends the record API.
 */
import { describe, expect, it } from 'vitest';
import { applyMapping, mappingSchema } from '../../src/canonical/index.js';
import { preparePage } from '../../src/stream/index.js';
import { writable } from './destination/fields.js';
import { destinationMappingOf, mappingOf } from './fixtures/context.js';
import contactRow from './fixtures/contact.json' with { type: 'json' };
import customerRow from './fixtures/customer.json' with { type: 'json' };
import phonecallRow from './fixtures/phonecall.json' with { type: 'json' };
import { CONTACT, CUSTOMER, PHONECALL } from './objects.js';
import { liveRecord } from './source/records.js';

const scrub = (text: string) => text;
const mapped = (object: string, canonical: 'person' | 'account' | 'activity', record: ReturnType<typeof liveRecord>) => {
  const { rows, rejected } = preparePage([record], { canonical, mapping: mappingSchema.parse(mappingOf(object)), scrub });
  expect(rejected).toEqual([]);
  return rows[0]!.data;
};

describe('default mappings', () => {
  it('maps a contact row to a Person, keeping its company as the account', () => {
    const record = liveRecord(CONTACT, contactRow);
    expect(record.cursorValue).toBe('2024-01-15T10:35:07');
    expect(mapped('contact', 'person', record)).toMatchObject({
      externalId: '1187', email: 'mary.evans@biglytics.example', firstName: 'Mary', lastName: 'Evans', title: 'Controller', phone: '+44 20 7946 0000', accountExternalId: '1042',
      properties: { entityId: 'Mary Evans', externalId: 'CRM-C-77', subsidiary: '2', inactive: false, createdAt: '2023-11-02T09:15:00.000Z', lastModifiedAt: '2024-01-15T10:35:07.000Z' },
    });
  });

  it('maps a customer row to an Account with its web domain', () => {
    expect(mapped('customer', 'account', liveRecord(CUSTOMER, customerRow))).toMatchObject({
      externalId: '1042', name: 'Biglytics Ltd', domain: 'biglytics.example',
      properties: { email: 'ap@biglytics.example', url: 'https://www.Biglytics.example/about', entityId: 'CUS1042', isPerson: false, subsidiary: '2' },
    });
  });

  it('names an individual customer (no company name) by its first and last name', () => {
    const { companyname: _company, ...person } = { ...customerRow, isperson: 'T', firstname: 'Jo', lastname: 'Bloggs' };
    expect(mapped('customer', 'account', liveRecord(CUSTOMER, person))).toMatchObject({ name: 'Jo Bloggs', properties: { isPerson: true } });
  });

  it('maps a phone call to a call Activity that happened when it was completed', () => {
    expect(mapped('phonecall', 'activity', liveRecord(PHONECALL, phonecallRow))).toMatchObject({
      externalId: '5012', type: 'call', channel: 'phone', occurredAt: '2024-03-05T00:00:00.000Z', personExternalId: '1187', accountExternalId: '1042',
      properties: { subject: 'Renewal call', status: 'completed', priority: 'high', ownerId: '7' },
    });
    const { completeddate: _done, ...open } = phonecallRow;
    expect(mapped('phonecall', 'activity', liveRecord(PHONECALL, open)).occurredAt).toBe('2024-03-04T00:00:00.000Z');
  });

  it('maps a canonical Person and Account to record API bodies', () => {
    const person = applyMapping({ email: 'Mary@Example.com', firstName: 'Mary', lastName: 'Evans', phone: '+44 20 7946 0000', accountExternalId: '1042' }, mappingSchema.parse(destinationMappingOf('contact')));
    expect(writable(CONTACT, person.record, 'create')).toEqual({ email: 'mary@example.com', firstName: 'Mary', lastName: 'Evans', phone: '+44 20 7946 0000', company: { id: '1042' } });
    const account = applyMapping({ name: 'Biglytics', domain: 'Biglytics.NET', properties: { externalId: 'acct-7' } }, mappingSchema.parse(destinationMappingOf('customer')));
    // A OneWorld customer gets the connection's subsidiary when the load names none.
    expect(writable(CUSTOMER, account.record, 'create', { subsidiaryId: '3' })).toEqual({ companyName: 'Biglytics', url: 'https://biglytics.net', externalId: 'acct-7', subsidiary: { id: '3' } });
    // An update clears with null and never sends what NetSuite sets itself.
    expect(writable(CONTACT, { title: '', company: null, id: '5', lastModifiedDate: 'x', links: [] }, 'update')).toEqual({ title: null, company: null });
  });
});
