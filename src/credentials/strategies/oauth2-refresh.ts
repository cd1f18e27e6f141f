import { secretForms } from './redact.js';
import { requestToken } from './token-request.js';
import type { TokenEndpointOptions } from './oauth2-authcode.js';
import type { TokenSet } from './token-response.js';

export interface RefreshTokenOptions extends TokenEndpointOptions {
  refreshToken: string;
  /** @default the scopes originally granted */
  scope?: string;
}

/**
 * One refresh round trip (RFC 6749 §6). Storing a rotated refresh token and the cross-process
 * single-flight lease belong to the credential store; this is only the request. When the
 * response has no `refreshToken`, the old one stays valid.
 */
export function refreshAccessToken(options: RefreshTokenOptions): Promise<TokenSet> {
  const form = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: options.refreshToken });
  if (options.scope) form.set('scope', options.scope);
  return requestToken({
    purpose: 'Token refresh',
    tokenUrl: options.tokenUrl,
    form,
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    clientAuth: options.clientAuth,
    fetchToken: options.fetchToken,
    now: options.now,
    secrets: secretForms(options.refreshToken, options.clientSecret),
    invalidGrantMessage:
      'Refresh token was refused (invalid_grant): it was revoked, expired or already rotated; the connection needs to be authorised again',
  });
}
