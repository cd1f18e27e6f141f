/**
 * Tests only: a loopback URL for a vendor's inbound deliveries (Slack's request URL, a Graph
 * notification URL) that hands every request to a connector's `capture` and answers what it says:
 * a handshake verbatim, a refusal with its status, accepted events with `acceptStatus`.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { InboundOutcome, InboundRequest } from '../../src/registry/index.js';

export interface Receiver {
  url: string;
  requests: InboundRequest[];
  outcomes: InboundOutcome[];
  /** Answers the next `n` deliveries with this status (and headers) instead of the capture's. */
  failNext(n: number, status: number, headers?: Record<string, string>): void;
  stop(): Promise<void>;
}

export interface ReceiverOptions {
  path: string;
  /** What the vendor expects for accepted events (Slack 200, Graph 202). */
  acceptStatus: number;
}

export async function startReceiver(capture: (request: InboundRequest) => InboundOutcome | Promise<InboundOutcome>, options: ReceiverOptions): Promise<Receiver> {
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
      else res.writeHead(outcome.kind === 'refused' ? outcome.status : options.acceptStatus).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}${options.path}`,
    requests, outcomes,
    failNext: (n, status, headers) => { failures = { left: n, status, headers }; },
    stop: () => new Promise((resolve) => { server.close(() => resolve()); server.closeAllConnections(); }),
  };
}
