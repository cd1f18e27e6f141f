import type { LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { describe, expect, it, vi } from 'vitest';
import { createEgressLookup, EgressError, type EgressPolicy, type Resolver } from './index.js';

type Answer = { address: string; family: 4 | 6 };
const PUBLIC: Answer = { address: '93.184.216.34', family: 4 };
const PUBLIC6: Answer = { address: '2606:2800:220:1:248:1893:25c8:1946', family: 6 };

function answering(...answers: Answer[]): Resolver {
  return vi.fn(async () => answers);
}

function policyWith(resolver: Resolver, extra: Partial<EgressPolicy> = {}): EgressPolicy {
  return { allowedDomains: ['api.hubspot.com', '*.salesforce.com'], resolver, ...extra };
}

/** Calls the lookup with `{ all: true }`, as Node does under autoSelectFamily. */
function lookupAll(lookup: LookupFunction, host: string, options: object = {}): Promise<LookupAddress[]> {
  return new Promise((resolve, reject) => {
    lookup(host, { all: true, ...options }, (err, addresses) => (err ? reject(err) : resolve(addresses as LookupAddress[])));
  });
}

/** Calls the lookup the classic way: one answer as (address, family). */
function lookupOne(lookup: LookupFunction, host: string, options: object = {}): Promise<[string, number | undefined]> {
  return new Promise((resolve, reject) => {
    lookup(host, options, (err, address, family) => (err ? reject(err) : resolve([address as string, family])));
  });
}

async function refusal(promise: Promise<unknown>): Promise<EgressError> {
  const err = await promise.then(
    () => new Error('expected a refusal'),
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(EgressError);
  return err as EgressError;
}

describe('createEgressLookup', () => {
  it('passes an allowed host whose resolver answers a public address', async () => {
    const lookup = createEgressLookup(policyWith(answering(PUBLIC, PUBLIC6)));
    expect(await lookupAll(lookup, 'api.hubspot.com')).toEqual([
      { address: '93.184.216.34', family: 4 },
      { address: '2606:2800:220:1:248:1893:25c8:1946', family: 6 },
    ]);
    expect(await lookupOne(lookup, 'api.hubspot.com')).toEqual(['93.184.216.34', 4]);
  });

  it('refuses the second lookup when the resolver rebinds from public to private', async () => {
    let calls = 0;
    const rebinding: Resolver = async () => (++calls === 1 ? [PUBLIC] : [{ address: '127.0.0.1', family: 4 }]);
    const lookup = createEgressLookup(policyWith(rebinding));
    expect(await lookupAll(lookup, 'api.hubspot.com')).toEqual([PUBLIC]);
    const err = await refusal(lookupAll(lookup, 'api.hubspot.com'));
    expect(err.reason).toBe('forbidden_address');
    expect(err.address).toBe('127.0.0.1');
    expect(err.message).toContain('api.hubspot.com resolved to 127.0.0.1');
  });

  it('refuses the single-answer convention too when any answer is forbidden', async () => {
    const lookup = createEgressLookup(policyWith(answering(PUBLIC, { address: '10.0.0.1', family: 4 })));
    expect((await refusal(lookupOne(lookup, 'api.hubspot.com'))).address).toBe('10.0.0.1');
  });

  it.each<[string, Answer[]]>([
    ['one public and one private answer', [PUBLIC, { address: '10.0.0.1', family: 4 }]],
    ['a private answer before a public one', [{ address: '192.168.1.10', family: 4 }, PUBLIC]],
    ['public A with loopback AAAA', [PUBLIC, { address: '::1', family: 6 }]],
    ['the metadata address', [{ address: '169.254.169.254', family: 4 }]],
    ['CGNAT', [{ address: '100.64.1.1', family: 4 }]],
    ['unspecified 0.0.0.0', [{ address: '0.0.0.0', family: 4 }]],
    ['IPv4-mapped metadata', [PUBLIC6, { address: '::ffff:169.254.169.254', family: 6 }]],
    ['IPv4-mapped loopback in hex', [{ address: '::ffff:7f00:1', family: 6 }]],
    ['NAT64 of metadata', [{ address: '64:ff9b::a9fe:a9fe', family: 6 }]],
    ['6to4 of loopback', [{ address: '2002:7f00:1::', family: 6 }]],
    ['IPv4-compatible loopback', [{ address: '::7f00:1', family: 6 }]],
    ['Teredo', [{ address: '2001:0:4136:e378:8000:63bf:3fff:fdd2', family: 6 }]],
    ['unique-local', [{ address: 'fd00:ec2::254', family: 6 }]],
    ['link-local with zone', [{ address: 'fe80::1%eth0', family: 6 }]],
    ['multicast', [{ address: '224.0.0.251', family: 4 }]],
    ['a name instead of an address', [{ address: 'evil.com', family: 4 }]],
    ['a non-canonical notation', [{ address: '0x7f.1', family: 4 }]],
  ])('refuses when the resolver answers %s', async (_label, answers) => {
    const lookup = createEgressLookup(policyWith(answering(...answers)));
    expect((await refusal(lookupAll(lookup, 'na1.salesforce.com'))).reason).toBe('forbidden_address');
  });

  it.each([
    ['evilhubspot.com', 'host_not_allowed'],
    ['api.hubspot.com.evil.com', 'host_not_allowed'],
    ['localhost', 'forbidden_address'],
  ])('refuses host %s (%s) without asking the resolver', async (host, reason) => {
    const resolver = answering(PUBLIC);
    const lookup = createEgressLookup(policyWith(resolver));
    expect((await refusal(lookupAll(lookup, host))).reason).toBe(reason);
    expect(resolver).not.toHaveBeenCalled();
  });

  it('checks the org allowlist as well', async () => {
    const lookup = createEgressLookup(policyWith(answering(PUBLIC), { orgAllowlist: ['api.hubspot.com'] }));
    expect((await refusal(lookupAll(lookup, 'na1.salesforce.com'))).reason).toBe('org_not_allowed');
  });

  it.each(['127.0.0.1', '10.0.0.1', '::1', '169.254.169.254'])('judges IP literal host %s itself, without the resolver', async (host) => {
    const resolver = answering(PUBLIC);
    const lookup = createEgressLookup(policyWith(resolver));
    expect((await refusal(lookupAll(lookup, host))).reason).toBe('forbidden_address');
    expect(resolver).not.toHaveBeenCalled();
  });

  it('filters by requested family after checking every answer', async () => {
    const lookup = createEgressLookup(policyWith(answering(PUBLIC, PUBLIC6)));
    expect(await lookupAll(lookup, 'api.hubspot.com', { family: 6 })).toEqual([PUBLIC6]);
    expect(await lookupOne(lookup, 'api.hubspot.com', { family: 'IPv6' })).toEqual([PUBLIC6.address, 6]);
    const v6only = createEgressLookup(policyWith(answering(PUBLIC6)));
    await expect(lookupAll(v6only, 'api.hubspot.com', { family: 4 })).rejects.toMatchObject({ code: 'ENOTFOUND' });
  });

  it('accepts the legacy (host, callback) and (host, family, callback) call styles', async () => {
    const lookup = createEgressLookup(policyWith(answering(PUBLIC, PUBLIC6))) as unknown as (...args: unknown[]) => void;
    const viaCallback = await new Promise((resolve) => lookup('api.hubspot.com', (_e: unknown, a: string) => resolve(a)));
    const viaFamily = await new Promise((resolve) => lookup('api.hubspot.com', 6, (_e: unknown, a: string) => resolve(a)));
    expect([viaCallback, viaFamily]).toEqual([PUBLIC.address, PUBLIC6.address]);
  });

  it('passes resolver failures through and turns an empty answer into ENOTFOUND', async () => {
    const failing: Resolver = async () => {
      throw Object.assign(new Error('getaddrinfo ENOTFOUND api.hubspot.com'), { code: 'ENOTFOUND' });
    };
    await expect(lookupAll(createEgressLookup(policyWith(failing)), 'api.hubspot.com')).rejects.toMatchObject({ code: 'ENOTFOUND' });
    await expect(lookupAll(createEgressLookup(policyWith(answering())), 'api.hubspot.com')).rejects.toMatchObject({ code: 'ENOTFOUND' });
  });

  it('resolves the normalised host: case folded, trailing dot dropped', async () => {
    const resolver = answering(PUBLIC);
    await lookupAll(createEgressLookup(policyWith(resolver)), 'API.HubSpot.com.');
    expect(resolver).toHaveBeenCalledWith('api.hubspot.com');
  });

  describe('under allowLoopback', () => {
    it('passes loopback answers for an allowed host', async () => {
      const lookup = createEgressLookup(policyWith(answering({ address: '127.0.0.1', family: 4 }), { allowLoopback: true }));
      expect(await lookupAll(lookup, 'api.hubspot.com')).toEqual([{ address: '127.0.0.1', family: 4 }]);
    });

    it('passes localhost resolving to 127.0.0.1 and ::1, and loopback literals without a resolver', async () => {
      const resolver = answering({ address: '127.0.0.1', family: 4 }, { address: '::1', family: 6 });
      const lookup = createEgressLookup({ allowedDomains: [], allowLoopback: true, resolver });
      expect(await lookupAll(lookup, 'localhost')).toHaveLength(2);
      expect(await lookupOne(lookup, '127.0.0.1')).toEqual(['127.0.0.1', 4]);
      expect(resolver).toHaveBeenCalledTimes(1);
    });

    it('refuses localhost when it resolves anywhere but loopback', async () => {
      const lookup = createEgressLookup({ allowedDomains: [], allowLoopback: true, resolver: answering(PUBLIC) });
      expect((await refusal(lookupAll(lookup, 'localhost'))).reason).toBe('forbidden_address');
    });

    it.each(['10.0.0.1', '169.254.169.254', '0.0.0.0', 'fe80::1', '::ffff:10.0.0.1'])('still refuses %s: only loopback is relaxed', async (address) => {
      const lookup = createEgressLookup(policyWith(answering({ address, family: address.includes(':') ? 6 : 4 }), { allowLoopback: true }));
      expect((await refusal(lookupAll(lookup, 'api.hubspot.com'))).reason).toBe('forbidden_address');
    });
  });
});
