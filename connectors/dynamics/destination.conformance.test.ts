/**
 * The shared destination conformance suite, unchanged, for contacts and accounts: Dataverse
 * column names in, Dataverse's own refusals (a value longer than the column allows) named back
 * per record through `$batch`.
 */
import { destinationConformance } from '../../test/conformance/destination.js';
import { dynamicsDefinition } from './definition.js';
import { dynamicsConformanceSandbox } from './sandbox/index.js';

const run = Date.now().toString(36);
const read = (record: Record<string, unknown>, field: string) => record[field];

destinationConformance({
  definition: dynamicsDefinition, start: () => dynamicsConformanceSandbox(), object: 'contacts',
  validRecord: (i) => ({ emailaddress1: `person.${i}.${run}@example.com`, firstname: `Person ${i}`, lastname: 'Conformance' }),
  invalidRecord: () => ({ record: { emailaddress1: `${'x'.repeat(120)}@example.com`, lastname: 'Broken' }, field: 'emailaddress1' }),
  update: { fields: { jobtitle: 'Head of Data', lastname: 'Updated' }, read },
});

destinationConformance({
  definition: dynamicsDefinition, start: () => dynamicsConformanceSandbox(), object: 'accounts',
  validRecord: (i) => ({ name: `Company ${i} ${run}`, websiteurl: `https://company-${i}-${run}.example.com` }),
  invalidRecord: () => ({ record: { name: 'N'.repeat(200), websiteurl: 'https://long.example.com' }, field: 'name' }),
  update: { fields: { description: 'Biotechnology', numberofemployees: 42 }, read },
});
