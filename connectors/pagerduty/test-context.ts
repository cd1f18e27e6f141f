/**
 * A ctx against a running PagerDuty sandbox, wired as the runtime wires a stored connection, for
 * this folder's own tests (the conformance suite builds its own).
 */
import { buildConnectorContext } from '../../src/connections/context.js';
import { ConnectorRegistry, type ConnectorContext } from '../../src/registry/index.js';
import { pagerdutyDefinition } from './definition.js';
import type { PagerDutySandbox } from './sandbox/index.js';

let n = 0;

export async function contextFor(sandbox: PagerDutySandbox, secrets: Record<string, string> = { routingKey: sandbox.routingKey }, config: Record<string, unknown> = {}): Promise<ConnectorContext> {
  const definition = new ConnectorRegistry().register(pagerdutyDefinition);
  const { ctx } = await buildConnectorContext({
    definition, authMethodId: 'integration_key', config: { eventsHost: 'events.pagerduty.com', ...config }, secrets: async () => ({ ...secrets }),
    tenant: { workspaceId: 'ws-pagerduty', connectionId: `pagerduty-${process.pid}-${++n}` }, sandboxBaseUrl: sandbox.baseUrl, allowSandbox: true,
  });
  return ctx;
}
