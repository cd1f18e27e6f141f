/**
 * The shared source conformance suite, unchanged, for every sObject this connector reads. The
 * connector asks for query batches of 200, so the suite seeds 500 of each.
 */
import { sourceConformance } from '../../test/conformance/source.js';
import { salesforceDefinition } from './definition.js';
import { QUERY_BATCH_SIZE } from './objects.js';
import { salesforceConformanceSandbox } from './sandbox/index.js';

const futureCursor = () => ({ since: new Date(Date.now() + 86_400_000).toISOString() });

for (const object of ['contact', 'account', 'task']) {
  sourceConformance({ definition: salesforceDefinition, start: () => salesforceConformanceSandbox(), object, pageSize: QUERY_BATCH_SIZE, futureCursor });
}
