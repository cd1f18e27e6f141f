import { describe, expect, it } from 'vitest';
import { checkUrl, EgressError, type EgressPolicy, type EgressReason } from './index.js';

const policy: EgressPolicy = { allowedDomains: ['api.hubspot.com', '*.salesforce.com'] };
const sandbox: EgressPolicy = { ...policy, allowLoopback: true };

function refusal(url: string | URL, p: EgressPolicy = policy): EgressError {
  try {
    checkUrl(url, p);
  } catch (err) {
    if (err instanceof EgressError) return err;
    throw err;
  }
  throw new Error(`expected ${String(url)} to be refused`);
}

/** [hostile URL, reason it must be refused for] */
const HOSTILE: Array<[string, EgressReason]> = [
  // loopback in every notation
  ['https://127.0.0.1/', 'forbidden_address'],
  ['https://127.1/', 'forbidden_address'],
  ['https://127.0.1/', 'forbidden_address'],
  ['https://2130706433/', 'forbidden_address'],
  ['https://0177.0.0.1/', 'forbidden_address'],
  ['https://0177.1/', 'forbidden_address'],
  ['https://017700000001/', 'forbidden_address'],
  ['https://0x7f.0.0.1/', 'forbidden_address'],
  ['https://0x7f.1/', 'forbidden_address'],
  ['https://0x7f000001/', 'forbidden_address'],
  ['https://0X7F.0X0.0X0.0X1/', 'forbidden_address'],
  ['https://0x7f.0.1/', 'forbidden_address'],
  ['https://0x7f.0.0.01/', 'forbidden_address'],
  ['https://127.0.0.1./', 'forbidden_address'],
  ['https://127.255.255.254/', 'forbidden_address'],
  ['https://%31%32%37.0.0.1/', 'forbidden_address'],
  ['https://１２７.０.０.１/', 'forbidden_address'],
  ['https://127。0。0。1/', 'forbidden_address'],
  ['https://127.0.0.1:8443/admin', 'forbidden_address'],
  ['https://localhost/', 'forbidden_address'],
  ['https://LOCALHOST./', 'forbidden_address'],
  ['https://admin.localhost/', 'forbidden_address'],
  // unspecified
  ['https://0/', 'forbidden_address'],
  ['https://0.0.0.0/', 'forbidden_address'],
  ['https://0x0/', 'forbidden_address'],
  // private, in decimal, octal, hex and mixed notations
  ['https://10.0.0.1/', 'forbidden_address'],
  ['https://10.1/', 'forbidden_address'],
  ['https://012.0.0.1/', 'forbidden_address'],
  ['https://0xa.0.0.1/', 'forbidden_address'],
  ['https://167772161/', 'forbidden_address'],
  ['https://172.16.0.1/', 'forbidden_address'],
  ['https://172.31.255.255/', 'forbidden_address'],
  ['https://0xac.0x10.0.1/', 'forbidden_address'],
  ['https://192.168.0.1/', 'forbidden_address'],
  ['https://192.168.1/', 'forbidden_address'],
  ['https://0xc0a80001/', 'forbidden_address'],
  ['https://3232235521/', 'forbidden_address'],
  ['https://0300.0250.0.1/', 'forbidden_address'],
  ['https://0xc0.168.0x0.01/', 'forbidden_address'],
  // link-local and cloud metadata
  ['https://169.254.169.254/latest/meta-data/', 'forbidden_address'],
  ['https://2852039166/', 'forbidden_address'],
  ['https://0xa9fea9fe/', 'forbidden_address'],
  ['https://0251.0376.0251.0376/', 'forbidden_address'],
  ['https://0xa9.0xfe.0xa9.0xfe/', 'forbidden_address'],
  ['https://169.254.43518/', 'forbidden_address'],
  ['https://0xa9.254.0251.254/', 'forbidden_address'],
  ['https://169.254.0.1/', 'forbidden_address'],
  ['https://100.100.100.200/', 'forbidden_address'],
  ['https://192.0.0.192/', 'forbidden_address'],
  ['https://168.63.129.16/', 'forbidden_address'],
  // CGNAT, multicast, broadcast, reserved, documentation
  ['https://100.64.0.1/', 'forbidden_address'],
  ['https://224.0.0.1/', 'forbidden_address'],
  ['https://239.255.255.250/', 'forbidden_address'],
  ['https://255.255.255.255/', 'forbidden_address'],
  ['https://240.0.0.1/', 'forbidden_address'],
  ['https://0.1.2.3/', 'forbidden_address'],
  ['https://192.0.2.1/', 'forbidden_address'],
  ['https://198.18.0.1/', 'forbidden_address'],
  ['https://198.51.100.7/', 'forbidden_address'],
  ['https://203.0.113.9/', 'forbidden_address'],
  // IPv6 literals and every IPv4 embedding
  ['https://[::1]/', 'forbidden_address'],
  ['https://[0:0:0:0:0:0:0:1]/', 'forbidden_address'],
  ['https://[::]/', 'forbidden_address'],
  ['https://[fe80::1]/', 'forbidden_address'],
  ['https://[fc00::1]/', 'forbidden_address'],
  ['https://[fd00:ec2::254]/', 'forbidden_address'],
  ['https://[ff02::1]/', 'forbidden_address'],
  ['https://[2001:db8::1]/', 'forbidden_address'],
  ['https://[fec0::1]/', 'forbidden_address'],
  ['https://[::ffff:127.0.0.1]/', 'forbidden_address'],
  ['https://[::ffff:7f00:1]/', 'forbidden_address'],
  ['https://[::ffff:169.254.169.254]/', 'forbidden_address'],
  ['https://[::ffff:a9fe:a9fe]/', 'forbidden_address'],
  ['https://[::ffff:10.0.0.1]/', 'forbidden_address'],
  ['https://[::ffff:0:7f00:1]/', 'forbidden_address'],
  ['https://[::127.0.0.1]/', 'forbidden_address'],
  ['https://[::7f00:1]/', 'forbidden_address'],
  ['https://[::10.0.0.1]/', 'forbidden_address'],
  ['https://[2002:7f00:1::]/', 'forbidden_address'],
  ['https://[2002:a9fe:a9fe::1]/', 'forbidden_address'],
  ['https://[2002:c0a8:1::]/', 'forbidden_address'],
  ['https://[64:ff9b::a9fe:a9fe]/', 'forbidden_address'],
  ['https://[64:ff9b::127.0.0.1]/', 'forbidden_address'],
  ['https://[64:ff9b::10.0.0.1]/', 'forbidden_address'],
  ['https://[64:ff9b:1::a9fe:a9fe]/', 'forbidden_address'],
  ['https://[2001::1]/', 'forbidden_address'],
  ['https://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/', 'forbidden_address'],
  // userinfo
  ['https://user@api.hubspot.com/', 'userinfo'],
  ['https://user:pass@api.hubspot.com/', 'userinfo'],
  ['https://api.hubspot.com@evil.com/', 'userinfo'],
  ['https://api.hubspot.com:443@evil.com/', 'userinfo'],
  ['https://@api.hubspot.com/', 'userinfo'],
  ['https://:@api.hubspot.com/', 'userinfo'],
  ['https://a@b@api.hubspot.com/', 'userinfo'],
  ['https://user@127.0.0.1/', 'userinfo'],
  // backslash tricks (WHATWG reads \ as / in http and https)
  ['https://evil.com\\@api.hubspot.com/', 'backslash'],
  ['https://api.hubspot.com\\@evil.com/', 'backslash'],
  ['https:\\\\evil.com/', 'backslash'],
  ['https://evil.com\\.api.hubspot.com/', 'backslash'],
  ['https://api.hubspot.com/\\\\evil.com', 'backslash'],
  // control characters the parser would silently drop
  ['https://127.0.0.\n1/', 'control_char'],
  ['https://api.hub\tspot.com.evil.com/', 'control_char'],
  ['https://api.hubspot.com\r\n.evil.com/', 'control_char'],
  ['https://api.hubspot.com\u0000.evil.com/', 'control_char'],
  // schemes
  ['http://api.hubspot.com/', 'scheme'],
  ['http://127.0.0.1/', 'scheme'],
  ['ftp://api.hubspot.com/', 'scheme'],
  ['file:///etc/passwd', 'scheme'],
  ['gopher://127.0.0.1:6379/_FLUSHALL', 'scheme'],
  ['javascript:alert(1)', 'scheme'],
  ['data:text/html,<script>alert(1)</script>', 'scheme'],
  ['ws://api.hubspot.com/', 'scheme'],
  ['wss://api.hubspot.com/', 'scheme'],
  ['dict://127.0.0.1:11211/stat', 'scheme'],
  ['ldap://api.hubspot.com/', 'scheme'],
  // hosts outside the connector's allowed domains
  ['https://evilhubspot.com/', 'host_not_allowed'],
  ['https://api.hubspot.com.evil.com/', 'host_not_allowed'],
  ['https://hubspot.com/', 'host_not_allowed'],
  ['https://x.api.hubspot.com/', 'host_not_allowed'],
  ['https://salesforce.com/', 'host_not_allowed'],
  ['https://evilsalesforce.com/', 'host_not_allowed'],
  ['https://salesforce.com.evil.com/', 'host_not_allowed'],
  ['https://api.hubspot.co/', 'host_not_allowed'],
  ['https://evil.com#@api.hubspot.com', 'host_not_allowed'],
  ['https://evil.com?@api.hubspot.com', 'host_not_allowed'],
  ['https://evil.com/api.hubspot.com', 'host_not_allowed'],
  ['https://api.hubspot.com%2eevil.com/', 'host_not_allowed'],
  ['https://93.184.216.34/', 'host_not_allowed'],
  ['https://[2606:4700::1111]/', 'host_not_allowed'],
  // malformed
  ['https://x..salesforce.com/', 'malformed_url'],
  ['https://.salesforce.com/', 'malformed_url'],
  ['https://08.0.0.1/', 'malformed_url'],
  ['https://256.0.0.1/', 'malformed_url'],
  ['https://[::1/', 'malformed_url'],
  ['https://', 'malformed_url'],
  ['not a url', 'malformed_url'],
  ['//api.hubspot.com/', 'malformed_url'],
];

