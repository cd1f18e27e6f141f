/**
 * A ctx against a running SendGrid sandbox, wired as the runtime wires a stored connection, for
 * this folder's own tests (the conformance suite builds its own).
 */
import { buildConnectorContext } from '../../src/connections/context.js';
import { ConnectorRegistry, type ConnectorContext } from '../../src/registry/index.js';
import { sendgridDefinition } from './definition.js';
import { DEFAULT_SENDER, type SendGridSandbox } from './sandbox/index.js';

let n = 0;

export async function contextFor(sandbox: SendGridSandbox, config: Record<string, unknown> = {}, apiKey = sandbox.apiKey): Promise<ConnectorContext> {
  const definition = new ConnectorRegistry().register(sendgridDefinition);
  const { ctx } = await buildConnectorContext({
    definition, authMethodId: 'api_key', config: { apiHost: 'api.sendgrid.com', fromEmail: DEFAULT_SENDER, fromName: 'Forgeworks', ...config },
    secrets: async () => ({ apiKey }), tenant: { workspaceId: 'ws-sendgrid', connectionId: `sendgrid-${process.pid}-${++n}` }, sandboxBaseUrl: sandbox.baseUrl, allowSandbox: true,
  });
  return ctx;
}
