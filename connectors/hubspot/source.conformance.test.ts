/**
 * The shared source conformance suite, unchanged, for every HubSpot object this connector reads.
 * The list endpoint serves 100 records a page, so the suite seeds 250.
 */
import { sourceConformance } from '../../test/conformance/source.js';
import { hubspotDefinition } from './definition.js';
import { LIST_PAGE_LIMIT } from './objects.js';
import { hubspotConformanceSandbox } from './sandbox/index.js';

const futureCursor = () => ({ since: new Date(Date.now() + 86_400_000).toISOString() });

for (const object of ['contacts', 'companies', 'notes']) {
  sourceConformance({ definition: hubspotDefinition, start: () => hubspotConformanceSandbox(), object, pageSize: LIST_PAGE_LIMIT, futureCursor });
}