describe('checkUrl refuses hostile targets', () => {
  it.each(HOSTILE)('refuses %j (%s)', (url, reason) => {
    expect(refusal(url).reason).toBe(reason);
  });

  it('has at least 60 distinct hostile URLs in its table', () => {
    expect(new Set(HOSTILE.map(([url]) => url)).size).toBeGreaterThanOrEqual(60);
  });

  it.each(['https://na1.salesforce.com/', 'https://eu.salesforce.com/x'])('refuses %s allowed by the connector but missing from the org allowlist', (url) => {
    const err = refusal(url, { ...policy, orgAllowlist: ['api.hubspot.com'] });
    expect(err.reason).toBe('org_not_allowed');
    expect(err.message).toContain('organisation');
  });

  it.each([
    ['http://10.0.0.1/', 'scheme'],
    ['https://10.0.0.1/', 'forbidden_address'],
    ['http://169.254.169.254/', 'scheme'],
    ['https://169.254.169.254/', 'forbidden_address'],
    ['https://0.0.0.0/', 'forbidden_address'],
    ['https://[::ffff:10.0.0.1]/', 'forbidden_address'],
    ['http://api.hubspot.com/', 'scheme'],
    ['https://evil.com/', 'host_not_allowed'],
    ['ftp://127.0.0.1/', 'scheme'],
    ['http://user@127.0.0.1/', 'userinfo'],
  ] as Array<[string, EgressReason]>)('refuses %s (%s) even under allowLoopback: only loopback is relaxed', (url, reason) => {
    expect(refusal(url, sandbox).reason).toBe(reason);
  });

  it('refuses a URL object with userinfo as well as a string', () => {
    expect(refusal(new URL('https://user:pass@api.hubspot.com/')).reason).toBe('userinfo');
    expect(refusal(new URL('https://0x7f.1/')).reason).toBe('forbidden_address');
  });

  it('never puts query strings or userinfo passwords in the message', () => {
    const withQuery = refusal('https://evil.com/path?access_token=SECRET123');
    expect(withQuery.message).not.toContain('SECRET123');
    expect(withQuery.message).not.toContain('/path');
    expect(withQuery.message).toContain('https://evil.com');
    const withPassword = refusal('https://admin:hunter2@evil.com/?key=SECRET');
    expect(withPassword.message).not.toMatch(/hunter2|admin|SECRET/);
    expect(refusal('not a url?token=SECRET').message).not.toContain('SECRET');
    expect(refusal('https://x.com\\@y.com/?token=SECRET').message).not.toContain('SECRET');
  });

  it('names host and address in a forbidden_address refusal', () => {
    const err = refusal('https://0xa9fea9fe/');
    expect(err.address).toBe('169.254.169.254');
    expect(err.message).toContain('169.254.169.254');
    expect(err.message).toContain('metadata');
  });

  it.each(['https://10.0.0.5/', 'https://012.0.0.5/', 'https://[fd00::5]/'])('refuses %s even when the forbidden address itself is listed', (url) => {
    expect(refusal(url, { allowedDomains: ['10.0.0.5', '[fd00::5]'] }).reason).toBe('forbidden_address');
  });

  it('refuses everything when allowedDomains is empty', () => {
    expect(refusal('https://api.hubspot.com/', { allowedDomains: [] }).reason).toBe('host_not_allowed');
  });

  it('throws invalid_policy for a malformed pattern instead of matching nothing', () => {
    expect(refusal('https://api.hubspot.com/', { allowedDomains: ['*.com'] }).reason).toBe('invalid_policy');
  });
});

