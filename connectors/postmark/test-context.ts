/**
 * A ctx against a running Postmark sandbox, wired as the runtime wires a stored connection, for
 * this folder's own tests (the conformance suite builds its own).
 */
import { buildConnectorContext } from '../../src/connections/context.js';
import { ConnectorRegistry, type ConnectorContext } from '../../src/registry/index.js';
import { postmarkDefinition } from './definition.js';
import { DEFAULT_SIGNATURE, type PostmarkSandbox } from './sandbox/index.js';

let n = 0;

export async function contextFor(sandbox: PostmarkSandbox, config: Record<string, unknown> = {}, serverToken = sandbox.serverToken): Promise<ConnectorContext> {
  const definition = new ConnectorRegistry().register(postmarkDefinition);
  const { ctx } = await buildConnectorContext({
    definition, authMethodId: 'server_token', config: { messageStream: 'outbound', fromEmail: DEFAULT_SIGNATURE, fromName: 'Forgeworks', ...config },
    secrets: async () => ({ serverToken }), tenant: { workspaceId: 'ws-postmark', connectionId: `postmark-${process.pid}-${++n}` }, sandboxBaseUrl: sandbox.baseUrl, allowSandbox: true,
  });
  return ctx;
}
