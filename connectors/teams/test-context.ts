/**
 * Tests only: a connector context wired to a Teams sandbox (token endpoint included, through the
 * platform's token routing), and the connector's messaging operations.
 */
import { buildConnectorContext } from '../../src/connections/context.js';
import { ConnectorRegistry, type CaptureContext, type ConnectorContext, type MessagingOperations } from '../../src/registry/index.js';
import { teamsDefinition } from './definition.js';
import type { TeamsSandbox } from './sandbox/index.js';

let counter = 0;

export const teams = teamsDefinition.messaging as MessagingOperations;

export async function teamsContext(sandbox: TeamsSandbox, options: { method?: 'app_only' | 'delegated'; secrets?: Record<string, string> } = {}): Promise<ConnectorContext> {
  const method = options.method ?? 'app_only';
  const secrets = {
    clientId: sandbox.clientId, clientSecret: sandbox.clientSecret, clientState: sandbox.clientState,
    ...(method === 'delegated' ? { accessToken: sandbox.userToken } : {}), ...options.secrets,
  };
  const { ctx } = await buildConnectorContext({
    definition: new ConnectorRegistry().register(teamsDefinition), authMethodId: method, config: { tenantId: sandbox.tenantId }, secrets: async () => secrets,
    tenant: { workspaceId: 'ws-teams', connectionId: `teams-test-${++counter}` }, sandboxBaseUrl: sandbox.baseUrl, allowSandbox: true,
  });
  return ctx;
}

export function captureContext(sandbox: TeamsSandbox, overrides: Partial<CaptureContext> = {}): CaptureContext {
  return { secrets: { clientId: sandbox.clientId, clientSecret: sandbox.clientSecret, clientState: sandbox.clientState }, config: { tenantId: sandbox.tenantId }, nowMs: Date.now(), ...overrides };
}
