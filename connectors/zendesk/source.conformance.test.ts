/**
 * The shared source conformance suite, unchanged, for every Zendesk object this connector reads.
 * Export pages hold 1,000 records, so the suite seeds 2,500 of each. The sandbox runs with the
 * export limit raised and the one-minute export delay off (sandbox/conformance.ts says why);
 * sandbox.test.ts checks both at Zendesk's values.
 */
import { sourceConformance } from '../../test/conformance/source.js';
import { zendeskDefinition } from './definition.js';
import { EXPORT_PAGE_SIZE } from './resources.js';
import { zendeskConformanceSandbox } from './sandbox/index.js';

const futureCursor = () => ({ since: new Date(Date.now() + 86_400_000).toISOString(), of: 'incremental' });

for (const object of ['tickets', 'users', 'organizations']) {
  sourceConformance({ definition: zendeskDefinition, start: () => zendeskConformanceSandbox(), object, pageSize: EXPORT_PAGE_SIZE, futureCursor });
}
