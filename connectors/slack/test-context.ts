/**
 * Tests only: a connector context wired to a Slack sandbox, as the runtime wires a stored
 * connection, the connector's messaging operations, and a receiver for Events API deliveries.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildConnectorContext } from '../../src/connections/context.js';
import type { Logger } from '../../src/core/index.js';
import { ConnectorRegistry, type CaptureContext, type ConnectorContext, type InboundOutcome, type InboundRequest, type MessagingOperations } from '../../src/registry/index.js';
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

export interface Receiver {
  url: string;
  requests: InboundRequest[];
  outcomes: InboundOutcome[];
  /** Answers the next `n` deliveries with this status (and headers) instead of the capture's. */
  failNext(n: number, status: number, headers?: Record<string, string>): void;
  stop(): Promise<void>;
}

/** A request URL that hands every delivery to `capture` and answers what it says. */
export async function startReceiver(capture: (request: InboundRequest) => InboundOutcome | Promise<InboundOutcome>): Promise<Receiver> {
  const requests: InboundRequest[] = [];
  const outcomes: InboundOutcome[] = [];
  let failures: { left: number; status: number; headers?: Record<string, string> } = { left: 0, status: 500 };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const url = new URL(req.url ?? '/', 'http://receiver');
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : v]));
      const request: InboundRequest = { method: req.method ?? 'POST', headers, query: Object.fromEntries(url.searchParams), rawBody: Buffer.concat(chunks).toString('utf8'), receivedAtMs: Date.now() };
      requests.push(request);
      if (failures.left > 0) {
        failures.left -= 1;
        res.writeHead(failures.status, failures.headers).end();
        return;
      }
      const outcome = await capture(request);
      outcomes.push(outcome);
      if (outcome.kind === 'reply') res.writeHead(outcome.status, { 'content-type': outcome.contentType }).end(outcome.body);
      else res.writeHead(outcome.kind === 'refused' ? outcome.status : 200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/events`,
    requests, outcomes,
    failNext: (n, status, headers) => { failures = { left: n, status, headers }; },
    stop: () => new Promise((resolve) => { server.close(() => resolve()); server.closeAllConnections(); }),
  };
}

export function captureContext(sandbox: SlackSandbox, overrides: Partial<CaptureContext> = {}): CaptureContext {
  return { secrets: { botToken: sandbox.botToken, signingSecret: sandbox.signingSecret }, config: { botId: sandbox.botId }, nowMs: Date.now(), ...overrides };
}
