import { describe, expect, it } from 'vitest';
import { parseHostLiteral } from './host-literal.js';

describe('parseHostLiteral', () => {
  it.each([
    ['127.0.0.1', '127.0.0.1'],
    ['2130706433', '127.0.0.1'],
    ['0177.0.0.1', '127.0.0.1'],
    ['0x7f.0.0.1', '127.0.0.1'],
    ['0X7F.0X0.0X0.0X1', '127.0.0.1'],
    ['0x7f000001', '127.0.0.1'],
    ['017700000001', '127.0.0.1'],
    ['0x7f.1', '127.0.0.1'],
    ['127.1', '127.0.0.1'],
    ['127.0.1', '127.0.0.1'],
    ['10.1', '10.0.0.1'],
    ['0xa.0.0.1', '10.0.0.1'],
    ['0300.0250.0.1', '192.168.0.1'],
    ['169.254.43518', '169.254.169.254'],
    ['0xa9.254.0251.0xfe', '169.254.169.254'],
    ['127.0.0.1.', '127.0.0.1'],
    ['0', '0.0.0.0'],
    ['0x', '0.0.0.0'],
    ['%31%32%37.0.0.1', '127.0.0.1'],
    ['１２７.０.０.１', '127.0.0.1'],
    ['127。0。0。1', '127.0.0.1'],
  ])('reads IPv4 notation %s as %s', (host, expected) => {
    const addr = parseHostLiteral(host);
    expect(addr?.kind()).toBe('ipv4');
    expect(addr?.toString()).toBe(expected);
  });

  it.each([
    ['::1', '::1'],
    ['[::1]', '::1'],
    ['[::ffff:127.0.0.1]', '::ffff:7f00:1'],
    ['::ffff:7f00:1', '::ffff:7f00:1'],
    ['[2002:7f00:1::]', '2002:7f00:1::'],
    ['64:ff9b::169.254.169.254', '64:ff9b::a9fe:a9fe'],
    ['[0:0:0:0:0:0:0:1]', '::1'],
    // inet_pton and WHATWG read this as IPv4-compatible, not mapped (ipaddr.js alone would not)
    ['::127.0.0.1', '::7f00:1'],
    ['1::10.0.0.1', '1::a00:1'],
  ])('reads IPv6 literal %s as %s', (host, expected) => {
    const addr = parseHostLiteral(host);
    expect(addr?.kind()).toBe('ipv6');
    expect(addr?.toString()).toBe(expected);
  });

  it.each(['fe80::1%eth0', '[fe80::1%25eth0]', 'fe80::1%25en0'])('reads zone id in %s without losing the address', (host) => {
    const addr = parseHostLiteral(host);
    expect(addr?.kind()).toBe('ipv6');
    expect(addr?.toNormalizedString().split('%')[0]).toBe('fe80:0:0:0:0:0:0:1');
    expect((addr as { zoneId?: string }).zoneId).toMatch(/^(eth0|en0)$/);
  });

  it.each([
    'api.hubspot.com',
    'localhost',
    '256.0.0.1',
    '08.0.0.1',
    '1.2.3.4.5',
    '0x100000000',
    '4294967296',
    '1.256.1',
    '127.0.0.1x',
    '127..0.1',
    '',
    '[127.0.0.1]',
    '[::1',
    'a.b.c.1',
    '::127.0.0.01',
    '::ffff:256.0.0.1',
    '1e3',
  ])('treats %j as a name, not an address', (host) => {
    expect(parseHostLiteral(host)).toBeNull();
  });

  it('agrees with WHATWG URL on every IPv4 form it accepts', () => {
    for (const host of ['0x7f.1', '2130706433', '0177.0.0.1', '10.1', '0xa9fea9fe', '192.168.1', '0300.0250.0.1']) {
      expect(parseHostLiteral(host)?.toString()).toBe(new URL(`https://${host}/`).hostname);
    }
  });
});
