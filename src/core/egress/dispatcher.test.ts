import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { checkUrl, createEgressDispatcher, EgressError, forbiddenAddressReason, type Resolver } from './index.js';

// Only loopback is ever contacted: every policy injects a resolver, and refused targets never
// reach a socket.
let server: http.Server;
let port = 0;
let hits = 0;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    hits += 1;
    res.setHeader('content-type', 'text/plain');
    res.end(`sandbox says hi to ${req.url ?? ''}`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

const toLoopback: Resolver = async () => [{ address: '127.0.0.1', family: 4 }];

async function refused(url: string, dispatcher: ReturnType<typeof createEgressDispatcher>): Promise<EgressError> {
  const before = hits;
  const err = await request(url, { dispatcher }).then(
    () => new Error(`expected ${url} to be refused`),
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(EgressError);
  expect(hits).toBe(before);
  return err as EgressError;
}

describe('createEgressDispatcher', () => {
  it('fails a real request to an allowed host whose resolver answers 127.0.0.1', async () => {
    const dispatcher = createEgressDispatcher({ allowedDomains: ['api.hubspot.com'], resolver: toLoopback });
    try {
      const err = await refused(`https://api.hubspot.com:${port}/crm`, dispatcher);
      expect(err.reason).toBe('forbidden_address');
      expect(err.address).toBe('127.0.0.1');
    } finally {
      await dispatcher.close();
    }
  });

  it('defeats DNS rebinding: pre-flight sees a public answer, the connect-time lookup sees 127.0.0.1', async () => {
    let calls = 0;
    const rebinding: Resolver = vi.fn(async () => (++calls === 1 ? [{ address: '93.184.216.34', family: 4 as const }] : [{ address: '127.0.0.1', family: 4 as const }]));
    const policy = { allowedDomains: ['api.hubspot.com'], resolver: rebinding };
    const url = `https://api.hubspot.com:${port}/crm`;
    // What a naive guard would do: check the URL, resolve once, judge that answer.
    checkUrl(url, policy);
    const [first] = await rebinding('api.hubspot.com');
    expect(forbiddenAddressReason(first?.address ?? '')).toBeNull();

    const dispatcher = createEgressDispatcher(policy);
    try {
      expect((await refused(url, dispatcher)).reason).toBe('forbidden_address');
      expect(rebinding).toHaveBeenCalledTimes(2);
    } finally {
      await dispatcher.close();
    }
  });

  it.each([
    ['https://127.0.0.1:PORT/', 'forbidden_address'],
    ['https://[::1]:PORT/', 'forbidden_address'],
    ['https://[::ffff:127.0.0.1]:PORT/', 'forbidden_address'],
    ['https://0x7f.1:PORT/', 'forbidden_address'],
    ['http://127.0.0.1:PORT/', 'scheme'],
    ['http://api.hubspot.com:PORT/', 'scheme'],
    ['https://evil.com:PORT/', 'host_not_allowed'],
    ['https://localhost:PORT/', 'forbidden_address'],
  ])('refuses %s (%s) at connect time even when checkUrl was skipped', async (template, reason) => {
    const resolver = vi.fn(toLoopback);
    const dispatcher = createEgressDispatcher({ allowedDomains: ['api.hubspot.com'], resolver });
    try {
      expect((await refused(template.replace('PORT', String(port)), dispatcher)).reason).toBe(reason);
    } finally {
      await dispatcher.close();
    }
  });

  it('succeeds through a loopback server under allowLoopback, for a literal and for localhost', async () => {
    const logger = { warn: vi.fn() };
    const dispatcher = createEgressDispatcher({ allowedDomains: ['api.hubspot.com'], allowLoopback: true, resolver: toLoopback }, { logger, connectTimeoutMs: 2_000 });
    try {
      for (const url of [`http://127.0.0.1:${port}/one`, `http://localhost:${port}/two`, `http://127.0.0.1:${port}/three`]) {
        const res = await request(url, { dispatcher });
        expect(res.statusCode).toBe(200);
        expect(await res.body.text()).toBe(`sandbox says hi to ${new URL(url).pathname}`);
      }
      expect(logger.warn).toHaveBeenCalledTimes(1);
      expect(String(logger.warn.mock.calls[0]?.[1])).toContain('allows loopback');
    } finally {
      await dispatcher.close();
    }
  });

  it('still refuses private addresses under allowLoopback', async () => {
    const dispatcher = createEgressDispatcher({
      allowedDomains: ['api.hubspot.com'],
      allowLoopback: true,
      resolver: async () => [{ address: '10.0.0.7', family: 4 }],
    });
    try {
      expect((await refused(`https://api.hubspot.com:${port}/`, dispatcher)).reason).toBe('forbidden_address');
    } finally {
      await dispatcher.close();
    }
  });

  it('keeps the policy it was built with when the caller mutates the object later', async () => {
    const policy = { allowedDomains: ['api.hubspot.com'], allowLoopback: false, resolver: toLoopback };
    const dispatcher = createEgressDispatcher(policy);
    policy.allowLoopback = true;
    policy.allowedDomains.push('evil.com');
    try {
      expect((await refused(`http://127.0.0.1:${port}/`, dispatcher)).reason).toBe('scheme');
      expect((await refused(`https://evil.com:${port}/`, dispatcher)).reason).toBe('host_not_allowed');
    } finally {
      await dispatcher.close();
    }
  });

  it('rejects a malformed policy when the dispatcher is built', () => {
    expect(() => createEgressDispatcher({ allowedDomains: ['*.com'] })).toThrowError(/invalid_policy/);
  });
});
