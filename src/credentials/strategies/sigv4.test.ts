import { describe, expect, it } from 'vitest';
import { signingKeyExample, suiteCases, suiteCredentials } from './fixtures/aws-sigv4.js';
import { CANARY, expectFailureWithoutCanary, request } from './fixtures/requests.js';
import { sigv4 } from './sigv4.js';
import { canonicalUri, deriveSigningKey, sha256Hex, wirePath } from './sigv4-signing.js';

describe('sigv4', () => {
  for (const c of suiteCases) {
    it(`matches the AWS SigV4 test suite: ${c.name}`, async () => {
      const req = request(c.method, c.url, c.headers, c.body);
      await sigv4(suiteCredentials).authorize(req);
      expect(req.headers.Authorization).toBe(
        `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=${c.signedHeaders}, Signature=${c.signature}`,
      );
      expect(req.headers['x-amz-date']).toBe('20150830T123600Z');
      expect(req.headers.host).toBe('example.amazonaws.com');
    });
  }

  it('derives the signing key of the AWS documentation example', () => {
    const v = signingKeyExample;
    expect(deriveSigningKey(v.secretAccessKey, v.date, v.region, v.service).toString('hex')).toBe(v.signingKeyHex);
  });

  it('sends the query in the canonical order it signed', async () => {
    const req = request('GET', 'https://example.amazonaws.com/?b=2&a=x y&a=1');
    await sigv4(suiteCredentials).authorize(req);
    expect(req.url.search).toBe('?a=1&a=x%20y&b=2');
  });

  it('signs and sends a session token and, on request, the payload hash', async () => {
    const req = request('PUT', 'https://bucket.s3.amazonaws.com/my key.txt', {}, 'hello');
    await sigv4({ ...suiteCredentials, service: 's3', sessionToken: 'sess' }).authorize(req);
    expect(req.headers['x-amz-security-token']).toBe('sess');
    expect(req.headers['x-amz-content-sha256']).toBe(sha256Hex('hello'));
    expect(req.headers.Authorization).toContain('SignedHeaders=host;x-amz-content-sha256;x-amz-date;x-amz-security-token,');
    expect(req.url.pathname).toBe('/my%20key.txt');
  });

  it('does not sign headers a client or proxy may rewrite', async () => {
    const req = request('GET', 'https://example.amazonaws.com/', { 'User-Agent': 'forge', 'X-Amz-Target': 'Svc.Op' });
    await sigv4(suiteCredentials).authorize(req);
    expect(req.headers.Authorization).toContain('SignedHeaders=host;x-amz-date;x-amz-target,');
  });

  it('encodes path segments twice outside S3 and once for S3, as AWS documents', () => {
    expect(wirePath('/documents%20and%20settings/', true)).toBe('/documents%20and%20settings/');
    expect(canonicalUri('/documents%20and%20settings/', true)).toBe('/documents%2520and%2520settings/');
    expect(canonicalUri('/documents%20and%20settings/', false)).toBe('/documents%20and%20settings/');
    expect(wirePath('//example//a/./b/', true)).toBe('/example/a/b/');
    expect(wirePath('//example//', false)).toBe('//example//');
    expect(wirePath('/', true)).toBe('/');
  });

  it('refuses missing credentials and lists only secret values', async () => {
    const error = await expectFailureWithoutCanary(() => sigv4({ ...suiteCredentials, secretAccessKey: '', sessionToken: `${CANARY}\n` }));
    expect(error.message).toMatch(/secretAccessKey is required.*sessionToken must not contain/);
    const strategy = sigv4({ ...suiteCredentials, sessionToken: 'tok' });
    expect(strategy.secrets()).toEqual(expect.arrayContaining([suiteCredentials.secretAccessKey, 'tok']));
    expect(strategy.secrets()).not.toContain('AKIDEXAMPLE');
  });
});
