import { describe, expect, it } from 'vitest';
import { isAuthError } from './auth-error.js';
import { CANARY, expectFailureWithoutCanary } from './fixtures/requests.js';
import { fakeTokenEndpoint, manualClock } from './fixtures/token-endpoint.js';
import { createAuthorizationRequest, exchangeCode, parseTokenResponse, pkceChallengeS256, verifyState } from './oauth2-authcode.js';

const TOKEN_URL = 'https://oauth.example.com/token';

describe('createAuthorizationRequest', () => {
  it('matches the RFC 7636 Appendix B PKCE S256 vector', () => {
    expect(pkceChallengeS256('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('builds the authorize URL with a random state and an S256 challenge of its verifier', () => {
    const request = createAuthorizationRequest({
      authorizeUrl: 'https://login.example.com/authorize?tenant=t1',
      clientId: 'cid',
      redirectUri: 'https://forge.local/oauth/callback',
      scopes: ['read', 'write'],
      extraParams: { access_type: 'offline', state: 'ignored' },
    });
    const url = new URL(request.url);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      tenant: 't1',
      access_type: 'offline',
      response_type: 'code',
      client_id: 'cid',
      redirect_uri: 'https://forge.local/oauth/callback',
      scope: 'read write',
      state: request.state,
      code_challenge: pkceChallengeS256(request.codeVerifier),
      code_challenge_method: 'S256',
    });
    expect(request.codeVerifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(createAuthorizationRequest({ authorizeUrl: 'https://x.test/a', clientId: 'c', redirectUri: 'https://r.test/' }).state).not.toBe(request.state);
  });
});

describe('verifyState', () => {
  it('accepts the issued state and throws a clear state mismatch otherwise', () => {
    expect(() => verifyState('abc', 'abc')).not.toThrow();
    expect(() => verifyState('abc', 'abd')).toThrow(/^OAuth state mismatch/);
    expect(() => verifyState('abc', undefined)).toThrow('state mismatch: the callback carried no state');
    expect(() => verifyState('', '')).toThrow('state mismatch');
  });

  it('does not echo either state', async () => {
    const error = await expectFailureWithoutCanary(() => verifyState(CANARY, `${CANARY}x`));
    expect(isAuthError(error) && error.code).toBe('state_mismatch');
  });
});

describe('exchangeCode', () => {
  const base = { tokenUrl: TOKEN_URL, clientId: 'cid', clientSecret: 'cs', redirectUri: 'https://forge.local/cb', codeVerifier: 'v'.repeat(43) };

  it('posts the code, redirect URI and verifier, and returns the token set', async () => {
    const clock = manualClock();
    const endpoint = fakeTokenEndpoint([{ status: 200, body: '{"access_token":"at","refresh_token":"rt","expires_in":"3600","scope":"read","id_token":"idt","instance_url":"https://i"}' }]);
    const tokens = await exchangeCode({ ...base, code: 'the-code', fetchToken: endpoint.fetchToken, now: clock.now });
    expect(endpoint.calls[0]?.form).toEqual({
      grant_type: 'authorization_code',
      code: 'the-code',
      redirect_uri: base.redirectUri,
      code_verifier: base.codeVerifier,
      client_id: 'cid',
      client_secret: 'cs',
    });
    expect(tokens).toEqual({
      accessToken: 'at',
      tokenType: 'Bearer',
      expiresAt: clock.now() + 3_600_000,
      refreshToken: 'rt',
      scope: 'read',
      extra: { instance_url: 'https://i' },
    });
  });

  it('explains invalid_grant as an expired or reused code, without echoing the code', async () => {
    const endpoint = fakeTokenEndpoint([{ status: 400, body: { error: 'invalid_grant', error_description: `Code ${CANARY} was already redeemed.` } }]);
    const error = await expectFailureWithoutCanary(() => exchangeCode({ ...base, code: CANARY, fetchToken: endpoint.fetchToken }));
    expect(error.message).toMatch(/^Authorization code was refused \(invalid_grant\): it expired or was already used/);
    expect(error.message).toContain('Code [redacted] was already redeemed.');
    expect(isAuthError(error) && [error.kind, error.status, error.reauthRequired]).toEqual(['permanent', 400, true]);
  });

  it('treats an error body with a 200 status as a refusal (some vendors do this)', async () => {
    const endpoint = fakeTokenEndpoint([{ status: 200, body: 'error=invalid_grant&error_description=bad+code' }]);
    await expect(exchangeCode({ ...base, code: 'c', fetchToken: endpoint.fetchToken })).rejects.toMatchObject({ code: 'invalid_grant' });
  });
});

describe('parseTokenResponse', () => {
  it('names every missing or malformed field, never the values', async () => {
    const error = await expectFailureWithoutCanary(() => parseTokenResponse({ access_token: '', expires_in: 'soon', refresh_token: CANARY }));
    expect(error.message).toContain('access_token, expires_in');
    expect(() => parseTokenResponse('not json at all')).toThrow('(body)');
  });

  it('defaults the token type and leaves expiry unknown when the vendor is silent', () => {
    expect(parseTokenResponse({ access_token: 'a' })).toMatchObject({ tokenType: 'Bearer', expiresAt: undefined });
  });
});
