/**
 * The shared source conformance suite, unchanged, for every table this connector reads. Pages
 * hold 1,000 rows, so the suite seeds 2,500 of each. The future cursor is a datetime checkpoint
 * without a delta token: the read goes through the whole table and keeps nothing.
 */
import { sourceConformance } from '../../test/conformance/source.js';
import { dynamicsDefinition } from './definition.js';
import { PAGE_SIZE } from './entities.js';
import { dynamicsConformanceSandbox } from './sandbox/index.js';

const futureCursor = () => ({ since: new Date(Date.now() + 86_400_000).toISOString(), of: 'incremental' });

for (const object of ['contacts', 'accounts', 'tasks']) {
  sourceConformance({ definition: dynamicsDefinition, start: () => dynamicsConformanceSandbox(), object, pageSize: PAGE_SIZE, futureCursor });
}
