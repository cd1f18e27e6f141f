/**
 * The shared destination conformance suite, unchanged, for contacts and accounts: Salesforce
 * field names in, Salesforce's own refusals (an invalid email, a missing account name) named
 * back per record through sObject Collections.
 */
import { destinationConformance } from '../../test/conformance/destination.js';
import { salesforceDefinition } from './definition.js';
import { salesforceConformanceSandbox } from './sandbox/index.js';

const run = Date.now().toString(36);
const read = (record: Record<string, unknown>, field: string) => record[field];

destinationConformance({
  definition: salesforceDefinition, start: () => salesforceConformanceSandbox(), object: 'contact',
  validRecord: (i) => ({ Email: `person.${i}.${run}@example.com`, FirstName: `Person ${i}`, LastName: 'Conformance' }),
  invalidRecord: () => ({ record: { Email: 'not-an-email', LastName: 'Broken' }, field: 'Email' }),
  update: { fields: { Title: 'Head of Data', LastName: 'Updated' }, read },
});

destinationConformance({
  definition: salesforceDefinition, start: () => salesforceConformanceSandbox(), object: 'account',
  validRecord: (i) => ({ Name: `Company ${i} ${run}`, Website: `company-${i}-${run}.example.com` }),
  invalidRecord: () => ({ record: { Website: 'nameless.example.com', Industry: 'Energy' }, field: 'Name' }),
  update: { fields: { Industry: 'Biotechnology', NumberOfEmployees: 42 }, read },
});
