/**
 * The shared stream reliability suite against the dynamics sandbox: contacts streamed through worker
 * crashes (SIGKILL at random points), 20% of 429s, 503s and resets, and a 401 mid-run. The load
 * reliability suite is not run here yet (it needs this vendor's record comparison adapter).
 */
import { streamReliabilitySuite } from '../../test/conformance/stream-reliability.js';
import { dynamicsDefinition } from './definition.js';
import { PAGE_SIZE } from './entities.js';
import { dynamicsConformanceSandbox } from './sandbox/index.js';

streamReliabilitySuite({
  definition: dynamicsDefinition, start: () => dynamicsConformanceSandbox(), object: 'contacts', pageSize: PAGE_SIZE,
  crash: { records: 4000, kills: 3 },
  // Enough pages for some thirty requests, so every kind of fault lands.
  faults: { records: 30 * PAGE_SIZE },
  unauthorizedAt: 4,
});