describe('checkUrl allows what the policy allows', () => {
  it.each([
    'https://api.hubspot.com/crm/v3/objects?limit=100',
    'https://API.HubSpot.com./',
    'https://api.hubspot.com:8443/',
    'https://na1.salesforce.com/services/data',
    'https://a.b.salesforce.com/',
  ])('allows %s', (url) => {
    expect(checkUrl(url, policy).hostname).toBe(new URL(url).hostname);
  });

  it('allows a host in both the connector domains and the org allowlist', () => {
    expect(checkUrl('https://na1.salesforce.com/', { ...policy, orgAllowlist: ['na1.salesforce.com'] }).hostname).toBe('na1.salesforce.com');
  });

  it('treats an empty org allowlist as no org restriction', () => {
    expect(checkUrl('https://api.hubspot.com/', { ...policy, orgAllowlist: [] }).hostname).toBe('api.hubspot.com');
  });

  it('compares IDN hosts in punycode form', () => {
    expect(checkUrl('https://BÜCHER.de/', { allowedDomains: ['bücher.de'] }).hostname).toBe('xn--bcher-kva.de');
  });

  it('allows a public IP literal only when listed, in any notation', () => {
    expect(checkUrl('https://1572395042/', { allowedDomains: ['93.184.216.34'] }).hostname).toBe('93.184.216.34');
  });

  it.each(['http://127.0.0.1:3000/', 'https://127.0.0.1/', 'http://127.0.0.2/', 'http://localhost:3000/', 'http://[::1]:8080/', 'http://[::ffff:127.0.0.1]/', 'http://0x7f.1/'])(
    'allows loopback %s under allowLoopback regardless of allowedDomains',
    (url) => {
      expect(checkUrl(url, { allowedDomains: [], orgAllowlist: ['api.hubspot.com'], allowLoopback: true }).protocol).toMatch(/^https?:$/);
    },
  );

  it('returns a fresh URL so mutating the caller object afterwards changes nothing checked', () => {
    const input = new URL('https://api.hubspot.com/');
    const checked = checkUrl(input, policy);
    input.hostname = 'evil.com';
    expect(checked.hostname).toBe('api.hubspot.com');
  });
});
