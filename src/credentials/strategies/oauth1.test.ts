import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CANARY, expectFailureWithoutCanary, request } from './fixtures/requests.js';
import { baseStringExample, photosCore10, photosRfc5849 } from './fixtures/rfc5849.js';
import { oauth1Hmac } from './oauth1.js';
import { formPairs, hmacSignature, signatureBaseString } from './oauth1-signature.js';
import { percentEncode } from './percent-encode.js';

function parseOAuthHeader(header: string): Record<string, string> {
  expect(header.startsWith('OAuth ')).toBe(true);
  return Object.fromEntries(
    header
      .slice(6)
      .split(', ')
      .map((part) => {
        const match = /^([a-z_]+)="([^"]*)"$/.exec(part);
        if (!match) throw new Error(`bad header part ${part}`);
        return [match[1], decodeURIComponent(match[2] as string)];
      }),
  );
}

describe('oauth1Hmac', () => {
  it('reproduces RFC 5849 §1.2: the photos request signature and header', async () => {
    const v = photosRfc5849;
    const req = request(v.method, v.url);
    await oauth1Hmac({ ...v, signatureMethod: 'HMAC-SHA1', nonce: () => v.nonce, timestamp: () => v.timestamp }).authorize(req);
    const header = req.headers.Authorization as string;
    expect(header.startsWith('OAuth realm="Photos", ')).toBe(true);
    expect(header).toContain('oauth_signature="MdpQcU8iPSUjWoN%2FUDMsK2sui9I%3D"');
    expect(parseOAuthHeader(header)).toEqual({
      realm: 'Photos',
      oauth_consumer_key: v.consumerKey,
      oauth_token: v.token,
      oauth_signature_method: 'HMAC-SHA1',
      oauth_timestamp: v.timestamp,
      oauth_nonce: v.nonce,
      oauth_signature: v.signature,
    });
  });

  it('reproduces OAuth Core 1.0 Appendix A.5 (signature tR3+Ty81lMeYAr/Fid0kMTYa/WM=)', async () => {
    const v = photosCore10;
    const req = request(v.method, v.url);
    await oauth1Hmac({ ...v, signatureMethod: 'HMAC-SHA1', nonce: () => v.nonce, timestamp: () => v.timestamp }).authorize(req);
    expect(parseOAuthHeader(req.headers.Authorization as string).oauth_signature).toBe(v.signature);
    expect(parseOAuthHeader(req.headers.Authorization as string).oauth_version).toBe('1.0');
  });

  it('builds both published photos base strings', () => {
    for (const v of [photosRfc5849, photosCore10]) {
      const url = new URL(v.url);
      const protocol: Array<[string, string]> = [
        ['oauth_consumer_key', v.consumerKey],
        ['oauth_token', v.token],
        ['oauth_signature_method', 'HMAC-SHA1'],
        ['oauth_timestamp', v.timestamp],
        ['oauth_nonce', v.nonce],
      ];
      if (v.includeVersion) protocol.push(['oauth_version', '1.0']);
      const base = signatureBaseString(v.method, url, [...formPairs(url.search), ...protocol]);
      expect(base).toBe(v.baseString);
      expect(hmacSignature(base, v.consumerSecret, v.tokenSecret, 'HMAC-SHA1')).toBe(v.signature);
    }
  });

  it('reproduces the RFC 5849 §3.4.1.1 base string, including query and form body parameters', async () => {
    const v = baseStringExample;
    const req = request(v.method, v.url, { 'Content-Type': 'application/x-www-form-urlencoded' }, v.body);
    await oauth1Hmac({
      consumerKey: v.consumerKey,
      consumerSecret: 'cs',
      token: v.token,
      tokenSecret: 'ts',
      realm: 'Example',
      signatureMethod: 'HMAC-SHA1',
      includeVersion: false,
      nonce: () => v.nonce,
      timestamp: () => v.timestamp,
    }).authorize(req);
    // The RFC publishes no secrets for this example, so check the signature is over its base string.
    const expected = createHmac('sha1', 'cs&ts').update(v.baseString).digest('base64');
    expect(parseOAuthHeader(req.headers.Authorization as string).oauth_signature).toBe(expected);
  });

  it('ignores a body that is not a form', async () => {
    const config = { consumerKey: 'ck', consumerSecret: 'cs', token: 't', tokenSecret: 'ts', signatureMethod: 'HMAC-SHA256' as const, nonce: () => 'n', timestamp: () => '1' };
    const json = request('POST', 'https://example.com/x', { 'content-type': 'application/json' }, '{"a":"1"}');
    const bare = request('POST', 'https://example.com/x', { 'content-type': 'application/json' });
    await oauth1Hmac(config).authorize(json);
    await oauth1Hmac(config).authorize(bare);
    expect(json.headers.Authorization).toBe(bare.headers.Authorization);
  });

  it('signs HMAC-SHA256 consistently with the base string (NetSuite TBA)', async () => {
    const req = request('POST', 'https://1234567-sb1.suitetalk.api.netsuite.com/services/rest/record/v1/customer?limit=5');
    const config = {
      consumerKey: 'ck', consumerSecret: 'c s!', token: 'tk', tokenSecret: 't*s',
      realm: '1234567_SB1', signatureMethod: 'HMAC-SHA256' as const, nonce: () => 'abcdef123456', timestamp: () => '1700000000',
    };
    await oauth1Hmac(config).authorize(req);
    const params = parseOAuthHeader(req.headers.Authorization as string);
    expect(params.realm).toBe('1234567_SB1');
    expect(params.oauth_version).toBe('1.0');
    expect(params.oauth_signature_method).toBe('HMAC-SHA256');
    const { realm: _realm, oauth_signature: signature, ...protocol } = params;
    const base = signatureBaseString('POST', req.url, [...formPairs(req.url.search), ...Object.entries(protocol)]);
    const key = `${percentEncode('c s!')}&${percentEncode('t*s')}`;
    expect(signature).toBe(createHmac('sha256', key).update(base).digest('base64'));
    expect(signature).toHaveLength(44);
  });

  it('uses a fresh nonce and timestamp by default', async () => {
    const strategy = oauth1Hmac({ consumerKey: 'ck', consumerSecret: 'cs', token: 't', tokenSecret: 'ts', signatureMethod: 'HMAC-SHA256' });
    const a = request('GET', 'https://example.com/');
    const b = request('GET', 'https://example.com/');
    await strategy.authorize(a);
    await strategy.authorize(b);
    expect(parseOAuthHeader(a.headers.Authorization as string).oauth_nonce).not.toBe(parseOAuthHeader(b.headers.Authorization as string).oauth_nonce);
  });

  it('percent-encodes the characters encodeURIComponent leaves bare', () => {
    expect(percentEncode("!*'() ~-._")).toBe('%21%2A%27%28%29%20~-._');
  });

  it('refuses bad configuration without echoing secrets', async () => {
    const base = { consumerKey: 'ck', consumerSecret: CANARY, token: 't', tokenSecret: CANARY };
    const error = await expectFailureWithoutCanary(() => oauth1Hmac({ ...base, signatureMethod: 'PLAINTEXT' as 'HMAC-SHA1' }));
    expect(error.message).toContain('signatureMethod');
    await expectFailureWithoutCanary(() => oauth1Hmac({ ...base, token: '', signatureMethod: 'HMAC-SHA1' }));
    await expectFailureWithoutCanary(() => oauth1Hmac({ ...base, realm: 'a"b', signatureMethod: 'HMAC-SHA1' }));
  });
});
