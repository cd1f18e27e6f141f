import { createHash } from 'node:crypto';
import { decodeJwt, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { CANARY, expectFailureWithoutCanary, request } from './fixtures/requests.js';
import { rsaKeyPair } from './fixtures/rsa-keys.js';
import { manualClock } from './fixtures/token-endpoint.js';
import { publicKeyFingerprint } from './private-key.js';
import { snowflakeAccountForJwt, snowflakeKeyPairJwt } from './snowflake-jwt.js';

const keys = rsaKeyPair();
const expectedFingerprint = `SHA256:${createHash('sha256').update(keys.spkiDer).digest('base64')}`;

describe('snowflakeKeyPairJwt', () => {
  it('fingerprints the public key as SHA-256 of its DER SubjectPublicKeyInfo, from either half', () => {
    expect(publicKeyFingerprint(keys.pkcs8Pem)).toBe(expectedFingerprint);
    expect(publicKeyFingerprint(keys.publicKey)).toBe(expectedFingerprint);
  });

  it('signs a key-pair JWT used directly as the bearer token', async () => {
    const clock = manualClock();
    const strategy = snowflakeKeyPairJwt({ account: 'xy12345.us-east-2.aws', user: 'etl_user', privateKeyPem: keys.pkcs8Pem, now: clock.now });
    const req = request('POST', 'https://xy12345.us-east-2.aws.snowflakecomputing.com/api/v2/statements');
    await strategy.authorize(req);

    expect(req.headers['X-Snowflake-Authorization-Token-Type']).toBe('KEYPAIR_JWT');
    const jwt = (req.headers.Authorization as string).replace(/^Bearer /, '');
    const { payload } = await jwtVerify(jwt, keys.publicKey, { currentDate: new Date(clock.now()) });
    expect(payload.iss).toBe(`XY12345.ETL_USER.${expectedFingerprint}`);
    expect(payload.sub).toBe('XY12345.ETL_USER');
    expect((payload.exp as number) - (payload.iat as number)).toBe(3540);
    expect(strategy.secrets()).toContain(jwt);
  });

  it('reuses the JWT until a minute before it expires', async () => {
    const clock = manualClock();
    const strategy = snowflakeKeyPairJwt({ account: 'myorg-myaccount', user: 'u', privateKeyPem: keys.pkcs8Pem, now: clock.now });
    const a = request('GET', 'https://x.test/');
    const b = request('GET', 'https://x.test/');
    await strategy.authorize(a);
    clock.advance((3540 - 61) * 1000);
    await strategy.authorize(b);
    expect(b.headers.Authorization).toBe(a.headers.Authorization);
    clock.advance(2000);
    await strategy.authorize(b);
    expect(b.headers.Authorization).not.toBe(a.headers.Authorization);
    expect(decodeJwt((b.headers.Authorization as string).slice(7)).sub).toBe('MYORG-MYACCOUNT.U');
  });

  it('normalises account identifiers as Snowflake does', () => {
    expect(snowflakeAccountForJwt('xy12345.us-east-2.aws')).toBe('XY12345');
    expect(snowflakeAccountForJwt('myorg-myaccount')).toBe('MYORG-MYACCOUNT');
    expect(snowflakeAccountForJwt('myaccount-abc123.global')).toBe('MYACCOUNT');
  });

  it('accepts a matching configured fingerprint and names both on a mismatch', async () => {
    expect(() => snowflakeKeyPairJwt({ account: 'a', user: 'u', privateKeyPem: keys.pkcs8Pem, publicKeyFingerprint: expectedFingerprint.slice(7) })).not.toThrow();
    const error = await expectFailureWithoutCanary(() =>
      snowflakeKeyPairJwt({ account: 'a', user: 'u', privateKeyPem: keys.pkcs8Pem, publicKeyFingerprint: 'SHA256:AAAA' }),
    );
    expect(error.message).toContain('SHA256:AAAA does not match');
    expect(error.message).toContain(expectedFingerprint);
  });

  it('refuses an unreadable key without echoing it', async () => {
    await expectFailureWithoutCanary(() => snowflakeKeyPairJwt({ account: 'a', user: 'u', privateKeyPem: CANARY }));
  });
});
