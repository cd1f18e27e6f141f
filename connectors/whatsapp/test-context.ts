/**
 * A ctx against a running WhatsApp sandbox, wired as the runtime wires a stored connection, for
 * this folder's own tests (the conformance suite builds its own).
 */
import { buildConnectorContext } from '../../src/connections/context.js';
import { ConnectorRegistry, type ConnectorContext, type ConnectorDefinition } from '../../src/registry/index.js';
import { whatsappDefinition } from './definition.js';
import { DEFAULT_API_VERSION } from './paths.js';
import type { WhatsAppSandbox } from './sandbox/index.js';

let n = 0;

export async function contextFor(sandbox: WhatsAppSandbox, config: Record<string, unknown> = {}): Promise<{ ctx: ConnectorContext; definition: ConnectorDefinition }> {
  const definition = new ConnectorRegistry().register(whatsappDefinition);
  const { ctx } = await buildConnectorContext({
    definition, authMethodId: 'system_user_token', config: { phoneNumberId: sandbox.phoneNumberId, apiVersion: DEFAULT_API_VERSION, ...config },
    secrets: async () => ({ accessToken: sandbox.accessToken }), tenant: { workspaceId: 'ws-whatsapp', connectionId: `whatsapp-${process.pid}-${++n}` },
    sandboxBaseUrl: sandbox.baseUrl, allowSandbox: true,
  });
  return { ctx, definition };
}
