/**
 * The shared source conformance suite, unchanged, for every NetSuite record type this connector
 * reads. SuiteQL pages hold 1,000 rows, so the suite seeds 2,500 of each (dated a minute apart in
 * the past, so an incremental read from the checkpoint sees only what changed since).
 */
import { sourceConformance } from '../../test/conformance/source.js';
import { netsuiteDefinition } from './definition.js';
import { PAGE_SIZE } from './objects.js';
import { netsuiteConformanceSandbox } from './sandbox/index.js';

const futureCursor = () => ({ since: new Date(Date.now() + 86_400_000).toISOString().slice(0, 19) });

for (const object of ['contact', 'customer', 'phonecall']) {
  sourceConformance({ definition: netsuiteDefinition, start: () => netsuiteConformanceSandbox(), object, pageSize: PAGE_SIZE, futureCursor });
}
