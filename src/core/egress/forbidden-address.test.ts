import ipaddr from 'ipaddr.js';
import { describe, expect, it } from 'vitest';
import { forbiddenAddressReason, isLoopbackAddress, type IPAddress } from './forbidden-address.js';
import { parseHostLiteral } from './host-literal.js';

/** [address in any notation, words the reason must contain] */
const FORBIDDEN: Array<[string, string]> = [
  // IPv4 loopback, unspecified and private, in several notations
  ['127.0.0.1', 'loopback'],
  ['127.255.255.254', 'loopback'],
  ['0x7f.1', 'loopback'],
  ['2130706433', 'loopback'],
  ['0.0.0.0', 'unspecified'],
  ['0.1.2.3', 'this network'],
  ['10.0.0.1', 'private (10.0.0.0/8)'],
  ['012.0.0.1', 'private (10.0.0.0/8)'],
  ['172.16.0.1', 'private (172.16.0.0/12)'],
  ['172.31.255.255', 'private (172.16.0.0/12)'],
  ['192.168.0.1', 'private (192.168.0.0/16)'],
  ['3232235521', 'private (192.168.0.0/16)'],
  // link-local and metadata
  ['169.254.169.254', 'metadata'],
  ['0xa9fea9fe', 'metadata'],
  ['169.254.0.1', 'link-local'],
  ['100.64.0.1', 'carrier-grade NAT'],
  ['100.100.100.200', 'carrier-grade NAT'],
  ['168.63.129.16', 'WireServer'],
  // multicast, broadcast, reserved, documentation, benchmarking
  ['224.0.0.1', 'multicast'],
  ['239.255.255.250', 'multicast'],
  ['255.255.255.255', 'broadcast'],
  ['240.0.0.1', 'reserved'],
  ['192.0.0.192', 'IETF protocol assignments'],
  ['192.0.2.1', 'TEST-NET-1'],
  ['198.51.100.7', 'TEST-NET-2'],
  ['203.0.113.9', 'TEST-NET-3'],
  ['198.18.0.1', 'benchmarking'],
  ['198.19.255.255', 'benchmarking'],
  ['192.88.99.1', '6to4 relay'],
  // IPv6 plain ranges
  ['::1', 'loopback'],
  ['::', 'unspecified'],
  ['fe80::1', 'link-local'],
  ['fe80::1%eth0', 'link-local'],
  ['febf:ffff::1', 'link-local'],
  ['fc00::1', 'unique-local'],
  ['fd00:ec2::254', 'unique-local'],
  ['ff02::1', 'multicast'],
  ['ff05::1:3', 'multicast'],
  ['2001:db8::1', 'documentation'],
  ['3fff::1', 'documentation'],
  ['fec0::1', 'site-local'],
  ['100::1', 'discard'],
  ['2001:2::1', 'benchmarking'],
  ['2001:10::1', 'ORCHID'],
  ['5f00::1', 'SRv6'],
  ['4000::1', 'outside global unicast'],
  ['2001:100::1', 'reserved IETF'],
  // IPv6 forms embedding a forbidden IPv4
  ['::ffff:127.0.0.1', 'IPv4-mapped address embedding 127.0.0.1, loopback'],
  ['::ffff:7f00:1', 'IPv4-mapped address embedding 127.0.0.1'],
  ['::ffff:169.254.169.254', 'metadata'],
  ['::ffff:a9fe:a9fe', 'metadata'],
  ['::ffff:10.0.0.1', 'IPv4-mapped address embedding 10.0.0.1, private'],
  ['::ffff:0.0.0.0', 'unspecified'],
  ['::127.0.0.1', 'IPv4-compatible address embedding 127.0.0.1'],
  ['::7f00:1', 'IPv4-compatible address embedding 127.0.0.1'],
  ['::a9fe:a9fe', 'IPv4-compatible address embedding 169.254.169.254'],
  ['::5db8:d822', 'deprecated IPv4-compatible'],
  ['::ffff:0:7f00:1', 'IPv4-translated address embedding 127.0.0.1'],
  ['2002:7f00:1::', '6to4 address embedding 127.0.0.1'],
  ['2002:a9fe:a9fe::1', '6to4 address embedding 169.254.169.254'],
  ['2002:c0a8:1::', '6to4 address embedding 192.168.0.1'],
  ['2002:0a00:0001:1234::1', '6to4 address embedding 10.0.0.1'],
  ['64:ff9b::a9fe:a9fe', 'NAT64 address embedding 169.254.169.254'],
  ['64:ff9b::127.0.0.1', 'NAT64 address embedding 127.0.0.1'],
  ['64:ff9b::10.0.0.1', 'NAT64 address embedding 10.0.0.1'],
  ['64:ff9b:1::a9fe:a9fe', 'local-use NAT64'],
  ['64:ff9b:1:5db8:d822::', 'local-use NAT64'],
  ['2001::1', 'Teredo'],
  ['2001:0:4136:e378:8000:63bf:3fff:fdd2', 'Teredo'],
];

describe('forbiddenAddressReason', () => {
  it.each(FORBIDDEN)('refuses %s as %s', (address, words) => {
    expect(forbiddenAddressReason(address)).toContain(words);
  });

  it('takes parsed ipaddr.js values as well as strings', () => {
    expect(forbiddenAddressReason(ipaddr.parse('10.0.0.1'))).toContain('private');
    expect(forbiddenAddressReason(ipaddr.parse('2606:4700:4700::1111'))).toBeNull();
  });

  it('refuses a string that is not an address at all', () => {
    expect(forbiddenAddressReason('api.hubspot.com')).toBe('not an IP address');
  });

  it.each([
    '93.184.216.34',
    '8.8.8.8',
    '1.1.1.1',
    '172.32.0.1',
    '100.128.0.1',
    '192.169.0.1',
    '11.0.0.1',
    '192.31.196.1',
    '2606:4700:4700::1111',
    '2a00:1450:4001:80b::200e',
    '::ffff:93.184.216.34',
    '64:ff9b::5db8:d822',
    '2002:5db8:d822::1',
  ])('allows global unicast %s', (address) => {
    expect(forbiddenAddressReason(address)).toBeNull();
  });
});

describe('isLoopbackAddress', () => {
  it.each(['127.0.0.1', '127.9.9.9', '0x7f.1', '::1', '::ffff:127.0.0.1', '::ffff:7f00:1'])('counts %s as loopback', (a) => {
    expect(isLoopbackAddress(parseHostLiteral(a) as IPAddress)).toBe(true);
  });

  it.each(['0.0.0.0', '::', '10.0.0.1', '::127.0.0.1', '::7f00:1', '2002:7f00:1::'])('does not count %s as loopback', (a) => {
    expect(isLoopbackAddress(parseHostLiteral(a) as IPAddress)).toBe(false);
  });
});
