import { describe, expect, it } from 'vitest';
import { isAuthError } from './auth-error.js';
import { CANARY, expectFailureWithoutCanary, request } from './fixtures/requests.js';
import { fakeTokenEndpoint, manualClock } from './fixtures/token-endpoint.js';
import { oauth2ClientCredentials } from './oauth2-client-credentials.js';

const TOKEN_URL = 'https://auth.example.com/oauth/token';
const ok = (token: string, expiresIn = 3600) => ({ status: 200, body: { access_token: token, token_type: 'Bearer', expires_in: expiresIn } });

describe('oauth2ClientCredentials', () => {
  it('requests a token with the client credentials in the form and sets the bearer header', async () => {
    const endpoint = fakeTokenEndpoint([ok('at-1')]);
    const strategy = oauth2ClientCredentials({ tokenUrl: TOKEN_URL, clientId: 'cid', clientSecret: 'cs', scope: ['a', 'b'], fetchToken: endpoint.fetchToken });
    const req = request('GET', 'https://api.example.com/');
    await strategy.authorize(req);
    expect(req.headers.Authorization).toBe('Bearer at-1');
    expect(endpoint.calls[0]).toMatchObject({
      url: TOKEN_URL,
      form: { grant_type: 'client_credentials', scope: 'a b', client_id: 'cid', client_secret: 'cs' },
    });
    expect(strategy.secrets()).toEqual(expect.arrayContaining(['cs', 'at-1']));
  });

  it('can authenticate the client with HTTP Basic instead', async () => {
    const endpoint = fakeTokenEndpoint([ok('at-1')]);
    await oauth2ClientCredentials({ tokenUrl: TOKEN_URL, clientId: 'c id', clientSecret: 's:s', clientAuth: 'basic', fetchToken: endpoint.fetchToken }).authorize(request('GET', 'https://x.test/'));
    expect(endpoint.calls[0]?.form.client_secret).toBeUndefined();
    expect(endpoint.calls[0]?.headers.authorization).toBe(`Basic ${Buffer.from('c+id:s%3As').toString('base64')}`);
  });

  it('shares one token request between concurrent callers', async () => {
    const endpoint = fakeTokenEndpoint([ok('at-1')], { delayMs: 10 });
    const strategy = oauth2ClientCredentials({ tokenUrl: TOKEN_URL, clientId: 'cid', clientSecret: 'cs', fetchToken: endpoint.fetchToken });
    const reqs = Array.from({ length: 5 }, () => request('GET', 'https://api.example.com/'));
    await Promise.all(reqs.map((req) => strategy.authorize(req)));
    expect(endpoint.calls).toHaveLength(1);
    expect(reqs.every((req) => req.headers.Authorization === 'Bearer at-1')).toBe(true);
  });

  it('re-requests 60 s before expiry, and after invalidate', async () => {
    const clock = manualClock();
    const endpoint = fakeTokenEndpoint([ok('at-1'), ok('at-2'), ok('at-3')]);
    const strategy = oauth2ClientCredentials({ tokenUrl: TOKEN_URL, clientId: 'cid', clientSecret: 'cs', fetchToken: endpoint.fetchToken, now: clock.now });
    const req = request('GET', 'https://api.example.com/');
    await strategy.authorize(req);
    clock.advance(3_539_000);
    await strategy.authorize(req);
    expect(req.headers.Authorization).toBe('Bearer at-1');
    clock.advance(1_000);
    await strategy.authorize(req);
    expect(req.headers.Authorization).toBe('Bearer at-2');
    strategy.invalidate?.();
    await strategy.authorize(req);
    expect(req.headers.Authorization).toBe('Bearer at-3');
  });

  it('classifies refusals and outages without leaking the secret the vendor echoed', async () => {
    const cases = [
      { answer: { status: 401, body: { error: 'invalid_client', error_description: `bad secret ${CANARY}` } }, code: 'invalid_client', kind: 'permanent' },
      { answer: { status: 503, body: 'upstream down' }, code: 'token_request_failed', kind: 'transient' },
      { answer: { status: 200, body: { token_type: 'Bearer' } }, code: 'token_response_invalid', kind: 'permanent' },
      { answer: new Error(`socket hang up sending client_secret=${CANARY}`), code: 'token_request_failed', kind: 'transient' },
    ];
    for (const c of cases) {
      const endpoint = fakeTokenEndpoint([c.answer]);
      const strategy = oauth2ClientCredentials({ tokenUrl: TOKEN_URL, clientId: 'cid', clientSecret: CANARY, fetchToken: endpoint.fetchToken });
      const error = await expectFailureWithoutCanary(() => strategy.authorize(request('GET', 'https://api.example.com/')));
      expect(isAuthError(error) && [error.code, error.kind]).toEqual([c.code, c.kind]);
      expect(error.message).toContain('auth.example.com');
    }
  });

  it('names the missing field of a malformed token response', async () => {
    const endpoint = fakeTokenEndpoint([{ status: 200, body: { token_type: 'Bearer' } }]);
    const strategy = oauth2ClientCredentials({ tokenUrl: TOKEN_URL, clientId: 'cid', clientSecret: 'cs', fetchToken: endpoint.fetchToken });
    await expect(strategy.authorize(request('GET', 'https://x.test/'))).rejects.toThrow('answered without a usable token: missing or has invalid field(s): access_token');
  });

  it('refuses an invalid token URL in its configuration', async () => {
    const error = await expectFailureWithoutCanary(() => oauth2ClientCredentials({ tokenUrl: 'not a url', clientId: 'c', clientSecret: CANARY, fetchToken: fakeTokenEndpoint([]).fetchToken }));
    expect(error.message).toContain('tokenUrl');
  });
});
