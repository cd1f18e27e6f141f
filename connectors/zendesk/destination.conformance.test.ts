/**
 * The shared destination conformance suite, unchanged, for users and organizations: Zendesk
 * attribute names in, Zendesk's own refusals (a malformed email, a nameless organization) named
 * back per record from the bulk job's results.
 */
import { destinationConformance } from '../../test/conformance/destination.js';
import { zendeskDefinition } from './definition.js';
import { zendeskConformanceSandbox } from './sandbox/index.js';

const run = Date.now().toString(36);
const read = (record: Record<string, unknown>, field: string) => record[field];

destinationConformance({
  definition: zendeskDefinition, start: () => zendeskConformanceSandbox(), object: 'users',
  validRecord: (i) => ({ name: `Person ${i}`, email: `person.${i}.${run}@example.com` }),
  invalidRecord: () => ({ record: { name: 'Broken', email: 'not-an-email' }, field: 'email' }),
  update: { fields: { phone: '+15550001111', notes: 'Updated by Forgeworks' }, read },
});

destinationConformance({
  definition: zendeskDefinition, start: () => zendeskConformanceSandbox(), object: 'organizations',
  validRecord: (i) => ({ name: `Company ${i} ${run}`, domain_names: [`company-${i}-${run}.example.com`] }),
  invalidRecord: () => ({ record: { notes: 'has no name' }, field: 'name' }),
  update: { fields: { details: 'Enterprise customer', notes: 'Updated by Forgeworks' }, read },
});
