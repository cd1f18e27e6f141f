import { createHttpExecutor, silentLogger } from '../../src/core/index.js';
import { ConnectorRegistry, type ConnectorContext } from '../../src/registry/index.js';
import type { LoadContextFactory } from '../../src/load/index.js';
import type { MemoryVendor } from './memory-destination.js';

/** A registered connector whose `contacts` destination is the in-memory vendor. */
export function memoryConnector(vendor: MemoryVendor, batchSize = 10): LoadContextFactory {
  const registry = new ConnectorRegistry();
  const definition = registry.register({
    id: 'memory', name: 'Memory', version: '1.0.0', category: 'crm', docsUrl: 'https://memory.test/', baseUrl: 'https://api.memory.test',
    auth: [{ id: 'none', type: 'none', label: 'None' }], allowedDomains: ['api.memory.test'],
    testConnection: async () => ({ ok: true }), guide: { steps: ['n/a'] },
    objects: [{ name: 'contacts', label: 'Contacts', canonical: 'person', primaryKey: 'id', naturalKey: 'email', mapping: [], destination: vendor.destination(batchSize) }],
  });
  return {
    async contextFor(connectionId) {
      const ctx: ConnectorContext = {
        http: createHttpExecutor({ connectorId: 'memory', connectionKey: connectionId, egress: { allowedDomains: ['api.memory.test'] } }),
        config: {}, credentials: async () => ({}), logger: silentLogger, signal: new AbortController().signal, tenant: { workspaceId: 'w', connectionId },
      };
      return { ctx, definition };
    },
  };
}
