/**
 * The shared destination conformance suite, unchanged, for contacts and customers: record API
 * field ids in, NetSuite's own refusals (a malformed email, named by `o:errorPath`; a customer
 * without a company name, named only by its UI label) named back per record.
 */
import { destinationConformance } from '../../test/conformance/destination.js';
import { netsuiteDefinition } from './definition.js';
import { netsuiteConformanceSandbox } from './sandbox/index.js';

const run = Date.now().toString(36);
const read = (record: Record<string, unknown>, field: string) => record[field];

destinationConformance({
  definition: netsuiteDefinition, start: () => netsuiteConformanceSandbox(), object: 'contact',
  validRecord: (i) => ({ firstName: 'Person', lastName: `${i}`, email: `person.${i}.${run}@example.com` }),
  invalidRecord: () => ({ record: { firstName: 'Broken', email: 'not-an-email' }, field: 'email' }),
  update: { fields: { title: 'Controller', phone: '+1 555 0100' }, read },
});

destinationConformance({
  definition: netsuiteDefinition, start: () => netsuiteConformanceSandbox(), object: 'customer',
  validRecord: (i) => ({ companyName: `Company ${i} ${run}`, email: `billing.${i}.${run}@example.com` }),
  invalidRecord: () => ({ record: { email: 'has-no-company@example.com' }, field: 'companyName' }),
  update: { fields: { phone: '+1 555 0199', comments: 'Updated by Forgeworks' }, read },
});
