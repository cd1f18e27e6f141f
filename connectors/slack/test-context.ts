/**
 * Tests only: a connector context wired to a Slack sandbox, as the runtime wires a stored
 * connection, the connector's messaging operations, and a receiver for Events API deliveries.
 */
import { buildConnectorContext } from '../../src/connections/context.js';
import type { Logger } from '../../src/core/index.js';
import { ConnectorRegistry, type CaptureContext, type ConnectorContext, type InboundOutcome, type InboundRequest, type MessagingOperations } from '../../src/registry/index.js';
import { startReceiver as startInboundReceiver, type Receiver } from '../../test/support/inbound-receiver.js';
import { slackDefinition } from './definition.js';
import type { SlackSandbox } from './sandbox/index.js';

let counter = 0;

export const slack = slackDefinition.messaging as MessagingOperations;

export async function slackContext(sandbox: SlackSandbox, options: { config?: Record<string, unknown>; logger?: Logger; token?: string } = {}): Promise<ConnectorContext> {
  const definition = new ConnectorRegistry().register(slackDefinition);
  const { ctx } = await buildConnectorContext({
    definition, authMethodId: 'bot_token', config: options.config ?? { botId: sandbox.botId },
    secrets: async () => ({ botToken: options.token ?? sandbox.botToken, signingSecret: sandbox.signingSecret }),
    tenant: { workspaceId: 'ws-slack', connectionId: `slack-test-${++counter}` }, sandboxBaseUrl: sandbox.baseUrl, allowSandbox: true, logger: options.logger,
  });
  return ctx;
}

export type { Receiver };

/** A request URL that hands every delivery to `capture` (accepted events answered 200, as Slack expects). */
export function startReceiver(capture: (request: InboundRequest) => InboundOutcome | Promise<InboundOutcome>): Promise<Receiver> {
  return startInboundReceiver(capture, { path: '/events', acceptStatus: 200 });
}

export function captureContext(sandbox: SlackSandbox, overrides: Partial<CaptureContext> = {}): CaptureContext {
  return { secrets: { botToken: sandbox.botToken, signingSecret: sandbox.signingSecret }, config: { botId: sandbox.botId }, nowMs: Date.now(), ...overrides };
}
