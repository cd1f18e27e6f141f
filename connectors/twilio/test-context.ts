/**
 * A ctx against a running Twilio sandbox, wired as the runtime wires a stored connection, for
 * this folder's own tests (the conformance suite builds its own).
 */
import { buildConnectorContext } from '../../src/connections/context.js';
import { ConnectorRegistry, type ConnectorContext } from '../../src/registry/index.js';
import { twilioDefinition } from './definition.js';
import type { TwilioSandbox } from './sandbox/index.js';

let n = 0;

export interface ContextOptions {
  method?: 'auth_token' | 'api_key';
  secrets?: Record<string, string>;
  config?: Record<string, unknown>;
}

export async function contextFor(sandbox: TwilioSandbox, options: ContextOptions = {}): Promise<ConnectorContext> {
  const method = options.method ?? 'auth_token';
  const secrets = options.secrets ?? (method === 'auth_token' ? { authToken: sandbox.authToken } : { apiKeySid: sandbox.apiKeySid, apiKeySecret: sandbox.apiKeySecret });
  const definition = new ConnectorRegistry().register(twilioDefinition);
  const { ctx } = await buildConnectorContext({
    definition, authMethodId: method, config: { accountSid: sandbox.accountSid, from: sandbox.from, ...options.config }, secrets: async () => ({ ...secrets }),
    tenant: { workspaceId: 'ws-twilio', connectionId: `twilio-${process.pid}-${++n}` }, sandboxBaseUrl: sandbox.baseUrl, allowSandbox: true,
  });
  return ctx;
}
