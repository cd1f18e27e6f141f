/**
 * The shared destination conformance suite, unchanged, for contacts and companies: HubSpot
 * property names in, HubSpot's own refusals (an invalid email, a non-numeric employee count)
 * named back per record.
 */
import { destinationConformance } from '../../test/conformance/destination.js';
import { hubspotDefinition } from './definition.js';
import { hubspotConformanceSandbox } from './sandbox/index.js';

const run = Date.now().toString(36);
const read = (record: Record<string, unknown>, field: string) => record[field];

destinationConformance({
  definition: hubspotDefinition, start: () => hubspotConformanceSandbox(), object: 'contacts',
  validRecord: (i) => ({ email: `person.${i}.${run}@example.com`, firstname: `Person ${i}`, lastname: 'Conformance' }),
  invalidRecord: () => ({ record: { email: 'not-an-email', firstname: 'Broken' }, field: 'email' }),
  update: { fields: { jobtitle: 'Head of Data', lastname: 'Updated' }, read },
});

destinationConformance({
  definition: hubspotDefinition, start: () => hubspotConformanceSandbox(), object: 'companies',
  validRecord: (i) => ({ name: `Company ${i}`, domain: `company-${i}-${run}.example.com` }),
  invalidRecord: () => ({ record: { name: 'Broken Ltd', numberofemployees: 'a few' }, field: 'numberofemployees' }),
  update: { fields: { industry: 'COMPUTER_SOFTWARE', numberofemployees: '42' }, read },
});
