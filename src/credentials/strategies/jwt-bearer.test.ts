import { generateKeyPairSync } from 'node:crypto';
import { decodeProtectedHeader, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { isAuthError } from './auth-error.js';
import { CANARY, expectFailureWithoutCanary, request } from './fixtures/requests.js';
import { rsaKeyPair } from './fixtures/rsa-keys.js';
import { fakeTokenEndpoint, manualClock } from './fixtures/token-endpoint.js';
import { JWT_BEARER_GRANT, jwtBearer } from './jwt-bearer.js';

const keys = rsaKeyPair();
const salesforce = {
  issuer: '3MVG9-consumer-key',
  subject: 'integration@acme.com',
  audience: 'https://login.salesforce.com',
  tokenUrl: 'https://login.salesforce.com/services/oauth2/token',
  privateKeyPem: keys.pkcs8Pem,
};
const sfToken = (token: string) => ({ status: 200, body: { access_token: token, instance_url: 'https://acme.my.salesforce.com', token_type: 'Bearer' } });

describe('jwtBearer', () => {
  it('exchanges an RS256 assertion carrying iss, sub, aud and a short exp', async () => {
    const clock = manualClock(Date.UTC(2026, 0, 1, 12));
    const endpoint = fakeTokenEndpoint([sfToken('00D-token')]);
    const strategy = jwtBearer({ ...salesforce, fetchToken: endpoint.fetchToken, now: clock.now });
    const req = request('GET', 'https://acme.my.salesforce.com/services/data/v61.0/sobjects');
    await strategy.authorize(req);

    expect(req.headers.Authorization).toBe('Bearer 00D-token');
    const call = endpoint.calls[0];
    expect(call?.url).toBe(salesforce.tokenUrl);
    expect(call?.form.grant_type).toBe(JWT_BEARER_GRANT);
    const assertion = call?.form.assertion as string;
    expect(decodeProtectedHeader(assertion).alg).toBe('RS256');
    const { payload } = await jwtVerify(assertion, keys.publicKey, {
      issuer: salesforce.issuer,
      subject: salesforce.subject,
      audience: salesforce.audience,
      currentDate: new Date(clock.now()),
    });
    expect((payload.exp as number) - Math.floor(clock.now() / 1000)).toBe(180);
    expect((await strategy.token()).extra.instance_url).toBe('https://acme.my.salesforce.com');
    expect(strategy.secrets()).toEqual(expect.arrayContaining([keys.pkcs8Pem, assertion, '00D-token']));
  });

  it('reads PKCS#1 keys too, and caches the token until shortly before its assumed lifetime', async () => {
    const clock = manualClock();
    const endpoint = fakeTokenEndpoint([sfToken('t1'), sfToken('t2')]);
    const strategy = jwtBearer({ ...salesforce, privateKeyPem: keys.pkcs1Pem, fetchToken: endpoint.fetchToken, now: clock.now });
    const req = request('GET', 'https://acme.my.salesforce.com/');
    await Promise.all([strategy.authorize(req), strategy.authorize(req)]);
    clock.advance((900 - 61) * 1000);
    await strategy.authorize(req);
    expect(endpoint.calls).toHaveLength(1);
    clock.advance(1000);
    await strategy.authorize(req);
    expect(req.headers.Authorization).toBe('Bearer t2');
  });

  it('honours expires_in when the token endpoint sends it', async () => {
    const clock = manualClock();
    const endpoint = fakeTokenEndpoint([{ status: 200, body: { access_token: 't1', expires_in: 120 } }, sfToken('t2')]);
    const strategy = jwtBearer({ ...salesforce, fetchToken: endpoint.fetchToken, now: clock.now });
    await strategy.authorize(request('GET', 'https://x.test/'));
    clock.advance(61_000);
    await strategy.authorize(request('GET', 'https://x.test/'));
    expect(endpoint.calls).toHaveLength(2);
  });

  it('explains invalid_grant as a re-authorisation problem without leaking the assertion or key', async () => {
    const keyLine = keys.pkcs8Pem.split('\n')[3] as string;
    const endpoint = fakeTokenEndpoint([
      (call) => ({ status: 400, body: { error: 'invalid_grant', error_description: `user hasn't approved this consumer ${call.form.assertion} ${keyLine}` } }),
    ]);
    const strategy = jwtBearer({ ...salesforce, fetchToken: endpoint.fetchToken });
    const error = await expectFailureWithoutCanary(() => strategy.authorize(request('GET', 'https://x.test/')));
    expect(isAuthError(error) && error.code).toBe('invalid_grant');
    expect(isAuthError(error) && error.reauthRequired).toBe(true);
    expect(error.message).toContain("user hasn't approved this consumer [redacted] [redacted]");
    expect(error.message).not.toContain(endpoint.calls[0]?.form.assertion);
    expect(error.message).not.toContain(keyLine);
  });

  it('refuses an unreadable or non-RSA private key without echoing it', async () => {
    const fetchToken = fakeTokenEndpoint([]).fetchToken;
    const garbage = `-----BEGIN PRIVATE KEY-----\n${CANARY}\n-----END PRIVATE KEY-----`;
    const error = await expectFailureWithoutCanary(() => jwtBearer({ ...salesforce, privateKeyPem: garbage, fetchToken }));
    expect(error.message).toContain('privateKeyPem is not a readable');
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    expect(() => jwtBearer({ ...salesforce, privateKeyPem: ec, fetchToken })).toThrow('must be an RSA key for RS256; got ec');
    await expectFailureWithoutCanary(() => jwtBearer({ ...salesforce, issuer: '', privateKeyPem: CANARY, fetchToken }));
  });
});
