/**
 * The automation part of the API client: the org's automations (org admins) and the platform's
 * JSON connectors as the current workspace sees them (every member).
 */
import { request } from '../http.js';
import type { Automation, AutomationRun, JsonConnector, NewAutomation } from './types.js';

const e = encodeURIComponent;
const automations = (orgId: string) => `/api/v1/orgs/${e(orgId)}/automations`;
const one = (orgId: string, id: string) => `${automations(orgId)}/${e(id)}`;
const settings = (workspaceId: string) => `/api/v1/workspaces/${e(workspaceId)}/settings/connector`;

export const automationApi = {
  list: async (orgId: string) => (await request<{ items: Automation[] }>(automations(orgId))).items,
  get: (orgId: string, id: string) => request<Automation>(one(orgId, id)),
  create: (orgId: string, body: NewAutomation) => request<Automation>(automations(orgId), { method: 'POST', body }),
  update: (orgId: string, id: string, body: NewAutomation) => request<Automation>(one(orgId, id), { method: 'PUT', body }),
  setEnabled: (orgId: string, id: string, enabled: boolean) => request<Automation>(`${one(orgId, id)}/${enabled ? 'enable' : 'disable'}`, { method: 'POST', body: {} }),
  runs: async (orgId: string, id: string, limit = 20) => (await request<{ items: AutomationRun[] }>(`${one(orgId, id)}/runs`, { query: { limit } })).items,

  connectors: async (workspaceId: string) => (await request<{ items: JsonConnector[] }>(settings(workspaceId))).items,
  saveSetting: (workspaceId: string, connectorId: string, body: { enabled: boolean; config?: Record<string, string> }) =>
    request<{ connector_id: string; enabled: boolean; configured: Record<string, boolean> }>(`${settings(workspaceId)}/${e(connectorId)}`, { method: 'PUT', body }),
};
