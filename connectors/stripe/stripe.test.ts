/**
 * The shared conformance suites, unchanged, against the Stripe sandbox: customers, charges and
 * invoices as sources; customers as a destination.
 */
import { destinationConformance } from '../../test/conformance/destination.js';
import { sourceConformance } from '../../test/conformance/source.js';
import { stripeDefinition } from './definition.js';
import { PAGE_SIZE } from './source/list-read.js';
import { startConformanceSandbox } from './sandbox/index.js';

const futureCursor = () => ({ since: new Date(Date.now() + 24 * 60 * 60 * 1000).toISOString() });

for (const object of ['customers', 'charges', 'invoices']) {
  sourceConformance({ definition: stripeDefinition, start: () => startConformanceSandbox(), object, pageSize: PAGE_SIZE, futureCursor });
}

destinationConformance({
  definition: stripeDefinition,
  start: () => startConformanceSandbox(),
  object: 'customers',
  validRecord: (i) => ({ email: `ada.${i}.${Date.now()}@example.com`, name: 'Ada Lovelace', metadata: { plan: 'pro', index: String(i) } }),
  invalidRecord: () => ({ record: { email: 'not-an-email', name: 'Nobody' }, field: 'email' }),
  update: { fields: { name: 'Grace Hopper', phone: '+15555550123', metadata: { plan: 'enterprise' } }, read: (record, field) => field === 'metadata' ? { plan: (record.metadata as Record<string, string>).plan } : record[field] },
});
