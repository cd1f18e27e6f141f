/**
 * The bridge part of the API client: a workspace's bridges, and the connections that can be one
 * of their ends: those whose connector is in the catalogue's `messaging` category and offers
 * two-way messaging (`messaging: true`). Nothing here knows a particular chat vendor.
 */
import { listOf, request } from '../http.js';
import type { CatalogueEntry, Connection } from '../types.js';
import type { Bridge, BridgeWithMessages, ChatConnection, NewBridge } from './types.js';

const e = encodeURIComponent;
const bridges = (workspaceId: string) => `/api/v1/workspaces/${e(workspaceId)}/bridges`;
const one = (workspaceId: string, id: string) => `${bridges(workspaceId)}/${e(id)}`;

/** The API's largest page: a workspace has far fewer chat connections than that. */
const ALL = 500;

async function chatConnections(workspaceId: string): Promise<ChatConnection[]> {
  const catalogue = listOf<CatalogueEntry>(await request('/api/v1/connectors', { query: { category: 'messaging' } }), 'connectors')
    .filter((c) => c.category === 'messaging' && c.messaging);
  const perConnector = await Promise.all(catalogue.map(async (connector) => {
    const rows = listOf<Connection>(await request(`/api/v1/workspaces/${e(workspaceId)}/connections`, { query: { connectorId: connector.id, limit: ALL } }), 'connections');
    return rows.map((c) => ({ id: c.id, name: c.name, connectorId: c.connectorId, connectorName: connector.name, status: c.status }));
  }));
  return perConnector.flat().sort((x, y) => x.name.localeCompare(y.name));
}

export const bridgeApi = {
  list: async (workspaceId: string) => (await request<{ items: Bridge[] }>(bridges(workspaceId))).items,
  get: (workspaceId: string, id: string) => request<BridgeWithMessages>(one(workspaceId, id)),
  create: (workspaceId: string, body: NewBridge) => request<Bridge>(bridges(workspaceId), { method: 'POST', body }),
  setEnabled: (workspaceId: string, id: string, enabled: boolean) => request<Bridge>(one(workspaceId, id), { method: 'PATCH', body: { enabled } }),
  remove: (workspaceId: string, id: string) => request<{ id: string; deleted: true }>(one(workspaceId, id), { method: 'DELETE' }),
  chatConnections,
};
