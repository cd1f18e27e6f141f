import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FaultInjector } from './faults.js';
import { RateLimiter } from './rate-limit.js';
import { seededRng } from './rng.js';
import { SandboxServer } from './server.js';
import type { SandboxRequest } from './types.js';

let server: SandboxServer;
let base: string;
let deleted: string[];
let limiter: RateLimiter;

beforeEach(async () => {
  deleted = [];
  limiter = new RateLimiter({ limit: 100, windowMs: 10_000 });
  server = new SandboxServer({ name: 'faulty', rateLimit: limiter, faults: new FaultInjector({ seed: 42 }) });
  server.route('GET', '/items', () => ({ status: 200, body: { results: Array.from({ length: 50 }, (_, i) => ({ id: String(i) })) } }));
  server.route('POST', '/items', () => ({ status: 201, body: { id: 'new' } }));
  server.route('PUT', '/items/:id', () => ({ status: 200 }));
  server.route('DELETE', '/items/:id', (req) => {
    if (!server.faults.consume('fake_delete', req)) deleted.push(req.params.id ?? '');
    return { status: 204 };
  });
  base = await server.start();
});

afterEach(() => server.stop());

describe('fault injection over HTTP', () => {
  it('status: answers 429 with Retry-After and the vendor body, without consuming rate-limit quota', async () => {
    server.faults.add({ kind: 'status', status: 429, retryAfterSeconds: 10, body: { status: 'error', policyName: 'TEN_SECONDLY_ROLLING' }, times: 1 });
    const res = await fetch(`${base}/items`);
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('10');
    expect(await res.json()).toEqual({ status: 'error', policyName: 'TEN_SECONDLY_ROLLING' });
    expect(limiter.allowedCount).toBe(0);
    expect((await fetch(`${base}/items`)).status).toBe(200);
    expect(server.faults.counts.status).toBe(1);
    expect(server.requestLog.map((r) => [r.status, r.fault])).toEqual([[429, 'status'], [200, undefined]]);
  });

  it('status: defaults to 503 with a generic body', async () => {
    server.faults.add({ kind: 'status' });
    const res = await fetch(`${base}/items`);
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBeNull();
    expect(await res.json()).toEqual({ message: 'Injected fault' });
  });

  it('reset: drops the connection so fetch rejects, and records no status', async () => {
    server.faults.add({ kind: 'reset', times: 1 });
    await expect(fetch(`${base}/items`)).rejects.toThrow(TypeError);
    expect(server.requestLog[0]).toMatchObject({ status: undefined, fault: 'reset' });
    expect((await fetch(`${base}/items`)).status).toBe(200);
  });

  it('reset after the handler: the write commits but the client never hears of it', async () => {
    server.faults.add({ kind: 'reset', afterHandler: true, match: (req) => req.method === 'DELETE' });
    await expect(fetch(`${base}/items/9`, { method: 'DELETE' })).rejects.toThrow(TypeError);
    expect(deleted).toEqual(['9']);
  });

  it('truncate: sends status and headers, then the body read fails', async () => {
    server.faults.add({ kind: 'truncate' });
    const res = await fetch(`${base}/items`);
    expect(res.status).toBe(200);
    await expect(res.text()).rejects.toThrow();
  });

  it('truncate: still fails the body read when the real answer is empty', async () => {
    server.faults.add({ kind: 'truncate' });
    const res = await fetch(`${base}/items/1`, { method: 'PUT' });
    expect(res.status).toBe(200);
    await expect(res.arrayBuffer()).rejects.toThrow();
  });

  it('hang: never answers, so a client timeout fires', async () => {
    server.faults.add({ kind: 'hang' });
    const began = Date.now();
    await expect(fetch(`${base}/items`, { signal: AbortSignal.timeout(200) })).rejects.toMatchObject({ name: 'TimeoutError' });
    expect(Date.now() - began).toBeLessThan(2000);
  });

  it('hang: stop() ends a hung request instead of waiting for it', async () => {
    server.faults.add({ kind: 'hang' });
    const pending = fetch(`${base}/items`);
    await waitFor(() => server.requestLog.length === 1);
    const began = Date.now();
    await server.stop();
    await expect(pending).rejects.toThrow(TypeError);
    expect(Date.now() - began).toBeLessThan(1000);
  });

  it('latency: delays the answer and then proceeds normally', async () => {
    server.faults.add({ kind: 'latency', latencyMs: 150, match: (req) => req.method === 'GET' });
    const began = Date.now();
    const res = await fetch(`${base}/items`);
    expect(Date.now() - began).toBeGreaterThanOrEqual(140);
    expect(res.status).toBe(200);
    expect(server.faults.counts.latency).toBe(1);
  });

  it('fake_delete: answers 2xx but keeps the record, only when the handler asks', async () => {
    server.faults.add({ kind: 'fake_delete', times: 1 });
    expect((await fetch(`${base}/items/1`)).status).toBe(404); // no GET route: the draw ignores fake_delete
    expect((await fetch(`${base}/items/1`, { method: 'DELETE' })).status).toBe(204);
    expect((await fetch(`${base}/items/2`, { method: 'DELETE' })).status).toBe(204);
    expect(deleted).toEqual(['2']);
    expect(server.faults.counts.fake_delete).toBe(1);
  });

  it('times bounds a rule and match restricts it to chosen requests', async () => {
    server.faults.add({ kind: 'status', status: 502, times: 2, match: (req) => req.method === 'POST' });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await fetch(`${base}/items`, { method: 'POST' })).status);
    statuses.push((await fetch(`${base}/items`)).status);
    expect(statuses).toEqual([502, 502, 201, 200]);
  });
});

describe('seeded fault draws', () => {
  const request = { method: 'GET', path: '/x' } as SandboxRequest;
  const sequence = (seed: number) => {
    const faults = new FaultInjector({ seed }).add({ kind: 'status', probability: 0.3 });
    return Array.from({ length: 40 }, () => faults.draw(request).fault !== undefined);
  };

  it('replays the same faults for the same seed', () => {
    expect(sequence(7)).toEqual(sequence(7));
    expect(sequence(7)).not.toEqual(sequence(8));
    expect(sequence(7).filter(Boolean).length).toBeGreaterThan(3);
  });

  it('clear() removes rules, zeroes counts and replays from the seed', () => {
    const faults = new FaultInjector({ seed: 3 }).add({ kind: 'reset', probability: 0.5 });
    const first = Array.from({ length: 20 }, () => faults.draw(request).fault !== undefined);
    faults.clear();
    expect(faults.counts.reset).toBe(0);
    expect(faults.draw(request).fault).toBeUndefined();
    faults.add({ kind: 'reset', probability: 0.5 });
    expect(Array.from({ length: 20 }, () => faults.draw(request).fault !== undefined)).toEqual(first);
  });

  it('adds up latency rules and lets the first other rule decide', () => {
    const faults = new FaultInjector()
      .add({ kind: 'latency', latencyMs: 10 })
      .add({ kind: 'latency', latencyMs: 5 })
      .add({ kind: 'hang' })
      .add({ kind: 'reset' });
    expect(faults.draw(request)).toEqual({ latencyMs: 15, fault: { kind: 'hang' } });
    expect(faults.counts).toMatchObject({ latency: 2, hang: 1, reset: 0 });
  });

  it('seededRng yields the same floats in [0, 1) for a seed', () => {
    const a = seededRng(99);
    const b = seededRng(99);
    const values = Array.from({ length: 100 }, () => a());
    expect(values).toEqual(Array.from({ length: 100 }, () => b()));
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !condition(); i++) await new Promise((r) => setTimeout(r, 10));
}
