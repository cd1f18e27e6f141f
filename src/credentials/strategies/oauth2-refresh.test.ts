import { describe, expect, it } from 'vitest';
import { isAuthError } from './auth-error.js';
import { CANARY, expectFailureWithoutCanary } from './fixtures/requests.js';
import { fakeTokenEndpoint } from './fixtures/token-endpoint.js';
import { refreshAccessToken } from './oauth2-refresh.js';

const TOKEN_URL = 'https://oauth.example.com/token';

describe('refreshAccessToken', () => {
  it('sends the refresh token and keeps the old one when none is rotated', async () => {
    const endpoint = fakeTokenEndpoint([{ status: 200, body: { access_token: 'at2' } }]);
    const tokens = await refreshAccessToken({ tokenUrl: TOKEN_URL, clientId: 'cid', refreshToken: 'rt', fetchToken: endpoint.fetchToken });
    expect(endpoint.calls[0]?.form).toEqual({ grant_type: 'refresh_token', refresh_token: 'rt', client_id: 'cid' });
    expect(tokens.refreshToken).toBeUndefined();
  });

  it('marks a refused refresh token as needing re-authorisation, without echoing it', async () => {
    const endpoint = fakeTokenEndpoint([{ status: 400, body: { error: 'invalid_grant', error_description: `token ${CANARY} revoked` } }]);
    const error = await expectFailureWithoutCanary(() => refreshAccessToken({ tokenUrl: TOKEN_URL, clientId: 'cid', refreshToken: CANARY, fetchToken: endpoint.fetchToken }));
    expect(error.message).toMatch(/^Refresh token was refused \(invalid_grant\)/);
    expect(isAuthError(error) && error.reauthRequired).toBe(true);
  });
});
