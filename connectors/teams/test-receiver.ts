/**
 * Tests only: a notification URL on loopback that hands every request to `capture` and answers
 * what it says (a reply verbatim, a refusal with its status, events with 202 as Graph expects).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { InboundOutcome, InboundRequest } from '../../src/registry/index.js';

export interface Receiver {
  url: string;
  requests: InboundRequest[];
  outcomes: InboundOutcome[];
  /** Answers the next `n` requests with this status instead of the capture's. */
  failNext(n: number, status: number): void;
  stop(): Promise<void>;
}

export async function startReceiver(capture: (request: InboundRequest) => InboundOutcome | Promise<InboundOutcome>): Promise<Receiver> {
  const requests: InboundRequest[] = [];
  const outcomes: InboundOutcome[] = [];
  let failures = { left: 0, status: 500 };
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
        res.writeHead(failures.status).end();
        return;
      }
      const outcome = await capture(request);
      outcomes.push(outcome);
      if (outcome.kind === 'reply') res.writeHead(outcome.status, { 'content-type': outcome.contentType }).end(outcome.body);
      else res.writeHead(outcome.kind === 'refused' ? outcome.status : 202).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graph/notifications`,
    requests, outcomes,
    failNext: (n, status) => { failures = { left: n, status }; },
    stop: () => new Promise((resolve) => { server.close(() => resolve()); server.closeAllConnections(); }),
  };
}
